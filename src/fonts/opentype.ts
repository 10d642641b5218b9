/**
 * fontkit's parsed OpenType layout tables (GSUB, GPOS, GDEF), as far as quick-layout.ts reads them, and the
 * lookups fontkit 2.0's default shaper applies to a run. Written against fontkit 2.0.4's `OTProcessor`,
 * `ShapingPlan` and `DefaultShaper`; quick-layout.test.ts compares every result with fontkit's own.
 */

export interface Coverage {
  readonly version: number;
  readonly glyphs?: readonly number[];
  readonly rangeRecords?: readonly {
    readonly start: number;
    readonly end: number;
    readonly startCoverageIndex: number;
  }[];
}

export interface ClassDef {
  readonly version: number;
  readonly startGlyph?: number;
  readonly classValueArray?: readonly number[];
  readonly classRangeRecord?: readonly { readonly start: number; readonly end: number; readonly class: number }[];
}

/** A GPOS value record; absent fields are zero. */
export interface ValueRecord {
  readonly xAdvance?: number;
  readonly yAdvance?: number;
  readonly xPlacement?: number;
  readonly yPlacement?: number;
}

/** restructure's arrays: plain or lazily decoded, iterable either way. */
export interface LazyList<T> extends Iterable<T> {
  get(index: number): T;
  readonly length: number;
}

/** One subtable of any lookup type; the fields present depend on the type and format. */
export interface Subtable {
  readonly version?: number;
  readonly lookupType?: number;
  readonly extension?: Subtable;
  readonly coverage?: Coverage;
  readonly coverages?: readonly Coverage[];
  readonly inputCoverage?: readonly Coverage[];
  readonly backtrackCoverage?: readonly Coverage[];
  readonly lookaheadCoverage?: readonly Coverage[];
  readonly markCoverage?: Coverage;
  readonly mark1Coverage?: Coverage;
  readonly ligatureSets?: LazyList<Iterable<{ readonly glyph: number; readonly components: readonly number[] }>>;
  readonly pairSets?: LazyList<Iterable<{ readonly secondGlyph: number; value1?: ValueRecord; value2?: ValueRecord }>>;
  readonly classDef1?: ClassDef;
  readonly classDef2?: ClassDef;
  readonly classRecords?: LazyList<LazyList<{ value1?: ValueRecord; value2?: ValueRecord }>>;
  /** Contextual lookups, formats 1 and 2 (fontkit indexes these arrays directly). */
  readonly ruleSets?: readonly (Iterable<Rule> | undefined)[];
  readonly classDef?: ClassDef;
  readonly classSet?: readonly (Iterable<Rule> | undefined)[];
  readonly chainRuleSets?: readonly (Iterable<Rule> | undefined)[];
  readonly chainClassSet?: readonly (Iterable<Rule> | undefined)[];
  readonly backtrackClassDef?: ClassDef;
  readonly inputClassDef?: ClassDef;
  readonly lookaheadClassDef?: ClassDef;
}

/** A rule of a contextual lookup: glyph ids (format 1) or classes (format 2) around the current glyph. */
export interface Rule {
  readonly input?: readonly number[];
  readonly classes?: readonly number[];
  readonly backtrack?: readonly number[];
  readonly lookahead?: readonly number[];
}

export interface Lookup {
  readonly lookupType: number;
  readonly flags: { readonly flags?: Readonly<Record<string, boolean>> } | undefined;
  readonly subTables: Iterable<Subtable>;
}

export interface LayoutTable {
  readonly scriptList?: readonly {
    readonly tag: string;
    readonly script: { readonly defaultLangSys?: { readonly featureIndexes: readonly number[] } | null };
  }[];
  readonly featureList: readonly { readonly tag: string; readonly feature: { readonly lookupListIndexes: number[] } }[];
  readonly lookupList: LazyList<Lookup>;
}

/** The font as fontkit parses it: the tables and the internal cmap lookup (no glyph object is made). */
export interface ParsedFont {
  readonly GSUB?: LayoutTable;
  readonly GPOS?: LayoutTable;
  readonly GDEF?: { readonly glyphClassDef?: ClassDef };
  readonly morx?: unknown;
  readonly fvar?: unknown;
  /** The TrueType `kern` table, which fontkit uses when the GPOS language system has no `kern` feature. */
  readonly kern?: unknown;
  readonly _cmapProcessor: { lookup(codePoint: number): number };
}

/**
 * The features fontkit's default shaper (every script without a shaper of its own: Latin, and the
 * default script) gives every glyph, left to right. `frac`, `numr` and `dnom` are only given to digits
 * around U+2044, which quick runs never contain.
 */
export const GLOBAL_FEATURES = [
  'rvrn',
  'ltra',
  'ltrm',
  'ccmp',
  'locl',
  'rlig',
  'mark',
  'mkmk',
  'calt',
  'clig',
  'liga',
  'rclt',
  'curs',
  'kern',
] as const;

/** fontkit's `DEFAULT_SCRIPTS`: tried when the table has no entry for the run's script. */
const DEFAULT_SCRIPTS = ['DFLT', 'dflt', 'latn'];

/**
 * The lookups `OTProcessor#selectScript` and `lookupsForFeatures` give a run of `script` (no language), in
 * the order fontkit applies them: one entry per feature naming the lookup, sorted by lookup index.
 * Also says whether the selected language system has a `kern` feature (else fontkit kerns from `kern`).
 * Undefined when the table has neither the script nor a default one: fontkit then keeps the script it
 * selected for the run before, so the answer would depend on history.
 */
export function lookupsFor(table: LayoutTable, script: string): { lookups: Lookup[]; kern: boolean } | undefined {
  const list = table.scriptList ?? [];
  const entry =
    list.find((e) => e.tag === script) ?? DEFAULT_SCRIPTS.map((s) => list.find((e) => e.tag === s)).find(Boolean);
  if (!entry) return undefined;
  const features = new Map<string, readonly number[]>();
  for (const index of entry?.script.defaultLangSys?.featureIndexes ?? []) {
    const record = table.featureList[index];
    if (record) features.set(record.tag, record.feature.lookupListIndexes);
  }
  const entries: { index: number; lookup: Lookup }[] = [];
  for (const tag of GLOBAL_FEATURES) {
    for (const index of features.get(tag) ?? []) entries.push({ index, lookup: table.lookupList.get(index) });
  }
  entries.sort((a, b) => a.index - b.index);
  return { lookups: entries.map((e) => e.lookup), kern: features.has('kern') };
}

/** `OTProcessor#coverageIndex`. */
export function coverageIndex(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) return coverage.glyphs?.indexOf(glyph) ?? -1;
  if (coverage.version === 2) {
    for (const range of coverage.rangeRecords ?? []) {
      if (range.start <= glyph && glyph <= range.end) return range.startCoverageIndex + glyph - range.start;
    }
  }
  return -1;
}

/** Every glyph a coverage table lists. */
export function coveredGlyphs(coverage: Coverage | undefined): number[] {
  if (!coverage) return [];
  if (coverage.version === 1) return [...(coverage.glyphs ?? [])];
  const out: number[] = [];
  for (const range of coverage.rangeRecords ?? []) for (let g = range.start; g <= range.end; g++) out.push(g);
  return out;
}

/** `OTProcessor#getClassID`. */
export function classOf(glyph: number, classDef: ClassDef | undefined): number {
  if (classDef?.version === 1) {
    const i = glyph - (classDef.startGlyph ?? 0);
    const values = classDef.classValueArray ?? [];
    if (i >= 0 && i < values.length) return values[i] ?? 0;
  } else if (classDef?.version === 2) {
    for (const range of classDef.classRangeRecord ?? []) {
      if (range.start <= glyph && glyph <= range.end) return range.class;
    }
  }
  return 0;
}

const classSets = new WeakMap<ClassDef, WeakMap<ReadonlySet<number>, Set<number>>>();

/** The classes the allowed glyphs have in a class definition (0 for glyphs it does not list). */
function classesOf(classDef: ClassDef | undefined, allowed: ReadonlySet<number>): ReadonlySet<number> {
  if (!classDef) return new Set([0]);
  let byAllowed = classSets.get(classDef);
  if (!byAllowed) {
    byAllowed = new WeakMap();
    classSets.set(classDef, byAllowed);
  }
  let classes = byAllowed.get(allowed);
  if (!classes) {
    classes = new Set();
    for (const g of allowed) classes.add(classOf(g, classDef));
    byAllowed.set(allowed, classes);
  }
  return classes;
}

/**
 * Whether a contextual lookup (GSUB 5 and 6, GPOS 7 and 8) of format 1 or 2 could match at `first` in a run
 * made only of `allowed` glyphs: some rule of its set needs only glyphs (format 1) or classes (format 2)
 * that allowed glyphs have. Mirrors `OTProcessor#applyContext` and `applyChainingContext`.
 */
export function contextCanMatch(
  subtable: Subtable,
  chaining: boolean,
  first: number,
  allowed: ReadonlySet<number>,
): boolean {
  const index = subtable.coverage ? coverageIndex(subtable.coverage, first) : -1;
  if (index === -1) return false;
  const glyphsAllowed = (ids: readonly number[] | undefined) => (ids ?? []).every((g) => allowed.has(g));
  const classesHad = (classes: readonly number[] | undefined, classDef: ClassDef | undefined) =>
    (classes ?? []).length === 0 || (classes ?? []).every((c) => classesOf(classDef, allowed).has(c));
  if (subtable.version === 1) {
    const set = (chaining ? subtable.chainRuleSets : subtable.ruleSets)?.[index] ?? [];
    for (const rule of set) {
      if (glyphsAllowed(rule.input) && glyphsAllowed(rule.backtrack) && glyphsAllowed(rule.lookahead)) return true;
    }
    return false;
  }
  const inputDef = chaining ? subtable.inputClassDef : subtable.classDef;
  const set = (chaining ? subtable.chainClassSet : subtable.classSet)?.[classOf(first, inputDef)] ?? [];
  for (const rule of set) {
    if (!classesHad(chaining ? rule.input : rule.classes, inputDef)) continue;
    if (chaining && !classesHad(rule.backtrack, subtable.backtrackClassDef)) continue;
    if (chaining && !classesHad(rule.lookahead, subtable.lookaheadClassDef)) continue;
    return true;
  }
  return false;
}
