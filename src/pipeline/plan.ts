import { relative, resolve } from 'node:path';
import type { RiskThresholds } from '../content/schema.js';
import { type ContentIssue, printable, RiskdeckError } from '../errors.js';
import type { FallbackFiles, FontFiles } from '../fonts/load.js';
import type { OutputName } from '../outputs/names.js';
import type { Output } from '../outputs/render.js';
import { findContentFiles } from '../resources/source.js';
import { outputName } from './names.js';

export interface BuildOptions {
  /** Content files; default: every content file in `contentDir`. */
  readonly files?: readonly string[] | undefined;
  readonly contentDir?: string | undefined;
  readonly outDir?: string | undefined;
  readonly cwd?: string | undefined;
  /** A folder whose files replace ours of the same name (`deck/layout.hbs`, `report/report.hbs`, …). */
  readonly templatesDir?: string | undefined;
  readonly sourceDateEpoch?: string | undefined;
  /** A CSS file that replaces the deck theme (`deck/theme.css`). */
  readonly theme?: string | undefined;
  /** Font files for the report and diagrams; default Roboto. */
  readonly fonts?: FontFiles | undefined;
  /** Fonts tried after the main font and DejaVu Sans, in order (a CJK font). */
  readonly fallbackFonts?: readonly FallbackFiles[] | undefined;
  /** Risk thresholds for content that sets none. */
  readonly riskThresholds?: RiskThresholds | undefined;
  /** Only these outputs (default: `DEFAULT_OUTPUTS`). A worker gets names, not functions. */
  readonly only?: readonly OutputName[] | undefined;
  /**
   * Files of the current output folder to keep when they are not rendered again: paths, or `*` for every
   * file. `riskdeck dev` writes the deck first keeping the old `report.pdf`, then the report keeping the rest.
   */
  readonly keep?: readonly string[] | undefined;
  /** An earlier version to report changes against: a content file, a model.json, or a git ref. */
  readonly since?: string | undefined;
  readonly outputs?: readonly Output[];
  /**
   * Check only (`validate`): read, validate and check the images as a build does, on the same bounded
   * worker, and render and write nothing; so both give the same verdict under the same limits.
   */
  readonly check?: boolean | undefined;
}

export interface BuildResult {
  readonly file: string;
  readonly name: string;
  readonly outDir: string | undefined;
  readonly warnings: readonly ContentIssue[];
  readonly error: RiskdeckError | undefined;
}

/** One content file to build: where it is, how to name it in messages, and where its outputs go. */
export interface BuildJob {
  readonly file: string;
  readonly display: string;
  readonly name: string;
  readonly outDir: string;
  readonly cwd: string;
}

/** The part of BuildOptions that crosses into a worker thread: everything but `outputs`. */
export type PortableBuildOptions = Omit<BuildOptions, 'outputs'>;

/** The outputs by name, in the order a build runs them. */
export { DEFAULT_OUTPUTS, OUTPUT_NAMES, type OutputName } from '../outputs/names.js';

/** The jobs for a build, and a refusal for every file whose output folder another file also claims. */
export async function planBuild(options: BuildOptions): Promise<{ jobs: BuildJob[]; refused: BuildResult[] }> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir ?? 'dist');
  const files = options.files?.length
    ? options.files.map((f) => resolve(cwd, f))
    : await findContentFiles(resolve(cwd, options.contentDir ?? 'content'));
  const byName = new Map<string, string[]>();
  for (const file of files) {
    byName.set(outputName(file), [...(byName.get(outputName(file)) ?? []), printable(relative(cwd, file) || file)]);
  }
  const jobs: BuildJob[] = [];
  const refused: BuildResult[] = [];
  for (const file of files) {
    // The name in messages: a file name may hold a line break or an escape sequence.
    const display = printable(relative(cwd, file) || file);
    const name = outputName(file);
    const clash = (byName.get(name) ?? []).filter((other) => other !== display);
    if (clash.length === 0) {
      jobs.push({ file, display, name, outDir, cwd });
      continue;
    }
    const error = new RiskdeckError(
      'OUTPUT_CONFLICT',
      `${display}: writes the same output folder "${name}" as ${clash.join(', ')}; rename one of the files`,
    );
    refused.push({ file: display, name, outDir: undefined, warnings: [], error });
  }
  return { jobs, refused };
}
