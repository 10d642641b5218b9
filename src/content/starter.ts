/**
 * A new comparison that validates and builds on the first try; `riskdeck init` writes it.
 * Longer than 80 lines because it is one file's text: a template literal read top to bottom like the file.
 */
export function starterContent(title: string, date: string, schemaPath: string): string {
  const quoted = JSON.stringify(title);
  return `---
# yaml-language-server: $schema=${schemaPath}
title: ${quoted}
subtitle: What we compare and why
version: "0.1"
date: "${date}"
authors:
  - Your Name
classification: Internal
summary: |
  One paragraph for the busy reader: which system is better against what, and at what price.

systems:
  - id: system-a
    name: System A
    description: What it is.
    isolation: The boundary it relies on.
  - id: system-b
    name: System B
    description: What it is.
    isolation: The boundary it relies on.

threats:
  - id: example-threat
    title: Example Threat
    description: What could go wrong.
    standards:
      - framework: MITRE ATT&CK
        id: T1611
        name: Escape to Host
    assessments:
      system-a:
        text: How the threat applies to System A.
        likelihood: 3
        impact: 4
        status: open
      system-b:
        text: How the threat applies to System B.
        likelihood: 2
        impact: 4
        status: mitigated
        justification: Why it is mitigated.

defenses:
  - id: example-defense
    name: Example Defense
    systems: [system-b]
    purpose: What it is for.
    effectiveness: How well it works.
    counters: [example-threat]

dimensions:
  - id: overhead
    name: Overhead
    summary: How the two compare.
    values:
      system-a: { text: Low, score: 4 }
      system-b: { text: Higher, score: 3 }

verdicts:
  - id: example-verdict
    category: Example Threat
    better: [system-b]
    rationale: Why System B does better [@example-reference].

attackFlows:
  - id: example-flow
    title: Example Attack Flow
    steps:
      - id: foothold
        actor: Attacker
        action: Gains a foothold.
      - id: escalate
        actor: Attacker
        action: Tries to escalate.
        branches:
          system-a: { outcome: Reaches the host., severity: critical, label: Host reached }
          system-b: { outcome: Stays contained., severity: low, label: Contained }

references:
  - id: example-reference
    title: An example reference
    url: https://example.com/
---

## Scope

What this comparison covers, and what it leaves out.
`;
}
