import type { Content } from 'pdfmake/interfaces.js';
import type { StandardModel } from '../../model/comparison.js';
import { TEXT } from '../../plan/geometry.js';
import type { BadgeView, MarkdownText } from '../../plan/index.js';
import type { Run } from '../report/inline.js';
import type { Draw } from './draw.js';
import { badgeRun, INK, size } from './look.js';
import { badgeLine, cell, type Extras, extrasLine, slideTable, strong, sub, widthsOf } from './table.js';
import { type Body, md18, none, threatLinks } from './tables.js';

type MT = MarkdownText;

/** A standards mapping as the deck prints it: framework and id (linked), official name, tactics. */
function standardRuns(standards: readonly StandardModel[]): Run[] {
  return standards.flatMap((s, i) => {
    const name = s.officialName ?? s.name;
    return [
      { text: `${s.framework} `, bold: true },
      s.url === undefined
        ? { text: s.id, bold: true, noWrap: true }
        : { text: s.id, bold: true, link: s.url, color: INK.accent, noWrap: true },
      ...(name ? [{ text: ` ${name}` }] : []),
      ...(s.tactics.length > 0 ? [{ text: ` (${s.tactics.join(', ')})` }] : []),
      ...(s.ourAssessment ? [{ text: ' (our assessment)', italics: true }] : []),
      ...(i < standards.length - 1 ? [{ text: '; ' }] : []),
    ];
  });
}

const gap = (d: Draw) => TEXT.blockGap * TEXT.small.size * d.u;

const threat: Body = (d, page) => {
  const data = page.data as {
    description?: MT;
    standards: StandardModel[];
    extras?: Extras;
    rows: {
      system: MT;
      text?: MT;
      justification?: MT;
      badge: BadgeView;
      factors?: string;
      status?: string;
      extras?: Extras;
    }[];
    kind: 'assessments' | 'assessments-no-status';
    status: boolean;
  };
  const out: Content[] = [];
  if (data.description)
    out.push({ ...(d.block(data.description, TEXT.small) as object), margin: [0, 0, 0, gap(d)] } as Content);
  if (data.standards.length > 0) {
    out.push({
      text: standardRuns(data.standards),
      ...size(d, TEXT.small),
      color: INK.muted,
      margin: [0, 0, 0, gap(d)],
    });
  }
  const extras = extrasLine(d, data.extras);
  if (extras) out.push({ stack: [extras], margin: [0, 0, 0, gap(d)] });
  if (data.rows.length > 0) {
    out.push(
      slideTable(
        d,
        widthsOf(d, data.kind),
        ['System', 'Assessment', 'Risk', ...(data.status ? ['Status'] : [])],
        data.rows.map((r) => [
          cell(d, strong(d, r.system)),
          cell(
            d,
            r.text && d.block(r.text, md18),
            r.justification && ({ ...(d.block(r.justification, md18) as object), color: INK.muted } as Content),
            extrasLine(d, r.extras),
          ),
          cell(d, { text: [badgeRun(d, r.badge)] }, sub(d, r.factors)),
          ...(data.status ? [cell(d, r.status === undefined ? undefined : { text: r.status })] : []),
        ]),
      ),
    );
  }
  return out;
};

const defenses: Body = (d, page) => {
  const data = page.data as {
    rows: {
      extras?: Extras;
      name: MT;
      systems: MT[];
      purpose: MT;
      effectiveness: MT;
      counters: { key: string; title: MT; href: string }[];
    }[];
    kind: 'defenses' | 'defenses-no-counters';
    counters: boolean;
  };
  return [
    slideTable(
      d,
      widthsOf(d, data.kind),
      ['Defense', 'Used by', 'Purpose', 'Effectiveness', ...(data.counters ? ['Counters'] : [])],
      data.rows.map((r) => [
        cell(d, strong(d, r.name)),
        cell(d, ...r.systems.map((s) => ({ text: d.runs(s) }))),
        cell(d, d.block(r.purpose, md18)),
        cell(d, d.block(r.effectiveness, md18), extrasLine(d, r.extras)),
        ...(data.counters ? [cell(d, ...r.counters.map((c) => ({ text: threatLinks(d, [c], '') })))] : []),
      ]),
    ),
  ];
};

const verdicts: Body = (d, page) => {
  const data = page.data as {
    rows: {
      category: MT;
      threats: { key: string; href: string }[];
      tie: boolean;
      better: MT[];
      rationale: MT;
      references: { id: string; number: number; title: MT }[];
      confidence?: string;
      ranking: MT[];
      extras?: Extras;
    }[];
  };
  const joined = (items: readonly MT[], separator: string, base: Partial<Run> = {}) =>
    items.flatMap((m, i) => [...d.runs(m, base), ...(i < items.length - 1 ? [{ text: separator, ...base }] : [])]);
  return [
    slideTable(
      d,
      widthsOf(d, 'verdicts'),
      ['Against', 'Better', 'Why'],
      data.rows.map((r) => [
        cell(d, strong(d, r.category), r.threats.length > 0 && sub(d, threatLinks(d, r.threats, ', '))),
        cell(
          d,
          {
            text: [
              ...(r.tie ? [badgeRun(d, { level: 'tie', label: 'Tie' }), { text: ' ' }] : []),
              ...joined(r.better, ', ', { bold: true }),
            ],
          },
          sub(d, r.confidence),
          r.ranking.length > 0 && sub(d, [{ text: 'Ranking: ' }, ...joined(r.ranking, ' › ')]),
        ),
        cell(
          d,
          d.block(r.rationale, md18),
          r.references.length > 0 &&
            sub(d, [
              { text: 'See ' },
              ...r.references.flatMap((ref, i) => [
                { text: `[${ref.number}]`, linkToDestination: `ref-${ref.id}`, color: INK.accent },
                { text: ' ' },
                ...d.runs(ref.title),
                ...(i < r.references.length - 1 ? [{ text: '; ' }] : []),
              ]),
            ]),
          extrasLine(d, r.extras),
        ),
      ]),
    ),
  ];
};

const changes: Body = (d, page) => {
  const data = page.data as {
    rows: { kind: string; label: string; area: string; subject: MT; before?: MT; after?: MT }[];
  };
  return [
    slideTable(
      d,
      widthsOf(d, 'changes'),
      ['Change', 'What', 'Before', 'After'],
      data.rows.map((r) => [
        cell(d, badgeLine(d, { level: r.kind, label: r.label }), sub(d, r.area)),
        cell(d, strong(d, r.subject)),
        cell(d, r.before ? d.block(r.before, md18) : { text: '—' }),
        cell(d, r.after ? d.block(r.after, md18) : { text: '—' }),
      ]),
      1,
    ),
  ];
};

const scales: Body = (d, page) => {
  const data = page.data as { rows: { level: number; cells: ({ label: MT; definition: MT } | undefined)[] }[] };
  return [
    slideTable(
      d,
      widthsOf(d, 'scales'),
      ['Level', 'Likelihood', 'Impact', 'Dimension score'],
      data.rows.map((r) => [
        cell(d, { text: String(r.level), bold: true }),
        ...r.cells.map((c) =>
          c === undefined ? cell(d, none(d)) : cell(d, strong(d, c.label), d.block(c.definition, md18)),
        ),
      ]),
    ),
  ];
};

const cves: Body = (d, page) => {
  const data = page.data as { rows: { id: string; url: string; uses: { kind: string; title: MT }[] }[] };
  return [
    slideTable(
      d,
      widthsOf(d, 'cves'),
      ['CVE', 'Named in'],
      data.rows.map((r) => [
        cell(d, { text: r.id, link: r.url, color: INK.accent, bold: true, noWrap: true }),
        cell(d, ...r.uses.map((u) => ({ text: [{ text: `${u.kind}: ` }, ...d.runs(u.title)] }))),
      ]),
    ),
  ];
};

const riskCounts: Body = (d, page) => {
  const data = page.data as {
    levels: (BadgeView & { range: string })[];
    rows: { system: MT; counts: number[]; unrated: number }[];
    intro?: string;
  };
  const count = (n: number) => cell(d, { text: String(n), fontSize: 24 * d.u });
  return [
    ...(data.intro ? [{ text: data.intro, ...size(d, TEXT.small), margin: [0, 0, 0, gap(d)] } as Content] : []),
    slideTable(
      d,
      widthsOf(d, 'risk-counts'),
      ['System', ...data.levels.map((l) => `${l.label} ${l.range}`), 'Not rated'],
      data.rows.map((r) => [cell(d, strong(d, r.system)), ...r.counts.map(count), count(r.unrated)]),
    ),
  ];
};

export const ITEM_BODIES: Readonly<Record<string, Body>> = {
  threat,
  defenses,
  verdicts,
  changes,
  scales,
  cves,
  'risk-counts': riskCounts,
};
