import type { CveModel, ReferenceModel, StandardModel } from '../../model/comparison.js';
import { columnWidths } from '../geometry.js';
import { type PlanContext, type PlanPage, rowHeight, tablePages } from '../pages.js';
import type { MarkdownText } from '../text.js';
import { cellHeights, headerHeight, systemColumnPages } from './table.js';

/** What the `extras` partial draws under an item: its CVEs (linked), sources (linked "[n]") and caveat. */
export interface ExtrasView {
  readonly cves: readonly CveModel[];
  readonly sources: readonly { id: string; number: number }[];
  readonly caveat: MarkdownText | undefined;
}

interface WithExtras {
  readonly cves?: readonly CveModel[];
  readonly sources?: readonly ReferenceModel[];
  readonly caveat?: string | undefined;
}

/** An item's extras and the plain text that measures them (empty when there are none). */
export function itemExtras(ctx: PlanContext, item: WithExtras): { view: ExtrasView | undefined; plain: string } {
  const cves = item.cves ?? [];
  const sources = (item.sources ?? []).map((s) => ({ id: s.id, number: s.number }));
  if (cves.length === 0 && sources.length === 0 && item.caveat === undefined) return { view: undefined, plain: '' };
  const plain = [
    cves.length > 0 ? `CVE ${cves.map((c) => c.id).join(', ')}` : '',
    sources.length > 0 ? `Sources ${sources.map((s) => `[${s.number}]`).join(' ')}` : '',
    item.caveat === undefined ? '' : `Caveat: ${ctx.text.plain(item.caveat)}`,
  ]
    .filter((part) => part !== '')
    .join(' · ');
  const caveat = item.caveat === undefined ? undefined : ctx.text.inline(item.caveat);
  return { view: { cves, sources, caveat }, plain };
}

/** A standards mapping as the deck prints it: the official name beside the id, and its tactics. */
export function standardText(s: StandardModel): string {
  const name = s.officialName ?? s.name;
  const tactics = s.tactics.length > 0 ? ` (${s.tactics.join(', ')})` : '';
  return `${s.framework} ${s.id}${name ? ` ${name}` : ''}${tactics}${s.ourAssessment ? ' (our assessment)' : ''}`;
}

/** Key facts: one row per fact label, one column per system (headed by short names). */
export function factsPages(ctx: PlanContext): PlanPage[] {
  const h = cellHeights(ctx);
  const { systems, facts } = ctx.comparison;
  if (facts.length === 0) return [];
  return systemColumnPages(ctx, {
    kind: 'comparison',
    partial: 'facts',
    title: 'Key facts',
    leadHeader: 'Fact',
    items: facts,
    systems: systems.map((s) => ({ id: s.id, name: s.shortName })),
    lead: (f, width) => ({ view: { label: ctx.text.inline(f.label) }, height: h.line(f.label, width, 'bold') }),
    cell: (f, index, width) => {
      const value = f.values[index]?.value;
      return {
        view: { value: value === undefined ? undefined : ctx.text.block(value) },
        height: h.markdown(value ?? '—', width),
      };
    },
  });
}

/** The rating scales: one row per level, a column per scale, each level's label and definition. */
export function scalesPages(ctx: PlanContext): PlanPage[] {
  const scales = ctx.comparison.scales;
  if (scales === undefined) return [];
  const h = cellHeights(ctx);
  const widths = columnWidths('scales');
  const labels = ['Level', 'Likelihood', 'Impact', 'Dimension score'];
  const at = (list: readonly { level: number; label: string; definition: string }[], level: number) =>
    list.find((l) => l.level === level);
  const rows = [5, 4, 3, 2, 1].map((level) => {
    const cells = [scales.likelihood, scales.impact, scales.score].map((list) => at(list, level));
    return {
      view: {
        level,
        cells: cells.map((c) =>
          c === undefined ? undefined : { label: ctx.text.inline(c.label), definition: ctx.text.block(c.definition) },
        ),
      },
      height: rowHeight(
        h.line(String(level), widths[0] ?? 0, 'bold'),
        ...cells.map((c, i) =>
          c === undefined
            ? 0
            : h.line(c.label, widths[i + 1] ?? 0, 'bold') + h.markdown(c.definition, widths[i + 1] ?? 0),
        ),
      ),
    };
  });
  return tablePages(ctx, {
    partial: 'scales',
    title: 'Rating scales',
    caption: scales.preset,
    header: headerHeight(ctx, labels, widths),
    rows,
    data: (pageRows) => ({ rows: pageRows }),
  });
}

/** Every CVE named, linked to its record, with the threats, attacks and steps that name it. */
export function cvePages(ctx: PlanContext): PlanPage[] {
  const h = cellHeights(ctx);
  const widths = columnWidths('cves');
  const [wId = 0, wUses = 0] = widths;
  if (ctx.comparison.cves.length === 0) return [];
  return tablePages(ctx, {
    partial: 'cves',
    title: 'CVE index',
    header: headerHeight(ctx, ['CVE', 'Named in'], widths),
    rows: ctx.comparison.cves.map((c) => {
      const uses = c.usedBy.map((u) => `${u.kind}: ${ctx.text.plain(u.title)}`);
      return {
        view: { id: c.id, url: c.url, uses: c.usedBy.map((u) => ({ kind: u.kind, title: ctx.text.inline(u.title) })) },
        height: rowHeight(
          h.line(c.id, wId, 'bold'),
          uses.reduce((sum, u) => sum + h.line(u, wUses), 0),
        ),
      };
    }),
    data: (rows) => ({ rows }),
  });
}
