import * as layoutBuilderModule from 'pdfmake/js/LayoutBuilder.js';
import * as rendererModule from 'pdfmake/js/Renderer.js';
import { installDiagramDrawing } from './pdf-diagrams.js';
import { type DrawnInline, type PdfKitDocument, Tagger } from './pdf-marks.js';
import { type DocumentInfo, xmpDescriptions } from './pdf-metadata.js';
import { type Frame, LAYOUT_ARTIFACT, plainOf, type StructurePlan } from './pdf-structure.js';

/**
 * The one place the report extends pdfmake (0.3.11), which passes `tagged` to pdfkit but marks no
 * content. It wraps these methods of pdfmake's own classes, and nothing else; pdf-tagging.test.ts pins
 * the version and fails when an upgrade moves or renames any of them:
 * - `LayoutBuilder#buildNextLine`: each laid-out line remembers its text node (and so its frame);
 * - `Renderer#renderPages`: per document, sets up the structure tree, the XMP and the contents rows;
 * - `Renderer#renderLine | renderVector | renderSVG | renderImage`: marks what each draws;
 * - `Renderer#beginClip | endClip | beginVerticalAlignment | endVerticalAlignment`: close marks first.
 * Documents that were not registered with `tagRender` render exactly as pdfmake would.
 */
export const PDFMAKE_VERSION = '0.3.11';

export const HOOKS = {
  LayoutBuilder: ['buildNextLine'],
  Renderer: [
    'renderPages',
    'renderLine',
    'renderVector',
    'renderSVG',
    'renderImage',
    'beginClip',
    'endClip',
    'beginVerticalAlignment',
    'endVerticalAlignment',
  ],
} as const;

type Method = (this: RendererLike, ...args: never[]) => unknown;
type Prototype = Record<string, Method>;

interface RendererLike {
  pdfDocument: PdfKitDocument & TaggedPdfKit;
  outlineMap: Record<string, OutlineItem>;
  _tagger?: Tagger;
}

interface TaggedPdfKit {
  virtualfs: object;
  outline: OutlineItem;
  info: DocumentInfo;
  page: PdfKitDocument['page'] & { dictionary: unknown };
  text(...args: unknown[]): unknown;
  currentLineHeight(): number;
  annotate(x: number, y: number, w: number, h: number, options: Record<string, unknown>): unknown;
  addPage(...args: unknown[]): unknown;
  appendXML(xml: string): void;
  _addInfo(): void;
}

interface OutlineItem {
  children: OutlineItem[];
  outlineData: { Dest?: unknown[] };
}

interface LaidOutLine {
  inlines: (DrawnInline & { x: number; fontSize: number; font: { ascender: number }; _structure?: Frame })[];
  _leaf?: { _structure?: Frame };
  _outline?: { parentId?: string };
  getAscenderHeight(): number;
}

interface Box {
  x: number;
  y: number;
  _width: number;
  _height: number;
  _structure?: Frame;
}

const renders = new WeakMap<object, StructurePlan>();

/** Registers a render: pdfmake is given `store` as its file store, which is how its renderer is recognised. */
export function tagRender(store: object, plan: StructurePlan): void {
  renders.set(store, plan);
}

/**
 * pdfmake's own modules, imported statically so that a bundler includes the copy the report renders with.
 * They are Babel-made CommonJS: Node's ESM gives their `exports` as `default`, a bundler may give `default`
 * the class itself.
 */
const MODULES: Record<keyof typeof HOOKS, { readonly default?: unknown }> = {
  LayoutBuilder: layoutBuilderModule,
  Renderer: rendererModule,
};

function prototypeOf(name: keyof typeof HOOKS): Prototype {
  const outer = MODULES[name].default as { default?: { prototype?: Prototype }; prototype?: Prototype } | undefined;
  const exported = typeof outer === 'function' ? outer : outer?.default;
  const proto = exported?.prototype;
  for (const method of HOOKS[name]) {
    if (typeof proto?.[method] !== 'function') {
      throw new Error(`report: pdfmake ${name}#${method} is gone; pdf-tagging.ts was written for ${PDFMAKE_VERSION}`);
    }
  }
  return proto as Prototype;
}

function wrap(proto: Prototype, name: string, hook: (original: Method) => Method): void {
  const original = proto[name] as Method;
  proto[name] = hook(original);
}

/** Contents rows and ordered-list numbers exist only once pdfmake has laid the document out. */
function frameLaidOutNodes(plan: StructurePlan): void {
  for (const { node, frame } of plan.tocs) {
    const toc = node.toc as { _table?: { table?: { body?: Record<string, unknown>[][] } } };
    for (const row of toc._table?.table?.body ?? []) {
      const entry: Frame = { role: 'TOCI', parent: frame, linkText: plainOf(row[0]?.text).replace(/\u200B/g, '') };
      for (const cell of row) cell._structure = entry;
    }
  }
  for (const { item, frame } of plan.labels) {
    const marker = item.listMarker as { _inlines?: Record<string, unknown>[] } | undefined;
    const inline = marker?._inlines?.[0];
    if (inline) inline._structure = frame;
  }
}

/** Wraps the pdfkit document's text, annotation and page calls for one render. */
function instrument(
  doc: TaggedPdfKit,
  tagger: Tagger,
  pending: { line?: LaidOutLine | undefined; index: number },
): void {
  const { text, annotate, addPage } = doc;
  doc.text = function (this: unknown, ...args: unknown[]) {
    const inline = pending.line?.inlines[pending.index++];
    if (inline) tagger.inline(inline);
    const options = args[3] as { link?: unknown; goTo?: unknown; textWidth?: number } | undefined;
    if (inline && options && (options.link != null || options.goTo != null) && tagger.inLink) {
      // pdfkit would annotate each word; the tagger annotates each line of the link once.
      tagger.linkArea(inline, args[1] as number, args[2] as number, options.textWidth ?? 0, doc.currentLineHeight());
      delete options.link;
      delete options.goTo;
    }
    return text.apply(this, args);
  };
  doc.annotate = function (this: unknown, x, y, w, h, options) {
    const link = tagger.annotationLink;
    if (link && options.Subtype === 'Link') {
      options.structParent = link.element;
      options.Contents = new String(link.contents);
    }
    return annotate.call(this, x, y, w, h, options);
  };
  doc.addPage = function (this: unknown, ...args: unknown[]) {
    tagger.endPage();
    return addPage.apply(this, args);
  };
  doc._addInfo = () => doc.appendXML(xmpDescriptions(doc.info));
}

/**
 * pdfkit's outline entries point at `/XYZ <page width> <page height> 0` (PDFOutline computes the left edge
 * as width − 0); each entry is made to point where its heading's named destination does.
 */
function pointOutlineAtHeading(renderer: RendererLike, line: LaidOutLine, x: number, y: number): void {
  const { parentId } = line._outline ?? {};
  const parent = (parentId && renderer.outlineMap[parentId]) || renderer.pdfDocument.outline;
  const item = parent.children[parent.children.length - 1];
  const first = line.inlines[0];
  if (!item || !first) return;
  const top = y + line.getAscenderHeight() - (first.font.ascender / 1000) * first.fontSize;
  const { page } = renderer.pdfDocument;
  item.outlineData.Dest = [page.dictionary, 'XYZ', x + first.x, page.height - top, null];
}

const boxOf = (box: Box) => [box.x, box.y, box.x + box._width, box.y + box._height];

function missingFrame(what: string): never {
  throw new Error(`report: ${what} has no structure frame; pdf-structure.ts does not know the node pdfmake drew`);
}

let installed = false;

/** Drawing: the document's structure around pdfmake's pages, lines of text and pieces of content. */
function hookDocumentAndLines(renderer: Prototype): void {
  const pending: { line?: LaidOutLine | undefined; index: number } = { index: 0 };
  wrap(
    renderer,
    'renderPages',
    (original) =>
      function (this: RendererLike, ...args: never[]) {
        const plan = renders.get(this.pdfDocument.virtualfs);
        if (!plan) return original.apply(this, args);
        frameLaidOutNodes(plan);
        this._tagger = new Tagger(this.pdfDocument, plan);
        instrument(this.pdfDocument, this._tagger, pending);
        const result = original.apply(this, args);
        this._tagger.endPage();
        return result;
      },
  );

  wrap(
    renderer,
    'renderLine',
    (original) =>
      function (this: RendererLike, ...args: never[]) {
        const tagger = this._tagger;
        if (!tagger) return original.apply(this, args);
        const [line, x, y] = args as unknown as [LaidOutLine, number, number];
        const frame =
          line._leaf?._structure ??
          line.inlines[0]?._structure ??
          missingFrame(`the line "${line.inlines.map((i) => i.text).join('')}"`);
        tagger.beginLine(frame, line.inlines[0]);
        pending.line = line;
        pending.index = 0;
        try {
          original.apply(this, args);
        } finally {
          pending.line = undefined;
          tagger.endLine();
        }
        if (line._outline) pointOutlineAtHeading(this, line, x, y);
      },
  );
}

/** Everything else pdfmake draws: vectors are artifacts, diagrams and images figures. */
function hookContent(renderer: Prototype): void {
  wrap(
    renderer,
    'renderVector',
    (original) =>
      function (this: RendererLike, ...args: never[]) {
        this._tagger?.decoration(LAYOUT_ARTIFACT);
        return original.apply(this, args);
      },
  );

  for (const name of ['renderSVG', 'renderImage'] as const) {
    wrap(
      renderer,
      name,
      (original) =>
        function (this: RendererLike, ...args: never[]) {
          const box = args[0] as unknown as Box;
          const what = name === 'renderSVG' ? 'a diagram' : 'an image';
          this._tagger?.figure(box._structure ?? missingFrame(what), boxOf(box));
          return original.apply(this, args);
        },
    );
  }

  for (const name of ['beginClip', 'endClip', 'beginVerticalAlignment', 'endVerticalAlignment'] as const) {
    wrap(
      renderer,
      name,
      (original) =>
        function (this: RendererLike, ...args: never[]) {
          this._tagger?.boundary();
          return original.apply(this, args);
        },
    );
  }
}

/** Installs the hooks once per process (idempotent). */
export function installTagging(): void {
  if (installed) return;
  // Diagrams are drawn by their own renderSVG, which the figure marks below must wrap.
  installDiagramDrawing();
  // Both looked up (and checked) before anything is wrapped.
  const layout = prototypeOf('LayoutBuilder');
  const renderer = prototypeOf('Renderer');
  wrap(
    layout,
    'buildNextLine',
    (original) =>
      // Fixed arity, no rest parameters: this runs once per laid-out line.
      function (this: unknown, node: never) {
        const line = original.call(this as RendererLike, node) as { _leaf?: unknown } | null;
        if (line) line._leaf = node;
        return line;
      },
  );

  hookDocumentAndLines(renderer);
  hookContent(renderer);
  installed = true;
}
