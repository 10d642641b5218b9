import { catalogFor, catalogUrl, lookup } from '../content/catalogs/index.js';
import type { Content } from '../content/schema.js';
import type { StandardModel } from './types.js';

type StandardRef = NonNullable<Content['threats'][number]['standards']>[number];

/** A standards mapping as the model carries it, with the official name, tactics and page from the catalog. */
export function standardModel(s: StandardRef): StandardModel {
  const kind = catalogFor(s.framework);
  const entry = kind === undefined ? undefined : lookup(kind, s.id.trim());
  const status =
    kind !== 'attack'
      ? undefined
      : entry === undefined
        ? 'unknown'
        : entry.revoked
          ? 'revoked'
          : entry.deprecated
            ? 'deprecated'
            : 'current';
  return {
    framework: s.framework,
    id: s.id,
    name: s.name,
    ourAssessment: s.ourAssessment ?? false,
    officialName: entry?.name,
    tactics: entry?.tactics ?? [],
    status,
    url: kind === undefined ? undefined : catalogUrl(kind, s.id.trim()),
  };
}
