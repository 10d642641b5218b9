import { createTextMeasure } from '../../diagram/measure.js';
import type { MarkdownRenderer } from '../../markdown/markdown.js';
import { createMarkdown } from '../../markdown/markdown.js';
import { type NumberedPage, type PlanNote, slidePlan } from '../../plan/index.js';
import { createHeightEstimator, createTextWidths } from '../../plan/measure.js';
import type { Output, RenderContext } from '../render.js';
import { type Connector, placeConnectors } from './connectors.js';
import type { PageEnv, PageRenderer } from './env.js';
import { drawFrame } from './frame.js';
import { Presentation } from './library.js';
import { RENDERERS } from './pages/index.js';
import { createRichText, htmlText } from './rich.js';
import { cells } from './table.js';
import { fontsOf } from './text.js';
import { SLIDE_INCHES, xmlSafe } from './units.js';
import { fixDates, onePropertiesPerParagraph, repack, shrinkOnOverflow } from './zip.js';

/** Slide numbers (1-based) of the deck's anchors (`#/threat-x`) and of each reference's entry. */
function linkTargets(pages: readonly NumberedPage[]) {
  const anchors = new Map<string, number>();
  const references = new Map<string, number>();
  for (const page of pages) {
    if (page.id !== undefined) anchors.set(page.id, page.number);
    if (page.partial !== 'references') continue;
    const data = page.data as { lists: { items: { anchor: string }[] }[] };
    for (const list of data.lists) {
      for (const item of list.items) references.set(item.anchor.replace(/^ref-/, ''), page.number);
    }
  }
  return { reference: (id: string) => references.get(id), anchor: (id: string) => anchors.get(id) };
}

/** Speaker notes as the notes page's text: each note under its label, paragraphs kept apart. */
function notesText(md: MarkdownRenderer, notes: readonly PlanNote[]): string {
  return notes
    .map((note) => {
      const body = htmlText(md.html(note.body.markdown));
      return note.label === undefined ? body : `${md.plain(note.label.markdown)}\n${body}`;
    })
    .join('\n\n');
}

/**
 * `deck.pptx`: the deck's slides as a native, editable presentation, one slide per page of the deck's slide
 * plan and in its order. Text stays text with its runs, tables are tables, diagrams are shapes and connectors,
 * speaker notes are notes; the classification and page number are on every slide. Same content, same bytes.
 */
export async function renderPptx(context: RenderContext): Promise<Uint8Array> {
  const plan = slidePlan(context);
  const pages = plan.pages;
  const estimate = createHeightEstimator(createTextWidths(context.fonts), context.images);
  const meta = context.comparison.meta;
  const md = createMarkdown(context.comparison.references, context.images);
  const rich = createRichText(md, linkTargets(pages));
  const fonts = fontsOf(context.fonts.family);
  const measure = createTextMeasure(context.fonts);
  const connectors: Connector[] = [];
  const pres = new Presentation();
  pres.defineLayout({ name: 'DECK', width: SLIDE_INCHES.width, height: SLIDE_INCHES.height });
  pres.layout = 'DECK';
  pres.title = xmlSafe(plan.text.plain(meta.title));
  pres.author = xmlSafe(meta.authors.map((a) => a.name).join(', '));
  pres.subject = xmlSafe(meta.classification ?? '');
  pres.company = '';
  pres.theme = { headFontFace: fonts.family, bodyFontFace: fonts.family };
  const band = `${plan.text.plain(meta.title)} · ${meta.versionLabel} · ${meta.date}`;
  for (const page of pages) {
    const slide = pres.addSlide();
    const top = drawFrame(
      slide,
      {
        number: page.number,
        total: pages.length,
        classification: meta.classification,
        band,
        title: page.title,
        continued: page.continued,
        caption: page.caption,
        cover: page.cover,
      },
      { fonts, rich, measure },
    );
    const env: PageEnv = { slide, top, fonts, rich, measure, estimate, cells: cells(rich), connectors };
    const render: PageRenderer | undefined = RENDERERS[page.partial];
    if (render === undefined) throw new Error(`pptx: no renderer for the "${page.partial}" slide`);
    render(page, env);
    if (page.notes !== undefined) slide.addNotes(notesText(md, page.notes));
  }
  const bytes = (await pres.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  const byName = new Map(connectors.map((c) => [c.name, c]));
  return repack(bytes, context.epoch, (path, xml) => {
    if (path === 'docProps/core.xml') return fixDates(xml, context.epoch);
    if (/^ppt\/(slides|notesSlides)\/[^/]+\.xml$/.test(path)) {
      return placeConnectors(shrinkOnOverflow(onePropertiesPerParagraph(xml)), byName);
    }
    return xml;
  });
}

export const pptxOutput: Output = async (context) => [{ path: 'deck.pptx', data: await renderPptx(context) }];
