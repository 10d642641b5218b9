import type { ParsedFont } from './opentype.js';
import {
  type FontPlan,
  inRanges,
  LATIN,
  pairAdjustment,
  planFont,
  planScript,
  type ScriptTag,
} from './quick-layout.js';

/**
 * `font.layout(text)` as pdfkit calls it to measure and draw each word (no features, script or language
 * given), made cheaper without changing its result:
 * - a word that only kerning can change is laid out from the font's tables directly (quick-layout.ts);
 * - any other word is shaped by fontkit once per font and process, and remembered: the next document of
 *   the process (a rebuild in `riskdeck dev`, slides.pdf after report.pdf) gets a copy.
 * pdfkit scales the positions it gets in place, so every call returns new position objects.
 */

interface GlyphLike {
  readonly id: number;
  readonly advanceWidth: number;
}

interface PositionLike {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface RunLike {
  glyphs: GlyphLike[];
  positions: PositionLike[];
  readonly script: string;
  readonly language: string | null;
  readonly direction: string;
  features: Record<string, boolean>;
}

type RunClass = new (
  glyphs: GlyphLike[],
  features: Record<string, boolean>,
  script: string,
  language: string | null,
  direction: string,
) => RunLike;

/** A run as fontkit made it, kept apart from the copies handed out. */
interface StoredRun {
  readonly glyphs: readonly GlyphLike[];
  /** x advance, y advance, x offset, y offset of each glyph. */
  readonly numbers: readonly number[];
  readonly script: string;
  readonly language: string | null;
  readonly direction: string;
  readonly features: Readonly<Record<string, boolean>>;
}

type Layout = (this: unknown, text: unknown, ...rest: unknown[]) => RunLike;
export interface LayoutFont extends ParsedFont {
  layout: Layout;
  glyphForCodePoint(codePoint: number): GlyphLike;
}

/** Words remembered per font; past this the memory is cleared (a long `dev` session). */
const MAX_REMEMBERED = 20_000;

const stats = { quick: 0, remembered: 0, shaped: 0 };

/** How each layout was answered since the process started; the tests read it. */
export function wordLayoutStats(): Readonly<typeof stats> {
  return { ...stats };
}

function store(run: RunLike): StoredRun {
  const numbers: number[] = [];
  for (const p of run.positions) numbers.push(p.xAdvance, p.yAdvance, p.xOffset, p.yOffset);
  return {
    glyphs: [...run.glyphs],
    numbers,
    script: run.script,
    language: run.language,
    direction: run.direction,
    features: { ...run.features },
  };
}

/**
 * A new run from a stored one, made with fontkit's GlyphRun class. Positions are plain objects with the
 * fields of fontkit's GlyphPosition in its order (it has no methods; pdfkit reads and scales the fields).
 */
function revive(stored: StoredRun, Run: RunClass): RunLike {
  const run = new Run([...stored.glyphs], { ...stored.features }, stored.script, stored.language, stored.direction);
  const n = stored.numbers;
  run.positions = stored.glyphs.map((_, i) => ({
    xAdvance: n[4 * i] ?? 0,
    yAdvance: n[4 * i + 1] ?? 0,
    xOffset: n[4 * i + 2] ?? 0,
    yOffset: n[4 * i + 3] ?? 0,
  }));
  return run;
}

/**
 * The features fontkit's default shaper lists on every run it shapes, left to right, in its order
 * (`ShapingPlan#allFeatures`: every feature it plans, whether the font has it or not).
 */
const DEFAULT_SHAPER_FEATURES: Readonly<Record<string, boolean>> = Object.freeze(
  Object.fromEntries(
    ['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk']
      .concat(['calt', 'clig', 'liga', 'rclt', 'curs', 'kern'])
      .map((tag) => [tag, true]),
  ),
);

/** The script fontkit detects for a run of allowed characters: its first Latin letter decides. */
function scriptOf(codePoints: readonly number[]): ScriptTag {
  for (const cp of codePoints) if (LATIN.test(String.fromCodePoint(cp))) return 'latn';
  return 'zzzz';
}

/** The word as fontkit would lay it out, when only kerning can change it; else undefined. */
function quickRun(plan: FontPlan, font: LayoutFont, text: string): StoredRun | undefined {
  const codePoints: number[] = [];
  const ids: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    if (!inRanges(cp)) return undefined;
    const id = plan.font._cmapProcessor.lookup(cp);
    if (!plan.allowed.has(id)) return undefined;
    codePoints.push(cp);
    ids.push(id);
  }
  const script = scriptOf(codePoints);
  let scriptPlan = plan.scripts.get(script);
  if (scriptPlan === undefined) {
    scriptPlan = planScript(plan, script);
    plan.scripts.set(script, scriptPlan);
  }
  if (!scriptPlan) return undefined;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    if (scriptPlan.blocked.has(id)) return undefined;
    for (const components of scriptPlan.ligatures.get(id) ?? []) {
      if (components.every((g, k) => ids[i + 1 + k] === g)) return undefined;
    }
  }
  // Made only now, in text order, as fontkit's glyphsForString makes them (a glyph keeps its first characters).
  const glyphs = codePoints.map((cp) => font.glyphForCodePoint(cp));
  const numbers: number[] = [];
  for (const glyph of glyphs) numbers.push(glyph.advanceWidth, 0, 0, 0);
  for (let i = 0; i + 1 < ids.length; i++) {
    const adjustment = pairAdjustment(scriptPlan, ids[i] as number, ids[i + 1] as number);
    if (!adjustment) continue;
    for (let k = 0; k < 8; k++) numbers[4 * i + k] = (numbers[4 * i + k] ?? 0) + (adjustment[k] ?? 0);
  }
  return { glyphs, numbers, script, language: null, direction: 'ltr', features: DEFAULT_SHAPER_FEATURES };
}

/** Replaces the font's `layout` with the quick and remembered one (once per parsed font). */
export function speedUpLayout(font: LayoutFont): void {
  const layout = font.layout;
  const remembered = new Map<string, StoredRun>();
  let plan: FontPlan | null | undefined;
  // fontkit's GlyphRun class, from an empty run (which fontkit returns before any shaping).
  let Run: RunClass | undefined;
  const shape = (self: unknown, text: string): RunLike => {
    const run = layout.call(self, text);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(text, store(run));
    stats.shaped++;
    return run;
  };
  font.layout = function (this: unknown, text: unknown, ...rest: unknown[]) {
    // An empty run skips fontkit's shaping plan (its features stay empty): nothing to gain.
    if (typeof text !== 'string' || text === '' || rest.some((arg) => arg !== undefined)) {
      return layout.call(this, text, ...rest);
    }
    Run ??= Object.getPrototypeOf(layout.call(this, '')).constructor as RunClass;
    const known = remembered.get(text);
    if (known) {
      stats.remembered++;
      return revive(known, Run);
    }
    if (plan === undefined) plan = planFont(font) ?? null;
    const quick = plan && quickRun(plan, font, text);
    if (quick) {
      stats.quick++;
      return revive(quick, Run);
    }
    return shape(this, text);
  };
}
