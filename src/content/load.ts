import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { ContentIssue } from '../errors.js';
import { COUNT_LIMITS, countProblems } from './count-limits.js';
import { LOAD_LIMITS, tooManyCollections } from './load-limits.js';
import { formatPath } from './path.js';
import { aliasProblems, keyProblems, syntaxProblems } from './yaml-checks.js';
import { parseYaml } from './yaml-parse.js';

/** A content file as read from disk: its path (for messages) and its text. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

/** A narrative section of the Markdown body: a `##` heading and what follows it. */
export interface NarrativeSection {
  readonly title: string;
  readonly markdown: string;
}

/** A narrative section with the file line its Markdown starts on, for messages. */
export interface LocatedSection extends NarrativeSection {
  readonly line: number;
}

export type PathSegment = string | number;

/** The parsed source: plain data plus a way back from a field path to its place in the file. */
export interface LoadedSource {
  readonly file: string;
  readonly data: unknown;
  readonly body: readonly LocatedSection[];
  readonly issues: readonly ContentIssue[];
  locate(path: readonly PathSegment[], at?: 'key' | 'value'): { line: number; column: number };
  /** The value at `path` as written in the file (`1.0`, not `1`), for messages. */
  written(path: readonly PathSegment[]): string | undefined;
  /**
   * When the key at `path` is the tail of an unquoted value cut at a comma inside `{ }`
   * (`{ outcome: Hits the Sentry, not the host kernel. }`), the key whose value was cut.
   */
  cutAtComma(path: readonly PathSegment[]): string | undefined;
}

export { LOAD_LIMITS } from './load-limits.js';

const FRONT_MATTER = /^---[ \t]*\r?\n/;
const FRONT_MATTER_END = /^(?:---|\.\.\.)[ \t]*$/m;

function splitFrontMatter(text: string): { yaml: string; yamlLine: number; body: string; bodyLine: number } | null {
  const open = FRONT_MATTER.exec(text);
  if (!open) return null;
  const rest = text.slice(open[0].length);
  const close = FRONT_MATTER_END.exec(rest);
  if (!close) return null;
  const yaml = rest.slice(0, close.index);
  const afterClose = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  const linesBefore = (s: string) => s.split('\n').length - 1;
  const bodyLine = 1 + linesBefore(text.slice(0, text.length - afterClose.length));
  return { yaml, yamlLine: 1, body: afterClose, bodyLine };
}

/**
 * The title of a `## ` heading line, without its closing `#`s. Written out, not as a regex: the regex it
 * replaces backtracked cubically on long runs of spaces (4,000 took 8 s).
 */
function headingTitle(line: string): string | undefined {
  if (!line.startsWith('##') || (line[2] !== ' ' && line[2] !== '\t')) return undefined;
  let title = line.slice(3).trim();
  let end = title.length;
  while (end > 0 && title[end - 1] === '#') end--;
  if (end === 0) title = '';
  else if (end < title.length && (title[end - 1] === ' ' || title[end - 1] === '\t'))
    title = title.slice(0, end).trimEnd();
  return title === '' ? undefined : title;
}

function splitSections(body: string, firstLine: number): LocatedSection[] {
  const sections: { title: string; lines: string[]; line: number }[] = [];
  let fence: string | null = null;
  for (const [i, line] of body.split(/\r?\n/).entries()) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fenceMatch?.[1]) {
      const marker = fenceMatch[1];
      if (fence === null) fence = marker;
      else if (marker.startsWith(fence)) fence = null;
    }
    const title = fence === null ? headingTitle(line) : undefined;
    if (title !== undefined) sections.push({ title, lines: [], line: firstLine + i + 1 });
    else if (sections.length > 0) sections.at(-1)?.lines.push(line);
    else if (line.trim() !== '') sections.push({ title: 'Introduction', lines: [line], line: firstLine + i });
  }
  return sections
    .map((s) => {
      const leadingBlank = s.lines.findIndex((l) => l.trim() !== '');
      return {
        title: s.title,
        markdown: s.lines.join('\n').trim(),
        line: s.line + Math.max(0, leadingBlank),
      };
    })
    .filter((s) => s.markdown !== '' || s.title !== 'Introduction');
}

function nodeAt(root: unknown, path: readonly PathSegment[], at: 'key' | 'value'): Node | null {
  let node = root as Node | null;
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) return node;
      if (last && at === 'key') return pair.key as Node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) return node;
      node = item;
    } else {
      return node;
    }
  }
  return node;
}

/**
 * The text as every later step sees it: no BOM, and every line ending (CRLF, a lone CR) a LF, so that a
 * file saved with other line endings gives the same model and the same places.
 */
export function normalizeText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** What the file says at a path, beyond its value: see `LoadedSource.written` and `cutAtComma`. */
function fieldSource(root: unknown, text: string): Pick<LoadedSource, 'written' | 'cutAtComma'> {
  return {
    written(path) {
      const node = nodeAt(root, path, 'value');
      const range = isScalar(node) ? node.range : undefined;
      return range ? text.slice(range[0], range[1]).trim() : undefined;
    },
    cutAtComma(path) {
      const parent = nodeAt(root, path.slice(0, -1), 'value');
      if (!isMap(parent) || !parent.flow) return undefined;
      const index = parent.items.findIndex((p) => isScalar(p.key) && String(p.key.value) === String(path.at(-1)));
      const pair = parent.items[index];
      const before = parent.items[index - 1];
      if (!pair || pair.value !== null || !isScalar(pair.key) || pair.key.type !== 'PLAIN') return undefined;
      if (!before || !isScalar(before.value) || before.value.type !== 'PLAIN') return undefined;
      return String((before.key as { value?: unknown }).value);
    },
  };
}

/** A source that could not be read far enough to have data. */
function unread(file: string, body: LocatedSection[], issues: ContentIssue[]): LoadedSource {
  return {
    file,
    data: undefined,
    body,
    issues,
    locate: () => ({ line: 1, column: 1 }),
    written: () => undefined,
    cutAtComma: () => undefined,
  };
}

/**
 * What makes parsing itself too slow or too big (far too many collections, nesting thousands of levels
 * deep), found with linear scans before the parser sees the text; `undefined` when there is none.
 */
function issueAt(file: string, yamlText: string, lineOffset: number, offset: number, message: string): ContentIssue {
  const line = yamlText.slice(0, offset).split('\n').length + lineOffset;
  return { file, line, column: offset - yamlText.lastIndexOf('\n', offset - 1), path: '', message };
}

function refusedBeforeParsing(file: string, yamlText: string, lineOffset: number): ContentIssue | undefined {
  const crowded = tooManyCollections(yamlText);
  if (crowded < 0) return undefined;
  return {
    ...issueAt(
      file,
      yamlText,
      lineOffset,
      crowded,
      `the file has more than ${LOAD_LIMITS.maxCollections} list items and { } / [ ] collections; a comparison may have at most ${COUNT_LIMITS.threats} threats, split it into several comparisons`,
    ),
    column: 1,
  };
}

/** Reads a `.yaml`/`.yml` file or a `.md` file with YAML front matter; never throws on bad content. */
export function loadSource(source: SourceFile): LoadedSource {
  const issues: ContentIssue[] = [];
  const file = source.path;
  const text = normalizeText(source.text);
  const markdown = /\.(md|markdown)$/i.test(file);
  const parts = markdown ? splitFrontMatter(text) : null;
  if (markdown && !parts) {
    const message = 'a Markdown content file must start with YAML front matter between two "---" lines';
    return unread(file, [], [{ file, line: 1, column: 1, path: '', message }]);
  }
  const yamlText = parts?.yaml ?? text;
  const lineOffset = parts?.yamlLine ?? 0;
  const body = parts ? splitSections(parts.body, parts.bodyLine) : [];

  // Refused before the document is built: far too many collections (before parsing), or nesting too deep.
  const refusal = (issue: ContentIssue): LoadedSource => ({
    ...unread(file, body, [...issues, issue]),
    locate: () => ({ line: issue.line, column: issue.column }),
  });
  const crowded = refusedBeforeParsing(file, yamlText, lineOffset);
  if (crowded !== undefined) return refusal(crowded);
  const parsed = parseYaml(yamlText);
  if (parsed.tooDeep >= 0) {
    const message = `the YAML is nested too deeply to read (more than ${LOAD_LIMITS.maxDepth} levels); flatten it`;
    return refusal(issueAt(file, yamlText, lineOffset, parsed.tooDeep, message));
  }
  const { doc, lineCounter } = parsed;
  const position = (offset: number) => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  const push = (offset: number, message: string, path = '') =>
    issues.push({ file, ...position(offset), path, message });

  for (const tab of parsed.tabs) {
    issues.push({
      file,
      line: tab.line + 1 + lineOffset,
      column: tab.column,
      path: '',
      message: 'a tab in the indentation; YAML indents with spaces only, replace the tab with spaces',
    });
  }
  const aliases = aliasProblems(doc, LOAD_LIMITS.maxAliasCount);
  for (const problem of [...syntaxProblems(doc, parsed.text, yamlText), ...keyProblems(doc), ...aliases])
    push(problem.offset, problem.message);

  let data: unknown;
  const recoverable = doc.errors.every((e) => e.code === 'DUPLICATE_KEY') && aliases.length === 0;
  if (recoverable) {
    try {
      data = doc.toJS({ maxAliasCount: LOAD_LIMITS.maxAliasCount });
    } catch (error) {
      // aliasProblems counts as the yaml library does, so this is only a second wall.
      push(0, `${(error as Error).message}; use fewer aliases (at most ${LOAD_LIMITS.maxAliasCount})`);
    }
  }
  const locate = (path: readonly PathSegment[], at: 'key' | 'value' = 'value') => {
    const node = nodeAt(doc.contents, path, at);
    return position(node?.range?.[0] ?? 0);
  };
  const counts = data === undefined ? [] : countProblems(data, body);
  for (const problem of counts) {
    const at = problem.section ? { line: problem.section.line, column: 1 } : locate(problem.path);
    const path = problem.section ? `section "${problem.section.title}"` : formatPath(problem.path.slice(0, -1));
    issues.push({ file, ...at, path, message: problem.message });
  }
  // Over a count limit nothing more is checked: the count is the one thing to fix.
  return {
    file,
    data: counts.length > 0 ? undefined : data,
    body,
    issues,
    locate,
    ...fieldSource(doc.contents, parsed.text),
  };
}
