import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from '../../../src/fonts/load.js';
import { type RenderResources, renderSource } from '../../../src/outputs/render.js';
import { reportOutput } from '../../../src/outputs/report/index.js';
import { loadTemplates } from '../../../src/resources/templates.js';
import { comparisonYaml } from '../../helpers/comparisons.js';
import { requireTool } from '../../helpers/tools.js';

const run = promisify(execFile);
const qpdf = requireTool('qpdf');

type Json = Record<string, unknown>;

/** qpdf's JSON view of a PDF (v2): objects by "obj:N 0 R", streams decoded and inlined as base64. */
async function qpdfJson(path: string) {
  const { stdout } = await run(
    qpdf.path ?? 'qpdf',
    ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', path],
    { maxBuffer: 256 * 1024 * 1024 },
  );
  const objects = (JSON.parse(stdout) as { qpdf: [unknown, Record<string, Json>] }).qpdf[1];
  const get = (ref: unknown): Json => {
    const object = objects[`obj:${String(ref)}`];
    if (!object) throw new Error(`no object ${String(ref)}`);
    return object;
  };
  const value = (ref: unknown) => get(ref).value as Json;
  const data = (ref: unknown) => {
    const stream = get(ref).stream as { dict: Json; data: string };
    return { dict: stream.dict, bytes: Buffer.from(stream.data, 'base64') };
  };
  const trailer = (objects.trailer as { value: Json }).value;
  return { objects, value, data, trailer, root: value(trailer['/Root']) };
}

/** `D:20260101000000Z` → `2026-01-01T00:00:00Z`. */
const infoDate = (text: string) => text.replace(/^u:D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z');

const xmpValue = (xmp: string, name: string) =>
  new RegExp(`<${name}>(?:<rdf:(?:Alt|Seq)><rdf:li[^>]*>)?([^<]*)`).exec(xmp)?.[1];

const unescapeXml = (s: string | undefined) =>
  s
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

let resources: RenderResources;
let dir: string;
beforeAll(async () => {
  resources = { fonts: await loadFonts(), templates: await loadTemplates() };
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-pdfa-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A title that breaks XML written without escaping, in a language other than English. */
const TITLE = 'R&D <review> "sandbox" & Ελληνικά';

async function renderTo(name: string, text: string): Promise<string> {
  const rendered = await renderSource({ path: name, text }, [reportOutput], resources, {
    sourceDateEpoch: '1767225600',
  });
  const pdf = rendered.artifacts.find((a) => a.path === 'report.pdf');
  if (!pdf || !('data' in pdf) || typeof pdf.data === 'string') throw new Error('no report.pdf');
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf.data);
  return path;
}

const source = () =>
  comparisonYaml({ systems: 4, threats: 6, references: 12 })
    .replace(/^title: .*$/m, `title: ${JSON.stringify(TITLE)}`)
    .replace(/^language: .*$/m, '')
    .concat('language: el\n');

describe.skipIf(qpdf.skip)('the report as PDF/A-2a and PDF/UA-1 (catalog and XMP read with qpdf)', () => {
  let pdf: Awaited<ReturnType<typeof qpdfJson>>;
  let path: string;
  let xmp: string;
  beforeAll(async () => {
    path = await renderTo('review', source());
    pdf = await qpdfJson(path);
    xmp = pdf.data(pdf.root['/Metadata']).bytes.toString('utf8');
  }, 120_000);

  it('passes qpdf --check', async () => {
    const { stdout } = await run(qpdf.path ?? 'qpdf', ['--check', path]);
    expect(stdout).toContain('No syntax or stream encoding errors found');
  });

  it('is marked as tagged, with a language, a structure tree and the title shown in the window', () => {
    expect(pdf.value(pdf.root['/MarkInfo'])).toEqual({ '/Marked': true });
    expect(pdf.root['/Lang']).toBe('u:el');
    expect(pdf.value(pdf.root['/ViewerPreferences'])).toMatchObject({ '/DisplayDocTitle': true });
    expect(pdf.value(pdf.root['/StructTreeRoot'])).toMatchObject({ '/Type': '/StructTreeRoot' });
  });

  it('orders each page with annotations by its structure (/Tabs /S)', () => {
    const pages = Object.values(pdf.objects).filter((o) => (o.value as Json | undefined)?.['/Type'] === '/Page');
    expect(pages.length).toBeGreaterThan(5);
    for (const page of pages) expect((page.value as Json)['/Tabs']).toBe('/S');
  });

  it('declares PDF/UA-1 and PDF/A-2 level A in XMP, with the schema PDF/A asks for the pdfuaid namespace', () => {
    expect(xmpValue(xmp, 'pdfuaid:part')).toBe('1');
    expect(xmpValue(xmp, 'pdfaid:part')).toBe('2');
    expect(xmpValue(xmp, 'pdfaid:conformance')).toBe('A');
    expect(xmp).toContain('<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>');
    expect(xmp.match(/<rdf:Description/g)?.length).toBe(xmp.match(/<\/rdf:Description>/g)?.length);
    expect(xmp).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it('has an sRGB output intent with its ICC profile', () => {
    const [intent] = pdf.root['/OutputIntents'] as string[];
    const dict = pdf.value(intent);
    expect(dict).toMatchObject({ '/S': '/GTS_PDFA1', '/OutputConditionIdentifier': 'u:sRGB IEC61966-2.1' });
    const profile = pdf.data(dict['/DestOutputProfile']);
    expect(profile.dict['/N']).toBe(3);
    expect(profile.bytes.subarray(36, 40).toString('latin1')).toBe('acsp');
    expect(profile.bytes.subarray(16, 20).toString('latin1')).toBe('RGB ');
    expect(profile.bytes.toString('latin1')).toContain('sRGB');
  });

  it('repeats every Info entry in XMP with the same value, the dates included', () => {
    const info = pdf.value(pdf.trailer['/Info']);
    const text = (key: string) => {
      const value = info[key];
      return String(typeof value === 'string' && value.endsWith(' R') ? pdf.value(value) : value);
    };
    expect(text('/Title')).toBe(`u:${TITLE}`);
    expect(unescapeXml(xmpValue(xmp, 'dc:title'))).toBe(TITLE);
    expect(unescapeXml(xmpValue(xmp, 'dc:creator'))).toBe(text('/Author').slice(2));
    expect(unescapeXml(xmpValue(xmp, 'dc:description'))).toBe(text('/Subject').slice(2));
    expect(unescapeXml(xmpValue(xmp, 'pdf:Keywords'))).toBe(text('/Keywords').slice(2));
    expect(unescapeXml(xmpValue(xmp, 'pdf:Producer'))).toBe(text('/Producer').slice(2));
    expect(unescapeXml(xmpValue(xmp, 'xmp:CreatorTool'))).toBe(text('/Creator').slice(2));
    expect(xmpValue(xmp, 'xmp:CreateDate')).toBe(infoDate(text('/CreationDate')));
    expect(xmpValue(xmp, 'xmp:ModifyDate')).toBe(infoDate(text('/ModDate')));
    expect(xmpValue(xmp, 'xmp:ModifyDate')).toBe('2026-01-01T00:00:00Z');
  });

  it('embeds every font it uses', () => {
    const fonts = Object.values(pdf.objects)
      .map((o) => o.value as Json | undefined)
      .filter((v): v is Json => v?.['/Type'] === '/Font' && v['/Subtype'] !== '/Type0');
    expect(fonts.length).toBeGreaterThanOrEqual(2);
    for (const font of fonts) {
      const descriptor = pdf.value(font['/FontDescriptor']);
      expect(
        descriptor['/FontFile2'] ?? descriptor['/FontFile3'] ?? descriptor['/FontFile'],
        String(font['/BaseFont']),
      ).toBeDefined();
    }
  });

  it('draws the diagrams opaque: no soft mask, blend mode or constant alpha below 1 (PDF/A transparency)', () => {
    const states = Object.values(pdf.objects)
      .map((o) => o.value as Json | undefined)
      .filter((v): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v))
      .filter((v) => '/ca' in v || '/CA' in v || '/SMask' in v || '/BM' in v);
    expect(states.length).toBeGreaterThan(0);
    for (const state of states) {
      expect(state['/ca'] ?? 1, JSON.stringify(state)).toBe(1);
      expect(state['/CA'] ?? 1, JSON.stringify(state)).toBe(1);
      expect(state['/SMask'] ?? '/None').toBe('/None');
      expect(state['/BM'] ?? '/Normal').toBe('/Normal');
    }
  });

  it('describes every link annotation (/Contents) and ties it to the structure (/StructParent)', () => {
    const links = Object.values(pdf.objects)
      .map((o) => o.value as Json | undefined)
      .filter((v): v is Json => v?.['/Subtype'] === '/Link');
    expect(links.length).toBeGreaterThan(10);
    for (const link of links) {
      expect(String(link['/Contents'] ?? '').length, JSON.stringify(link)).toBeGreaterThan(2);
      expect(typeof link['/StructParent']).toBe('number');
    }
  });

  it('is byte-identical when rendered again', async () => {
    const again = await renderTo('again', source());
    const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
    expect(sha(again)).toBe(sha(path));
  }, 120_000);
});
