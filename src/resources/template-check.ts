import { relative } from 'node:path';
import Handlebars from 'handlebars';
import { closest } from '../content/suggest.js';
import { RiskdeckError } from '../errors.js';

/** Helpers a template may call: Handlebars' own and the deck's (`outputs/deck/environment.ts`). */
const HELPERS = new Set(['if', 'unless', 'each', 'with', 'lookup', 'log', 'join']);

/** A place in an override, as the user names it: `my-templates/deck/partials/title.hbs:2:9`. */
function where(file: string, line: number, column: number): string {
  return `${relative(process.cwd(), file) || file}:${line}:${column}`;
}

function invalid(message: string): RiskdeckError {
  return new RiskdeckError('USAGE', message);
}

/** An override whose name riskdeck does not use is refused with the names it does use: a typo is not ignored. */
export function checkOverrideName(dir: string, name: string, builtin: Iterable<string>): void {
  const names = [...builtin];
  if (names.includes(name)) return;
  const near = closest(name, names);
  const hint = near === undefined ? '' : ` (did you mean ${near}?)`;
  const folder = name.split('/').slice(0, -1).join('/');
  const siblings = names.filter((n) => n.startsWith(`${folder}/`) && !n.slice(folder.length + 1).includes('/'));
  const list = siblings.length > 0 ? siblings.map((n) => n.slice(folder.length + 1)).join(', ') : names.join(', ');
  throw invalid(
    `${relative(process.cwd(), `${dir}/${name}`)}: riskdeck has no template of that name${hint}; ${folder || 'the folder'} can hold ${list}; other files (images) go in assets/`,
  );
}

/** Handlebars' parser with the error position kept (its default error has the line only, in prose). */
function parseOrThrow(file: string, source: string): hbs.AST.Program {
  Handlebars.parse(''); // sets up the parser's shared helpers, which the copy below inherits
  const shared = (Handlebars as unknown as { Parser: { yy: object } }).Parser;
  const parser = Object.create(shared) as { parse: (s: string) => hbs.AST.Program; yy: object };
  parser.yy = Object.create(shared.yy);
  (parser.yy as { parseError: unknown }).parseError = (message: string, hash: ParseHash) => {
    throw Object.assign(new Error(message), { hash });
  };
  try {
    parser.parse(source);
    return Handlebars.parse(source);
  } catch (error) {
    const { hash, lineNumber, column } = error as { hash?: ParseHash; lineNumber?: number; column?: number };
    if (hash?.loc !== undefined) {
      const got = hash.token === 'EOF' ? 'end of file' : `"${hash.text}"`;
      const at = where(file, hash.loc.last_line, hash.loc.last_column + 1);
      throw invalid(`${at}  template syntax error: unexpected ${got}; check the {{ }} there`);
    }
    const message = (error as Error).message.split('\n')[0]?.replace(/ - \d+:\d+$/, '') ?? '';
    throw invalid(`${where(file, lineNumber ?? 1, (column ?? 0) + 1)}  template syntax error: ${message}`);
  }
}

interface ParseHash {
  readonly text: string;
  readonly token: string;
  readonly loc?: { first_line: number; first_column: number; last_line: number; last_column: number };
}

/**
 * Checks an override template before anything renders with it: its syntax, and that every helper it calls
 * and every partial it includes exists, each reported at its line and column in the override's own file.
 */
export function checkOverrideTemplate(file: string, source: string, partials: ReadonlySet<string>): void {
  const ast = parseOrThrow(file, source);
  const problems: string[] = [];
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
      return;
    }
    const n = node as { type?: string; path?: hbs.AST.PathExpression; params?: unknown[]; hash?: unknown };
    const n2 = node as { name?: hbs.AST.PathExpression; loc?: hbs.AST.SourceLocation };
    const calls = n.type === 'BlockStatement' || n.type === 'SubExpression' || (n.params?.length ?? 0) > 0 || n.hash;
    if (calls && n.path?.type === 'PathExpression' && !HELPERS.has(n.path.original)) {
      const at = where(file, n.path.loc.start.line, n.path.loc.start.column + 1);
      problems.push(
        `${at}  unknown helper "${n.path.original}"${hint(n.path.original, HELPERS)}; helpers: ${[...HELPERS].join(', ')}`,
      );
    }
    if (n.type === 'PartialStatement' && n2.name?.type === 'PathExpression' && !partials.has(n2.name.original)) {
      const at = where(file, n2.name.loc.start.line, n2.name.loc.start.column + 1);
      problems.push(`${at}  unknown partial "${n2.name.original}"${hint(n2.name.original, partials)}`);
    }
    for (const value of Object.values(node)) if (typeof value === 'object') visit(value);
  };
  visit(ast.body);
  if (problems.length > 0) throw invalid(problems.join('\n'));
}

function hint(word: string, names: Iterable<string>): string {
  const near = closest(word, names);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}
