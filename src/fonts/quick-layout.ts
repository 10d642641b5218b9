import {
  type Coverage,
  classOf,
  contextCanMatch,
  coverageIndex,
  coveredGlyphs,
  type LayoutTable,
  type Lookup,
  lookupsFor,
  type ParsedFont,
  type Subtable,
  type ValueRecord,
} from './opentype.js';

/**
 * fontkit's layout of a word without its OpenType machinery, where that machinery could only kern.
 *
 * pdfkit measures and draws every word through fontkit's full shaping (`font.layout`): script detection,
 * a shaping plan, every GSUB and GPOS lookup of the default features tried at every glyph. Cold, that is
 * the largest single cost of laying out a report (~0.3 ms a word). For most words of a Latin text only
 * kerning changes anything: no substitution can start at any of their glyphs (its coverage lists none
 * of them, or it needs a glyph no such word has, like a combining mark), and no positioning but pair
 * adjustment applies. Those words get the same glyphs and positions from the cmap, the advance widths and
 * the pair adjustment lookups read directly; every other word, and every font this cannot prove it for,
 * goes through fontkit. The result is fontkit's own, not an approximation: quick-layout.test.ts compares
 * both on every character this takes and on the fixtures' words, and the PDFs are byte-identical.
 */

/** Code points a quick run may contain: scripts Latin and Common only, no marks, controls or format characters. */
const RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  // U+00AD (soft hyphen) is default-ignorable: fontkit draws it as a zero-width space.
  [0xae, 0x24f],
  [0x2010, 0x2027],
  // U+2044 (fraction slash) turns on fontkit's fraction features for the digits around it.
  [0x2030, 0x2043],
  [0x2045, 0x205e],
  [0x20a0, 0x20bf],
  [0x2190, 0x22ff],
];

const LATIN = /\p{Script=Latin}/u;

/** fontkit's script tag for a run: its first Latin letter makes it `latn`, a run of Common characters `zzzz`. */
type ScriptTag = 'latn' | 'zzzz';

/** What fontkit does to a run of one script in one font, as far as quick runs can meet it. */
interface ScriptPlan {
  /** Glyphs at which a substitution or a positioning other than pair adjustment could start. */
  readonly blocked: ReadonlySet<number>;
  /** Ligatures (and other multi-glyph substitutions) by first glyph: a word containing one is not quick. */
  readonly ligatures: ReadonlyMap<number, readonly (readonly number[])[]>;
  /** The pair adjustment subtables of each lookup applied, in order (a lookup may apply more than once). */
  readonly kerning: readonly (readonly Subtable[])[];
  /** Pair adjustments already computed: [x advance, y advance, x offset, y offset] of both glyphs. */
  readonly pairs: Map<number, readonly number[] | null>;
}

interface FontPlan {
  readonly font: ParsedFont;
  /** Glyph ids of the code points quick runs may contain (no glyph object is made for them). */
  readonly allowed: ReadonlySet<number>;
  readonly scripts: Map<ScriptTag, ScriptPlan | null>;
}

function inRanges(codePoint: number): boolean {
  for (const [from, to] of RANGES) if (codePoint >= from && codePoint <= to) return true;
  return false;
}

/** Whether fontkit would shape this font with its OpenType engine, with GPOS, and without variations. */
export function planFont(font: ParsedFont): FontPlan | undefined {
  if (font.morx || font.fvar || !font.GPOS) return undefined;
  const allowed = new Set<number>();
  const classes = font.GDEF?.glyphClassDef;
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++) {
      const glyph = font._cmapProcessor.lookup(cp);
      // A glyph the font calls a ligature (2) or a mark (3) is skipped by lookups that ignore those.
      const kind = classes ? classOf(glyph, classes) : 0;
      if (glyph !== 0 && kind !== 2 && kind !== 3) allowed.add(glyph);
    }
  }
  return { font, allowed, scripts: new Map() };
}

const EXTENSION = { GSUB: 7, GPOS: 9 } as const;

/** Subtables with their extension wrappers removed, each with its real type. */
function subtablesOf(lookup: Lookup, table: 'GSUB' | 'GPOS'): { type: number; subtable: Subtable }[] {
  const out: { type: number; subtable: Subtable }[] = [];
  for (const subtable of lookup.subTables) {
    if (lookup.lookupType === EXTENSION[table] && subtable.extension) {
      out.push({ type: subtable.lookupType ?? 0, subtable: subtable.extension });
    } else out.push({ type: lookup.lookupType, subtable });
  }
  return out;
}

/** The coverage fontkit checks first, at the current glyph, and the further ones a match needs (format 3). */
function coveragesOf(type: number, subtable: Subtable, table: 'GSUB' | 'GPOS'): { first?: Coverage; rest: Coverage[] } {
  const context = table === 'GSUB' ? [5, 6] : [7, 8];
  if (context.includes(type) && subtable.version === 3) {
    const input = [...(type === context[0] ? (subtable.coverages ?? []) : (subtable.inputCoverage ?? []))];
    const rest = [...input.slice(1), ...(subtable.backtrackCoverage ?? []), ...(subtable.lookaheadCoverage ?? [])];
    return { ...(input[0] && { first: input[0] }), rest };
  }
  if (table === 'GPOS' && (type === 4 || type === 5))
    return { ...(subtable.markCoverage && { first: subtable.markCoverage }), rest: [] };
  if (table === 'GPOS' && type === 6)
    return { ...(subtable.mark1Coverage && { first: subtable.mark1Coverage }), rest: [] };
  return { ...(subtable.coverage && { first: subtable.coverage }), rest: [] };
}

/** Records what a substitution or non-pair positioning could do to a run of allowed glyphs. */
function blockSubtable(
  plan: FontPlan,
  type: number,
  subtable: Subtable,
  table: 'GSUB' | 'GPOS',
  out: { blocked: Set<number>; ligatures: Map<number, number[][]> },
): void {
  const { first, rest } = coveragesOf(type, subtable, table);
  // A match needs a glyph from each coverage: one no quick run can contain means it never matches one.
  if (rest.some((coverage) => !coveredGlyphs(coverage).some((g) => plan.allowed.has(g)))) return;
  let starts = coveredGlyphs(first).filter((g) => plan.allowed.has(g));
  const contextual = table === 'GSUB' ? [5, 6] : [7, 8];
  if (contextual.includes(type) && subtable.version !== 3) {
    starts = starts.filter((g) => contextCanMatch(subtable, type === contextual[1], g, plan.allowed));
  }
  if (table === 'GSUB' && type === 4 && subtable.coverage && subtable.ligatureSets) {
    for (const glyph of starts) {
      const set = subtable.ligatureSets.get(coverageIndex(subtable.coverage, glyph));
      for (const ligature of set) {
        // A ligature whose components are all allowed could form in a quick run: looked for in each word.
        if (!ligature.components.every((g) => plan.allowed.has(g))) continue;
        if (ligature.components.length === 0) out.blocked.add(glyph);
        const known = out.ligatures.get(glyph) ?? [];
        known.push([...ligature.components]);
        out.ligatures.set(glyph, known);
      }
    }
    return;
  }
  for (const glyph of starts) out.blocked.add(glyph);
}

/** The plan of one script, or null when quick runs of that script are not provably fontkit's. */
function planScript(plan: FontPlan, script: ScriptTag): ScriptPlan | null {
  const font = plan.font;
  const gpos = font.GPOS as LayoutTable;
  const positioning = lookupsFor(gpos, script);
  // fontkit keeps the script it selected before when a table has neither it nor a default one.
  if (!positioning || (font.GSUB && !lookupsFor(font.GSUB, script))) return null;
  // Without a `kern` feature fontkit kerns from the `kern` table, which this does not read.
  if (!positioning.kern && font.kern) return null;
  const out = { blocked: new Set<number>(), ligatures: new Map<number, number[][]>() };
  for (const lookup of font.GSUB ? (lookupsFor(font.GSUB, script)?.lookups ?? []) : []) {
    for (const { type, subtable } of subtablesOf(lookup, 'GSUB')) blockSubtable(plan, type, subtable, 'GSUB', out);
  }
  const kerning: Subtable[][] = [];
  for (const lookup of positioning.lookups) {
    const parts = subtablesOf(lookup, 'GPOS');
    if (parts.every((p) => p.type === 2)) {
      // fontkit reads formats 1 and 2 only (another would fall through to cursive attachment).
      if (parts.some((p) => p.subtable.version !== 1 && p.subtable.version !== 2)) return null;
      const flags = lookup.flags?.flags ?? {};
      // Base glyphs or ligatures skipped: the glyph a pair is made with would not be the next one.
      if (flags.ignoreBaseGlyphs || flags.ignoreLigatures) return null;
      kerning.push(parts.map((p) => p.subtable));
    } else for (const { type, subtable } of parts) blockSubtable(plan, type, subtable, 'GPOS', out);
  }
  return { ...out, kerning, pairs: new Map() };
}

/** Pair adjustment of `first` followed by `second`: `OTProcessor#applyLookups` with GPOS lookup type 2. */
function pairAdjustment(plan: ScriptPlan, first: number, second: number): readonly number[] | null {
  const key = first * 0x10000 + second;
  const known = plan.pairs.get(key);
  if (known !== undefined) return known;
  const sum = new Float64Array(8);
  let any = false;
  const add = (value: ValueRecord | undefined, at: number) => {
    if (!value) return;
    sum[at] = (sum[at] ?? 0) + (value.xAdvance ?? 0);
    sum[at + 1] = (sum[at + 1] ?? 0) + (value.yAdvance ?? 0);
    sum[at + 2] = (sum[at + 2] ?? 0) + (value.xPlacement ?? 0);
    sum[at + 3] = (sum[at + 3] ?? 0) + (value.yPlacement ?? 0);
    any = true;
  };
  for (const subtables of plan.kerning) {
    for (const subtable of subtables) {
      const index = subtable.coverage ? coverageIndex(subtable.coverage, first) : -1;
      if (index === -1) continue;
      if (subtable.version === 1) {
        const pair = [...(subtable.pairSets?.get(index) ?? [])].find((p) => p.secondGlyph === second);
        if (!pair) continue;
        add(pair.value1, 0);
        add(pair.value2, 4);
        break;
      }
      const record = subtable.classRecords
        ?.get(classOf(first, subtable.classDef1))
        .get(classOf(second, subtable.classDef2));
      add(record?.value1, 0);
      add(record?.value2, 4);
      break;
    }
  }
  const result = any ? [...sum] : null;
  plan.pairs.set(key, result);
  return result;
}

export type { FontPlan, ScriptPlan, ScriptTag };
export { inRanges, LATIN, pairAdjustment, planScript };
