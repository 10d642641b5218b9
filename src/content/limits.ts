import type { ContentIssue, SourceLocation } from '../errors.js';
import type { LocatedSection, PathSegment } from './load.js';
import { formatPath } from './path.js';
import { forEachString } from './walk.js';

/**
 * Bounds on Markdown text that keep marked linear. Measured with marked 18 on Node 20 (2 cores):
 * 50,000 × `a_` in one paragraph takes 5.4 s and 50,000 × `[` 6 s (quadratic delimiter matching);
 * 2,000 × `a_` takes 21 ms. A list nested 10,000 deep exhausts a 4 GB heap, 300 deep takes 0.23 s,
 * 10,000 × `>` overflows the stack. Real prose stays far below these limits.
 */
export const MARKDOWN_LIMITS = {
  fieldChars: 20_000,
  sectionChars: 200_000,
  delimitersPerParagraph: 2_000,
  nestingPrefixChars: 64,
  /**
   * Words in one paragraph or between two blank lines (code included). pdfmake lays out one text in time
   * quadratic in its words: 30,000 words take 17 s, 5,000 about 0.5 s. A long paragraph is 300.
   */
  wordsPerParagraph: 5_000,
} as const;

type Locate = (path: readonly PathSegment[]) => SourceLocation;

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /[\u200b-\u200f\u2060-\u2064\ufeff\u00ad]/;
const URL_IN_MARKDOWN = /\]\(\s*<?([^)\s>]*)|<((?:https?|mailto):[^>]*)>|\b((?:https?:\/\/|www\.)\S+)/g;
const DELIMITERS = /[*_[\]~`<!]/g;
const NESTING_PREFIX = /^(?:[ \t]|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))*/;

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Problems of one text: positions are offsets into it; the caller maps them to file places. */
function textProblems(text: string, markdown: boolean, limit: number): { offset: number; message: string }[] {
  const problems: { offset: number; message: string }[] = [];
  const control = CONTROL.exec(text);
  if (control) {
    problems.push({
      offset: control.index,
      message: `contains the control character ${codePoint(control[0])}; remove it`,
    });
  }
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) {
    problems.push({
      offset: bidi.index,
      message: `contains the bidirectional control ${codePoint(bidi[0])}, which can make text read differently from what it is; remove it`,
    });
  }
  if (!markdown) return problems;
  if (text.length > limit) {
    problems.push({ offset: 0, message: `is ${text.length} characters long; the limit is ${limit}, split it up` });
    return problems;
  }
  for (const match of text.matchAll(URL_IN_MARKDOWN)) {
    const url = match[1] ?? match[2] ?? match[3] ?? '';
    const hidden = INVISIBLE.exec(url);
    if (hidden) {
      problems.push({
        offset: match.index ?? 0,
        message: `has a link whose URL contains the invisible character ${codePoint(hidden[0])}; retype the URL`,
      });
    }
  }
  let offset = 0;
  let inFence = false;
  let delimiters = 0;
  let paragraphStart = 0;
  let words = 0;
  let wordsStart = 0;
  for (const line of text.split('\n')) {
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    if (!inFence) {
      const prefix = NESTING_PREFIX.exec(line)?.[0] ?? '';
      if (prefix.length > MARKDOWN_LIMITS.nestingPrefixChars) {
        problems.push({
          offset,
          message: `nests lists or quotes deeper than riskdeck allows (${MARKDOWN_LIMITS.nestingPrefixChars} characters of indentation and markers); flatten it`,
        });
        break;
      }
      if (line.trim() === '') {
        delimiters = 0;
        paragraphStart = offset;
      } else {
        delimiters += line.match(DELIMITERS)?.length ?? 0;
        if (delimiters > MARKDOWN_LIMITS.delimitersPerParagraph) {
          problems.push({
            offset: paragraphStart,
            message: `has a paragraph with more than ${MARKDOWN_LIMITS.delimitersPerParagraph} Markdown markers (* _ [ ] ~ \` < !); split it or put it in a code block`,
          });
          break;
        }
      }
    }
    if (words === 0) wordsStart = offset;
    words = line.trim() === '' ? 0 : words + (line.match(/\S+/g)?.length ?? 0);
    if (words > MARKDOWN_LIMITS.wordsPerParagraph) {
      problems.push({
        offset: wordsStart,
        message: `has more than ${MARKDOWN_LIMITS.wordsPerParagraph} words without a blank line; split it into paragraphs`,
      });
      break;
    }
    offset += line.length + 1;
  }
  return problems;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Checks every text of a content file against the limits above and for hidden characters. */
export function checkTextLimits(
  data: unknown,
  body: readonly LocatedSection[],
  file: string,
  locate: Locate,
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  forEachString(data, (value, path) => {
    const key = path.at(-1);
    const markdown = !(key === 'id' || key === 'url' || key === 'date' || key === 'version' || key === '$schema');
    for (const problem of textProblems(value, markdown, MARKDOWN_LIMITS.fieldChars)) {
      issues.push({ ...locate(path), path: formatPath(path), message: problem.message });
    }
  });
  for (const section of body) {
    for (const problem of textProblems(section.markdown, true, MARKDOWN_LIMITS.sectionChars)) {
      const at = lineColumn(section.markdown, problem.offset);
      issues.push({
        file,
        line: section.line + at.line,
        column: at.column,
        path: `section "${section.title}"`,
        message: problem.message,
      });
    }
  }
  return issues;
}
