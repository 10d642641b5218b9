import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { loadBaseline } from './baseline.js';
import { outputName } from './compile.js';
import type { RiskThresholds } from './content/schema.js';
import { type ContentIssue, isRiskdeckError, RiskdeckError } from './errors.js';
import { type FontFiles, loadFonts } from './fonts.js';
import { modelJson, type Output, type RenderResources, renderSource } from './render.js';
import { reportOutput } from './report/index.js';
import { findContentFiles, readSource } from './source.js';
import { loadTemplates } from './templates.js';
import { writeOutputFolder } from './write.js';

/** The outputs every build writes, in order. */
export function defaultOutputs(): Output[] {
  return [modelJson, reportOutput];
}

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
  /** TTF files for the report and diagrams; default Roboto. */
  readonly fonts?: FontFiles | undefined;
  /** Risk thresholds for content that sets none. */
  readonly riskThresholds?: RiskThresholds | undefined;
  /** An earlier version to report changes against: a content file, a model.json, or a git ref. */
  readonly since?: string | undefined;
  readonly outputs?: readonly Output[];
}

export interface BuildResult {
  readonly file: string;
  readonly name: string;
  readonly outDir: string | undefined;
  readonly warnings: readonly ContentIssue[];
  readonly error: RiskdeckError | undefined;
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

/** Builds every given content file into `outDir/<name>/`. Errors are returned per file, not thrown. */
export async function build(options: BuildOptions = {}): Promise<BuildResult[]> {
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir ?? 'dist');
  const files = options.files?.length
    ? options.files.map((f) => resolve(cwd, f))
    : await findContentFiles(resolve(cwd, options.contentDir ?? 'content'));
  const names = new Map<string, string>();
  const results: BuildResult[] = [];
  const resources = await loadResources(options, cwd);
  for (const file of files) {
    const display = relative(cwd, file) || file;
    const name = outputName(file);
    const clash = names.get(name);
    if (clash !== undefined) {
      const error = new RiskdeckError(
        'OUTPUT_CONFLICT',
        `${display}: writes the same output folder "${name}" as ${clash}; rename one of the files`,
      );
      results.push({ file: display, name, outDir: undefined, warnings: [], error });
      continue;
    }
    names.set(name, display);
    try {
      const source = await readSource(file, display);
      const baseline = options.since === undefined ? undefined : await loadBaseline(options.since, file, cwd);
      const rendered = await renderSource(source, options.outputs ?? defaultOutputs(), resources, {
        sourceDateEpoch: options.sourceDateEpoch,
        baseline,
        riskThresholds: options.riskThresholds,
      });
      const written = await writeOutputFolder(outDir, name, rendered.artifacts);
      results.push({ file: display, name, outDir: written, warnings: rendered.warnings, error: undefined });
    } catch (error) {
      if (!isRiskdeckError(error)) throw error;
      results.push({ file: display, name, outDir: undefined, warnings: [], error });
    }
  }
  return results;
}
