import type { Comparison } from '../../model/comparison.js';
import type { ChangeSet } from '../../model/diff.js';

/**
 * Content never enters the report template's Markdown. The template sees a view of the model in which
 * every string is an opaque slot token (two private-use characters around an index); the converter
 * parses the template's Markdown and only then puts each slot's value in place, parsed on its own. So a
 * content field cannot open a directive, close a table cell or add Handlebars syntax, whatever it holds.
 */
export type Slot =
  | { readonly kind: 'markdown'; readonly value: string }
  | { readonly kind: 'text'; readonly value: string }
  | { readonly kind: 'badge'; readonly level: string; readonly label: string }
  | { readonly kind: 'cite'; readonly id: string; readonly number: number }
  | { readonly kind: 'link'; readonly text: string; readonly url: string };

const OPEN = '\uE000';
const CLOSE = '\uE001';
export const SLOT_PATTERN = /\uE000(\d+)\uE001/g;
export const ONLY_SLOT = /^\s*\uE000(\d+)\uE001\s*$/;

/** Fields that are identifiers, dates or labels rather than Markdown; shown as they are. */
const PLAIN_KEYS = new Set([
  'id',
  'key',
  'version',
  'date',
  'url',
  'language',
  'classification',
  'authors',
  'author',
  'framework',
  'level',
  'label',
  'statusLabel',
  'status',
  'fromVersion',
  'toVersion',
  'kind',
  'area',
  'before',
  'after',
]);

export interface SlotTable {
  readonly slots: readonly Slot[];
  slot(index: number): Slot;
  /** The raw value of a string that may be a slot token (directive arguments, badge fields). */
  value(text: string): string;
}

export interface TemplateView {
  readonly view: Record<string, unknown>;
  readonly table: SlotTable;
}

/** Builds what `report.hbs` sees: the model with every string replaced by a slot token. */
export function templateView(comparison: Comparison, changes: ChangeSet | undefined): TemplateView {
  const slots: Slot[] = [];
  const token = (slot: Slot) => `${OPEN}${slots.push(slot) - 1}${CLOSE}`;
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return token({ kind: PLAIN_KEYS.has(key) ? 'text' : 'markdown', value });
    if (Array.isArray(value)) return value.map((item) => walk(item, key));
    if (value === null || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    const view: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(object)) view[k] = walk(v, k);
    // Ratings, severities and risk levels carry a coloured badge that always says its level in words;
    // a rating's badge adds its score. References carry `cite`, their linked "[n]".
    const level = object.level ?? object.id;
    if (
      typeof object.label === 'string' &&
      typeof level === 'string' &&
      ('score' in object || 'rank' in object || 'min' in object)
    ) {
      const label = typeof object.score === 'number' ? `${object.label} \u00B7 ${object.score}` : object.label;
      view.badge = token({ kind: 'badge', level, label });
    }
    if (typeof object.url === 'string' && typeof object.number === 'number' && typeof object.id === 'string') {
      view.cite = token({ kind: 'cite', id: object.id, number: object.number });
    } else if (typeof object.url === 'string' && typeof object.id === 'string') {
      // A CVE or a standards id: `link` is the id, linked to its record (cve.org, attack.mitre.org).
      view.link = token({ kind: 'link', text: object.id, url: object.url });
    }
    return view;
  };
  const view = walk({ ...comparison, changes }, '') as Record<string, unknown>;
  // A column no row fills is left out: each threat says whether its table needs a Status column.
  for (const [i, threat] of (view.threats as Record<string, unknown>[]).entries()) {
    threat.hasStatus = (comparison.threats[i]?.assessments ?? []).some(
      (a) => a.statusLabel !== undefined || a.justification !== undefined,
    );
  }
  const table: SlotTable = {
    slots,
    slot(index) {
      const slot = slots[index];
      if (!slot) throw new Error(`unknown report slot ${index}`);
      return slot;
    },
    value: (text) =>
      text.replace(SLOT_PATTERN, (_, index: string) => {
        const slot = table.slot(Number(index));
        if (slot.kind === 'link') return slot.text;
        return slot.kind === 'badge' ? slot.label : slot.kind === 'cite' ? `[${slot.number}]` : slot.value;
      }),
  };
  return { view, table };
}
