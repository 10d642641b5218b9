// Structural types, not imports from load.ts, which calls this module (no import circle).
type PathSegment = string | number;
interface LocatedSection {
  readonly title: string;
  readonly markdown: string;
  readonly line: number;
}

/**
 * How many of each thing one comparison may have. Checked right after the YAML is read, before anything
 * is validated or rendered, so that a file with 20,000 threats is refused in milliseconds instead of
 * building for minutes. Generous for real reviews (a large one has 8 systems and 100 threats); the
 * synthetic 8 systems × 1,000 threats of `npm run bench` stays within them.
 */
export const COUNT_LIMITS = {
  threats: 1_000,
  defenses: 1_000,
  dimensions: 1_000,
  attacks: 1_000,
  verdicts: 1_000,
  attackFlows: 100,
  references: 1_000,
  /** Any other list (authors, standards, a flow's steps…). */
  list: 1_000,
  /** `##` sections of the Markdown body: each becomes slides and a report section. */
  sections: 200,
  /** Cells of Markdown tables in all the text of a file (deck and report lay out each one). */
  tableCells: 20_000,
} as const;

export interface CountProblem {
  readonly path: readonly PathSegment[];
  /** For the body: the section to point at. */
  readonly section?: LocatedSection;
  readonly message: string;
}

const TOP_LEVEL = ['threats', 'defenses', 'dimensions', 'attacks', 'verdicts', 'attackFlows', 'references'] as const;

const TABLE_ROW = /^[ \t]*\|.*\|[ \t]*$/;

function tableCells(text: string): number {
  if (!text.includes('|')) return 0;
  let cells = 0;
  for (const line of text.split('\n')) if (TABLE_ROW.test(line)) cells += line.split('|').length - 2;
  return cells;
}

/** Every count over its limit, with the path of the first item past it. */
export function countProblems(data: unknown, body: readonly LocatedSection[]): CountProblem[] {
  const problems: CountProblem[] = [];
  const top = (data ?? {}) as Record<string, unknown>;
  const checked = new Set<unknown>();
  for (const key of TOP_LEVEL) {
    const list = top[key];
    checked.add(list);
    if (Array.isArray(list) && list.length > COUNT_LIMITS[key]) {
      problems.push({
        path: [key, COUNT_LIMITS[key]],
        message: `has ${list.length} items; a comparison may have at most ${COUNT_LIMITS[key]} ${key}, split it into several comparisons`,
      });
    }
  }
  let cells = 0;
  let cellsAt: readonly PathSegment[] | undefined;
  const walk = (value: unknown, path: PathSegment[]) => {
    if (typeof value === 'string') {
      cells += tableCells(value);
      if (cells > COUNT_LIMITS.tableCells && !cellsAt) cellsAt = path;
    } else if (Array.isArray(value)) {
      if (!checked.has(value) && value.length > COUNT_LIMITS.list) {
        problems.push({
          path: [...path, COUNT_LIMITS.list],
          message: `has ${value.length} items; a list may have at most ${COUNT_LIMITS.list}`,
        });
        return;
      }
      for (const [i, item] of value.entries()) walk(item, [...path, i]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(data, []);
  const pastLimit = body[COUNT_LIMITS.sections];
  if (pastLimit) {
    problems.push({
      path: [],
      section: pastLimit,
      message: `the Markdown body has ${body.length} sections; the limit is ${COUNT_LIMITS.sections}, merge some of them`,
    });
  }
  for (const section of body) {
    cells += tableCells(section.markdown);
    if (cells > COUNT_LIMITS.tableCells && !cellsAt) {
      problems.push({ path: [], section, message: tableMessage() });
      return problems;
    }
  }
  if (cellsAt) problems.push({ path: cellsAt, message: tableMessage() });
  return problems;
}

const tableMessage = () =>
  `the Markdown tables of this file have more than ${COUNT_LIMITS.tableCells} cells in all; split the tables or the comparison`;
