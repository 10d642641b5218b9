import type { Content } from 'pdfmake/interfaces.js';
import type { FontSet } from '../fonts.js';
import type { Comparison, SystemRisk } from '../model/comparison.js';

/**
 * The one place the report meets src/diagram: vector diagrams as pdfmake `svg` nodes. Only SVG that our
 * own diagram code drew is ever embedded; content never supplies one.
 *
 * Pending: src/diagram is not merged yet, so there are no diagrams and the report shows the risk
 * matrices as tables and the attack flows as numbered lists (the same content, not a placeholder).
 */
export interface ReportDiagrams {
  riskMatrix(risk: SystemRisk): Content | undefined;
  attackFlow(flow: Comparison['flows'][number]): Content | undefined;
}

export function reportDiagrams(_comparison: Comparison, _fonts: FontSet, _width: number): ReportDiagrams {
  return { riskMatrix: () => undefined, attackFlow: () => undefined };
}
