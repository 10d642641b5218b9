import {
  type AttackFlowPartsOptions,
  createTextMeasure,
  type DiagramSvg,
  renderAttackFlowParts,
  renderCompactRiskMatrix,
  renderRiskMatrix,
  renderScoreChart,
} from '../diagram/index.js';
import type { FontSet } from '../fonts/load.js';
import type { Comparison } from '../model/comparison.js';

type Flow = Comparison['flows'][number];
type SystemRisk = Comparison['risk'][number];

/** What a diagram was drawn from, with the options that laid it out: a native renderer lays it out again. */
export type PlanDrawingSource =
  | {
      readonly kind: 'attack-flow';
      readonly flow: Flow;
      /** The options `renderAttackFlowParts` was called with; this drawing is part `part` of its result. */
      readonly options: AttackFlowPartsOptions;
      readonly part: number;
      readonly parts: number;
    }
  | { readonly kind: 'risk-matrix'; readonly risk: SystemRisk }
  | {
      readonly kind: 'compact-risk-matrix';
      readonly risk: SystemRisk;
      readonly box: { readonly width: number; readonly height: number };
    }
  | { readonly kind: 'score-chart'; readonly dimensions: Comparison['dimensions'] };

/** A diagram as `src/diagram` drew it, and what from. */
export interface PlanDrawing extends DiagramSvg {
  readonly source: PlanDrawingSource;
}

/**
 * The plan's one door to the diagram module: the attack flow with its steps as reveal.js fragments (cut into
 * parts of at most `maxHeight` px), a risk matrix per system, and the score chart when the dimensions have
 * scores (`undefined` otherwise).
 */
export interface PlanDiagrams {
  flow(flow: Flow, maxWidth: number, maxHeight: number, firstMaxHeight?: number): PlanDrawing[];
  riskMatrix(risk: SystemRisk): PlanDrawing;
  /** The matrix drawn at its shown size in `box`, text ≥ 14 px, no legend; `undefined` when it does not fit. */
  compactRiskMatrix(
    risk: SystemRisk,
    box: { readonly width: number; readonly height: number },
  ): PlanDrawing | undefined;
  /** The score chart of `dimensions` (all by default); `undefined` when none has a score. */
  scoreChart(dimensions?: Comparison['dimensions']): PlanDrawing | undefined;
}

export function createPlanDiagrams(comparison: Comparison, fonts: FontSet): PlanDiagrams {
  const measure = createTextMeasure(fonts);
  return {
    flow: (flow, maxWidth, maxHeight, firstMaxHeight) => {
      const options: AttackFlowPartsOptions = {
        fragments: true,
        details: true,
        maxWidth,
        maxHeight,
        ...(firstMaxHeight === undefined ? {} : { firstMaxHeight }),
      };
      const parts = renderAttackFlowParts(flow, comparison.systems, measure, options);
      return parts.map((svg, part) => ({
        ...svg,
        source: { kind: 'attack-flow', flow, options, part, parts: parts.length },
      }));
    },
    riskMatrix: (risk) => ({
      ...renderRiskMatrix(risk, comparison.levels, measure),
      source: { kind: 'risk-matrix', risk },
    }),
    compactRiskMatrix: (risk, box) => {
      const svg = renderCompactRiskMatrix(risk, comparison.levels, measure, box);
      return svg === undefined ? undefined : { ...svg, source: { kind: 'compact-risk-matrix', risk, box } };
    },
    scoreChart: (dimensions = comparison.dimensions) => {
      const svg = renderScoreChart(dimensions, comparison.systems, measure);
      return svg === undefined ? undefined : { ...svg, source: { kind: 'score-chart', dimensions } };
    },
  };
}
