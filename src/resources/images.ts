import { createHash } from 'node:crypto';
import { constants, open, realpath } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { IMAGE_LIMITS, type ImageInfo, sniffImage } from '../content/image-bytes.js';
import type { ImageRef } from '../content/image-refs.js';
import { type ContentIssue, contentError, RiskdeckError } from '../errors.js';

/** An image a content file uses, checked and read at the edge; renderers only see these bytes. */
export interface ContentImage extends ImageInfo {
  /** The `src` as written in the content. */
  readonly src: string;
  /** Where the deck puts it: `images/<hash>.<ext>`. */
  readonly output: string;
  readonly bytes: Uint8Array;
}

export type ImageResult = { ok: true; image: ContentImage } | { ok: false; src: string; message: string };

const EXTENSIONS: Record<ImageInfo['type'], string> = { png: '.png', jpeg: '.jpg', gif: '.gif', webp: '.webp' };

/**
 * Reads one image referenced by a content file. It must be a relative path that stays inside the
 * content file's folder after symlinks are resolved, a regular file, and a PNG, JPEG, GIF or WebP by its
 * bytes, within the size limits. Anything else is refused with the reason.
 */
export async function readContentImage(src: string, contentFile: string): Promise<ImageResult> {
  const refuse = (message: string): ImageResult => ({ ok: false, src, message });
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return refuse(`image "${src}" is a URL; images must be files beside the content file`);
  }
  let path: string;
  try {
    path = decodeURIComponent(src.split(/[?#]/)[0] ?? '');
  } catch {
    return refuse(`image "${src}" is not a valid path`);
  }
  if (isAbsolute(path) || path.startsWith('\\')) {
    return refuse(`image "${src}" is an absolute path; use a path relative to the content file`);
  }
  const folder = await realpath(dirname(contentFile));
  let real: string;
  try {
    real = await realpath(resolve(dirname(contentFile), path));
  } catch {
    return refuse(`image "${src}" does not exist next to the content file`);
  }
  if (!real.startsWith(folder + sep)) {
    return refuse(`image "${src}" is outside the content file's folder; copy it into the folder`);
  }
  // O_NONBLOCK so that opening a FIFO cannot hang; the type check below then refuses it.
  const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK).catch(() => undefined);
  if (!handle) return refuse(`image "${src}" cannot be read`);
  try {
    const info = await handle.stat();
    if (!info.isFile()) return refuse(`image "${src}" is not a regular file`);
    // A hard link inside the folder can name a file outside it, and nothing in the link says so.
    if (info.nlink > 1) {
      return refuse(
        `image "${src}" has ${info.nlink} hard links; a hard link can reach a file outside the content folder, so only files with one link are read: copy the image instead`,
      );
    }
    if (info.size > IMAGE_LIMITS.maxBytes) {
      return refuse(`image "${src}" is ${info.size} bytes; images are limited to ${IMAGE_LIMITS.maxBytes} bytes`);
    }
    const bytes = new Uint8Array(info.size);
    await handle.read(bytes, 0, info.size, 0);
    const kind = sniffImage(bytes);
    if (!kind) return refuse(`image "${src}" is not a PNG, JPEG, GIF or WebP image (checked by its bytes)`);
    const claimed = extname(path).toLowerCase();
    if (claimed && !['.png', '.jpg', '.jpeg', '.gif', '.webp'].includes(claimed)) {
      return refuse(`image "${src}" has the extension ${claimed}; name it after what it is (${kind.type})`);
    }
    if (
      kind.width === 0 ||
      kind.height === 0 ||
      kind.width > IMAGE_LIMITS.maxSide ||
      kind.height > IMAGE_LIMITS.maxSide ||
      kind.width * kind.height > IMAGE_LIMITS.maxPixels
    ) {
      return refuse(
        `image "${src}" is ${kind.width}×${kind.height} pixels; images are limited to ${IMAGE_LIMITS.maxSide} pixels a side`,
      );
    }
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    return { ok: true, image: { ...kind, src, output: `images/${hash}${EXTENSIONS[kind.type]}`, bytes } };
  } finally {
    await handle.close();
  }
}

/** The edge's image reader for one content file: every refused image becomes an issue at its place. */
export function imageReader(contentFile: string): (refs: readonly ImageRef[]) => Promise<Map<string, ContentImage>> {
  return async (refs) => {
    const images = new Map<string, ContentImage>();
    const issues: ContentIssue[] = [];
    for (const ref of refs) {
      if (images.has(ref.src)) continue;
      const result = await readContentImage(ref.src, contentFile);
      if (result.ok) images.set(ref.src, result.image);
      else issues.push({ file: ref.file, line: ref.line, column: ref.column, path: '', message: result.message });
    }
    if (issues.length > 0) throw contentError(refs[0]?.file ?? contentFile, issues);
    return images;
  };
}

/**
 * The PNG and JPEG files of a templates folder's `assets/` (a logo for the report's title page), checked as
 * content images are (inside the folder, a regular file, an image by its bytes, within the size limits), by
 * their path in the folder (`assets/logo.png`). A file that fails a check is a usage error naming it.
 */
export async function readTemplateImages(dir: string, assets: readonly string[]): Promise<Map<string, ContentImage>> {
  const images = new Map<string, ContentImage>();
  for (const path of assets.filter((name) => /\.(png|jpe?g)$/i.test(name))) {
    // Read as if by a file in the templates folder: the same checks keep it inside that folder.
    const result = await readContentImage(path, join(dir, 'report'));
    if (!result.ok) {
      const shown = relative(process.cwd(), join(dir, path)) || path;
      throw new RiskdeckError(
        'USAGE',
        `${shown}: ${result.message.replace('the content file', 'the templates folder')}`,
      );
    }
    images.set(path, result.image);
  }
  return images;
}
