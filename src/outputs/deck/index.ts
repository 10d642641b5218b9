import Handlebars from 'handlebars';
import { RiskdeckError } from '../../errors.js';
import { createMarkdown } from '../../markdown/markdown.js';
import type { Artifact, Output, RenderContext } from '../render.js';
import { fontAssets, revealAssets } from './assets.js';
import { deckCsp } from './csp.js';
import { createDeckDiagrams } from './diagrams.js';
import { deckTemplate } from './environment.js';
import { fallbackFonts } from './fonts.js';
import { layoutCss } from './geometry.js';
import { createHeightEstimator, createTextWidths } from './measure.js';
import type { DeckContext, PageView, SlideView } from './pages.js';
import { deckSlides } from './slides/index.js';
import { createDeckText } from './text.js';

/** What the slide builders work with: the model, its text rendered safe, the estimator and the diagrams. */
export function deckContext(context: RenderContext): DeckContext {
  const images = context.images;
  return {
    comparison: context.comparison,
    changes: context.changes,
    text: createDeckText(createMarkdown(context.comparison.references, images)),
    estimate: createHeightEstimator(createTextWidths(context.fonts), images),
    diagrams: createDeckDiagrams(context.comparison, context.fonts),
  };
}

const COVERS = new Set(['title', 'divider']);

/** What `layout.hbs` renders: plain data, with each page numbered. */
export function deckView(ctx: DeckContext, slides: readonly SlideView[]) {
  const meta = ctx.comparison.meta;
  const total = slides.reduce((n, s) => n + s.pages.length, 0);
  let number = 0;
  return {
    lang: meta.language,
    title: ctx.text.plain(meta.title),
    // Our constant, with no double quote in it: written as is rather than entity-escaped.
    csp: new Handlebars.SafeString(deckCsp()),
    classification: meta.classification,
    version: meta.versionLabel,
    date: meta.date,
    total,
    slides: slides.map((s) => ({
      stacked: s.pages.length > 1,
      pages: s.pages.map((page: PageView) => ({ ...page, cover: COVERS.has(page.partial), number: ++number })),
    })),
  };
}

/** Renders the deck's HTML from the comparison and the (possibly overridden) templates. Pure. */
export function renderDeckHtml(context: RenderContext): string {
  const ctx = deckContext(context);
  return deckTemplate(context.templates)(deckView(ctx, deckSlides(ctx)));
}

function templateFile(context: RenderContext, name: string): string {
  const text = context.templates.get(name);
  if (text === undefined) throw new RiskdeckError('TEMPLATE_INVALID', `templates/${name} is missing`);
  return text;
}

/** `dist/<name>/index.html`: a reveal.js deck that opens offline from file://, with everything beside it. */
export const deckOutput: Output = (context) => {
  const html = renderDeckHtml(context);
  const fallbacks = fallbackFonts(context.fonts, html);
  const artifacts: Artifact[] = [
    { path: 'index.html', data: html },
    { path: 'deck.js', data: templateFile(context, 'deck/deck.js') },
    { path: 'theme.css', data: templateFile(context, 'deck/theme.css') },
    // The fallbacks' rules come last: their font stack replaces the main font alone.
    { path: 'layout.css', data: `${layoutCss(context.fonts.family)}\n${fallbacks.css}` },
    ...fontAssets(context.fonts),
    ...fallbacks.artifacts,
    ...[...context.images.values()].map((image) => ({ path: image.output, data: image.bytes })),
    ...revealAssets(),
  ];
  return artifacts;
};
