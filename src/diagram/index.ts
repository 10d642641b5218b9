export {
  type AttackFlowOptions,
  type AttackFlowPartsOptions,
  renderAttackFlow,
  renderAttackFlowParts,
} from './attack-flow.js';
export { createTextMeasure, type TextMeasure } from './measure.js';
export { renderRiskMatrix } from './risk-matrix.js';
export { renderCompactRiskMatrix } from './risk-matrix-compact.js';
export { renderScoreChart } from './score-chart.js';
export type { DiagramSvg } from './svg.js';
