import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../src/fonts/load.js';
import { type RenderResources, renderSource } from '../../src/outputs/render.js';
import { reportOutput } from '../../src/outputs/report/index.js';
import { loadTemplates } from '../../src/resources/templates.js';
import { type ParsedDeck, renderDeck } from '../helpers/deck.js';
import { readPdf } from '../helpers/pdf.js';

const PATH = 'test/fixtures/content/every-field.md';
const text = readFileSync(PATH, 'utf8');

/** Each new field, as a reader finds it in both outputs: [what, text that must appear]. */
const PRINTED: [string, string][] = [
  ['audience', 'Platform team and CI owners'],
  ['author role', 'Zoë Brandt-Okafor (Lead reviewer)'],
  ['likelihood scale (preset)', 'The threat event is almost certain to occur and cause harm.'],
  ['impact scale (preset)', 'Multiple severe or catastrophic adverse effects'],
  ['score scale (written out)', 'Exceeds the need with margin.'],
  ['fact label', 'Kernel seen by the workload'],
  ['fact value', 'The Sentry, a user-space kernel'],
  ['official ATT&CK name', 'Escape to Host'],
  ['ATT&CK tactic', 'Privilege Escalation'],
  ['official CWE name', "('File Descriptor Leak')"],
  ['threat CVE', 'CVE-2019-5736'],
  ['flow-step CVE', 'CVE-2024-21626'],
  ['threat caveat', 'Escapes through the runtime need a malicious image'],
  ['defense caveat', 'Nested virtualization on cloud VMs weakens the performance case.'],
  ['attack caveat', 'Patched since runc 1.0-rc6'],
  ['verdict caveat', 'Assumes hosts without nested virtualization.'],
  ['verdict confidence', 'Medium confidence'],
  ['result proceeds', 'Proceeds'],
  ['result contained', 'Contained'],
  ['result blocked', 'Blocked'],
  ['result not applicable', 'Not applicable'],
  ['CVE index', 'CVE index'],
];

describe('every new field rendered', () => {
  let deck: ParsedDeck;
  let deckText: string;
  let reportText: string;
  let reportLinks: string[];
  beforeAll(async () => {
    deck = await renderDeck(PATH, text);
    deckText = deck.text(deck.slides);
    const resources: RenderResources = { fonts: await loadFonts(), templates: await loadTemplates() };
    const rendered = await renderSource({ path: PATH, text }, [reportOutput], resources, { sourceDateEpoch: '0' });
    const pdf = rendered.artifacts.find((a) => a.path === 'report.pdf');
    if (!pdf || !('data' in pdf) || typeof pdf.data === 'string') throw new Error('no report.pdf');
    const read = await readPdf(pdf.data);
    reportText = read.pages.map((p) => p.text).join(' ');
    reportLinks = read.pages.flatMap((p) => p.links.map((l) => l.url ?? `#${l.dest}`));
  }, 120_000);

  it.each(PRINTED)('shows the %s in the deck', (_, expected) => {
    expect(deckText).toContain(expected);
  });

  it.each(PRINTED)('prints the %s in the report', (_, expected) => {
    expect(reportText).toContain(expected);
  });

  it('links CVEs to their record and standards ids to their page, in both outputs', () => {
    for (const url of [
      'https://www.cve.org/CVERecord?id=CVE-2019-5736',
      'https://www.cve.org/CVERecord?id=CVE-2024-21626',
      'https://attack.mitre.org/techniques/T1611/',
      'https://cwe.mitre.org/data/definitions/403.html',
    ]) {
      expect(deck.all((e) => e.name === 'a' && e.attribs.href === url).length).toBeGreaterThan(0);
      expect(reportLinks).toContain(url);
    }
  });

  it('cites per-item sources as linked reference numbers', () => {
    const sources = deck.all((e) => e.attribs.class === 'sources');
    expect(sources.length).toBeGreaterThanOrEqual(7);
    expect(
      sources.every((s) => deck.all((a) => a.name === 'a' && /^#ref-/.test(a.attribs.href ?? ''), s).length > 0),
    ).toBe(true);
    expect(reportLinks.filter((l) => l === '#ref-runc-advisory').length).toBeGreaterThanOrEqual(5);
  });

  it('ranks all systems in the verdict, best first', () => {
    expect(deckText).toContain('Ranking: Kata Containers › gVisor (runsc) › runc (OCI reference runtime)');
    expect(reportText).toContain('ranking: Kata Containers › gVisor (runsc) › runc (OCI reference runtime)');
  });

  it('heads the facts table with the short names', () => {
    const [table] = deck.all((e) => e.attribs.class === 'deck-table t-comparison t-facts');
    const heads = deck.all((e) => e.name === 'th' && e.attribs.scope === 'col', table ?? []);
    expect(heads.map((e) => deck.text(e))).toEqual(['Fact', 'runc', 'gVisor', 'Kata']);
    expect(reportText).toMatch(/Fact\s+runc\s+gVisor\s+Kata/);
  });

  it('gives each result a symbol beside its word, and no classification band for a draft', () => {
    // In the flow diagram's outcome boxes, step by step in system order.
    const flow = deck.all((e) => e.name === 'svg' && /^flow-/.test(e.attribs.id ?? ''));
    const results = deck
      .all((e) => e.name === 'text', flow)
      .map((t) => deck.text(t))
      .filter((t) => /^[●■○–] /.test(t));
    expect(results).toEqual(['● Proceeds', '■ Blocked', '○ Contained', '● Proceeds', '– Not applicable']);
    expect(deck.all((e) => e.attribs.class === 'cover-classification')).toEqual([]);
    expect(deckText).toContain('Draft review: runc, gVisor and Kata Containers · Draft · 2026-11-29');
    expect(reportText).toContain('Version Draft');
    expect(deck.all((e) => e.attribs.class === 'classification').every((e) => deck.text(e) === '')).toBe(true);
  });
});
