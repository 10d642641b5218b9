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
# version: "1.0"          # shown as "Draft" until you set it
# classification: Internal # printed on every page; a draft has no band
date: "${date}"
authors:
  - { name: Your Name, role: Author }
audience: Who this is for
summary: |
  One paragraph for the busy reader: which system is better against what, and at what price.
ratingNote: The ratings are our assessment, read on the NIST SP 800-30 qualitative scales.
scales:
  preset: nist-sp-800-30

systems:
  - id: system-a
    name: System A
    shortName: A
    description: What it is.
    isolation: The boundary it relies on.
    facts: { Implementation language: Which one, Boundary layers: How many }
  - id: system-b
    name: System B
    shortName: B
    description: What it is.
    isolation: The boundary it relies on.
    facts: { Implementation language: Which one, Boundary layers: How many }

threats:
  - id: example-threat
    title: Example Threat
    description: What could go wrong.
    standards:
      - framework: MITRE ATT&CK
        id: T1611
    # cves: [CVE-YYYY-NNNN]   # CVE ids this threat covers, linked to cve.org
    sources: [example-reference]
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
        sources: [example-reference]
    caveat: What a reader must keep in mind; printed, unlike notes.

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
    confidence: medium
    ranking: [system-b, system-a]

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
          system-a: { outcome: Reaches the host., severity: critical, result: proceeds, label: Host reached }
          system-b: { outcome: Stays contained., severity: low, result: contained, label: Contained }

references:
  - id: example-reference
    title: An example reference
    url: https://example.com/
---

## Scope

What this comparison covers, and what it leaves out.
`;
}
