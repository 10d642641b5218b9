import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';

/** A request path split into decoded segments, or why it is refused. */
export type RequestPath =
  | { readonly ok: true; readonly segments: readonly string[]; readonly trailingSlash: boolean }
  | { readonly ok: false; readonly status: 400 | 403; readonly reason: string };

/**
 * Splits the raw request target (as sent, not normalised by a URL parser) into segments, each decoded once.
 * Only a plain path is accepted: `..`, `.`, empty segments (`//`, which would also make a redirect
 * protocol-relative), hidden names, and segments that decode to a separator, a backslash or a control
 * character are refused. What is left can only name something inside the served folder, before symlinks.
 */
export function parseRequestPath(target: string): RequestPath {
  const path = target.split(/[?#]/, 1)[0] ?? '';
  if (!path.startsWith('/')) return { ok: false, status: 400, reason: 'the request target is not a path' };
  const raw = path.slice(1).split('/');
  const trailingSlash = raw.length > 0 && raw[raw.length - 1] === '';
  if (trailingSlash) raw.pop();
  const segments: string[] = [];
  for (const part of raw) {
    let segment: string;
    try {
      segment = decodeURIComponent(part);
    } catch {
      return { ok: false, status: 400, reason: 'the path is not valid percent-encoding' };
    }
    if (segment === '' || segment.startsWith('.') || /[/\\\u0000-\u001f\u007f]/.test(segment))
      return { ok: false, status: 403, reason: 'forbidden path' };
    segments.push(segment);
  }
  return { ok: true, segments, trailingSlash };
}

export type Resolved =
  | { readonly kind: 'file' | 'directory'; readonly path: string }
  | { readonly kind: 'missing' }
  | { readonly kind: 'outside' };

/**
 * Where `segments` lead under `root`, after symlinks: a link inside the output folder that points out of it
 * is `outside`, and anything but a regular file or a folder (a FIFO, a device) is `missing`.
 */
export async function resolveInside(root: string, segments: readonly string[]): Promise<Resolved> {
  const realRoot = await realpath(root).catch(() => undefined);
  if (realRoot === undefined) return { kind: 'missing' };
  const real = await realpath(join(root, ...segments)).catch(() => undefined);
  if (real === undefined) return { kind: 'missing' };
  if (real !== realRoot && !real.startsWith(realRoot + sep)) return { kind: 'outside' };
  const info = await stat(real).catch(() => undefined);
  if (info?.isFile()) return { kind: 'file', path: real };
  if (info?.isDirectory()) return { kind: 'directory', path: real };
  return { kind: 'missing' };
}
