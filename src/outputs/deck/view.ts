import Handlebars from 'handlebars';
import type { MarkdownRenderer } from '../../markdown/markdown.js';
import { MarkdownText, PlanDiagram, type PlanNote, type SlidePlan } from '../../plan/index.js';
import { deckCsp } from './csp.js';

/** HTML that Handlebars inserts as is. Only the Markdown renderer (which escapes and sanitizes) makes it. */
export type Html = Handlebars.SafeString;

const html = (md: MarkdownRenderer, text: MarkdownText): Html =>
  new Handlebars.SafeString(text.inline ? md.inlineHtml(text.markdown) : md.html(text.markdown));

/**
 * A page's data as its template sees it: Markdown rendered to safe HTML, diagrams as their sized SVG, the
 * rest as it is.
 */
export function templateData(value: unknown, md: MarkdownRenderer): unknown {
  if (value instanceof MarkdownText) return html(md, value);
  if (value instanceof PlanDiagram) {
    const { width, height, title, readable } = value;
    return { svg: new Handlebars.SafeString(value.svg), width, height, title, readable };
  }
  if (Array.isArray(value)) return value.map((v) => templateData(v, md));
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, templateData(v, md)]));
  }
  return value;
}

/** Speaker notes as one HTML fragment: each note under its label in bold. */
function notesHtml(md: MarkdownRenderer, notes: readonly PlanNote[] | undefined): Html | undefined {
  if (notes === undefined) return undefined;
  const parts = notes.map((note) => {
    const body = html(md, note.body).toHTML();
    return note.label === undefined ? body : `<p><strong>${html(md, note.label).toHTML()}</strong></p>${body}`;
  });
  return new Handlebars.SafeString(parts.join('\n'));
}

/** What `layout.hbs` renders: plain data, with each page numbered. */
export function deckView(plan: SlidePlan, md: MarkdownRenderer) {
  const meta = plan.comparison.meta;
  const numbered = plan.pages;
  let index = 0;
  return {
    lang: meta.language,
    title: plan.text.plain(meta.title),
    // Our constant, with no double quote in it: written as is rather than entity-escaped.
    csp: new Handlebars.SafeString(deckCsp()),
    classification: meta.classification,
    version: meta.versionLabel,
    date: meta.date,
    total: numbered.length,
    slides: plan.slides.map((s) => ({
      stacked: s.pages.length > 1,
      pages: s.pages.map(() => {
        const page = numbered[index++];
        if (page === undefined) throw new Error('deck: the plan numbers fewer pages than its slides hold');
        return {
          partial: page.partial,
          id: page.id,
          title: html(md, page.title),
          continued: page.continued,
          caption: page.caption,
          notes: notesHtml(md, page.notes),
          data: templateData(page.data, md),
          cover: page.cover,
          number: page.number,
        };
      }),
    })),
  };
}
