import { stringify } from 'yaml';
import { TECHNIQUES } from '../../bench/synthetic.mjs';

const NAMES = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo', 'Foxtrot', 'Golf', 'Hotel'];
const SEVERITIES = ['none', 'low', 'medium', 'high', 'critical'] as const;

type Technique = (typeof TECHNIQUES)[number];

export interface ComparisonShape {
  readonly systems?: number;
  readonly threats?: number;
  readonly dimensions?: number;
  readonly attacks?: number;
  readonly verdicts?: number;
  readonly steps?: number;
  readonly references?: number;
  /** Replaces the text of every assessment, outcome and rationale (e.g. hostile Markdown). */
  readonly text?: (where: string) => string;
}

/**
 * Content for a comparison of the given shape, as a YAML source: every field filled, texts long enough
 * to wrap, so that pagination and layout meet realistic rows. Nothing in it names runc or Kata.
 */
export function comparisonYaml(shape: ComparisonShape = {}): string {
  const n = (k: keyof ComparisonShape, d: number) => (shape[k] as number | undefined) ?? d;
  const text = shape.text ?? ((where: string) => `The ${where} holds under load, with the caveats the review lists.`);
  const systems = NAMES.slice(0, n('systems', 2)).map((name, i) => ({
    id: name.toLowerCase(),
    name: i === 1 ? `${name} Sandboxed Runtime With A Long Name` : `${name} Runtime`,
    description: `${name} runs workloads behind its own boundary.`,
    isolation: `${name} boundary`,
    notes: `Notes on ${name}.`,
  }));
  const per = <T>(f: (id: string, i: number) => T) => Object.fromEntries(systems.map((s, i) => [s.id, f(s.id, i)]));
  const threats = Array.from({ length: n('threats', 3) }, (_, t) => ({
    id: `threat-${t + 1}`,
    title: `Threat number ${t + 1}`,
    description: `What threat ${t + 1} is about, in one sentence.`,
    standards: [
      { framework: 'MITRE ATT&CK', ...(TECHNIQUES[t % TECHNIQUES.length] as Technique), ourAssessment: true },
    ],
    assessments: per((id, i) => ({
      text: text(`assessment of threat ${t + 1} for ${id}`),
      likelihood: ((t + i) % 5) + 1,
      impact: ((t * 2 + i) % 5) + 1,
      status: 'open',
      ...(i % 2 === 1 ? { justification: 'A boundary of its own contains it.' } : {}),
    })),
    notes: `Speaker notes for threat ${t + 1}.`,
  }));
  const threatIds = threats.map((t) => t.id);
  return stringify({
    title: 'A comparison of several runtimes',
    subtitle: 'Generated for tests',
    version: '2.0',
    date: '2026-01-15',
    authors: ['Test Author'],
    classification: 'Confidential',
    language: 'en',
    summary: 'A summary paragraph.',
    systems,
    threats,
    defenses: systems.map((s, i) => ({
      id: `defense-${s.id}`,
      name: `Defense of ${s.name}`,
      systems: [s.id],
      purpose: `Keep ${s.id} apart.`,
      effectiveness: text(`effectiveness of the defense of ${s.id}`),
      counters: threatIds.slice(0, 1 + (i % 2)),
    })),
    dimensions: Array.from({ length: n('dimensions', 2) }, (_, d) => ({
      id: `dimension-${d + 1}`,
      name: `Dimension ${d + 1}`,
      summary: `How the systems compare on dimension ${d + 1}.`,
      values: per((id, i) => ({ text: `Value ${d + 1} of ${id}`, score: ((d + i) % 5) + 1 })),
    })),
    attacks: Array.from({ length: n('attacks', 2) }, (_, a) => ({
      id: `attack-${a + 1}`,
      name: `Attack ${a + 1}`,
      threats: [threatIds[a % threatIds.length]],
      outcomes: per((id, i) => ({
        text: text(`outcome of attack ${a + 1} on ${id}`),
        severity: SEVERITIES[(a + i) % 5],
      })),
    })),
    verdicts: Array.from({ length: n('verdicts', 2) }, (_, v) => ({
      id: `verdict-${v + 1}`,
      category: `Category ${v + 1}`,
      better: v === 0 ? systems.map((s) => s.id) : [systems[v % systems.length]?.id],
      rationale: text(`rationale of verdict ${v + 1}`),
      notes: `Verdict note ${v + 1}.`,
    })),
    attackFlows: [
      {
        id: 'flow',
        title: 'Attack flow',
        description: 'From a foothold to the host.',
        steps: Array.from({ length: n('steps', 3) }, (_, s) => ({
          id: `step-${s + 1}`,
          actor: 'Attacker',
          action: `Step ${s + 1} of the attack.`,
          ...(s === n('steps', 3) - 1
            ? {
                branches: per((id, i) => ({
                  outcome: `Where ${id} ends up.`,
                  severity: SEVERITIES[i % 5],
                  label: `${id} result`,
                })),
              }
            : {}),
        })),
      },
    ],
    references: Array.from({ length: n('references', 2) }, (_, r) => ({
      id: `ref-${r + 1}`,
      title: `Reference ${r + 1}`,
      url: `https://example.org/reference/${r + 1}`,
    })),
  });
}
