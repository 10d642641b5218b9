import type { ImageRef } from '../content/image-refs.js';
import type { PathSegment, SourceFile } from '../content/load.js';
import { formatPath } from '../content/path.js';
import type { RiskThresholds } from '../content/schema.js';
import type { ContentIssue } from '../errors.js';
import type { FontSet } from '../fonts/load.js';
import type { Comparison } from '../model/comparison.js';
import { compileSource } from '../model/compile.js';
import { type ChangeSet, diffComparisons } from '../model/diff.js';
import type { ContentImage } from '../resources/images.js';
import type { TemplateFiles } from '../resources/templates.js';

/** A file of the output folder, relative to `dist/<name>/`. `copyOf` names a file to copy as is. */
export type Artifact =
  | { readonly path: string; readonly data: string | Uint8Array }
  | { readonly path: string; readonly copyOf: string };

/** What every output gets: the model, and the resources the edge loaded for it. */
export interface RenderContext {
  readonly comparison: Comparison;
  /** Seconds since the epoch that date the outputs (SOURCE_DATE_EPOCH, else the content's date). */
  readonly epoch: number;
  readonly fonts: FontSet;
  readonly templates: TemplateFiles;
  /** What changed since an earlier version, when the build was asked to compare (`--since`). */
  readonly changes: ChangeSet | undefined;
  /** The images the content uses, by `src` as written, already checked at the edge. */
  readonly images: ReadonlyMap<string, ContentImage>;
  /** PNG and JPEG images of the templates folder's `assets/` (a logo), by path (`assets/logo.png`). */
  readonly templateImages?: ReadonlyMap<string, ContentImage>;
}

/** Reads and checks the images a content file refers to; provided by the edge. */
export type ImageReader = (refs: readonly ImageRef[]) => Promise<ReadonlyMap<string, ContentImage>>;

/** The resources loaded at the edge once per build and shared by every file. */
export interface RenderResources {
  readonly fonts: FontSet;
  readonly templates: TemplateFiles;
  /** PNG and JPEG images of the templates folder's `assets/`, checked as content images are. */
  readonly templateImages?: ReadonlyMap<string, ContentImage>;
}

/**
 * Something an output noticed about the content, by field path (`threats[0].title`, or
 * `['body', sectionTitle]`); `needle` is the text to point at. The build locates it in the file.
 */
export interface OutputWarning {
  readonly path: readonly PathSegment[];
  readonly message: string;
  readonly needle?: string;
}

export interface OutputResult {
  readonly artifacts: readonly Artifact[];
  readonly warnings: readonly OutputWarning[];
}

/** One output: comparison in, files (and warnings) out. The stages run in this order, each pure. */
export type Output = (
  context: RenderContext,
) => readonly Artifact[] | OutputResult | Promise<readonly Artifact[] | OutputResult>;

export interface Rendered {
  readonly comparison: Comparison;
  readonly artifacts: readonly Artifact[];
  readonly warnings: readonly ContentIssue[];
}

/** What an output returned, as `{ artifacts, warnings }` whichever form it used. */
export function outputResult(result: readonly Artifact[] | OutputResult): OutputResult {
  return 'artifacts' in result ? result : { artifacts: result, warnings: [] };
}

export const modelJson: Output = ({ comparison }) => [
  { path: 'model.json', data: `${JSON.stringify(comparison, null, 2)}\n` },
];

/** The epoch that dates the outputs: SOURCE_DATE_EPOCH when given, else midnight UTC of the content's date. */
export function outputEpoch(comparison: Comparison, sourceDateEpoch: string | undefined): number {
  if (sourceDateEpoch !== undefined && /^\d+$/.test(sourceDateEpoch)) return Number(sourceDateEpoch);
  return Math.floor(Date.parse(`${comparison.meta.date}T00:00:00Z`) / 1000);
}

export async function renderSource(
  source: SourceFile,
  outputs: readonly Output[],
  resources: RenderResources,
  options: {
    sourceDateEpoch?: string | undefined;
    baseline?: Comparison | undefined;
    riskThresholds?: RiskThresholds | undefined;
    readImages?: ImageReader | undefined;
  } = {},
): Promise<Rendered> {
  const { comparison, warnings, images, locate } = compileSource(source, options.riskThresholds);
  const context: RenderContext = {
    comparison,
    epoch: outputEpoch(comparison, options.sourceDateEpoch),
    ...resources,
    changes: options.baseline === undefined ? undefined : diffComparisons(options.baseline, comparison),
    images: images.length > 0 && options.readImages ? await options.readImages(images) : new Map(),
  };
  const artifacts: Artifact[] = [];
  const issues = [...warnings];
  for (const output of outputs) {
    const result = outputResult(await output(context));
    artifacts.push(...result.artifacts);
    for (const w of result.warnings) {
      issues.push({ file: source.path, ...locate(w.path, w.needle), path: formatPath(w.path), message: w.message });
    }
  }
  return { comparison, artifacts, warnings: issues };
}
