import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { fontChain } from '../../fonts/chain.js';
import { type NumberedPage, type SlidePlan, slidePlan } from '../../plan/index.js';
import type { Output, OutputWarning, RenderContext } from '../render.js';
import { withFontRuns } from '../report/font-runs.js';
import { renderPdf } from '../report/pdf.js';
import { type Fits, overflowCheck, slideId, slidesDocument } from './document.js';
import { slideImages } from './draw.js';
import { handoutDocument } from './handout.js';

/** Smaller and smaller bodies tried for a slide that pdfmake sets taller than its page; never below 70 %. */
const FIT_STEPS = [0.92, 0.84, 0.76, 0.7];

/** Lays out a document; with `spilled`, notes each slide pdfmake had to continue onto a further page. */
function render(context: RenderContext, doc: TDocumentDefinitions, spilled?: Set<string>): Promise<Uint8Array> {
  return renderPdf(
    withFontRuns(spilled ? { ...doc, pageBreakBefore: overflowCheck(spilled) } : doc, fontChain(context.fonts)),
    context.fonts,
    new Map(slideImages(context).map((image) => [image.output, image.bytes])),
  );
}

interface Fitted {
  readonly data: Uint8Array;
  readonly fits: Fits;
  /** Slides that still run onto a further page at the smallest size. */
  readonly spilled: readonly NumberedPage[];
}

/** The smallest step at which `page` alone fits its page, or the last step. */
async function fitOf(context: RenderContext, plan: SlidePlan, page: NumberedPage): Promise<number> {
  for (const fit of FIT_STEPS) {
    const spilled = new Set<string>();
    await render(context, slidesDocument(context, plan, new Map([[page.number, fit]]), [page]), spilled);
    if (spilled.size === 0) return fit;
  }
  return FIT_STEPS[FIT_STEPS.length - 1] as number;
}

/**
 * The slides PDF, each slide on one page: the plan measured its content for the browser, and pdfmake sets some
 * text (Markdown tables above all) a little taller. A slide that spills is tried alone with its body drawn
 * smaller, step by step, and the whole document laid out again with those sizes.
 */
async function fitSlides(context: RenderContext, plan: SlidePlan): Promise<Fitted> {
  const first = new Set<string>();
  const data = await render(context, slidesDocument(context, plan), first);
  const over = plan.pages.filter((page) => first.has(slideId(page)));
  if (over.length === 0) return { data, fits: new Map(), spilled: [] };
  const fits = new Map<number, number>();
  for (const page of over) fits.set(page.number, await fitOf(context, plan, page));
  const again = new Set<string>();
  const fitted = await render(context, slidesDocument(context, plan, fits), again);
  return { data: fitted, fits, spilled: plan.pages.filter((page) => again.has(slideId(page))) };
}

const fitted = new WeakMap<SlidePlan, Promise<Fitted>>();

/** Fitted once per plan: the slides PDF and the handout draw each slide at the same size. */
function fittedSlides(context: RenderContext, plan: SlidePlan): Promise<Fitted> {
  let result = fitted.get(plan);
  if (!result) {
    result = fitSlides(context, plan);
    fitted.set(plan, result);
  }
  return result;
}

const spillWarnings = (plan: SlidePlan, spilled: readonly NumberedPage[]): OutputWarning[] =>
  spilled.map((page) => ({
    path: [],
    message: `slides.pdf: slide ${page.number} ("${plan.text.plain(page.title.markdown)}") does not fit one page even drawn at 70 %; it runs onto the next page, so later page numbers are off by one: shorten it`,
  }));

/** `slides.pdf`: the deck's slides as a 16:9 PDF, vector text and diagrams, without a browser. */
export const slidesOutput: Output = async (context) => {
  const plan = slidePlan(context);
  const { data, spilled } = await fittedSlides(context, plan);
  return { artifacts: [{ path: 'slides.pdf', data }], warnings: spillWarnings(plan, spilled) };
};

/** `handout.pdf`: each slide drawn smaller with its speaker notes under it, on A4. */
export const handoutOutput: Output = async (context) => {
  const plan = slidePlan(context);
  const { fits } = await fittedSlides(context, plan);
  return {
    artifacts: [{ path: 'handout.pdf', data: await render(context, handoutDocument(context, plan, fits)) }],
    warnings: [],
  };
};
