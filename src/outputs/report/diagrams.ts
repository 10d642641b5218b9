import type { Content } from 'pdfmake/interfaces.js';
import {
  createTextMeasure,
  type DiagramSvg,
  renderAttackFlow,
  renderAttackFlowParts,
  renderRiskMatrix,
} from '../../diagram/index.js';
import type { FontSet } from '../../fonts/load.js';
import type { Comparison, SystemRisk } from '../../model/comparison.js';
import { placeholderSvg } from './pdf-diagrams.js';

/**
 * The one place the report meets src/diagram: vector diagrams as pdfmake `svg` nodes. Only SVG that our
 * own diagram code drew is ever embedded; content never supplies one.
 */
export interface ReportDiagrams {
  /** A risk matrix at most `width` points wide. */
  riskMatrix(risk: SystemRisk, width: number): Content;
  /** An attack flow, cut between steps into parts that each fit well on a page. */
  attackFlow(flow: Comparison['flows'][number]): Content[];
}

/**
 * A diagram scaled down (never up) to fit, drawn into the PDF from its shapes (pdf-diagrams.ts): pdfmake
 * sizes it by a placeholder `<svg>`. An invisible zero-width run in each face the diagram uses loads the
 * faces for pdfmake before the diagram is drawn (and keeps the figure where it has always been).
 */
export function figure(diagram: DiagramSvg, maxWidth: number, maxHeight: number, fonts: FontSet): Content {
  const scale = Math.min(1, maxWidth / diagram.width, maxHeight / diagram.height);
  const family = fonts.family;
  // A fallback family a label's run names (see textBlock) is loaded the same way; a space draws nothing.
  const fallbacks = fonts.fallbacks
    .filter((f) => diagram.svg.includes(`font-family="&#39;${f.family}&#39;"`))
    .flatMap((f) => [
      { text: ' ', font: f.family },
      { text: ' ', font: f.family, bold: true },
    ]);
  return {
    stack: [
      { text: [{ text: '\u200B' }, { text: '\u200B', bold: true }, ...fallbacks], fontSize: 1, lineHeight: 1 },
      {
        svg: placeholderSvg(diagram),
        _diagram: { diagram, measure: createTextMeasure(fonts) },
        width: diagram.width * scale,
        height: diagram.height * scale,
        // The family for any font-family pdfmake does not know (as svg-to-pdfkit did).
        font: family,
        alignment: 'center',
      },
    ],
    margin: [0, 4, 0, 10],
  } as Content;
}

/** The flow's width in px on a page; outcomes that do not fit side by side wrap into rows. */
const FLOW_MAX_WIDTH = 720;
/** A flow part takes at most this share of a page: two parts fit a page, or one under its heading. */
const FLOW_PAGE_SHARE = 0.45;

export function reportDiagrams(comparison: Comparison, fonts: FontSet, width: number, height: number): ReportDiagrams {
  const measure = createTextMeasure(fonts);
  return {
    riskMatrix: (risk, panelWidth) =>
      figure(renderRiskMatrix(risk, comparison.levels, measure), panelWidth, height, fonts),
    attackFlow: (flow) => {
      const options = { maxWidth: FLOW_MAX_WIDTH };
      // The scale the page width imposes decides how tall (in px) a part may be.
      const scale = Math.min(1, width / renderAttackFlow(flow, comparison.systems, measure, options).width);
      const maxHeight = (height * FLOW_PAGE_SHARE) / scale;
      return renderAttackFlowParts(flow, comparison.systems, measure, { ...options, maxHeight }).map((part) =>
        figure(part, width, height * FLOW_PAGE_SHARE, fonts),
      );
    },
  };
}
