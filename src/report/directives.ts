import type { Column, Content } from 'pdfmake/interfaces.js';
import { RiskdeckError } from '../errors.js';
import type { Comparison, SystemRisk } from '../model/comparison.js';
import type { Converter } from './convert.js';
import type { ReportDiagrams } from './diagrams.js';
import { breakable } from './inline.js';
import { levelSwatch, type ReportStyle } from './style.js';

/** What a directive line of the template (`::: name args…`) is rendered with. */
export interface DirectiveContext {
  readonly comparison: Comparison;
  readonly convert: Converter;
  readonly style: ReportStyle;
  readonly diagrams: ReportDiagrams;
}

type Directive = (args: readonly string[], ctx: DirectiveContext) => Content[];

function indexArg(args: readonly string[], list: readonly unknown[], name: string): number {
  const index = Number(args[0]);
  if (!Number.isInteger(index) || index < 0 || index >= list.length) {
    throw new RiskdeckError(
      'TEMPLATE_INVALID',
      `templates/report/report.hbs: "::: ${name}" needs an index from 0 to ${list.length - 1}, got "${args[0] ?? ''}"`,
    );
  }
  return index;
}

function cover(_args: readonly string[], { comparison, convert, style }: DirectiveContext): Content[] {
  const { meta } = comparison;
  return [
    {
      table: { widths: ['auto'], body: [[{ text: meta.classification.toUpperCase(), style: 'classification' }]] },
      layout: {
        hLineWidth: () => 0.8,
        vLineWidth: () => 0.8,
        hLineColor: () => style.colors.accent,
        vLineColor: () => style.colors.accent,
        paddingLeft: () => 8,
        paddingRight: () => 8,
        paddingTop: () => 3,
        paddingBottom: () => 3,
      },
      color: style.colors.accent,
      margin: [0, 0, 0, 150],
    },
    {
      canvas: [{ type: 'rect', x: 0, y: 0, w: 56, h: 5, color: style.colors.accent }],
      margin: [0, 0, 0, 18],
    },
    { text: convert.inline(meta.title), style: 'coverTitle' },
    meta.subtitle === undefined
      ? { text: '', margin: [0, 0, 0, 26] }
      : { text: convert.inline(meta.subtitle), style: 'coverSubtitle' },
  ];
}

/** Likelihood rows from 5 down to 1, impact columns from 1 up to 5: the usual orientation. */
function matrixTable(risk: SystemRisk, { style }: DirectiveContext): Content {
  const axis = { color: style.colors.muted, fontSize: 7.5, alignment: 'center' as const };
  const rows: Content[][] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    const row: Content[] = [{ text: String(likelihood), ...axis, margin: [0, 6, 0, 0] }];
    for (let impact = 1; impact <= 5; impact++) {
      const cell = risk.cells.find((c) => c.likelihood === likelihood && c.impact === impact);
      const swatch = levelSwatch(style, cell?.level ?? 'none');
      const threats = cell?.threats ?? [];
      row.push({
        text: threats.length > 0 ? threats.join(' ') : String(cell?.score ?? ''),
        fillColor: swatch.fill,
        color: threats.length > 0 ? swatch.text : style.colors.muted,
        bold: threats.length > 0,
        fontSize: threats.length > 0 ? 8 : 6.5,
        opacity: threats.length > 0 ? 1 : 0.7,
        alignment: 'center',
        margin: [0, threats.length > 0 ? 5 : 6, 0, 4],
      });
    }
    rows.push(row);
  }
  rows.push([{ text: '' }, ...[1, 2, 3, 4, 5].map((impact) => ({ text: String(impact), ...axis }))]);
  return {
    stack: [
      {
        columns: [
          { text: 'Likelihood', ...axis, alignment: 'left', width: 'auto' },
          { text: '', width: '*' },
        ],
      },
      {
        table: { widths: [14, '*', '*', '*', '*', '*'], body: rows },
        layout: {
          hLineWidth: (i) => (i < 6 ? 1.5 : 0),
          vLineWidth: (i) => (i > 0 ? 1.5 : 0),
          hLineColor: () => '#ffffff',
          vLineColor: () => '#ffffff',
          paddingLeft: () => 1,
          paddingRight: () => 1,
          paddingTop: () => 0,
          paddingBottom: () => 0,
        },
      },
      { text: 'Impact', ...axis, margin: [14, 1, 0, 0] },
    ],
    unbreakable: true,
  };
}

function riskMatrices(_args: readonly string[], ctx: DirectiveContext): Content[] {
  const panels = ctx.comparison.risk.map(
    (risk): Column => ({
      stack: [
        { text: ctx.convert.inline(risk.system.name), style: 'h4', margin: [0, 0, 0, 4] },
        ctx.diagrams.riskMatrix(risk) ?? matrixTable(risk, ctx),
      ],
      width: '*',
      unbreakable: true,
    }),
  );
  const rows: Content[] = [];
  // Two matrices side by side: eight systems take four rows, not eight.
  for (let i = 0; i < panels.length; i += 2) {
    const pair = panels.slice(i, i + 2);
    if (pair.length === 1) pair.push({ text: '', width: '*' });
    rows.push({ columns: pair, columnGap: 24, margin: [0, 4, 0, 14], unbreakable: true });
  }
  return rows;
}

function flowDiagram(args: readonly string[], ctx: DirectiveContext): Content[] {
  const flow = ctx.comparison.flows[indexArg(args, ctx.comparison.flows, 'flow-diagram')];
  const diagram = flow === undefined ? undefined : ctx.diagrams.attackFlow(flow);
  return diagram === undefined ? [] : [diagram];
}

function references(_args: readonly string[], { comparison, convert, style }: DirectiveContext): Content[] {
  return comparison.references.map(
    (reference): Content => ({
      columns: [
        // Citations link here: pdfmake makes named destinations only from the ids of text nodes.
        { text: `[${reference.number}]`, id: `ref-${reference.id}`, width: 24, color: style.colors.muted },
        {
          width: '*',
          stack: [
            {
              text: [
                ...convert.inline(reference.title, { bold: true }),
                { text: '\n' },
                { text: breakable(reference.url), link: reference.url, color: style.colors.accent },
              ],
            },
            ...(reference.note === undefined
              ? []
              : [{ text: convert.inline(reference.note), color: style.colors.muted }]),
          ],
        },
      ],
      margin: [0, 0, 0, 7],
      unbreakable: true,
    }),
  );
}

const DIRECTIVES: Record<string, Directive> = {
  cover,
  'page-break': () => [{ text: '', pageBreak: 'after' }],
  toc: (args) => {
    const title = args.join(' ');
    return [
      {
        toc: {
          ...(title === '' ? {} : { title: { text: title, style: 'h1', outline: true, outlineText: title } }),
          numberStyle: 'toc2',
          textMargin: [0, 1, 0, 1],
        },
      },
    ];
  },
  'risk-matrices': riskMatrices,
  'flow-diagram': flowDiagram,
  references,
};

export function runDirective(name: string, args: readonly string[], ctx: DirectiveContext): Content[] {
  const directive = DIRECTIVES[name];
  if (!directive) {
    throw new RiskdeckError(
      'TEMPLATE_INVALID',
      `templates/report/report.hbs: unknown directive "::: ${name}"; known: ${Object.keys(DIRECTIVES).join(', ')}`,
    );
  }
  return directive(args, ctx);
}
