import type { PathSegment } from '../../content/load.js';
import { fontChain } from '../../fonts/chain.js';
import type { FontSet } from '../../fonts/load.js';
import type { Comparison } from '../../model/comparison.js';
import { importAtRunTime } from '../../resources/run-time-import.js';
import type { OutputWarning } from '../render.js';

type Field = readonly [path: readonly PathSegment[], text: string | undefined];

/** Every content text the report prints, with its path in the content file (`threats[0].assessments.kata.text`). */
export function printedFields(c: Comparison): Field[] {
  const m = c.meta;
  return [
    [['title'], m.title],
    [['subtitle'], m.subtitle],
    ...m.authors.flatMap((a, i): Field[] => [
      [['authors', i], a.name],
      [['authors', i, 'role'], a.role],
    ]),
    [['classification'], m.classification],
    [['audience'], m.audience],
    [['summary'], m.summary],
    [['ratingNote'], m.ratingNote],
    ...c.history.flatMap((h, i): Field[] => [
      [['history', i, 'version'], h.version],
      [['history', i, 'author'], h.author],
      [['history', i, 'changes'], h.changes],
    ]),
    ...c.systems.flatMap((s, i): Field[] => [
      [['systems', i, 'name'], s.name],
      [['systems', i, 'description'], s.description],
      [['systems', i, 'isolation'], s.isolation],
    ]),
    ...c.sections.flatMap((s): Field[] => [[['body', s.title], `${s.title}\n${s.markdown}`]]),
    ...c.threats.flatMap((t, i): Field[] => [
      [['threats', i, 'title'], t.title],
      [['threats', i, 'description'], t.description],
      ...t.standards.flatMap((s, j): Field[] => [
        [['threats', i, 'standards', j, 'framework'], s.framework],
        [['threats', i, 'standards', j, 'id'], s.id],
        [['threats', i, 'standards', j, 'name'], s.name],
      ]),
      ...t.assessments.flatMap((a): Field[] => [
        [['threats', i, 'assessments', a.system.id, 'text'], a.text],
        [['threats', i, 'assessments', a.system.id, 'justification'], a.justification],
      ]),
    ]),
    ...c.defenses.flatMap((d, i): Field[] => [
      [['defenses', i, 'name'], d.name],
      [['defenses', i, 'purpose'], d.purpose],
      [['defenses', i, 'effectiveness'], d.effectiveness],
    ]),
    ...c.dimensions.flatMap((d, i): Field[] => [
      [['dimensions', i, 'name'], d.name],
      [['dimensions', i, 'summary'], d.summary],
      ...d.values.map((v): Field => [['dimensions', i, 'values', v.system.id, 'text'], v.text]),
    ]),
    ...c.attacks.flatMap((a, i): Field[] => [
      [['attacks', i, 'name'], a.name],
      ...a.outcomes.map((o): Field => [['attacks', i, 'outcomes', o.system.id, 'text'], o.text]),
    ]),
    ...c.verdicts.flatMap((v, i): Field[] => [
      [['verdicts', i, 'category'], v.category],
      [['verdicts', i, 'rationale'], v.rationale],
    ]),
    ...c.flows.flatMap((f, i): Field[] => [
      [['attackFlows', i, 'title'], f.title],
      [['attackFlows', i, 'description'], f.description],
      ...f.steps.flatMap((s, k): Field[] => [
        [['attackFlows', i, 'steps', k, 'actor'], s.actor],
        [['attackFlows', i, 'steps', k, 'action'], s.action],
        ...s.branches.flatMap((b): Field[] => [
          [['attackFlows', i, 'steps', k, 'branches', b.system.id, 'outcome'], b.outcome],
          [['attackFlows', i, 'steps', k, 'branches', b.system.id, 'label'], b.label],
        ]),
      ]),
    ]),
    ...c.references.flatMap((r, i): Field[] => [
      [['references', i, 'title'], r.title],
      [['references', i, 'note'], r.note],
    ]),
  ];
}

const codePoint = (char: string) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * One warning per field whose text uses characters no font of the chain can draw (they would print as
 * empty boxes): CJK with no CJK font configured, for instance. Each character is named as Unicode names
 * it; the names' table (~1.7 MB) loads only when something is missing.
 */
export async function missingGlyphWarnings(comparison: Comparison, fonts: FontSet): Promise<OutputWarning[]> {
  const chain = fontChain(fonts);
  const found: [Field[0], string[]][] = [];
  for (const [path, text] of printedFields(comparison)) {
    if (text === undefined || /^[\x00-\x7f]*$/.test(text)) continue;
    const missing = chain.missing(text);
    if (missing.length > 0) found.push([path, missing]);
  }
  if (found.length === 0) return [];
  const { unicodeName } = (await importAtRunTime('unicode-name')) as typeof import('unicode-name');
  const names = chain.families.map((f) => f.family).join(', ');
  return found.map(([path, [first = '', ...rest]]) => {
    const shown = [first, ...rest.slice(0, 4)]
      .map((ch) => `"${ch}" (${unicodeName(ch) ?? 'unnamed'}, ${codePoint(ch)})`)
      .join(', ');
    const more = rest.length > 4 ? ` and ${rest.length - 4} more` : '';
    return {
      path,
      needle: first,
      message: `no report font (${names}) has a glyph for ${shown}${more}; the PDF prints an empty box instead: add a font that has it under "fallbackFonts" in the config`,
    };
  });
}
