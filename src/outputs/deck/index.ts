import { RiskdeckError } from '../../errors.js';
import { createMarkdown } from '../../markdown/markdown.js';
import { createDeckMarkdown, slidePlan, TABLE } from '../../plan/index.js';
import { printedFields } from '../printed-fields.js';
import type { Artifact, Output, RenderContext } from '../render.js';
import { wideTableWarnings } from '../wide-table-warnings.js';
import { fontAssets, revealAssets } from './assets.js';
import { deckTemplate } from './environment.js';
import { fallbackFonts } from './fonts.js';
import { layoutCss } from './geometry.js';
import { deckView } from './view.js';

/** Renders the deck's HTML from the comparison and the (possibly overridden) templates. Pure. */
export function renderDeckHtml(context: RenderContext): string {
  const md = createDeckMarkdown(context);
  return deckTemplate(context.templates)(deckView(slidePlan(context), md));
}

function templateFile(context: RenderContext, name: string): string {
  const text = context.templates.get(name);
  if (text === undefined) throw new RiskdeckError('TEMPLATE_INVALID', `templates/${name} is missing`);
  return text;
}

/** `dist/<name>/index.html`: a reveal.js deck that opens offline from file://, with everything beside it. */
export const deckOutput: Output = (context) => {
  const html = renderDeckHtml(context);
  // The plan is shared by every output that shows slides; the deck is the one that reports what it could not fit.
  const { warnings } = slidePlan(context);
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
  const split = wideTableWarnings(printedFields(context.comparison), createMarkdown(), {
    maxColumns: TABLE.maxMarkdownColumns,
    output: 'deck',
  });
  return { artifacts, warnings: [...warnings, ...split] };
};
