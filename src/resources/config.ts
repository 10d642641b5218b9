import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RiskdeckError } from '../errors.js';
import type { RiskdeckConfig } from './config-schema.js';
import { importAtRunTime } from './run-time-import.js';

export type { RiskdeckConfig } from './config-schema.js';

/** For `riskdeck.config.js`: `export default defineConfig({ … })` gives editor completion. */
export function defineConfig(config: RiskdeckConfig): RiskdeckConfig {
  return config;
}

export const CONFIG_NAMES = ['riskdeck.config.json', 'riskdeck.config.js', 'riskdeck.config.mjs'] as const;

export interface LoadedConfig {
  readonly path: string | undefined;
  readonly config: RiskdeckConfig;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Finds and reads the config file: the one named, else the first of CONFIG_NAMES in `cwd`. */
export async function loadConfig(cwd: string, explicit?: string): Promise<LoadedConfig> {
  let path: string | undefined;
  if (explicit !== undefined) {
    path = resolve(cwd, explicit);
    if (!(await isFile(path))) throw new RiskdeckError('USAGE', `no config file at ${explicit}`);
  } else {
    for (const name of CONFIG_NAMES) {
      if (await isFile(resolve(cwd, name))) {
        path = resolve(cwd, name);
        break;
      }
    }
  }
  if (path === undefined) return { path: undefined, config: {} };
  let raw: unknown;
  let text: string | undefined;
  try {
    if (path.endsWith('.json')) text = await readFile(path, 'utf8');
    raw =
      text !== undefined
        ? JSON.parse(text)
        : (
            (await importAtRunTime(`${pathToFileURL(path).href}?t=${(await stat(path)).mtimeMs}`)) as {
              default?: unknown;
            }
          ).default;
  } catch (error) {
    const { jsonSyntaxProblem } = await import('./config-issues.js');
    if (text !== undefined && error instanceof SyntaxError) {
      throw new RiskdeckError('USAGE', jsonSyntaxProblem(path, text, error));
    }
    throw new RiskdeckError('USAGE', `${path}: cannot read the config (${(error as Error).message.split('\n')[0]})`);
  }
  // The schema (and zod) load only when there is a config file to check.
  const { configSchema } = await import('./config-schema.js');
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const { configProblems } = await import('./config-issues.js');
    const keys = (at: readonly PropertyKey[]) => shapeKeys(configSchema, at);
    throw new RiskdeckError('USAGE', configProblems(path, text, parsed.error.issues, keys).join('\n'));
  }
  return { path, config: resolvePaths(parsed.data, dirname(path)) };
}

/** Paths in a config file are relative to the file's folder, not to wherever riskdeck runs. */
function resolvePaths(config: RiskdeckConfig, dir: string): RiskdeckConfig {
  const at = (p: string | undefined) => (p === undefined ? undefined : resolve(dir, p));
  const fonts = config.fonts;
  return Object.freeze({
    ...config,
    ...(config.outDir && { outDir: at(config.outDir) }),
    ...(config.contentDir && { contentDir: at(config.contentDir) }),
    ...(config.templates && { templates: at(config.templates) }),
    ...(config.theme && { theme: at(config.theme) }),
    ...(config.fallbackFonts && {
      fallbackFonts: config.fallbackFonts.map((f) =>
        typeof f === 'string'
          ? resolve(dir, f)
          : Object.fromEntries(
              Object.entries(f).flatMap(([face, file]) => (file === undefined ? [] : [[face, resolve(dir, file)]])),
            ),
      ),
    }),
    ...(fonts && {
      fonts: {
        family: fonts.family,
        normal: resolve(dir, fonts.normal),
        bold: resolve(dir, fonts.bold),
        italics: resolve(dir, fonts.italics),
        bolditalics: resolve(dir, fonts.bolditalics),
      },
    }),
  }) as RiskdeckConfig;
}

/** The keys an object of the schema has at `path` (for "did you mean"): optional and arrays unwrapped. */
function shapeKeys(schema: unknown, path: readonly PropertyKey[]): string[] {
  let at = schema as { shape?: Record<string, unknown>; unwrap?: () => unknown; element?: unknown } | undefined;
  const unwrap = () => {
    for (let i = 0; i < 5 && at !== undefined && at.shape === undefined; i++) {
      at = (at.unwrap?.() ?? at.element) as typeof at;
    }
  };
  for (const part of path) {
    unwrap();
    at = typeof part === 'number' ? at : (at?.shape?.[String(part)] as typeof at);
  }
  unwrap();
  return Object.keys(at?.shape ?? {});
}
