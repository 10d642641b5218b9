import type { Content } from 'pdfmake/interfaces.js';
import { RiskdeckError } from '../../errors.js';
import type { Comparison } from '../../model/comparison.js';
import type { Converter } from './convert.js';
import type { ReportDiagrams } from './diagrams.js';
import { breakable } from './inline.js';
import type { ReportStyle } from './style.js';

/** What a directive line of the template (`::: name args…`) is rendered with. */
export interface DirectiveContext {
  readonly comparison: Comparison;
  readonly convert: Converter;
  readonly style: ReportStyle;
  readonly diagrams: ReportDiagrams;
  /** The width of the text block, in points. */
  readonly width: number;
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
  // No classification, no band: a draft is not marked "Internal" by default.
  const band: Content =
    meta.classification === undefined
      ? { text: '', margin: [0, 0, 0, 150] }
      : {
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
        };
  return [
    band,
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

/** Risk matrices are drawn at most this wide: their labels stay at 7 pt or more, and two fit a page. */
const MATRIX_WIDTH = 440;

function riskMatrices(_args: readonly string[], ctx: DirectiveContext): Content[] {
  return ctx.comparison.risk.map(
    (risk): Content => ({
      stack: [
        { text: ctx.convert.inline(risk.system.name), style: 'h4', margin: [0, 0, 0, 4] },
        ctx.diagrams.riskMatrix(risk, Math.min(ctx.width, MATRIX_WIDTH)),
      ],
      margin: [0, 4, 0, 14],
      unbreakable: true,
    }),
  );
}

function flowDiagram(args: readonly string[], ctx: DirectiveContext): Content[] {
  const flow = ctx.comparison.flows[indexArg(args, ctx.comparison.flows, 'flow-diagram')];
  return flow === undefined ? [] : ctx.diagrams.attackFlow(flow);
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
