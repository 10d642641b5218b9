import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RiskdeckError } from '../errors.js';
import { checkOverrideName, checkOverrideTemplate } from './template-check.js';

/** Template files by path relative to the templates folder, with `/` separators: `deck/layout.hbs`. */
export type TemplateFiles = ReadonlyMap<string, string>;

export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));

/** Files of a templates folder that are not templates: copied beside the deck as they are. */
export const ASSETS_FOLDER = 'assets';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

async function readTree(dir: string, names: readonly string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of names) files.set(name, await readFile(join(dir, name), 'utf8'));
  return files;
}

/** The assets of a templates folder (`assets/logo.png`, …), as paths relative to it. */
export async function templateAssets(overrideDir: string | undefined): Promise<string[]> {
  if (overrideDir === undefined) return [];
  return (await listFiles(overrideDir)).filter((name) => name.startsWith(`${ASSETS_FOLDER}/`));
}

/**
 * Our templates, with any file of the same name in `overrideDir` taking its place. The overrides are checked
 * first, each at its own place: a folder that does not exist, a name riskdeck does not use (a typo would
 * otherwise be ignored), a syntax error, an unknown helper or partial.
 */
export async function loadTemplates(overrideDir?: string): Promise<TemplateFiles> {
  const files = await readTree(BUILTIN_TEMPLATES, await listFiles(BUILTIN_TEMPLATES));
  if (overrideDir === undefined) return files;
  if (
    !(await stat(overrideDir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    const shown = relative(process.cwd(), overrideDir) || overrideDir;
    throw new RiskdeckError(
      'USAGE',
      `no templates folder at ${shown}; check --templates (or "templates" in the config)`,
    );
  }
  const names = (await listFiles(overrideDir)).filter((name) => !name.startsWith(`${ASSETS_FOLDER}/`));
  for (const name of names) checkOverrideName(overrideDir, name, files.keys());
  const overrides = await readTree(overrideDir, names);
  const partials = (area: string) =>
    new Set([...files.keys()].flatMap((n) => new RegExp(`^${area}/partials/(.+)\\.hbs$`).exec(n)?.slice(1) ?? []));
  for (const [name, text] of overrides) {
    if (name.endsWith('.hbs')) checkOverrideTemplate(join(overrideDir, name), text, partials(name.split('/')[0] ?? ''));
    files.set(name, text);
  }
  return files;
}
