import {
  createTextMeasure,
  type DiagramSvg,
  renderAttackFlowParts,
  renderCompactRiskMatrix,
  renderRiskMatrix,
  renderScoreChart,
} from '../../diagram/index.js';
import type { FontSet } from '../../fonts/load.js';
import type { Comparison } from '../../model/comparison.js';

export type DeckDiagram = DiagramSvg;

/**
 * The deck's one door to the diagram module: the attack flow with its steps as reveal.js fragments (cut into
 * parts of at most `maxHeight` px), a risk matrix per system, and the score chart when the dimensions have
 * scores (`undefined` otherwise).
 */
export interface DeckDiagrams {
  flow(flow: Comparison['flows'][number], maxWidth: number, maxHeight: number, firstMaxHeight?: number): DeckDiagram[];
  riskMatrix(risk: Comparison['risk'][number]): DeckDiagram;
  /** The matrix drawn at its shown size in `box`, text ≥ 14 px, no legend; `undefined` when it does not fit. */
  compactRiskMatrix(
    risk: Comparison['risk'][number],
    box: { readonly width: number; readonly height: number },
  ): DeckDiagram | undefined;
  /** The score chart of `dimensions` (all by default); `undefined` when none has a score. */
  scoreChart(dimensions?: Comparison['dimensions']): DeckDiagram | undefined;
}

export function createDeckDiagrams(comparison: Comparison, fonts: FontSet): DeckDiagrams {
  const measure = createTextMeasure(fonts);
  return {
    flow: (flow, maxWidth, maxHeight, firstMaxHeight) =>
      renderAttackFlowParts(flow, comparison.systems, measure, {
        fragments: true,
        maxWidth,
        maxHeight,
        ...(firstMaxHeight === undefined ? {} : { firstMaxHeight }),
      }),
    riskMatrix: (risk) => renderRiskMatrix(risk, comparison.levels, measure),
    compactRiskMatrix: (risk, box) => renderCompactRiskMatrix(risk, comparison.levels, measure, box),
    scoreChart: (dimensions = comparison.dimensions) => renderScoreChart(dimensions, comparison.systems, measure),
  };
}
