import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { formatPath } from '../content/path.js';
import { isRiskdeckError, RiskdeckError } from '../errors.js';
import { loadFonts } from '../fonts/load.js';
import { compileSource } from '../model/compile.js';
import { type Artifact, modelJson, type Output, type RenderResources, renderSource } from '../outputs/render.js';
import { missingGlyphWarnings } from '../outputs/report/glyphs.js';
import { imageReader, readTemplateImages } from '../resources/images.js';
import { readSource } from '../resources/source.js';
import { loadTemplates, templateAssets } from '../resources/templates.js';
import { loadBaseline } from './baseline.js';
import {
  type BuildJob,
  type BuildOptions,
  type BuildResult,
  DEFAULT_OUTPUTS,
  OUTPUT_NAMES,
  type OutputName,
  planBuild,
} from './plan.js';
import { writeOutputFolder } from './write.js';

/** An output whose module loads on first use, so a worker that renders only the deck never loads pdfmake. */
function lazy(load: () => Promise<Output>): Output {
  return async (context) => (await load())(context);
}

const OUTPUTS: Record<OutputName, Output> = {
  model: modelJson,
  deck: lazy(async () => (await import('../outputs/deck/index.js')).deckOutput),
  report: lazy(async () => (await import('../outputs/report/index.js')).reportOutput),
  slides: lazy(async () => (await import('../outputs/slides/index.js')).slidesOutput),
  handout: lazy(async () => (await import('../outputs/slides/index.js')).handoutOutput),
  pptx: lazy(async () => (await import('../outputs/pptx/index.js')).pptxOutput),
};

/** The outputs a build writes, in order: the default ones, or the ones named. */
export function defaultOutputs(only: readonly OutputName[] = DEFAULT_OUTPUTS): Output[] {
  return OUTPUT_NAMES.filter((name) => only.includes(name)).map((name) => OUTPUTS[name]);
}

/** The files of `dir` to carry into the new output folder: those named in `keep` (`*`: all) not rendered again. */
async function kept(dir: string, keep: readonly string[], rendered: readonly Artifact[]): Promise<Artifact[]> {
  const fresh = new Set(rendered.map((a) => a.path));
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .filter((path) => !fresh.has(path) && (keep.includes('*') || keep.includes(path)))
    .map((path) => ({ path, copyOf: join(dir, path) }));
}

/** Renders one content file in memory: its artifacts and warnings, or the content error. Writes nothing. */
export async function renderFile(job: BuildJob, options: BuildOptions, resources: RenderResources) {
  const source = await readSource(job.file, job.display);
  // One named file takes whatever earlier version is named; several are matched to theirs by name.
  const several = options.files?.length !== 1;
  const since = options.since === undefined ? undefined : await loadBaseline(options.since, job, several);
  const rendered = await renderSource(source, options.outputs ?? defaultOutputs(options.only), resources, {
    sourceDateEpoch: options.sourceDateEpoch,
    baseline: since?.comparison,
    riskThresholds: options.riskThresholds,
    readImages: imageReader(job.file),
  });
  if (since?.note === undefined) return rendered;
  const note = { file: job.display, line: 1, column: 1, path: '', message: since.note };
  return { ...rendered, warnings: [note, ...rendered.warnings] };
}

async function loadResources(options: BuildOptions, cwd: string): Promise<RenderResources> {
  const templatesDir = options.templatesDir === undefined ? undefined : resolve(cwd, options.templatesDir);
  const templates = new Map(await loadTemplates(templatesDir));
  const templateImages =
    templatesDir === undefined ? new Map() : await readTemplateImages(templatesDir, await templateAssets(templatesDir));
  if (options.theme !== undefined) {
    const theme = await readFile(resolve(cwd, options.theme), 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new RiskdeckError('USAGE', `cannot read the theme ${options.theme} (${error.code ?? error.message})`);
    });
    // A layer over the theme, not a replacement: a two-line brand file changes the accent and keeps the rating
    // colours, the type and everything else. Replacing the whole theme is `--templates` with deck/theme.css.
    const base = templates.get('deck/theme.css') ?? '';
    templates.set('deck/theme.css', `${base}\n/* --theme ${basename(options.theme).replaceAll('*/', '')} */\n${theme}`);
  }
  // A font that cannot be read or used is a RiskdeckError naming its file (exit 2).
  const fonts = await loadFonts(options.fonts, options.fallbackFonts);
  return { fonts, templates, templateImages };
}

/** Fonts and templates for a build. Templates are read every time (about a millisecond) so that an edit
 * to one shows on the next rebuild; font bytes are cached per process by `loadFonts`. */
export function buildResources(options: BuildOptions, cwd: string): Promise<RenderResources> {
  return loadResources(options, cwd);
}

/** The templates folder's `assets/` (a logo, a background), copied beside the deck under the same path. */
async function deckAssets(job: BuildJob, options: BuildOptions): Promise<Artifact[]> {
  if (options.templatesDir === undefined) return [];
  const dir = resolve(job.cwd, options.templatesDir);
  return (await templateAssets(dir)).map((path) => ({ path, copyOf: join(dir, path) }));
}

/** Builds one content file and writes its outputs atomically; content errors come back in the result. */
export async function buildFile(
  job: BuildJob,
  options: BuildOptions,
  resources: RenderResources,
): Promise<BuildResult> {
  const { display, name } = job;
  try {
    const rendered = await renderFile(job, options, resources);
    const carried = options.keep?.length ? await kept(join(job.outDir, name), options.keep, rendered.artifacts) : [];
    const assets = rendered.artifacts.some((a) => a.path === 'index.html') ? await deckAssets(job, options) : [];
    const written = await writeOutputFolder(job.outDir, name, [...rendered.artifacts, ...carried, ...assets]);
    return { file: display, name, outDir: written, warnings: rendered.warnings, error: undefined };
  } catch (error) {
    if (!isRiskdeckError(error)) throw error;
    return { file: display, name, outDir: undefined, warnings: [], error };
  }
}

/** What `validate` runs: the file read, validated and its images checked exactly as a build does. */
export async function checkFile(job: BuildJob, options: BuildOptions): Promise<BuildResult> {
  const { display, name } = job;
  try {
    const source = await readSource(job.file, job.display);
    const { comparison, warnings, images, locate } = compileSource(source, options.riskThresholds);
    if (images.length > 0) await imageReader(job.file)(images);
    // Characters no font of the chain can draw, placed in the file as the report's build places them.
    const fonts = await loadFonts(options.fonts, options.fallbackFonts);
    const glyphs = (await missingGlyphWarnings(comparison, fonts)).map((w) => ({
      file: display,
      ...locate(w.path, w.needle),
      path: formatPath(w.path),
      message: w.message,
    }));
    return { file: display, name, outDir: undefined, warnings: [...warnings, ...glyphs], error: undefined };
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
