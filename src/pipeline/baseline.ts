import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { RiskdeckError } from '../errors.js';
import type { Comparison } from '../model/comparison.js';
import { compileSource } from '../model/compile.js';
import { readSource } from '../resources/source.js';

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

/**
 * The earlier version to compare a content file with: a path (content file or model.json) when one
 * exists, else a git ref at which the content file is read.
 */
export async function loadBaseline(spec: string, contentFile: string, cwd: string): Promise<Comparison> {
  const path = resolve(cwd, spec);
  if (
    await stat(path).then(
      (s) => s.isFile(),
      () => false,
    )
  )
    return loadComparisonFile(path, spec);
  const dir = dirname(contentFile);
  let root: string;
  try {
    root = (await run('git', ['rev-parse', '--show-toplevel'], { cwd: dir })).stdout.trim();
  } catch {
    throw new RiskdeckError('USAGE', `--since ${spec}: no such file, and ${dir} is not in a git repository`);
  }
  const inRepo = relative(root, contentFile).split('\\').join('/');
  let text: string;
  try {
    text = (await run('git', ['show', `${spec}:${inRepo}`], { cwd: root, maxBuffer: 8 * 1024 * 1024 })).stdout;
  } catch {
    throw new RiskdeckError('USAGE', `--since ${spec}: no file or git ref of that name holds ${inRepo}`);
  }
  return compileSource({ path: `${spec}:${inRepo}`, text }).comparison;
}
