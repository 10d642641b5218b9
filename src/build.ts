import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { outputName } from './compile.js';
import type { SourceFile } from './content/load.js';
import { LOAD_LIMITS } from './content/load.js';
import { deckOutput } from './deck/index.js';
import { type ContentIssue, isRiskdeckError, RiskdeckError } from './errors.js';
import { loadFonts } from './fonts.js';
import { modelJson, type Output, renderSource } from './render.js';
import { loadTemplates } from './templates.js';
import { writeOutputFolder } from './write.js';

export const CONTENT_EXTENSIONS = /\.(md|markdown|ya?ml)$/i;

/** The outputs every build writes, in order. */
export function defaultOutputs(): Output[] {
  return [modelJson, deckOutput];
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
  readonly outputs?: readonly Output[];
}

export interface BuildResult {
  readonly file: string;
  readonly name: string;
  readonly outDir: string | undefined;
  readonly warnings: readonly ContentIssue[];
  readonly error: RiskdeckError | undefined;
}

export async function findContentFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT')
      throw new RiskdeckError('USAGE', `no content folder at ${dir}; create it or name files`);
    throw error;
  });
  return entries
    .filter((e) => e.isFile() && CONTENT_EXTENSIONS.test(e.name))
    .map((e) => join(dir, e.name))
    .sort();
}

/** Reads a content file as UTF-8, refusing what is not text. */
export async function readSource(path: string, displayPath: string): Promise<SourceFile> {
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new RiskdeckError(
      'CONTENT_UNREADABLE',
      `${displayPath}: cannot read the file (${error.code ?? error.message})`,
    );
  });
  if (bytes.length > LOAD_LIMITS.maxBytes) {
    throw new RiskdeckError(
      'CONTENT_UNREADABLE',
      `${displayPath}: the file is ${bytes.length} bytes; content files are limited to ${LOAD_LIMITS.maxBytes} bytes`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new RiskdeckError(
      'CONTENT_UNREADABLE',
      `${displayPath}:${at.line}:${at.column}  the file is not valid UTF-8; save it as UTF-8`,
    );
  }
  return { path: displayPath, text };
}

function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  // Binary search for the shortest prefix that fails to decode: its end is the bad byte.
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < Math.max(0, lo - 1); i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: Math.max(1, lo - lineStart) };
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
  const resources = {
    fonts: await loadFonts(),
    templates: await loadTemplates(options.templatesDir === undefined ? undefined : resolve(cwd, options.templatesDir)),
  };
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
      const rendered = await renderSource(source, options.outputs ?? defaultOutputs(), resources, {
        sourceDateEpoch: options.sourceDateEpoch,
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
