import type { ThreatModel } from '../../model/comparison.js';
import { CONTENT_WIDTH, columnWidths, TEXT } from '../geometry.js';
import {
  BADGE_HEIGHT,
  type PlanContext,
  type PlanPage,
  type PlanSlide,
  rowHeight,
  slide,
  tablePages,
} from '../pages.js';
import { type BadgeView, type MarkdownText, ratingBadge } from '../text.js';
import { type ExtrasView, itemExtras, standardText } from './extras.js';
import { cellHeights, headerHeight, systemColumnPages } from './table.js';

const standardsLine = (threat: ThreatModel) => threat.standards.map(standardText).join('; ');

const threatTitle = (threat: ThreatModel) => `${threat.key} · ${threat.title}`;

/** One row per threat, one column per system: the rating of each. */
export function threatOverview(ctx: PlanContext): PlanPage[] {
  const h = cellHeights(ctx);
  return systemColumnPages(ctx, {
    kind: 'threat-overview',
    partial: 'threat-overview',
    title: 'Threat model',
    leadHeader: 'Threat',
    items: ctx.comparison.threats,
    systems: ctx.comparison.systems,
    lead: (threat, width) => ({
      view: {
        href: `#/threat-${threat.id}`,
        title: ctx.text.inline(threatTitle(threat)),
        standards: threat.standards.map((s) => `${s.framework} ${s.id}`).join(', '),
      },
      height:
        h.line(ctx.text.plain(threatTitle(threat)), width, 'bold') +
        h.sub(threat.standards.map((s) => `${s.framework} ${s.id}`).join(', '), width),
    }),
    cell: (threat, index, width) => {
      const a = threat.assessments[index];
      return {
        view: { badge: ratingBadge(a?.rating), status: a?.statusLabel },
        height: BADGE_HEIGHT + h.sub(a?.statusLabel, width),
      };
    },
  });
}

interface AssessmentRow {
  readonly system: MarkdownText;
  readonly text: MarkdownText | undefined;
  readonly justification: MarkdownText | undefined;
  readonly badge: BadgeView;
  readonly factors: string | undefined;
  readonly status: string | undefined;
  readonly extras: ExtrasView | undefined;
}

/** A threat: what it is, its standards mappings, and how it applies to each system. */
export function threatSlide(ctx: PlanContext, threat: ThreatModel): PlanSlide {
  const h = cellHeights(ctx);
  // A column no row fills is left out: its room goes to the assessment text.
  const status = threat.assessments.some((a) => a.statusLabel !== undefined);
  const kind = status ? 'assessments' : 'assessments-no-status';
  const widths = columnWidths(kind);
  const [wSystem = 0, wText = 0, wRisk = 0, wStatus = 0] = widths;
  const labels = ['System', 'Assessment', 'Risk', ...(status ? ['Status'] : [])];
  const description = threat.description;
  const standards = standardsLine(threat);
  const gap = TEXT.blockGap * TEXT.small.size;
  const extras = itemExtras(ctx, threat);
  const intro =
    (extras.plain === '' ? 0 : ctx.estimate.text(extras.plain, CONTENT_WIDTH, TEXT.small) + gap) +
    (description === undefined
      ? 0
      : ctx.estimate.blocks(ctx.text.tokens(description), CONTENT_WIDTH, TEXT.small) + gap) +
    (standards === '' ? 0 : ctx.estimate.text(standards, CONTENT_WIDTH, TEXT.small) + gap);
  const rows = threat.assessments.map((a) => {
    const factors = a.rating ? `Likelihood ${a.rating.likelihood} × impact ${a.rating.impact}` : undefined;
    const why = a.justification === undefined ? undefined : `Why: ${a.justification}`;
    const sources = itemExtras(ctx, { sources: a.sources });
    return {
      path: ['threats', threat.number - 1, 'assessments', a.system.id],
      view: {
        system: ctx.text.inline(a.system.name),
        text: a.text === undefined ? undefined : ctx.text.block(a.text),
        justification: why === undefined ? undefined : ctx.text.block(why),
        badge: ratingBadge(a.rating),
        factors,
        status: a.statusLabel,
        extras: sources.view,
      } satisfies AssessmentRow,
      height: rowHeight(
        h.line(ctx.text.plain(a.system.name), wSystem, 'bold'),
        h.markdown(a.text, wText) + (why === undefined ? 0 : h.markdown(why, wText) + 6) + h.sub(sources.plain, wText),
        BADGE_HEIGHT + h.sub(factors, wRisk),
        h.line(a.statusLabel ?? '', wStatus),
      ),
    };
  });
  const pages = tablePages(ctx, {
    partial: 'threat',
    title: threatTitle(threat),
    intro,
    header: headerHeight(ctx, labels, widths),
    rows,
    notes: [{ label: undefined, notes: threat.notes }],
    path: ['threats', threat.number - 1, ...(description === undefined ? [] : ['description'])],
    data: (pageRows, first) => ({
      description: first && description !== undefined ? ctx.text.block(description) : undefined,
      standards: first ? threat.standards : [],
      extras: first ? extras.view : undefined,
      rows: pageRows,
      kind,
      status,
    }),
  });
  return slide(`threat-${threat.id}`, pages);
}
