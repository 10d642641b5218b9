import { TABLE, type TableKind } from '../../../plan/geometry.js';
import type { PageEnv, PageRenderer } from '../env.js';
import type { PlanText } from '../rich.js';
import { addTable, type Cell } from '../table.js';
import { THEME, xmlSafe } from '../units.js';
import { type Badge, type Extras, fractions, header, none, sub, threatLinks } from './cells.js';
import { drawIntro } from './text.js';

/** A table with fixed columns: header labels, and each row's cells drawn by the page's kind. */
function fixedTable<R>(
  kind: (data: never) => TableKind,
  labels: (data: never) => string[],
  row: (r: R, env: PageEnv, data: never) => Cell[],
) {
  return ((page, env) => {
    const data = page.data as never as { rows: R[]; intro?: PlanText; description?: PlanText };
    addTable(
      env.slide,
      {
        columns: fractions(kind(data as never)),
        header: header(env, labels(data as never)),
        rows: data.rows.map((r) => row(r, env, data as never)),
        rowHeaders: true,
      },
      env.top,
      env.fonts,
    );
  }) satisfies PageRenderer;
}

export const systems = fixedTable<{ name: PlanText; description: PlanText; isolation: PlanText }>(
  () => 'systems',
  () => ['System', 'What it is', 'Isolation boundary'],
  (r, env) => [env.cells.line(env.rich.runs(r.name)), env.cells.text(r.description), env.cells.text(r.isolation)],
);

export const defenses = fixedTable<{
  extras: Extras;
  name: PlanText;
  systems: PlanText[];
  purpose: PlanText;
  effectiveness: PlanText;
  counters: { key: string; title: PlanText; href: string }[];
}>(
  (d: { kind: TableKind }) => d.kind,
  (d: { counters: boolean }) => ['Defense', 'Used by', 'Purpose', 'Effectiveness', ...(d.counters ? ['Counters'] : [])],
  (r, env, d: { counters: boolean }) => [
    env.cells.line(env.rich.runs(r.name)),
    r.systems.flatMap((s) => env.cells.line(env.rich.runs(s))),
    env.cells.text(r.purpose),
    [...env.cells.text(r.effectiveness), ...sub(env, r.extras)],
    ...(d.counters ? [r.counters.flatMap((t) => env.cells.line(threatLinks(env, [t])))] : []),
  ],
);

export const verdicts = fixedTable<{
  category: PlanText;
  threats: { key: string; href: string }[];
  tie: boolean;
  better: PlanText[];
  rationale: PlanText;
  references: { id: string; number: number; title: PlanText }[];
  confidence: string | undefined;
  ranking: PlanText[];
  extras: Extras;
}>(
  () => 'verdicts',
  () => ['Against', 'Better', 'Why'],
  (r, env) => {
    const keys = r.threats.flatMap((t, i) => {
      const slide = env.rich.targets.anchor(t.href.replace(/^#\//, ''));
      return [
        { text: xmlSafe(t.key), ...(slide === undefined ? {} : { link: { slide } }) },
        ...(i < r.threats.length - 1 ? [{ text: ', ' }] : []),
      ];
    });
    const join = (list: PlanText[], by: string) =>
      list.flatMap((v, i) => [...env.rich.runs(v), ...(i < list.length - 1 ? [{ text: by }] : [])]);
    const refs = r.references.flatMap((ref, i) => {
      const slide = env.rich.targets.reference(ref.id);
      return [
        { text: `[${ref.number}]`, ...(slide === undefined ? {} : { link: { slide } }) },
        { text: ' ' },
        ...env.rich.runs(ref.title),
        ...(i < r.references.length - 1 ? [{ text: '; ' }] : []),
      ];
    });
    return [
      [...env.cells.line(env.rich.runs(r.category)), ...env.cells.sub(keys)],
      [
        ...(r.tie ? env.cells.badge({ level: 'tie', label: 'Tie' }) : []),
        ...env.cells.line(join(r.better, ', ').map((run) => ({ ...run, bold: true }))),
        ...env.cells.sub(r.confidence ? [{ text: xmlSafe(r.confidence) }] : []),
        ...env.cells.sub(r.ranking.length > 0 ? [{ text: 'Ranking: ' }, ...join(r.ranking, ' › ')] : []),
      ],
      [
        ...env.cells.text(r.rationale),
        ...env.cells.sub(refs.length > 0 ? [{ text: 'See ' }, ...refs] : []),
        ...sub(env, r.extras),
      ],
    ];
  },
);

export const changes = fixedTable<{
  kind: string;
  label: string;
  area: string;
  subject: PlanText;
  before: PlanText;
  after: PlanText;
}>(
  () => 'changes',
  () => ['Change', 'What', 'Before', 'After'],
  (r, env) => [
    [...env.cells.badge({ level: r.kind, label: r.label }), ...env.cells.sub([{ text: xmlSafe(r.area) }])],
    env.cells.line(env.rich.runs(r.subject, { bold: true })),
    r.before === undefined ? none(env, '—') : env.cells.text(r.before),
    r.after === undefined ? none(env, '—') : env.cells.text(r.after),
  ],
);

export const scales = fixedTable<{ level: number; cells: ({ label: PlanText; definition: PlanText } | undefined)[] }>(
  () => 'scales',
  () => ['Level', 'Likelihood', 'Impact', 'Dimension score'],
  (r, env) => [
    env.cells.line([{ text: String(r.level) }]),
    ...r.cells.map((c) =>
      c === undefined
        ? none(env, '—')
        : [...env.cells.line(env.rich.runs(c.label, { bold: true })), ...env.cells.text(c.definition)],
    ),
  ],
);

export const cves = fixedTable<{ id: string; url: string; uses: { kind: string; title: PlanText }[] }>(
  () => 'cves',
  () => ['CVE', 'Named in'],
  (r, env) => [
    env.cells.line([{ text: xmlSafe(r.id), link: { url: xmlSafe(r.url) } }]),
    r.uses.flatMap((u) => env.cells.line([{ text: `${xmlSafe(u.kind)}: ` }, ...env.rich.runs(u.title)])),
  ],
);

/** How many threats each system has at each level, the levels' badges heading the columns. */
export const riskCounts: PageRenderer = (page, env) => {
  const data = page.data as {
    levels: (Badge & { range: string })[];
    rows: { system: PlanText; counts: number[]; unrated: number }[];
    intro: string | undefined;
  };
  const top = drawIntro(env, data.intro, env.top);
  const count = (n: number) =>
    env.cells.line([{ text: String(n) }], { look: { size: 24, lineHeight: TABLE.text.lineHeight } });
  addTable(
    env.slide,
    {
      columns: fractions('risk-counts'),
      header: [
        env.cells.line([{ text: 'System' }]),
        ...data.levels.map((l) => [...env.cells.badge(l), ...env.cells.sub([{ text: l.range, color: THEME.white }])]),
        env.cells.badge({ level: 'unrated', label: 'Not rated' }),
      ],
      rows: data.rows.map((r) => [env.cells.line(env.rich.runs(r.system)), ...r.counts.map(count), count(r.unrated)]),
      rowHeaders: true,
    },
    top,
    env.fonts,
  );
};
