import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * Runs the bundled CLI and worker (scripts/bundle.mjs) with V8's code cache, which `npm run compile` writes
 * beside each bundle after a build of the example has compiled the functions a build runs. Node 20 has no
 * `module.enableCompileCache()` (Node 22.1+), so the bundle is compiled here as Node compiles a CommonJS
 * file, with `cachedData`. V8 refuses a cache made by another Node version or with other flags, and
 * compiles the source as usual; the id checked below refuses a cache made for other source text.
 */

/** The last line of every bundle: `//# riskdeck-bundle <sha256 of the text before it>`. */
const ID_MARK = '//# riskdeck-bundle ';
const ID_BYTES = 64;

/** The id on the last line, read from the end (a regular expression would scan megabytes). */
function bundleId(source: string): string | undefined {
  const at = source.lastIndexOf(ID_MARK, source.length - ID_BYTES - ID_MARK.length);
  const id = at < 0 ? '' : source.slice(at + ID_MARK.length, at + ID_MARK.length + ID_BYTES);
  return /^[0-9a-f]{64}$/.test(id) && source.slice(at + ID_MARK.length + ID_BYTES).trim() === '' ? id : undefined;
}

export interface LoadedBundle {
  readonly file: string;
  readonly script: Script;
  /** Whether a cache was there and V8 took it. */
  readonly cache: 'accepted' | 'rejected' | 'absent';
  readonly id: string | undefined;
}

export function cacheFile(file: string): string {
  return `${file}.cache`;
}

function readCache(file: string, id: string | undefined): Buffer | undefined {
  if (id === undefined) return undefined;
  try {
    const bytes = readFileSync(cacheFile(file));
    return bytes.subarray(0, ID_BYTES).toString('latin1') === id ? bytes.subarray(ID_BYTES) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Compiles and runs a bundled CommonJS file. `require` is the one the bundle's own code gets: Node's, from
 * the bundle's folder, unless a caller (the cache writer) hands in another.
 */
export function runBundle(file: string, require: NodeJS.Require = createRequire(file)): LoadedBundle {
  const source = readFileSync(file, 'utf8');
  const id = bundleId(source);
  const cachedData = readCache(file, id);
  // As Node wraps a CommonJS file, plus the import the bundle makes at run time (src/resources/run-time-import.ts):
  // `import()` inside code compiled here needs --experimental-vm-modules on Node 20.
  const wrapped = `(function (exports, require, module, __filename, __dirname, __riskdeck_import) {${source}\n})`;
  const script = new Script(wrapped, {
    filename: file,
    ...(cachedData && { cachedData }),
  });
  const cache = cachedData === undefined ? 'absent' : script.cachedDataRejected ? 'rejected' : 'accepted';
  if (process.env.RISKDECK_CODE_CACHE_REPORT === '1') process.stderr.write(`code cache ${cache}: ${file}\n`);
  const module = { exports: {} };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  const importAtRunTime = (specifier: string) => import(specifier);
  run.call(module.exports, module.exports, require, module, file, dirname(file), importAtRunTime);
  return { file, script, cache, id };
}

/** Writes the code cache of a bundle that has run: every function compiled so far is in it. */
export function writeCodeCache(bundle: LoadedBundle): number {
  if (bundle.id === undefined) throw new Error(`${bundle.file}: no riskdeck-bundle id line`);
  const data = bundle.script.createCachedData();
  writeFileSync(cacheFile(bundle.file), Buffer.concat([Buffer.from(bundle.id, 'latin1'), data]));
  return data.length;
}
