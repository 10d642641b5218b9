import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceFile } from './content/load.js';
import { LOAD_LIMITS } from './content/load.js';
import { RiskdeckError } from './errors.js';

export const CONTENT_EXTENSIONS = /\.(md|markdown|ya?ml)$/i;

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
