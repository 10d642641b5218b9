import type { ArtifactFrame, Frame, StructureFrame, StructurePlan } from './pdf-structure.js';

/** The part of pdfkit's document (0.19) that tagging drives: its structure API and the page's markings. */
export interface PdfKitDocument {
  page: { markings: unknown[]; height: number };
  struct(type: string, options?: Record<string, unknown>): PdfStructureElement;
  addStructure(element: PdfStructureElement): unknown;
  markStructureContent(tag: string): unknown;
  endMarkedContent(): unknown;
  addContent(data: string): unknown;
  link(x: number, y: number, w: number, h: number, url: string): unknown;
  goTo(x: number, y: number, w: number, h: number, name: string): unknown;
}

export interface PdfStructureElement {
  add(child: unknown): unknown;
  end(): void;
}

/** A piece of text as pdfmake draws it: one `text()` call each. */
export interface DrawnInline {
  readonly text: string;
  readonly link?: string | null;
  readonly linkToDestination?: string | null;
  /** The whole text of the link this piece is part of (pdf-structure.ts). */
  readonly _linkText?: string;
}

/** Citations link to the reference list's entries, whose destinations are named `ref-<id>`. */
const CITATION_PREFIX = 'ref-';

/** Header rows a table repeats on the pages it runs onto are pagination artifacts, read once. */
const REPEATED_HEADER: ArtifactFrame = { role: 'Artifact', subtype: 'Header' };

/** The part of a link drawn on one line so far: it gets one annotation, not one per word. */
interface LinkArea {
  readonly link: OpenLink;
  readonly uri: string | undefined;
  readonly destination: string | undefined;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

interface OpenLink {
  readonly leaf: PdfStructureElement;
  readonly key: string;
  readonly element: PdfStructureElement;
  readonly outer: PdfStructureElement | undefined;
  readonly contents: string;
}

/**
 * Turns what pdfmake draws, in drawing order, into marked content and structure elements: every piece of
 * content goes either into the structure element of its frame (created when first drawn, so children
 * read in visual order) or into an artifact. Consecutive pieces of one element share one marked-content
 * sequence. Link elements end on the page they are drawn on, so their annotation references name it.
 */
export class Tagger {
  private readonly elements = new Map<StructureFrame, PdfStructureElement>();
  private readonly headerPages = new Map<StructureFrame, unknown>();
  private open: { readonly artifact: ArtifactFrame } | { readonly element: PdfStructureElement } | undefined;
  private openPage: unknown;
  private lineFrame: StructureFrame | undefined;
  private lineElement: PdfStructureElement | undefined;
  private link: OpenLink | undefined;
  private area: LinkArea | undefined;
  /** The link whose annotation pdfkit is about to make, if any. */
  annotationLink: { readonly element: PdfStructureElement; readonly contents: string } | undefined;

  constructor(
    private readonly doc: PdfKitDocument,
    plan: StructurePlan,
  ) {
    const root = doc.struct('Document');
    doc.addStructure(root);
    this.elements.set(plan.root, root);
  }

  private element(frame: StructureFrame, bbox?: readonly number[]): PdfStructureElement {
    const known = this.elements.get(frame);
    if (known) return known;
    if (!frame.parent) throw new Error(`report: structure frame ${frame.role} has no parent`);
    const parent = this.element(frame.parent);
    const options: Record<string, unknown> = {};
    if (frame.alt !== undefined) options.alt = frame.alt;
    if (frame.scope !== undefined) options.scope = frame.scope;
    if (bbox) options.bbox = bbox;
    const element = this.doc.struct(frame.role, options);
    parent.add(element);
    this.elements.set(frame, element);
    // A list item's label reads before its body, though pdfmake draws it after the body's first line.
    if (frame.label) this.element(frame.label);
    return element;
  }

  private syncPage(): void {
    if (this.doc.page !== this.openPage) {
      // pdfkit closes what was left open on the previous page when it writes that page.
      this.openPage = this.doc.page;
      this.open = undefined;
    }
  }

  private close(): void {
    if (this.open) this.doc.endMarkedContent();
    this.open = undefined;
  }

  artifact(frame: ArtifactFrame): void {
    this.syncPage();
    if (this.open && 'artifact' in this.open && this.open.artifact === frame) return;
    this.close();
    this.doc.addContent(
      frame.subtype ? `/Artifact <</Type /Pagination /Subtype /${frame.subtype}>> BDC` : '/Artifact BMC',
    );
    this.doc.page.markings.push({ tag: 'Artifact' });
    this.open = { artifact: frame };
  }

  private content(element: PdfStructureElement, role: string): void {
    this.syncPage();
    if (this.open && 'element' in this.open && this.open.element === element) return;
    this.close();
    element.add(this.doc.markStructureContent(role));
    this.open = { element };
  }

  /** Whether the piece about to be drawn is part of a link of the structure. */
  get inLink(): boolean {
    return this.link !== undefined && this.lineElement !== undefined;
  }

  /** A piece of link text drawn at (x, y), w × h: pieces on one line make one annotation. */
  linkArea(inline: DrawnInline, x: number, y: number, w: number, h: number): void {
    const link = this.link;
    if (!link) return;
    const area = this.area;
    if (area && area.link === link) {
      area.x0 = Math.min(area.x0, x);
      area.y0 = Math.min(area.y0, y);
      area.x1 = Math.max(area.x1, x + w);
      area.y1 = Math.max(area.y1, y + h);
      return;
    }
    this.flushArea();
    const uri = inline.link ?? undefined;
    const destination = inline.linkToDestination ?? undefined;
    this.area = { link, uri, destination, x0: x, y0: y, x1: x + w, y1: y + h };
  }

  private flushArea(): void {
    const area = this.area;
    if (!area) return;
    this.area = undefined;
    const [x, y, w, h] = [area.x0, area.y0, area.x1 - area.x0, area.y1 - area.y0];
    this.annotationLink = area.link;
    if (area.uri !== undefined) this.doc.link(x, y, w, h, area.uri);
    else if (area.destination !== undefined) this.doc.goTo(x, y, w, h, area.destination);
    this.annotationLink = undefined;
  }

  private endLink(): void {
    this.flushArea();
    if (!this.link) return;
    (this.link.outer ?? this.link.element).end();
    this.link = undefined;
  }

  /** Before a line of text: where its pieces go. */
  beginLine(frame: Frame, first: DrawnInline | undefined): void {
    this.syncPage();
    this.lineFrame = undefined;
    this.lineElement = undefined;
    if (frame.role === 'Artifact') {
      this.endLink();
      this.artifact(frame);
      return;
    }
    if (frame.thead) {
      const page = this.headerPages.get(frame.thead);
      if (page === undefined) this.headerPages.set(frame.thead, this.doc.page);
      else if (page !== this.doc.page) {
        this.endLink();
        this.artifact(REPEATED_HEADER);
        return;
      }
    }
    this.lineFrame = frame;
    this.lineElement = this.element(frame);
    if (first) this.inline(first);
  }

  /** Before each piece of the line is drawn. */
  inline(inline: DrawnInline): void {
    const leaf = this.lineElement;
    if (!leaf || !this.lineFrame) return;
    const key = inline.link ?? (inline.linkToDestination ? `#${inline.linkToDestination}` : undefined);
    if (!key) {
      this.endLink();
      this.content(leaf, this.lineFrame.role);
      return;
    }
    if (!this.link || this.link.leaf !== leaf || this.link.key !== key) {
      this.endLink();
      const outer = inline.linkToDestination?.startsWith(CITATION_PREFIX) ? this.doc.struct('Reference') : undefined;
      if (outer) leaf.add(outer);
      const element = this.doc.struct('Link');
      (outer ?? leaf).add(element);
      const contents = inline._linkText ?? this.lineFrame.linkText ?? inline.text.trim();
      this.link = { leaf, key, element, outer, contents: contents || key };
    }
    this.content(this.link.element, 'Link');
  }

  endLine(): void {
    this.flushArea();
    this.lineFrame = undefined;
    this.lineElement = undefined;
  }

  /** A diagram or image: a figure, or an artifact. */
  figure(frame: Frame, bbox: readonly number[]): void {
    this.syncPage();
    this.endLink();
    if (frame.role === 'Artifact') this.artifact(frame);
    else this.content(this.element(frame, bbox), frame.role);
  }

  /** Rules, fills, borders, list bullets: layout artifacts. */
  decoration(frame: ArtifactFrame): void {
    this.artifact(frame);
  }

  /** Clipping and alignment save and restore the graphics state: no marked content spans them. */
  boundary(): void {
    this.syncPage();
    this.close();
  }

  /** The page is about to end. */
  endPage(): void {
    this.endLink();
    this.close();
  }
}
