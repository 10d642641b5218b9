import { COLUMNS, type TableKind } from '../../../plan/geometry.js';
import type { PageEnv } from '../env.js';
import type { PlanText } from '../rich.js';
import type { Paragraph, Run } from '../runs.js';
import type { Cell } from '../table.js';
import { THEME, xmlSafe } from '../units.js';

export type Badge = { level: string; label: string };
export type Extras =
  | {
      cves: readonly { id: string; url: string }[];
      sources: readonly { id: string; number: number }[];
      caveat: PlanText;
    }
  | undefined;

/** The fractions of a table's width its columns take, as the deck's CSS sets them. */
export function fractions(kind: TableKind, systems = 0): number[] {
  const spec: { fixed?: readonly number[]; lead?: number } = COLUMNS[kind];
  if (spec.fixed) return [...spec.fixed];
  const lead = spec.lead ?? 0;
  return [lead, ...Array.from({ length: systems }, () => (1 - lead) / systems)];
}

export const header = (env: PageEnv, labels: readonly PlanText[]): Cell[] =>
  labels.map((l) => env.cells.line(env.rich.runs(l)));

/** An item's CVEs (linked), sources (linked to the references) and caveat, as the deck's `extras` line. */
export function extrasRuns(env: PageEnv, extras: Extras): Run[] {
  if (extras === undefined) return [];
  const runs: Run[] = [];
  if (extras.cves.length > 0) {
    runs.push({ text: 'CVE ' });
    extras.cves.forEach((c, i) => {
      runs.push({ text: xmlSafe(c.id), link: { url: xmlSafe(c.url) } });
      if (i < extras.cves.length - 1) runs.push({ text: ', ' });
    });
  }
  if (extras.sources.length > 0) {
    runs.push({ text: `${runs.length > 0 ? ' ' : ''}Sources ` });
    extras.sources.forEach((s, i) => {
      const slide = env.rich.targets.reference(s.id);
      runs.push({ text: `[${s.number}]`, ...(slide === undefined ? {} : { link: { slide } }) });
      if (i < extras.sources.length - 1) runs.push({ text: ' ' });
    });
  }
  if (extras.caveat !== undefined) {
    runs.push({ text: `${runs.length > 0 ? ' ' : ''}Caveat: `, bold: true }, ...env.rich.runs(extras.caveat));
  }
  return runs;
}

export const sub = (env: PageEnv, extras: Extras) => env.cells.sub(extrasRuns(env, extras));

export const none = (env: PageEnv, text: string): Paragraph[] => env.cells.line([{ text, color: THEME.muted }]);

export const threatLinks = (env: PageEnv, threats: readonly { key: string; title: PlanText; href: string }[]): Run[] =>
  threats.flatMap((t, i) => {
    const slide = env.rich.targets.anchor(t.href.replace(/^#\//, ''));
    return [
      { text: xmlSafe(t.key), ...(slide === undefined ? {} : { link: { slide } }) },
      { text: ' ' },
      ...env.rich.runs(t.title),
      ...(i < threats.length - 1 ? [{ text: ', ' }] : []),
    ];
  });
