import { createMarkdown, type MarkdownRenderer } from '../markdown/markdown.js';
import type { Comparison } from '../model/comparison.js';
import type { RenderContext } from '../outputs/render.js';
import { createPlanDiagrams } from './diagrams.js';
import { TABLE } from './geometry.js';
import { createHeightEstimator, createTextWidths } from './measure.js';
import type { PlanContext, PlanPage, PlanSlide, PlanWarning } from './pages.js';
import { planSlides } from './slides/index.js';
import { createPlanText, type PlanText } from './text.js';

export type { PlanDrawing, PlanDrawingSource } from './diagrams.js';
export { CONTENT_WIDTH, FRAME, SLIDE, TABLE } from './geometry.js';
export type { PlanNote, PlanPage, PlanSlide, PlanWarning } from './pages.js';
export { PlanDiagram } from './slides/diagram.js';
export { type BadgeView, MarkdownText, type PlanText } from './text.js';

/** A page of the plan in deck order, numbered as every output numbers it. */
export interface NumberedPage extends PlanPage {
  /** 1 for the title slide, up to `SlidePlan.pages.length`. */
  readonly number: number;
  /** The title slide and part dividers: drawn without the running header and page number. */
  readonly cover: boolean;
}

/**
 * The slides of a comparison, decided once from measured content, for every output that shows slides (the
 * HTML deck, the slides PDF and its handout, the PPTX), so that all have the same slides in the same order.
 *
 * `slides` are the deck's horizontal slides, each a page or a vertical stack of a page and its continuations;
 * `pages` are the same pages one after another, numbered. Every page has a `partial` naming its kind
 * (`threat`, `comparison`, `flow`, … one per `templates/deck/partials/*.hbs`), a title, a `continued` flag (a
 * renderer adds "(continued)"), an optional caption, speaker notes, and `data` whose shape the kind fixes;
 * text in `data` is `MarkdownText` (Markdown as written, not yet rendered), diagrams are `PlanDiagram`,
 * badges are `{ level, label }`, everything else plain strings, numbers and booleans. Sizes are px of a
 * 1280×720 slide (`SLIDE`), the content `CONTENT_WIDTH` wide.
 */
export interface SlidePlan {
  readonly comparison: Comparison;
  readonly slides: readonly PlanSlide[];
  readonly pages: readonly NumberedPage[];
  /** Plain text and tokens of the plan's Markdown, as the plan measured them. */
  readonly text: PlanText;
  /** Content no slide can show whole (it runs off its slide), each by its field: the deck reports them. */
  readonly warnings: readonly PlanWarning[];
}

const COVERS = new Set(['title', 'divider']);

/**
 * The Markdown renderer of the slides: the plan measures with it and every output that shows slides renders
 * with it, so that a table too wide for a slide is split the same way in all of them.
 */
export function createDeckMarkdown(context: RenderContext): MarkdownRenderer {
  return createMarkdown(context.comparison.references, context.images, { tableColumns: TABLE.maxMarkdownColumns });
}

/** What the slide builders work with: the model, its text, the estimator and the diagrams. */
function planContext(context: RenderContext): PlanContext {
  const images = context.images;
  return {
    comparison: context.comparison,
    changes: context.changes,
    text: createPlanText(createDeckMarkdown(context)),
    estimate: createHeightEstimator(createTextWidths(context.fonts), images),
    diagrams: createPlanDiagrams(context.comparison, context.fonts),
    warnings: [],
  };
}

/** Builds the plan. Pure; `slidePlan` builds it once per render. */
export function buildSlidePlan(context: RenderContext): SlidePlan {
  const ctx = planContext(context);
  const slides = planSlides(ctx);
  let number = 0;
  const pages = slides.flatMap((s) =>
    s.pages.map((page) => ({ ...page, number: ++number, cover: COVERS.has(page.partial) })),
  );
  return { comparison: context.comparison, slides, pages, text: ctx.text, warnings: ctx.warnings };
}

const plans = new WeakMap<RenderContext, SlidePlan>();

/** The plan of this render: built by the first output that asks, shared by the others. */
export function slidePlan(context: RenderContext): SlidePlan {
  const known = plans.get(context);
  if (known) return known;
  const plan = buildSlidePlan(context);
  plans.set(context, plan);
  return plan;
}
