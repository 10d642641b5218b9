import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Template files by path relative to the templates folder, with `/` separators: `deck/layout.hbs`. */
export type TemplateFiles = ReadonlyMap<string, string>;

export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function readTree(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const path of (await listFiles(dir)).sort()) {
    files.set(relative(dir, path).split(sep).join('/'), await readFile(path, 'utf8'));
  }
  return files;
}

/** Our templates, with any file of the same name in `overrideDir` taking its place. */
export async function loadTemplates(overrideDir?: string): Promise<TemplateFiles> {
  const files = await readTree(BUILTIN_TEMPLATES);
  if (overrideDir !== undefined) for (const [name, text] of await readTree(overrideDir)) files.set(name, text);
  return files;
}
