import type { TableKind } from '../../../plan/geometry.js';
import type { PageEnv, PageRenderer } from '../env.js';
import type { PlanText } from '../rich.js';
import { addTable, type Cell } from '../table.js';
import { xmlSafe } from '../units.js';
import { type Badge, type Extras, fractions, header, none, sub, threatLinks } from './cells.js';

interface SystemColumns<L, C> {
  leadHeader: string;
  systems: PlanText[];
  rows: { lead: L; cells: C[] }[];
}

/** A table with a column per system: the lead cell and each system's cell drawn by the page's kind. */
function systemColumns<L, C>(kind: TableKind, lead: (l: L, env: PageEnv) => Cell, cell: (c: C, env: PageEnv) => Cell) {
  return ((page, env) => {
    const data = page.data as SystemColumns<L, C>;
    addTable(
      env.slide,
      {
        columns: fractions(kind, data.systems.length),
        header: header(env, [data.leadHeader, ...data.systems]),
        rows: data.rows.map((r) => [lead(r.lead, env), ...r.cells.map((c) => cell(c, env))]),
        rowHeaders: true,
      },
      env.top,
      env.fonts,
    );
  }) satisfies PageRenderer;
}

export const threatOverview = systemColumns<
  { href: string; title: PlanText; standards: string },
  { badge: Badge; status: string | undefined }
>(
  'threat-overview',
  (l, env) => {
    const slide = env.rich.targets.anchor(l.href.replace(/^#\//, ''));
    return [
      ...env.cells.line(env.rich.runs(l.title, slide === undefined ? {} : { link: { slide } })),
      ...env.cells.sub(l.standards ? [{ text: xmlSafe(l.standards) }] : []),
    ];
  },
  (c, env) => [...env.cells.badge(c.badge), ...env.cells.sub(c.status ? [{ text: xmlSafe(c.status) }] : [])],
);

export const comparison = systemColumns<
  { name: PlanText; summary: PlanText },
  { text: PlanText; score: string | undefined; extras: Extras }
>(
  'comparison',
  (l, env) => [
    ...env.cells.line(env.rich.runs(l.name)),
    ...env.rich.paragraphs(l.summary).flatMap((p) => env.cells.sub(p.runs)),
  ],
  (c, env) => [
    ...(c.text === undefined ? none(env, '—') : env.cells.text(c.text)),
    ...env.cells.sub(c.score ? [{ text: c.score }] : []),
    ...sub(env, c.extras),
  ],
);

export const facts = systemColumns<{ label: PlanText }, { value: PlanText }>(
  'comparison',
  (l, env) => env.cells.line(env.rich.runs(l.label)),
  (c, env) => (c.value === undefined ? none(env, '—') : env.cells.text(c.value)),
);

export const attacks = systemColumns<
  { name: PlanText; threats: { key: string; title: PlanText; href: string }[]; extras: Extras },
  { badge: Badge; text: PlanText; extras: Extras }
>(
  'attacks',
  (l, env) => [
    ...env.cells.line(env.rich.runs(l.name)),
    ...env.cells.sub(l.threats.length > 0 ? [{ text: 'Realises ' }, ...threatLinks(env, l.threats)] : []),
    ...sub(env, l.extras),
  ],
  (c, env) => [...env.cells.badge(c.badge), ...env.cells.text(c.text), ...sub(env, c.extras)],
);
