import type { Content } from 'pdfmake/interfaces.js';
import { createTextMeasure, type DiagramSvg, renderAttackFlow, renderRiskMatrix } from '../diagram/index.js';
import type { FontSet } from '../fonts.js';
import type { Comparison, SystemRisk } from '../model/comparison.js';

/**
 * The one place the report meets src/diagram: vector diagrams as pdfmake `svg` nodes. Only SVG that our
 * own diagram code drew is ever embedded; content never supplies one.
 */
export interface ReportDiagrams {
  /** A risk matrix at most `width` points wide. */
  riskMatrix(risk: SystemRisk, width: number): Content;
  attackFlow(flow: Comparison['flows'][number]): Content;
}

/**
 * A diagram scaled down (never up) to fit. svg-to-pdfkit asks pdfkit for the SVG's fonts by the names
 * pdfmake was given (our faces' PostScript names), which pdfkit finds only once pdfmake has loaded that
 * face for some text; else pdfkit would try the name as a path on disk. An invisible zero-width run in
 * each face the diagrams use loads them first, and any font trouble inside the SVG is an error.
 */
function figure(diagram: DiagramSvg, maxWidth: number, maxHeight: number, family: string): Content {
  const scale = Math.min(1, maxWidth / diagram.width, maxHeight / diagram.height);
  return {
    stack: [
      { text: [{ text: '\u200B' }, { text: '\u200B', bold: true }], fontSize: 1, lineHeight: 1 },
      {
        svg: diagram.svg,
        width: diagram.width * scale,
        height: diagram.height * scale,
        // svg-to-pdfkit falls back to this family for any font-family pdfmake does not know.
        font: family,
        alignment: 'center',
        options: {
          warningCallback: (message: string) => {
            throw new Error(`report: diagram "${diagram.title}": ${message}`);
          },
        },
      },
    ],
    margin: [0, 4, 0, 10],
  } as Content;
}

export function reportDiagrams(comparison: Comparison, fonts: FontSet, width: number, height: number): ReportDiagrams {
  const measure = createTextMeasure(fonts);
  return {
    riskMatrix: (risk, panelWidth) =>
      figure(renderRiskMatrix(risk, comparison.levels, measure), panelWidth, height, fonts.family),
    // At most 70% of a page, so that the flow's heading and introduction fit above it.
    attackFlow: (flow) =>
      figure(renderAttackFlow(flow, comparison.systems, measure), width, height * 0.7, fonts.family),
  };
}
