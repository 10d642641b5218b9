import { z } from 'zod';
import { RiskdeckError } from '../../errors.js';
import type { TemplateFiles } from '../../resources/templates.js';

const color = z.string().regex(/^#[0-9a-fA-F]{6}$/, { message: 'must be a colour written #rrggbb' });
const swatch = z.strictObject({ fill: color, text: color });

/** `templates/report/style.json`: page, colours and the pdfmake styles the report uses by name. */
const styleSchema = z.strictObject({
  page: z.strictObject({
    size: z.enum(['A4', 'LETTER', 'LEGAL', 'A5', 'B5']),
    margins: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  }),
  colors: z.strictObject({
    text: color,
    muted: color,
    accent: color,
    rule: color,
    tableHeader: color,
    zebra: color,
    codeText: color,
    codeBackground: color,
    quoteBar: color,
    quoteBackground: color,
  }),
  levels: z.strictObject({ none: swatch, low: swatch, medium: swatch, high: swatch, critical: swatch }),
  // pdfmake style properties (fontSize, bold, margin, lineHeight, color…), passed through as they are.
  styles: z.record(z.string(), z.record(z.string(), z.unknown())),
});

export type ReportStyle = z.infer<typeof styleSchema>;
export type LevelId = keyof ReportStyle['levels'];

const cache = new WeakMap<TemplateFiles, ReportStyle>();

export function reportStyle(files: TemplateFiles): ReportStyle {
  const cached = cache.get(files);
  if (cached) return cached;
  const name = 'templates/report/style.json';
  const text = files.get('report/style.json');
  if (text === undefined) throw new RiskdeckError('TEMPLATE_INVALID', `${name} is missing`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new RiskdeckError('TEMPLATE_INVALID', `${name}: ${(error as Error).message}`);
  }
  const parsed = styleSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new RiskdeckError('TEMPLATE_INVALID', `${name}: ${issues.join('; ')}`);
  }
  cache.set(files, parsed.data);
  return parsed.data;
}

export function levelSwatch(style: ReportStyle, level: string): { fill: string; text: string } {
  return style.levels[level as LevelId] ?? style.levels.none;
}
