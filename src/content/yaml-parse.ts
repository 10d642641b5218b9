import { Composer, type Document, LineCounter, Parser, parseDocument, YAMLParseError } from 'yaml';
import { nestedPast } from './load-limits.js';

/**
 * YAML indents with spaces only. One tab in an indentation makes the parser lose its place and report a
 * dozen errors after it that are not there, hiding the real ones. So each tab is reported once, and the
 * rest of the file is read as if the tab were the spaces most likely meant, so later errors still show.
 */
export interface TabRepair {
  /** 0-based line index and column (1-based) of each tab in an indentation. */
  readonly tabs: readonly { line: number; column: number }[];
  /** The text with those indentations rewritten, one candidate per guess of what the tab meant. */
  readonly candidates: readonly string[];
}

const INDENT = /^[ \t]*/;

type Guess = (indent: string, previous: number) => number;

const expand =
  (stop: number): Guess =>
  (indent) => {
    let width = 0;
    for (const char of indent) width = char === '\t' ? (Math.floor(width / stop) + 1) * stop : width + 1;
    return width;
  };

/** Sibling of the line above, child of it, or tab stops of 8, 4 and 2. */
const GUESSES: readonly Guess[] = [
  (_, previous) => previous,
  (_, previous) => previous + 2,
  expand(8),
  expand(4),
  expand(2),
];

export function tabRepair(text: string): TabRepair {
  const lines = text.split('\n');
  const tabs: { line: number; column: number }[] = [];
  for (const [i, line] of lines.entries()) {
    const indent = INDENT.exec(line)?.[0] ?? '';
    const at = indent.indexOf('\t');
    if (at >= 0 && line.trim() !== '') tabs.push({ line: i, column: at + 1 });
  }
  const candidates = GUESSES.map((guess) => {
    const out = [...lines];
    let previous = 0;
    for (const [i, line] of lines.entries()) {
      if (line.trim() === '') continue;
      const indent = INDENT.exec(line)?.[0] ?? '';
      if (indent.includes('\t')) out[i] = ' '.repeat(guess(indent, previous)) + line.slice(indent.length);
      previous = (INDENT.exec(out[i] ?? '')?.[0] ?? '').length;
    }
    return out.join('\n');
  });
  return { tabs, candidates };
}

const OPTIONS = {
  uniqueKeys: true,
  merge: false,
  schema: 'core',
  strict: true,
  prettyErrors: false,
  keepSourceTokens: false,
  // The yaml library otherwise prints warnings (complex keys) to the process; they are reported as data.
  logLevel: 'error',
} as const;

export interface ParsedYaml {
  readonly doc: Document.Parsed;
  readonly lineCounter: LineCounter;
  /** The text the document was read from: the source, or its tab-repaired form. */
  readonly text: string;
  readonly tabs: TabRepair['tabs'];
  /** Where the text nests past `LOAD_LIMITS.maxDepth`, or -1; when it does, `doc` is empty, never built. */
  readonly tooDeep: number;
}

/** As yaml's `parseDocument`, with the syntax tree checked for nesting before the document is built from it. */
function parseOnce(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const tooDeep = nestedPast(tokens);
  if (tooDeep >= 0) return { doc: parseDocument('', OPTIONS), lineCounter, text, tabs: [], tooDeep };
  let doc: Document.Parsed | undefined;
  for (const next of new Composer({ ...OPTIONS, lineCounter }).compose(tokens, true, text.length)) {
    if (doc === undefined) doc = next;
    else {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  return { doc: doc ?? parseDocument('', OPTIONS), lineCounter, text, tabs: [], tooDeep };
}

/** Parses YAML; a tab in an indentation is reported once and the rest read with the best guess for it. */
export function parseYaml(text: string): ParsedYaml {
  const first = parseOnce(text);
  if (first.tooDeep >= 0 || !first.doc.errors.some((e) => e.code === 'TAB_AS_INDENT')) return first;
  const { tabs, candidates } = tabRepair(text);
  let best: ParsedYaml | undefined;
  for (const candidate of candidates) {
    const parsed = parseOnce(candidate);
    if (!best || parsed.doc.errors.length < best.doc.errors.length) best = parsed;
    if (parsed.doc.errors.length === 0) break;
  }
  return { ...(best ?? first), tabs };
}
