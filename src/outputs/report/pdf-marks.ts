import type { ArtifactFrame, Frame, StructureFrame, StructurePlan } from './pdf-structure.js';

/** The part of pdfkit's document (0.19) that tagging drives: its structure API and the page's markings. */
export interface PdfKitDocument {
  page: { markings: unknown[]; height: number };
  struct(type: string, options?: Record<string, unknown>): PdfStructureElement;
  addStructure(element: PdfStructureElement): unknown;
  markStructureContent(tag: string): unknown;
  endMarkedContent(): unknown;
  addContent(data: string): unknown;
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

  private endLink(): void {
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
      this.annotationLink = undefined;
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
    this.annotationLink = this.link;
  }

  endLine(): void {
    this.annotationLink = undefined;
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
