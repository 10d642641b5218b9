export { type BuildOptions, type BuildResult, build } from './build.js';
export { compileSource, outputName } from './compile.js';
export type { SourceFile } from './content/load.js';
export { type Content, contentJsonSchema, contentSchema } from './content/schema.js';
export { type ContentIssue, formatIssue, RiskdeckError } from './errors.js';
export type { Comparison } from './model/comparison.js';
export { DEFAULT_THRESHOLDS, levelOf, rate } from './model/risk.js';
export { type Artifact, type Output, renderSource } from './render.js';
