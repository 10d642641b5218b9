import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { decodeXML } from 'entities';
import JSZip from 'jszip';

/** The parts of a presentation file, by path, as text. */
export interface PptxParts {
  readonly files: ReadonlyMap<string, string>;
  /** Slide XML in slide order (`ppt/slides/slide1.xml`, …). */
  readonly slides: readonly string[];
  /** Notes XML by slide number, for the slides that have notes. */
  readonly notes: ReadonlyMap<number, string>;
}

const numberOf = (path: string) => Number(/(\d+)\.xml$/.exec(path)?.[1] ?? 0);

export async function readPptx(bytes: Uint8Array): Promise<PptxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const files = new Map<string, string>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir && /\.(xml|rels)$/.test(entry.name)) files.set(entry.name, await entry.async('string'));
  }
  const slides = [...files.keys()]
    .filter((p) => /^ppt\/slides\/slide\d+\.xml$/.test(p))
    .sort((a, b) => numberOf(a) - numberOf(b))
    .map((p) => files.get(p) as string);
  const notes = new Map<number, string>();
  for (const [path, xml] of files) {
    if (!/^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(path)) continue;
    const rels = files.get(path.replace('notesSlides/', 'notesSlides/_rels/').replace(/\.xml$/, '.xml.rels')) ?? '';
    const slide = /Target="\.\.\/slides\/slide(\d+)\.xml"/.exec(rels)?.[1];
    if (slide !== undefined) notes.set(Number(slide), xml);
  }
  return { files, slides, notes };
}

/** The text of DrawingML XML: runs joined, paragraphs and table cells apart. */
export function xmlText(xml: string): string {
  return xml
    .split(/<\/a:p>/)
    .map((paragraph) => [...paragraph.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decodeXML(m[1] as string)).join(''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const require = createRequire(import.meta.url);

/**
 * LibreOffice's PDF of a presentation: converted headless with a profile of its own (tests run in parallel),
 * and the deck's font (Roboto, from pdfmake's package) made known to it, as a reader who has the font has it.
 */
export async function sofficePdf(soffice: string, bytes: Uint8Array, name: string): Promise<Uint8Array> {
  const dir = mkdtempSync(join(tmpdir(), 'riskdeck-soffice-'));
  try {
    const roboto = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
    const fontsConf = join(dir, 'fonts.conf');
    writeFileSync(
      fontsConf,
      `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>${roboto}</dir><cachedir>${join(dir, 'fc-cache')}</cachedir></fontconfig>`,
    );
    const input = join(dir, `${name}.pptx`);
    writeFileSync(input, bytes);
    await promisify(execFile)(
      soffice,
      [
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        input,
      ],
      { env: { ...process.env, FONTCONFIG_FILE: fontsConf }, timeout: 240_000 },
    );
    return readFileSync(join(dir, `${name}.pdf`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface PdfWord {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

/** Every word of a PDF with its box (pdftotext -bbox), and each page's size. */
export async function pdfWords(
  pdftotext: string,
  pdf: Uint8Array,
): Promise<{ pages: { width: number; height: number }[]; words: PdfWord[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'riskdeck-bbox-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    await promisify(execFile)(pdftotext, ['-bbox', join(dir, 'in.pdf'), join(dir, 'out.html')]);
    const html = readFileSync(join(dir, 'out.html'), 'utf8');
    const pages: { width: number; height: number }[] = [];
    const words: PdfWord[] = [];
    for (const page of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
      pages.push({ width: Number(page[1]), height: Number(page[2]) });
      for (const w of (page[3] as string).matchAll(
        /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g,
      )) {
        words.push({
          page: pages.length,
          text: decodeXML(w[5] as string),
          xMin: Number(w[1]),
          yMin: Number(w[2]),
          xMax: Number(w[3]),
          yMax: Number(w[4]),
        });
      }
    }
    return { pages, words };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
