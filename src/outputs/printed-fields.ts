import type { PathSegment } from '../content/load.js';
import type { Comparison } from '../model/comparison.js';

/** A content text an output prints, with its path in the content file. */
export type PrintedField = readonly [path: readonly PathSegment[], text: string | undefined];

/** Every content text the report prints, with its path in the content file (`threats[0].assessments.kata.text`). */
export function printedFields(c: Comparison): PrintedField[] {
  const m = c.meta;
  return [
    [['title'], m.title],
    [['subtitle'], m.subtitle],
    ...m.authors.flatMap((a, i): PrintedField[] => [
      [['authors', i], a.name],
      [['authors', i, 'role'], a.role],
    ]),
    [['classification'], m.classification],
    [['audience'], m.audience],
    [['summary'], m.summary],
    [['ratingNote'], m.ratingNote],
    ...c.history.flatMap((h, i): PrintedField[] => [
      [['history', i, 'version'], h.version],
      [['history', i, 'author'], h.author],
      [['history', i, 'changes'], h.changes],
    ]),
    ...c.systems.flatMap((s, i): PrintedField[] => [
      [['systems', i, 'name'], s.name],
      [['systems', i, 'description'], s.description],
      [['systems', i, 'isolation'], s.isolation],
    ]),
    ...c.sections.flatMap((s): PrintedField[] => [[['body', s.title], `${s.title}\n${s.markdown}`]]),
    ...c.threats.flatMap((t, i): PrintedField[] => [
      [['threats', i, 'title'], t.title],
      [['threats', i, 'description'], t.description],
      ...t.standards.flatMap((s, j): PrintedField[] => [
        [['threats', i, 'standards', j, 'framework'], s.framework],
        [['threats', i, 'standards', j, 'id'], s.id],
        [['threats', i, 'standards', j, 'name'], s.name],
      ]),
      ...t.assessments.flatMap((a): PrintedField[] => [
        [['threats', i, 'assessments', a.system.id, 'text'], a.text],
        [['threats', i, 'assessments', a.system.id, 'justification'], a.justification],
      ]),
    ]),
    ...c.defenses.flatMap((d, i): PrintedField[] => [
      [['defenses', i, 'name'], d.name],
      [['defenses', i, 'purpose'], d.purpose],
      [['defenses', i, 'effectiveness'], d.effectiveness],
    ]),
    ...c.dimensions.flatMap((d, i): PrintedField[] => [
      [['dimensions', i, 'name'], d.name],
      [['dimensions', i, 'summary'], d.summary],
      ...d.values.map((v): PrintedField => [['dimensions', i, 'values', v.system.id, 'text'], v.text]),
    ]),
    ...c.attacks.flatMap((a, i): PrintedField[] => [
      [['attacks', i, 'name'], a.name],
      ...a.outcomes.map((o): PrintedField => [['attacks', i, 'outcomes', o.system.id, 'text'], o.text]),
    ]),
    ...c.verdicts.flatMap((v, i): PrintedField[] => [
      [['verdicts', i, 'category'], v.category],
      [['verdicts', i, 'rationale'], v.rationale],
    ]),
    ...c.flows.flatMap((f, i): PrintedField[] => [
      [['attackFlows', i, 'title'], f.title],
      [['attackFlows', i, 'description'], f.description],
      ...f.steps.flatMap((s, k): PrintedField[] => [
        [['attackFlows', i, 'steps', k, 'actor'], s.actor],
        [['attackFlows', i, 'steps', k, 'action'], s.action],
        ...s.branches.flatMap((b): PrintedField[] => [
          [['attackFlows', i, 'steps', k, 'branches', b.system.id, 'outcome'], b.outcome],
          [['attackFlows', i, 'steps', k, 'branches', b.system.id, 'label'], b.label],
        ]),
      ]),
    ]),
    ...c.references.flatMap((r, i): PrintedField[] => [
      [['references', i, 'title'], r.title],
      [['references', i, 'note'], r.note],
    ]),
  ];
}
