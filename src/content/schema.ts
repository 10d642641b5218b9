import { z } from 'zod';

/**
 * The content schema: the one source of the content types and of the JSON Schema editors use.
 * Every text field is Markdown. Cross-references (system, threat and reference ids) are checked
 * after this schema, in `references.ts`, because they depend on the whole document.
 */

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    message: 'must be a short id of lower-case letters, digits and hyphens (e.g. "container-escape")',
  })
  .describe('A stable id: lower-case letters, digits and hyphens.');

const markdown = (what: string) => z.string().min(1, { message: 'must not be empty' }).describe(`${what} (Markdown)`);
const plain = (what: string) => z.string().min(1, { message: 'must not be empty' }).describe(what);
const rating = (what: string) => z.int().min(1).max(5).describe(`${what}, 1 (lowest) to 5 (highest)`);
const notes = markdown('Speaker notes; shown in the deck presenter view').optional();
const caveat = markdown('A caveat printed with the item in the deck and the report (unlike notes)').optional();
const sources = z.array(id).optional().describe('Reference ids that back this item; printed as numbered citations');
export const CVE_PATTERN = /^CVE-\d{4}-\d{4,}$/;
const cves = z
  .array(z.string().regex(CVE_PATTERN, { message: 'must be a CVE id written CVE-YYYY-NNNN (4 or more digits)' }))
  .optional()
  .describe('CVE ids, e.g. "CVE-2019-5736"; each links to its record on cve.org');

export const SEVERITIES = ['none', 'low', 'medium', 'high', 'critical'] as const;
export const RESULTS = ['proceeds', 'contained', 'blocked', 'not-applicable'] as const;
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export const SCALE_PRESETS = ['nist-sp-800-30'] as const;
export const STATUSES = [
  'open',
  'mitigated',
  'partially-mitigated',
  'accepted',
  'transferred',
  'not-applicable',
] as const;

const standardRef = z
  .strictObject({
    framework: plain('The framework, e.g. "MITRE ATT&CK", "CWE", "NIST SP 800-190"'),
    id: plain('The id within the framework, e.g. "T1611"'),
    name: plain('The entry name, e.g. "Escape to Host"').optional(),
    ourAssessment: z.boolean().optional().describe('True when the mapping is our assessment, not the source text'),
  })
  .describe('A mapping to an external standard');

const assessment = z.strictObject({
  text: markdown('How the threat applies to this system'),
  likelihood: rating('Likelihood').optional(),
  impact: rating('Impact').optional(),
  status: z.enum(STATUSES).optional(),
  justification: markdown('Why the status holds').optional(),
  sources,
});

const system = z.strictObject({
  id,
  name: plain('Display name'),
  description: markdown('What the system is').optional(),
  shortName: plain('A short name for tight places: table headers, diagram lanes').max(24).optional(),
  isolation: markdown('The boundary it relies on').optional(),
  facts: z
    .record(plain('Fact label'), markdown('Fact value'))
    .optional()
    .describe('Key facts by label, e.g. "Implementation language": Go; the same labels across systems make a table'),
  notes,
});

const threat = z.strictObject({
  id,
  title: plain('Threat title'),
  description: markdown('The threat in general').optional(),
  standards: z.array(standardRef).optional(),
  cves,
  sources,
  assessments: z.record(id, assessment).describe('Per system id: how the threat applies'),
  caveat,
  notes,
});

const defense = z.strictObject({
  id,
  name: plain('Defense name'),
  systems: z.array(id).min(1).describe('System ids that use this defense'),
  purpose: markdown('What it is for'),
  effectiveness: markdown('How well it works'),
  counters: z.array(id).optional().describe('Threat ids it counters'),
  sources,
  caveat,
  notes,
});

const dimension = z.strictObject({
  id,
  name: plain('Dimension name'),
  summary: markdown('The comparison in one or two sentences').optional(),
  values: z
    .record(
      id,
      z.strictObject({
        text: markdown('The value for this system'),
        score: rating('Score, higher is better').optional(),
        sources,
      }),
    )
    .describe('Per system id: the value'),
  notes,
});

const attack = z.strictObject({
  id,
  name: plain('Attack name'),
  threats: z.array(id).optional().describe('Threat ids this attack realises'),
  cves,
  outcomes: z
    .record(
      id,
      z.strictObject({
        text: markdown('How the system fares'),
        severity: z.enum(SEVERITIES).optional().describe('Severity of the outcome for this system'),
        sources,
      }),
    )
    .describe('Per system id: the outcome'),
  caveat,
  notes,
});

const verdict = z.strictObject({
  id,
  category: plain('What is judged, e.g. "Kernel Vulnerabilities"'),
  better: z.array(id).min(1).describe('System id(s) that do better; list every system for a tie'),
  rationale: markdown('Why'),
  threats: z.array(id).optional(),
  references: z.array(id).optional(),
  confidence: z.enum(CONFIDENCES).optional().describe('How sure the verdict is: low, medium or high'),
  ranking: z.array(id).optional().describe('Every system id once, best first, when the verdict ranks them all'),
  caveat,
  notes,
});

const branch = z.strictObject({
  outcome: markdown('What happens on this system'),
  severity: z.enum(SEVERITIES).describe('Severity of the outcome'),
  result: z
    .enum(RESULTS)
    .optional()
    .describe('What the attack does here: proceeds, contained, blocked or not-applicable'),
  label: plain('A short label for the diagram, e.g. "Host compromised"').optional(),
});

const step = z.strictObject({
  id,
  actor: plain('Who acts'),
  action: markdown('What they do'),
  branches: z.record(id, branch).optional().describe('Per system id: the outcome where the step branches'),
  cves,
  sources,
  notes,
});

const attackFlow = z.strictObject({
  id,
  title: plain('Flow title'),
  description: markdown('What the flow shows').optional(),
  steps: z.array(step).min(1).max(50),
  notes,
});

const reference = z.strictObject({
  id,
  title: plain('Reference title'),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).describe('http(s) URL'),
  note: markdown('What it supports').optional(),
});

const historyEntry = z.strictObject({
  version: plain('Version'),
  date: z.iso.date({ message: 'must be a date written YYYY-MM-DD' }),
  author: plain('Author').optional(),
  changes: markdown('What changed'),
});

const scaleLevel = z.strictObject({
  level: z.int().min(1).max(5).describe('The rating this level defines, 1 to 5'),
  label: plain('The level in words, e.g. "Very High"'),
  definition: markdown('What the level means, so others can check a rating'),
});
const scale = (what: string) =>
  z.array(scaleLevel).min(1).max(5).optional().describe(`${what}: one entry per level 1-5`);
const scales = z
  .strictObject({
    preset: z
      .enum(SCALE_PRESETS)
      .optional()
      .describe('A named default: nist-sp-800-30 (NIST SP 800-30 Rev. 1, Appendix G and H, qualitative)'),
    likelihood: scale('Likelihood levels'),
    impact: scale('Impact levels'),
    score: scale('Dimension score levels'),
  })
  .describe('What each rating level means; a preset fills the scales not written out');

const author = z.union(
  [
    plain('Author name'),
    z.strictObject({ name: plain('Author name'), role: plain('Role, e.g. "Reviewer"').optional() }),
  ],
  { error: 'must be a name, or a mapping with a name and an optional role: { name: Ada, role: Reviewer }' },
);

const thresholds = z
  .strictObject({
    medium: z.int().min(2).max(25).describe('Lowest score that is Medium'),
    high: z.int().min(2).max(25).describe('Lowest score that is High'),
    critical: z.int().min(2).max(25).describe('Lowest score that is Critical'),
  })
  .refine((t) => t.medium < t.high && t.high < t.critical, {
    message: 'must rise: medium < high < critical',
  })
  .describe('Risk level thresholds on likelihood × impact (1–25)');

export const contentSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors'),
    title: plain('Title of the comparison'),
    subtitle: plain('Subtitle').optional(),
    version: plain('Document version; quote it in YAML, e.g. "1.0"; shown as "Draft" when absent').optional(),
    date: z.iso.date({ message: 'must be a date written YYYY-MM-DD' }),
    authors: z.array(author).min(1).describe('Names, or { name, role }'),
    classification: plain('Printed on every page, e.g. "Internal"; no band when absent').optional(),
    audience: plain('Who the document is for, e.g. "Platform team"').optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/)
      .optional()
      .describe('BCP 47 tag, default "en"'),
    summary: markdown('Executive summary'),
    ratingNote: markdown('Where ratings and mappings come from').optional(),
    scales: scales.optional(),
    riskThresholds: thresholds.optional(),
    history: z.array(historyEntry).optional(),
    systems: z.array(system).min(2).max(8),
    threats: z.array(threat).min(1),
    defenses: z.array(defense).optional(),
    dimensions: z.array(dimension).optional(),
    attacks: z.array(attack).optional(),
    verdicts: z.array(verdict).optional(),
    attackFlows: z.array(attackFlow).optional(),
    references: z.array(reference).optional(),
  })
  .describe('A riskdeck security comparison');

export type Content = z.infer<typeof contentSchema>;
export type System = Content['systems'][number];
export type Threat = Content['threats'][number];
export type Assessment = Threat['assessments'][string];
export type Defense = NonNullable<Content['defenses']>[number];
export type Dimension = NonNullable<Content['dimensions']>[number];
export type Attack = NonNullable<Content['attacks']>[number];
export type Verdict = NonNullable<Content['verdicts']>[number];
export type AttackFlow = NonNullable<Content['attackFlows']>[number];
export type FlowStep = AttackFlow['steps'][number];
export type Reference = NonNullable<Content['references']>[number];
export type Severity = (typeof SEVERITIES)[number];
export type RiskThresholds = z.infer<typeof thresholds>;
export type Scales = z.infer<typeof scales>;
export type ScaleLevel = z.infer<typeof scaleLevel>;
export type Author = z.infer<typeof author>;
export type Result = (typeof RESULTS)[number];
export type Confidence = (typeof CONFIDENCES)[number];

export function contentJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(contentSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
}
