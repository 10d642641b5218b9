import { DomUtils, parseDocument } from 'htmlparser2';
import { loadFonts } from '../../src/fonts/load.js';
import type { Comparison } from '../../src/model/comparison.js';
import { compileSource } from '../../src/model/compile.js';
import { renderDeckHtml } from '../../src/outputs/deck/index.js';
import type { RenderContext } from '../../src/outputs/render.js';
import { loadTemplates } from '../../src/resources/templates.js';

// htmlparser2 is sanitize-html's parser (a dependency of ours through it); node has no DOM.
type Node = ReturnType<typeof parseDocument>['children'][number];
export type Element = Extract<Node, { attribs: Record<string, string> }>;

export async function renderContext(path: string, text: string, templatesDir?: string): Promise<RenderContext> {
  const { comparison } = compileSource({ path, text });
  return {
    comparison,
    epoch: 0,
    fonts: await loadFonts(),
    templates: await loadTemplates(templatesDir),
    changes: undefined,
    images: new Map(),
  };
}

export interface ParsedDeck {
  readonly html: string;
  readonly comparison: Comparison;
  /** Every slide a viewer sees: sections without sections inside, in order. */
  readonly slides: Element[];
  all(test: (e: Element) => boolean, root?: Node | Node[]): Element[];
  text(node: Node | Node[]): string;
}

export function parseDeck(html: string, comparison: Comparison): ParsedDeck {
  const doc = parseDocument(html);
  const all = (test: (e: Element) => boolean, root: Node | Node[] = doc.children) =>
    DomUtils.findAll((e) => test(e as Element), Array.isArray(root) ? root : [root]) as Element[];
  const slides = all((e) => e.name === 'section' && all((c) => c.name === 'section', e.children).length === 0);
  return { html, comparison, slides, all, text: (node) => DomUtils.textContent(node).replace(/\s+/g, ' ').trim() };
}

export async function renderDeck(path: string, text: string, templatesDir?: string): Promise<ParsedDeck> {
  const context = await renderContext(path, text, templatesDir);
  return parseDeck(renderDeckHtml(context), context.comparison);
}

/**
 * The slides a comparison should get when no table runs longer than a slide: title, agenda, summary,
 * narrative sections, systems, threat model (a divider listing the threats when there are 2–8, overview, one per
 * threat), defenses, comparison (and the score chart when there are scores), attacks, risk overview and
 * matrices (up to four per slide), verdicts, each flow, references.
 * Tables with a column per system take one slide per four systems. Key facts follow the systems, and the
 * rating scales and the CVE index come before the references.
 */
export function expectedSlideCount(c: Comparison): number {
  const groups = Math.ceil(c.systems.length / 4);
  return (
    3 +
    c.sections.length +
    1 +
    (c.threats.length >= 2 && c.threats.length <= 8 ? 1 : 0) +
    groups +
    (c.facts.length > 0 ? groups : 0) +
    c.threats.length +
    (c.defenses.length > 0 ? 1 : 0) +
    (c.dimensions.length > 0 ? groups : 0) +
    (c.dimensions.some((d) => d.values.some((v) => v.score !== undefined)) ? 1 : 0) +
    (c.attacks.length > 0 ? groups : 0) +
    1 +
    Math.ceil(c.risk.length / 4) +
    (c.verdicts.length > 0 ? 1 : 0) +
    c.flows.length +
    (c.scales === undefined ? 0 : 1) +
    (c.cves.length > 0 ? 1 : 0) +
    (c.references.length > 0 ? 1 : 0)
  );
}
