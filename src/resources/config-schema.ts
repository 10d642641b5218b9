import { z } from 'zod';
import { didYouMean } from '../content/suggest.js';
import { OUTPUT_NAMES } from '../outputs/names.js';

const fontFiles = z.strictObject({
  family: z.string().min(1),
  normal: z.string().min(1),
  bold: z.string().min(1),
  italics: z.string().min(1),
  bolditalics: z.string().min(1),
});

const fallbackFont = z.union([
  z.string().min(1),
  z.strictObject({
    normal: z.string().min(1),
    bold: z.string().min(1).optional(),
    italics: z.string().min(1).optional(),
    bolditalics: z.string().min(1).optional(),
  }),
]);

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  outDir: z.string().min(1).optional().describe('Output folder (default "dist")'),
  contentDir: z.string().min(1).optional().describe('Content folder (default "content")'),
  templates: z.string().min(1).optional().describe('Folder of template overrides'),
  theme: z.string().min(1).optional().describe('A CSS file layered over the deck theme'),
  fonts: fontFiles.optional().describe('Font files for the report and diagrams (default: Roboto)'),
  fallbackFonts: z
    .array(fallbackFont)
    .max(8)
    .optional()
    .describe(
      'Fonts for characters neither the main font nor DejaVu Sans has (a CJK font): TTF, OTF, TTC, WOFF, WOFF2',
    ),
  allowedHosts: z
    .array(z.string().min(1))
    .optional()
    .describe('Host names `riskdeck dev` answers besides loopback and its own address (as --allowed-host)'),
  outputs: z
    .array(z.string())
    .min(1)
    .superRefine((names, ctx) => {
      names.forEach((name, i) => {
        if (!(OUTPUT_NAMES as readonly string[]).includes(name)) {
          ctx.addIssue({
            code: 'custom',
            path: [i],
            message: `unknown output "${name}"${didYouMean(name, OUTPUT_NAMES)}; name some of ${OUTPUT_NAMES.join(', ')}`,
          });
        }
      });
    })
    .optional()
    .describe(
      `What \`riskdeck build\` writes (default: model, deck, report); any of ${OUTPUT_NAMES.join(', ')}. --only overrides it`,
    ),
  riskThresholds: z
    .strictObject({ medium: z.int().min(2).max(25), high: z.int().min(2).max(25), critical: z.int().min(2).max(25) })
    .refine((t) => t.medium < t.high && t.high < t.critical, { message: 'must rise: medium < high < critical' })
    .optional()
    .describe('Default risk thresholds when the content sets none'),
});

export type RiskdeckConfig = z.infer<typeof configSchema>;
