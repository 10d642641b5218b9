import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { loadBaseline } from './baseline.js';
import { deckOutput } from './deck/index.js';
import { isRiskdeckError, RiskdeckError } from './errors.js';
import { loadFonts } from './fonts.js';
import { imageReader } from './images.js';
import { type BuildJob, type BuildOptions, type BuildResult, planBuild } from './plan.js';
import { modelJson, type Output, type RenderResources, renderSource } from './render.js';
import { reportOutput } from './report/index.js';
import { readSource } from './source.js';
import { loadTemplates } from './templates.js';
import { writeOutputFolder } from './write.js';

/** The outputs every build writes, in order. */
export function defaultOutputs(): Output[] {
  return [modelJson, deckOutput, reportOutput];
}

async function loadResources(options: BuildOptions, cwd: string): Promise<RenderResources> {
  const templates = new Map(
    await loadTemplates(options.templatesDir === undefined ? undefined : resolve(cwd, options.templatesDir)),
  );
  if (options.theme !== undefined) {
    const theme = resolve(cwd, options.theme);
    templates.set(
      'deck/theme.css',
      await readFile(theme, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new RiskdeckError('USAGE', `cannot read the theme ${options.theme} (${error.code ?? error.message})`);
      }),
    );
  }
  const fonts = await loadFonts(options.fonts).catch((error: NodeJS.ErrnoException) => {
    throw new RiskdeckError('USAGE', `cannot read the fonts (${error.code ?? error.message}: ${error.path ?? ''})`);
  });
  return { fonts, templates };
}

/** Fonts and templates for a build. Templates are read every time (about a millisecond) so that an edit
 * to one shows on the next rebuild; font bytes are cached per process by `loadFonts`. */
export function buildResources(options: BuildOptions, cwd: string): Promise<RenderResources> {
  return loadResources(options, cwd);
}

/** Builds one content file and writes its outputs atomically; content errors come back in the result. */
export async function buildFile(
  job: BuildJob,
  options: BuildOptions,
  resources: RenderResources,
): Promise<BuildResult> {
  const { file, display, name } = job;
  try {
    const source = await readSource(file, display);
    const baseline = options.since === undefined ? undefined : await loadBaseline(options.since, file, job.cwd);
    const rendered = await renderSource(source, options.outputs ?? defaultOutputs(), resources, {
      sourceDateEpoch: options.sourceDateEpoch,
      baseline,
      riskThresholds: options.riskThresholds,
      readImages: imageReader(file),
    });
    const written = await writeOutputFolder(job.outDir, name, rendered.artifacts);
    return { file: display, name, outDir: written, warnings: rendered.warnings, error: undefined };
  } catch (error) {
    if (!isRiskdeckError(error)) throw error;
    return { file: display, name, outDir: undefined, warnings: [], error };
  }
}

/** Builds every given content file into `outDir/<name>/`, in this thread. Errors are returned per file. */
export async function build(options: BuildOptions = {}): Promise<BuildResult[]> {
  const { jobs, refused } = await planBuild(options);
  const resources = await buildResources(options, options.cwd ?? process.cwd());
  const results = [...refused];
  for (const job of jobs) results.push(await buildFile(job, options, resources));
  return results;
}

export type { BuildJob, BuildOptions, BuildResult, PortableBuildOptions } from './plan.js';
export { planBuild } from './plan.js';
