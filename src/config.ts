import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { RiskdeckError } from './errors.js';

const fontFiles = z.strictObject({
  family: z.string().min(1),
  normal: z.string().min(1),
  bold: z.string().min(1),
  italics: z.string().min(1),
  bolditalics: z.string().min(1),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  outDir: z.string().min(1).optional().describe('Output folder (default "dist")'),
  contentDir: z.string().min(1).optional().describe('Content folder (default "content")'),
  templates: z.string().min(1).optional().describe('Folder of template overrides'),
  theme: z.string().min(1).optional().describe('A CSS file that replaces the deck theme'),
  fonts: fontFiles.optional().describe('TTF files for the report and diagrams (default: Roboto)'),
  riskThresholds: z
    .strictObject({ medium: z.int().min(2).max(25), high: z.int().min(2).max(25), critical: z.int().min(2).max(25) })
    .refine((t) => t.medium < t.high && t.high < t.critical, { message: 'must rise: medium < high < critical' })
    .optional()
    .describe('Default risk thresholds when the content sets none'),
});

export type RiskdeckConfig = z.infer<typeof configSchema>;

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
  try {
    raw = path.endsWith('.json')
      ? JSON.parse(await readFile(path, 'utf8'))
      : ((await import(`${pathToFileURL(path).href}?t=${(await stat(path)).mtimeMs}`)) as { default?: unknown })
          .default;
  } catch (error) {
    throw new RiskdeckError('USAGE', `${path}: cannot read the config (${(error as Error).message})`);
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new RiskdeckError('USAGE', `${path}: invalid config\n${problems}`);
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
