import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { RiskdeckError } from '../errors.js';
import type { Comparison } from '../model/comparison.js';
import { compileSource } from '../model/compile.js';
import { readSource } from '../resources/source.js';
import { outputName } from './names.js';
import type { BuildJob } from './plan.js';

const run = promisify(execFile);

function fromModelJson(text: string, where: string): Comparison {
  let model: unknown;
  try {
    model = JSON.parse(text);
  } catch (error) {
    throw new RiskdeckError('USAGE', `${where}: not valid JSON (${(error as Error).message})`);
  }
  const meta = (model as { meta?: { version?: unknown } } | null)?.meta;
  if (typeof meta?.version !== 'string' || !Array.isArray((model as { threats?: unknown }).threats)) {
    throw new RiskdeckError('USAGE', `${where}: not a riskdeck model.json (no meta.version or threats)`);
  }
  return model as Comparison;
}

/** A comparison from a content file or a `model.json` written by an earlier build. */
export async function loadComparisonFile(path: string, display: string): Promise<Comparison> {
  if (/\.json$/i.test(path)) return fromModelJson(await readFile(path, 'utf8'), display);
  return compileSource(await readSource(path, display)).comparison;
}

/** An earlier version for one content file, or why there is none (a note: the file builds without it). */
export type Baseline = { comparison: Comparison; note?: undefined } | { comparison?: undefined; note: string };

/** The output name an earlier version stands for: `dist/x/model.json` → `x`, `old/x.md` → `x`. */
function nameOf(path: string): string {
  return /model\.json$/i.test(path) ? outputName(dirname(path)) : outputName(path);
}

/**
 * The earlier version to compare a content file with: a path (content file or model.json) when one exists,
 * a folder of earlier outputs (`<folder>/<name>/model.json`), else a git ref at which the content file is read.
 * When several files are built, a path counts only for the file of the same name, and a file that is new
 * since the ref has no earlier version: each gets a note instead of a wrong or failed comparison.
 */
export async function loadBaseline(spec: string, job: BuildJob, several: boolean): Promise<Baseline> {
  const path = resolve(job.cwd, spec);
  const found = await stat(path).catch(() => undefined);
  const none = (why: string): Baseline => ({ note: `--since ${spec}: ${why}; built without "Changes since"` });
  if (found?.isDirectory()) {
    const model = join(path, job.name, 'model.json');
    if (
      !(await stat(model).then(
        (s) => s.isFile(),
        () => false,
      ))
    )
      return none(`no ${job.name}/model.json there`);
    return { comparison: await loadComparisonFile(model, join(spec, job.name, 'model.json')) };
  }
  if (found?.isFile()) {
    if (several && nameOf(path) !== job.name)
      return none(`it is an earlier version of "${nameOf(path)}", not of this file`);
    return { comparison: await loadComparisonFile(path, spec) };
  }
  return fromGit(spec, job, none);
}

async function fromGit(spec: string, job: BuildJob, none: (why: string) => Baseline): Promise<Baseline> {
  const dir = dirname(job.file);
  let root: string;
  try {
    root = (await run('git', ['rev-parse', '--show-toplevel'], { cwd: dir })).stdout.trim();
  } catch {
    throw new RiskdeckError('USAGE', `--since ${spec}: no such file, and ${dir} is not in a git repository`);
  }
  try {
    await run('git', ['rev-parse', '--verify', '--quiet', `${spec}^{commit}`], { cwd: root });
  } catch {
    throw new RiskdeckError('USAGE', `--since ${spec}: no file, folder or git ref of that name`);
  }
  const inRepo = relative(root, job.file).split('\\').join('/');
  let text: string;
  try {
    text = (await run('git', ['show', `${spec}:${inRepo}`], { cwd: root, maxBuffer: 8 * 1024 * 1024 })).stdout;
  } catch {
    return none(`${inRepo} did not exist at ${spec}`);
  }
  return { comparison: compileSource({ path: `${spec}:${inRepo}`, text }).comparison };
}
