import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeText, type SourceFile } from '../content/load.js';
import { LOAD_LIMITS } from '../content/load-limits.js';
import { RiskdeckError, systemReason } from '../errors.js';

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
  // A file that is missing or cannot be opened is a usage problem (exit 2): the path, not the content, is wrong.
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    const why =
      error.code === 'ENOENT'
        ? 'no such file; check the path'
        : error.code === 'EISDIR'
          ? 'is a folder; name a content file (.md or .yaml) in it'
          : `cannot read it (${systemReason(error) ?? error.message})`;
    throw new RiskdeckError('USAGE', `${displayPath}: ${why}`);
  });
  if (bytes.length > LOAD_LIMITS.maxBytes) {
    throw new RiskdeckError(
      'CONTENT_UNREADABLE',
      `${displayPath}:1:1  the file is ${bytes.length} bytes; content files are limited to ${LOAD_LIMITS.maxBytes} bytes, split it into several comparisons`,
    );
  }
  const encoding = wideEncoding(bytes);
  if (encoding !== undefined) {
    throw new RiskdeckError(
      'CONTENT_UNREADABLE',
      `${displayPath}:1:1  the file is ${encoding}; save it as UTF-8 (with or without a BOM)`,
    );
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const at = lineColumnOf(bytes, nul);
    throw new RiskdeckError(
      'CONTENT_UNREADABLE',
      `${displayPath}:${at.line}:${at.column}  the file contains a NUL byte; it is not a text file, or it is damaged`,
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
  return { path: displayPath, text: normalizeText(text) };
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
  return lineColumnOf(bytes, Math.max(0, lo - 1));
}

function lineColumnOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** UTF-16 and UTF-32, by their byte-order mark or by the zero bytes of ASCII text. */
function wideEncoding(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0x00 && b === 0x00 && c === 0xfe && d === 0xff) return 'UTF-32 (big-endian)';
  if (a === 0xff && b === 0xfe && c === 0x00 && d === 0x00) return 'UTF-32 (little-endian)';
  if (a === 0xfe && b === 0xff) return 'UTF-16 (big-endian)';
  if (a === 0xff && b === 0xfe) return 'UTF-16 (little-endian)';
  if (bytes.length >= 4 && a !== 0 && b === 0 && c !== 0 && d === 0) return 'UTF-16 (little-endian, no BOM)';
  if (bytes.length >= 4 && a === 0 && b !== 0 && c === 0 && d !== 0) return 'UTF-16 (big-endian, no BOM)';
  return undefined;
}
