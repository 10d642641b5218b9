import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Comparison } from '../../src/model/comparison.js';
import { compileSource } from '../../src/model/compile.js';
import { diffComparisons } from '../../src/model/diff.js';
import { modelJson, outputResult } from '../../src/outputs/render.js';

const PATH = 'test/fixtures/content/every-field.md';
const text = readFileSync(PATH, 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: tests edit parsed YAML freely, one field at a time
type Data = Record<string, any>;
const frontMatter = () => parse(text.split(/^---$/m)[1] ?? '') as Data;
/** Content as JSON (a YAML subset), so a test can change one field and compile the result. */
const compileData = (data: unknown) => compileSource({ path: 'changed.yaml', text: JSON.stringify(data) });
const compiled = compileSource({ path: PATH, text });

/** The comparison as `model.json` carries it: what `--since` reads back as a baseline. */
function modelJsonOf(comparison: Comparison): Comparison {
  const [artifact] = outputResult(modelJson({ comparison } as never) as never).artifacts;
  return JSON.parse(String(artifact && 'data' in artifact ? artifact.data : ''));
}

describe('every new content field', () => {
  const model: Data = modelJsonOf(compiled.comparison);

  it('builds with no warnings', () => {
    expect(compiled.warnings).toEqual([]);
  });

  it('reaches model.json: sources, scales, results, CVEs, facts, front matter, confidence, ranking, caveats', () => {
    const source = { id: 'runc-advisory', number: 1, title: expect.stringContaining('GHSA'), url: expect.any(String) };
    expect(model.meta).toMatchObject({
      version: 'Draft',
      versionLabel: 'Draft',
      audience: 'Platform team and CI owners',
    });
    expect(model.meta.classification).toBeUndefined();
    expect(model.meta.authors).toEqual([
      { name: 'Zoë Brandt-Okafor', role: 'Lead reviewer' },
      { name: 'Platform Security Review Board' },
    ]);
    expect(model.scales.preset).toMatch(/NIST SP 800-30 Rev\. 1/);
    expect(model.scales.likelihood.map((l: Data) => l.label)).toEqual([
      'Very Low',
      'Low',
      'Moderate',
      'High',
      'Very High',
    ]);
    expect(model.scales.score[4]).toEqual({ level: 5, label: 'Strong', definition: 'Exceeds the need with margin.' });
    expect(model.systems.map((s: Data) => s.shortName)).toEqual(['runc', 'gVisor', 'Kata']);
    expect(model.facts.map((f: Data) => f.label)).toEqual([
      'Kernel seen by the workload',
      'Implementation language',
      'Boundary layers',
    ]);
    const threat = model.threats[0];
    expect(threat.sources).toEqual([expect.objectContaining(source)]);
    expect(threat.assessments[1].sources[0].id).toBe('gvisor-security');
    expect(threat.cves).toEqual([
      { id: 'CVE-2019-5736', url: 'https://www.cve.org/CVERecord?id=CVE-2019-5736' },
      { id: 'CVE-2024-21626', url: 'https://www.cve.org/CVERecord?id=CVE-2024-21626' },
    ]);
    expect(threat.caveat).toMatch(/malicious image/);
    expect(model.defenses[0]).toMatchObject({
      caveat: expect.stringMatching(/Nested/),
      sources: [{ id: 'kata-architecture' }],
    });
    expect(model.dimensions[0].values[2].sources[0].id).toBe('kata-architecture');
    expect(model.attacks[0]).toMatchObject({
      cves: [{ id: 'CVE-2019-5736' }],
      caveat: expect.stringMatching(/Patched/),
    });
    expect(model.attacks[0].outcomes[0].sources[0].id).toBe('runc-advisory');
    expect(model.verdicts[0]).toMatchObject({
      confidence: { id: 'medium', label: 'Medium confidence' },
      ranking: [{ id: 'kata' }, { id: 'gvisor' }, { id: 'runc' }],
      caveat: expect.stringMatching(/nested/),
    });
    const [first, second, third] = model.flows[0].steps;
    expect(first).toMatchObject({ cves: [{ id: 'CVE-2024-21626' }], sources: [{ id: 'runc-advisory' }] });
    expect(second.branches.map((b: Data) => b.result.label)).toEqual(['Proceeds', 'Blocked', 'Contained']);
    expect(third.branches.map((b: Data) => b.result.id)).toEqual(['proceeds', 'not-applicable']);
    expect(model.cves.map((c: Data) => [c.id, c.usedBy.map((u: Data) => u.kind)])).toEqual([
      ['CVE-2019-5736', ['threat', 'attack']],
      ['CVE-2024-21626', ['threat', 'flow step']],
    ]);
  });

  // One change per new field; each must show in the diff, also against a baseline read from model.json.
  const edits: [string, (d: Data) => void][] = [
    ['document classification', (d) => (d.classification = 'Internal')],
    ['document audience', (d) => (d.audience = 'Everyone')],
    ['document authors', (d) => (d.authors[0].role = 'Reviewer')],
    ['document scales › impact 5', (d) => (d.scales.impact = frontMatterImpact('Catastrophic'))],
    ['document scales › score 1', (d) => (d.scales.score[0].definition = 'Unusable.')],
    ['system Kata Containers › short name', (d) => (d.systems[2].shortName = 'Kata VM')],
    [
      'system gVisor (`runsc`) › fact › Implementation language',
      (d) => (d.systems[1].facts['Implementation language'] = 'Go, some C'),
    ],
    ['threat Container Escape › CVEs', (d) => d.threats[0].cves.push('CVE-2022-0847')],
    ['threat Container Escape › sources', (d) => d.threats[0].sources.push('gvisor-security')],
    ['threat Container Escape › caveat', (d) => (d.threats[0].caveat = 'Changed.')],
    ['threat Container Escape › standards', (d) => (d.threats[0].standards[0].id = 'T1610')],
    [
      'threat Container Escape › Kata Containers › sources',
      (d) => (d.threats[0].assessments.kata.sources = ['runc-advisory']),
    ],
    ['defense Hardware Virtualization › sources', (d) => (d.defenses[0].sources = ['gvisor-security'])],
    ['defense Hardware Virtualization › caveat', (d) => delete d.defenses[0].caveat],
    [
      'dimension Startup Time › gVisor (`runsc`) › sources',
      (d) => (d.dimensions[0].values.gvisor.sources = ['gvisor-security']),
    ],
    ['attack Runtime Binary Overwrite › CVEs', (d) => (d.attacks[0].cves = ['CVE-2019-14271'])],
    ['attack Runtime Binary Overwrite › caveat', (d) => (d.attacks[0].caveat = 'Changed.')],
    [
      'attack Runtime Binary Overwrite › Kata Containers › sources',
      (d) => (d.attacks[0].outcomes.kata.sources = ['kata-architecture']),
    ],
    ['verdict Container Escape › confidence', (d) => (d.verdicts[0].confidence = 'high')],
    ['verdict Container Escape › ranking', (d) => (d.verdicts[0].ranking = ['kata', 'runc', 'gvisor'])],
    ['verdict Container Escape › caveat', (d) => (d.verdicts[0].caveat = 'Changed.')],
    ['flow Leaky Vessels › step 1 › CVEs', (d) => (d.attackFlows[0].steps[0].cves = [])],
    ['flow Leaky Vessels › step 1 › sources', (d) => (d.attackFlows[0].steps[0].sources = ['gvisor-security'])],
    [
      'flow Leaky Vessels › step 2 › Kata Containers › result',
      (d) => (d.attackFlows[0].steps[1].branches.kata.result = 'blocked'),
    ],
  ];
  const frontMatterImpact = (label: string) => {
    const impact = (frontMatter().scales.impact ?? []) as unknown[];
    return impact.length > 0
      ? impact
      : compiled.comparison.scales?.impact.map((l: Data) => (l.level === 5 ? { ...l, label } : l));
  };

  it.each(edits)('diff reports a change to %s', (subject, edit) => {
    const data = frontMatter();
    edit(data);
    const after = compileData(data).comparison;
    const [area, ...rest] = subject.split(' ');
    const expected = expect.objectContaining({ kind: 'changed', area, subject: rest.join(' ') });
    expect(diffComparisons(compiled.comparison, after).changes).toEqual([expected]);
    expect(diffComparisons(model as Comparison, after).changes).toEqual([expected]);
  });
});
