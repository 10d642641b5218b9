import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison } from '../../src/model/comparison.js';
import { riskdeck } from '../helpers/cli.js';
import { type Element, type ParsedDeck, parseDeck } from '../helpers/deck.js';
import { type ReadPdf, readPdf } from '../helpers/pdf.js';
import { scanDeck } from './scan.js';

/**
 * `corpus/top-level-fields.md` puts markup, event handlers and template syntax into every top-level
 * field (title, subtitle, version, authors, classification), the system names and a reference's title
 * and URL. Each payload names its field, so the test can find it where the deck and the report print
 * that field, and check that it shows there as written: as text, never as an element or an attribute.
 */
const payload = (field: string) =>
  `${field}: <script>alert("${field}")</script><img src=x onerror=alert("${field}")>"'><b onmouseover=alert("${field}")>{{${field}}}`;
const FIELDS = [
  'title',
  'subtitle',
  'version',
  'author-one',
  'author-two',
  'classification',
  'system-alpha',
  'system-beta',
  'reference-title',
];
const URL_ONE = 'https://example.com/a"><script>alert("url")</script><img src=x onerror=alert("url")>?q={{url}}';
const URL_TWO = "https://example.com/b'onmouseover='alert(1)";

let dir: string;
let deck: ParsedDeck;
let pdf: ReadPdf;
let pdfText: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-fields-'));
  mkdirSync(join(dir, 'content'));
  cpSync('test/hostile/corpus/top-level-fields.md', join(dir, 'content/fields.md'));
  const result = await riskdeck(dir, ['build']);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  const out = join(dir, 'dist/fields');
  const model = JSON.parse(readFileSync(join(out, 'model.json'), 'utf8')) as Comparison;
  deck = parseDeck(readFileSync(join(out, 'index.html'), 'utf8'), model);
  pdf = await readPdf(readFileSync(join(out, 'report.pdf')));
  pdfText = pdf.pages.map((p) => p.text).join(' ');
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const byClass = (name: string, root?: Element) =>
  deck.all((e) => (e.attribs.class ?? '').split(' ').includes(name), root ?? undefined);

describe('hostile text in every top-level field (built CLI)', () => {
  it('leaves nothing live in the deck: no script, handler, image or bold element from content', () => {
    expect(scanDeck(deck.html)).toEqual([]);
    expect(deck.all((e) => e.name === 'script').map((s) => s.attribs.src)).toEqual([
      'reveal/reveal.js',
      'reveal/plugin/notes.js',
      'deck.js',
    ]);
    expect(deck.all((e) => Object.keys(e.attribs).some((a) => a.startsWith('on')))).toEqual([]);
    expect(deck.all((e) => e.name === 'img' || e.name === 'b')).toEqual([]);
  });

  it.each(FIELDS)('shows the %s payload as written, as text of the deck', (field) => {
    expect(
      deck.text(
        deck.all(
          () => true,
          deck.all((e) => e.name === 'body'),
        ),
      ),
    ).toContain(payload(field));
  });

  it('prints the classification as text on every slide, and the cover fields where they belong', () => {
    const bands = byClass('classification');
    expect(bands.length).toBe(deck.slides.length);
    for (const band of bands) {
      expect(band.children.every((c) => c.type === 'text')).toBe(true);
      expect(deck.text(band)).toBe(payload('classification'));
    }
    expect(deck.text(deck.all((e) => e.name === 'title'))).toContain(payload('title'));
    expect(deck.text(deck.all((e) => e.name === 'h1'))).toBe(payload('title'));
    expect(deck.text(byClass('subtitle'))).toBe(payload('subtitle'));
    const meta = deck.text(byClass('cover-meta'));
    for (const field of ['version', 'author-one', 'author-two', 'classification'])
      expect(meta).toContain(payload(field));
  });

  it('joins the better systems of a verdict as text', () => {
    const [winner] = byClass('winner');
    expect(winner?.children.every((c) => c.type === 'text')).toBe(true);
    expect(deck.text(winner ?? [])).toBe(`${payload('system-alpha')}, ${payload('system-beta')}`);
  });

  it('links each reference to its URL exactly, in an href and nowhere else', () => {
    const hrefs = deck.all((e) => e.name === 'a').map((a) => a.attribs.href);
    expect(hrefs).toEqual(expect.arrayContaining([URL_ONE, URL_TWO]));
  });

  it.each(FIELDS)('prints the %s payload as written in the PDF', (field) => {
    // Long payloads wrap: compare without the white space that line breaks put in.
    const squeeze = (text: string) => text.replace(/\s+/g, '');
    expect(squeeze(pdfText)).toContain(squeeze(payload(field)));
  });

  it('links both reference URLs in the PDF as written, and names the title in its metadata', () => {
    const links = pdf.pages.flatMap((p) => p.links.map((l) => l.url));
    // pdf.js reports a link's target as a browser would follow it: percent-encoded, still one URL.
    expect(links).toEqual(expect.arrayContaining([new URL(URL_ONE).href, new URL(URL_TWO).href]));
    expect(pdf.info.Title).toBe(payload('title'));
  });
});
