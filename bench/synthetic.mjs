// Synthetic comparisons for the benchmark: every part of the model scaled with the number of threats.
import { stringify } from 'yaml';

const WORDS = (
  'container kernel namespace boundary isolation exploit privilege host guest memory network policy ' +
  'runtime sandbox syscall filter capability mount device driver firmware hypervisor scheduler quota'
).split(' ');

function sentence(seed, length = 14) {
  const words = [];
  for (let i = 0; i < length; i++) words.push(WORDS[(seed * 7 + i * 13) % WORDS.length]);
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Real ATT&CK v18.1 techniques (not revoked) with their official names: standards ids are checked. */
export const TECHNIQUES = [
  { id: 'T1611', name: 'Escape to Host' },
  { id: 'T1610', name: 'Deploy Container' },
  { id: 'T1612', name: 'Build Image on Host' },
  { id: 'T1613', name: 'Container and Resource Discovery' },
  { id: 'T1068', name: 'Exploitation for Privilege Escalation' },
  { id: 'T1190', name: 'Exploit Public-Facing Application' },
  { id: 'T1203', name: 'Exploitation for Client Execution' },
  { id: 'T1055', name: 'Process Injection' },
  { id: 'T1496', name: 'Resource Hijacking' },
  { id: 'T1499', name: 'Endpoint Denial of Service' },
];

/** A valid content document with `systems` systems and `threats` threats, as YAML text. */
export function syntheticContent(systems, threats) {
  const ids = Array.from({ length: systems }, (_, i) => `system-${i + 1}`);
  const perSystem = (make) => Object.fromEntries(ids.map((id, s) => [id, make(s)]));
  const steps = Math.min(20, Math.max(3, Math.round(threats / 10)));
  const references = Array.from({ length: Math.max(3, Math.round(threats / 5)) }, (_, i) => ({
    id: `ref-${i + 1}`,
    title: `Reference ${i + 1}: ${sentence(i, 5)}`,
    url: `https://example.com/reference/${i + 1}`,
  }));
  const doc = {
    title: `Synthetic comparison: ${systems} systems × ${threats} threats`,
    subtitle: 'Generated for the benchmark',
    version: '1.0',
    date: '2026-01-01',
    authors: ['riskdeck benchmark'],
    classification: 'Public',
    summary: `${sentence(1, 30)} ${sentence(2, 30)} [@ref-1]`,
    systems: ids.map((id, i) => ({
      id,
      name: `System ${i + 1}`,
      description: sentence(i, 12),
      isolation: sentence(i + 3, 6),
    })),
    threats: Array.from({ length: threats }, (_, t) => ({
      id: `threat-${t + 1}`,
      title: `Threat ${t + 1}: ${sentence(t, 3).slice(0, -1)}`,
      description: sentence(t, 20),
      standards: [{ framework: 'MITRE ATT&CK', ...TECHNIQUES[t % TECHNIQUES.length] }],
      assessments: perSystem((s) => ({
        text: `${sentence(t + s, 18)} [@ref-${(t % references.length) + 1}]`,
        likelihood: ((t + s) % 5) + 1,
        impact: ((t * 3 + s) % 5) + 1,
        status: ['open', 'mitigated', 'accepted'][(t + s) % 3],
      })),
      notes: sentence(t, 10),
    })),
    defenses: Array.from({ length: Math.max(2, Math.round(threats / 2)) }, (_, d) => ({
      id: `defense-${d + 1}`,
      name: `Defense ${d + 1}`,
      systems: [ids[d % systems]],
      purpose: sentence(d, 12),
      effectiveness: sentence(d + 1, 16),
      counters: [`threat-${(d % threats) + 1}`],
    })),
    dimensions: Array.from({ length: Math.max(2, Math.round(threats / 4)) }, (_, d) => ({
      id: `dimension-${d + 1}`,
      name: `Dimension ${d + 1}`,
      summary: sentence(d, 14),
      values: perSystem((s) => ({ text: sentence(d + s, 5), score: ((d + s) % 5) + 1 })),
    })),
    attacks: Array.from({ length: Math.max(2, Math.round(threats / 3)) }, (_, a) => ({
      id: `attack-${a + 1}`,
      name: `Attack ${a + 1}`,
      threats: [`threat-${(a % threats) + 1}`],
      outcomes: perSystem((s) => ({
        text: sentence(a + s, 12),
        severity: ['low', 'medium', 'high', 'critical'][(a + s) % 4],
      })),
    })),
    verdicts: Array.from({ length: Math.max(2, Math.round(threats / 5)) }, (_, v) => ({
      id: `verdict-${v + 1}`,
      category: `Category ${v + 1}`,
      better: [ids[v % systems]],
      rationale: sentence(v, 16),
    })),
    attackFlows: [
      {
        id: 'flow',
        title: 'Synthetic attack flow',
        steps: Array.from({ length: steps }, (_, i) => ({
          id: `step-${i + 1}`,
          actor: i % 2 ? 'Attacker' : 'Insider',
          action: sentence(i, 10),
          ...(i % 4 === 3 || i === steps - 1
            ? {
                branches: perSystem((s) => ({
                  outcome: sentence(i + s, 8),
                  severity: ['none', 'low', 'medium', 'high', 'critical'][(i + s) % 5],
                  label: `Outcome ${s + 1}`,
                })),
              }
            : {}),
        })),
      },
    ],
    references,
  };
  return stringify(doc, { lineWidth: 0 });
}
