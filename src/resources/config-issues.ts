import { relative } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { z } from 'zod';
import { closest } from '../content/suggest.js';

/**
 * Config problems as users read content errors: `riskdeck.config.json:3:5  unknown key "outdir" (did you mean
 * "outDir"?)`, one line each, at the key or value in the file. A JSON file is also YAML, which keeps the places;
 * a .js/.mjs config has none, so its lines name the field only.
 */

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** `riskdeck.config.json:2:14  the file is not valid JSON: …`, from JSON.parse's "at position N". */
export function jsonSyntaxProblem(file: string, text: string, error: Error): string {
  const position = /position (\d+)/.exec(error.message)?.[1];
  const at = lineColumn(text, position === undefined ? text.length : Number(position));
  const what = error.message.replace(/ in JSON at position \d+.*$/s, '').replace(/^Unexpected/, 'unexpected');
  return `${shown(file)}:${at.line}:${at.column}  not valid JSON: ${what}; check the commas, quotes and braces there`;
}

function shown(file: string): string {
  return relative(process.cwd(), file) || file;
}

type Located = { range?: [number, number, number] | null | undefined };

/** The offset of the node at `path` (of the key itself when `key` is given), or of the deepest that exists. */
function locate(text: string, path: readonly PropertyKey[], key?: string): number {
  let node: unknown = parseDocument(text).contents;
  let offset = (node as Located | null)?.range?.[0] ?? 0;
  const parts = key === undefined ? path : [...path, key];
  for (const [i, part] of parts.entries()) {
    const item = isMap(node)
      ? node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(part))
      : isSeq(node)
        ? { key: node.items[Number(part)], value: node.items[Number(part)] }
        : undefined;
    if (item === undefined || item.key === undefined) break;
    const isKey = key !== undefined && i === parts.length - 1;
    offset = ((isKey ? item.key : (item.value ?? item.key)) as Located).range?.[0] ?? offset;
    node = item.value;
  }
  return offset;
}

/** One line per zod issue, at its place in `text` (JSON) when there is one. */
export function configProblems(
  file: string,
  text: string | undefined,
  issues: readonly z.core.$ZodIssue[],
  knownKeys: (path: readonly PropertyKey[]) => readonly string[],
): string[] {
  const where = (path: readonly PropertyKey[], key?: string) => {
    if (text === undefined) return `${shown(file)}:`;
    const at = lineColumn(text, locate(text, path, key));
    return `${shown(file)}:${at.line}:${at.column} `;
  };
  return issues.flatMap((issue) => {
    const field = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(issue.path);
      return issue.keys.map((key) => {
        const near = closest(key, known);
        const hint = near === undefined ? `; known: ${known.join(', ')}` : ` (did you mean "${near}"?)`;
        return `${where(issue.path, key)} ${field ? `${field}: ` : ''}unknown key "${key}"${hint}`;
      });
    }
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    const message = missing ? 'is missing' : issue.message.replace(/^Invalid input: /, '');
    const parent = missing ? issue.path.slice(0, -1) : issue.path;
    return [`${where(parent)} ${field || '(the config)'}: ${message}`];
  });
}
