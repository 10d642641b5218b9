import type { ChangeSet } from '../../model/diff.js';
import { columnWidths } from '../geometry.js';
import { BADGE_HEIGHT, type PlanContext, type PlanPage, rowHeight, tablePages } from '../pages.js';
import { severityBadge } from '../text.js';
import { itemExtras } from './extras.js';
import { cellHeights, headerHeight, systemColumnPages } from './table.js';

const keyed = (threats: readonly { key: string; title: string }[]) =>
  threats.map((t) => `${t.key} ${t.title}`).join(', ');

/** Each system with what it is and the boundary it relies on. */
export function systemsTable(ctx: PlanContext): PlanPage[] {
  const h = cellHeights(ctx);
  const widths = columnWidths('systems');
  const [wName = 0, wDescription = 0, wIsolation = 0] = widths;
  const labels = ['System', 'What it is', 'Isolation boundary'];
  return tablePages(ctx, {
    partial: 'systems',
    title: 'Systems compared',
    header: headerHeight(ctx, labels, widths),
    rows: ctx.comparison.systems.map((s) => ({
      view: {
        name: ctx.text.inline(s.name),
        description: s.description === undefined ? undefined : ctx.text.block(s.description),
        isolation: s.isolation === undefined ? undefined : ctx.text.block(s.isolation),
      },
      height: rowHeight(
        h.line(ctx.text.plain(s.name), wName, 'bold'),
        h.markdown(s.description, wDescription),
        h.markdown(s.isolation, wIsolation),
      ),
      note: { label: s.name, notes: s.notes },
    })),
    data: (rows) => ({ rows }),
  });
}

/** Each defense mechanism: who uses it, what for, how well, against which threats. */
export function defensesTable(ctx: PlanContext): PlanPage[] {
  const h = cellHeights(ctx);
  // A column no row fills is left out: its room goes to the text beside it.
  const counters = ctx.comparison.defenses.some((d) => d.counters.length > 0);
  const kind = counters ? 'defenses' : 'defenses-no-counters';
  const widths = columnWidths(kind);
  const [wName = 0, wSystems = 0, wPurpose = 0, wEffect = 0, wCounters = 0] = widths;
  const labels = ['Defense', 'Used by', 'Purpose', 'Effectiveness', ...(counters ? ['Counters'] : [])];
  return tablePages(ctx, {
    partial: 'defenses',
    title: 'Defense mechanisms',
    header: headerHeight(ctx, labels, widths),
    rows: ctx.comparison.defenses.map((d) => ({
      view: {
        extras: itemExtras(ctx, d).view,
        name: ctx.text.inline(d.name),
        systems: d.systems.map((s) => ctx.text.inline(s.name)),
        purpose: ctx.text.block(d.purpose),
        effectiveness: ctx.text.block(d.effectiveness),
        counters: d.counters.map((t) => ({ key: t.key, title: ctx.text.inline(t.title), href: `#/threat-${t.id}` })),
      },
      height: rowHeight(
        h.line(ctx.text.plain(d.name), wName, 'bold'),
        d.systems.reduce((sum, s) => sum + h.line(ctx.text.plain(s.name), wSystems), 0),
        h.markdown(d.purpose, wPurpose),
        h.markdown(d.effectiveness, wEffect) + h.sub(itemExtras(ctx, d).plain, wEffect),
        d.counters.reduce((sum, t) => sum + h.line(`${t.key} ${ctx.text.plain(t.title)}`, wCounters), 0),
      ),
      note: { label: d.name, notes: d.notes },
    })),
    data: (rows) => ({ rows, kind, counters }),
  });
}

/** The comparison table: one row per dimension, one column per system. */
export function comparisonTable(ctx: PlanContext): PlanPage[] {
  const h = cellHeights(ctx);
  return systemColumnPages(ctx, {
    kind: 'comparison',
    partial: 'comparison',
    title: 'Comparison',
    leadHeader: 'Dimension',
    items: ctx.comparison.dimensions,
    systems: ctx.comparison.systems,
    lead: (d, width) => ({
      view: { name: ctx.text.inline(d.name), summary: d.summary === undefined ? undefined : ctx.text.block(d.summary) },
      height: h.line(ctx.text.plain(d.name), width, 'bold') + h.subMarkdown(d.summary, width),
    }),
    cell: (d, index, width) => {
      const v = d.values[index];
      const score = v?.score === undefined ? undefined : `Score ${v.score} of 5`;
      const sources = itemExtras(ctx, { sources: v?.sources ?? [] });
      return {
        view: { text: v?.text === undefined ? undefined : ctx.text.block(v.text), score, extras: sources.view },
        height: h.markdown(v?.text ?? '—', width) + h.sub(score, width) + h.sub(sources.plain, width),
      };
    },
    note: (d) => ({ label: d.name, notes: d.notes }),
  });
}

/** Potential defense against attacks: one row per attack, one column per system, severity in words. */
export function attacksTable(ctx: PlanContext): PlanPage[] {
  const h = cellHeights(ctx);
  return systemColumnPages(ctx, {
    kind: 'attacks',
    partial: 'attacks',
    title: 'Potential defense against attacks',
    leadHeader: 'Attack',
    items: ctx.comparison.attacks,
    systems: ctx.comparison.systems,
    lead: (a, width) => ({
      view: {
        name: ctx.text.inline(a.name),
        threats: a.threats.map((t) => ({ key: t.key, title: ctx.text.inline(t.title), href: `#/threat-${t.id}` })),
        extras: itemExtras(ctx, a).view,
      },
      height:
        h.line(ctx.text.plain(a.name), width, 'bold') +
        h.sub(ctx.text.plain(keyed(a.threats)), width) +
        h.sub(itemExtras(ctx, a).plain, width),
    }),
    cell: (a, index, width) => {
      const o = a.outcomes[index];
      const sources = itemExtras(ctx, { sources: o?.sources ?? [] });
      return {
        view: {
          badge: severityBadge(o?.severity),
          text: o?.text === undefined ? undefined : ctx.text.block(o.text),
          extras: sources.view,
        },
        height: BADGE_HEIGHT + h.markdown(o?.text, width) + h.sub(sources.plain, width),
      };
    },
    note: (a) => ({ label: a.name, notes: a.notes }),
  });
}

/** Which is better against what: the system named, or a tie. */
export function verdictsTable(ctx: PlanContext): PlanPage[] {
  const h = cellHeights(ctx);
  const widths = columnWidths('verdicts');
  const [wCategory = 0, wBetter = 0, wRationale = 0] = widths;
  const labels = ['Against', 'Better', 'Why'];
  return tablePages(ctx, {
    partial: 'verdicts',
    title: 'Which is better against what?',
    header: headerHeight(ctx, labels, widths),
    rows: ctx.comparison.verdicts.map((v) => {
      const refs = v.references.map((r) => `[${r.number}] ${ctx.text.plain(r.title)}`).join(', ');
      const ranking =
        v.ranking.length > 0 ? `Ranking: ${v.ranking.map((s) => ctx.text.plain(s.name)).join(' › ')}` : '';
      const caveat = itemExtras(ctx, { caveat: v.caveat });
      return {
        view: {
          category: ctx.text.inline(v.category),
          threats: v.threats.map((t) => ({ key: t.key, href: `#/threat-${t.id}` })),
          tie: v.tie,
          better: v.better.map((s) => ctx.text.inline(s.name)),
          rationale: ctx.text.block(v.rationale),
          references: v.references.map((r) => ({ id: r.id, number: r.number, title: ctx.text.inline(r.title) })),
          confidence: v.confidence?.label,
          ranking: v.ranking.map((s) => ctx.text.inline(s.name)),
          extras: caveat.view,
        },
        height: rowHeight(
          h.line(ctx.text.plain(v.category), wCategory, 'bold') +
            h.sub(v.threats.map((t) => t.key).join(', '), wCategory),
          (v.tie ? BADGE_HEIGHT : 0) +
            h.line(v.better.map((s) => ctx.text.plain(s.name)).join(', '), wBetter, 'bold') +
            h.sub(v.confidence?.label, wBetter) +
            h.sub(ranking, wBetter),
          h.markdown(v.rationale, wRationale) + h.sub(refs, wRationale) + h.sub(caveat.plain, wRationale),
        ),
        note: { label: v.category, notes: v.notes },
      };
    }),
    data: (rows) => ({ rows }),
  });
}

const CHANGE_LABELS = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const;

/** What changed since the version the review saw: one row per change, old → new. */
export function changesTable(ctx: PlanContext, changes: ChangeSet): PlanPage[] {
  const h = cellHeights(ctx);
  const widths = columnWidths('changes');
  const [wKind = 0, wSubject = 0, wBefore = 0, wAfter = 0] = widths;
  const labels = ['Change', 'What', 'Before', 'After'];
  return tablePages(ctx, {
    partial: 'changes',
    title: `Changes since version ${changes.fromVersion}`,
    header: headerHeight(ctx, labels, widths),
    rows: changes.changes.map((c) => ({
      view: {
        kind: c.kind,
        label: CHANGE_LABELS[c.kind],
        area: c.area,
        subject: ctx.text.inline(c.subject),
        before: c.before === undefined ? undefined : ctx.text.block(c.before),
        after: c.after === undefined ? undefined : ctx.text.block(c.after),
      },
      height: rowHeight(
        BADGE_HEIGHT + h.sub(c.area, wKind),
        h.line(ctx.text.plain(c.subject), wSubject, 'bold'),
        h.markdown(c.before, wBefore),
        h.markdown(c.after, wAfter),
      ),
      note: { label: c.subject, notes: undefined },
    })),
    data: (rows) => ({ rows }),
  });
}
