import type { Content } from '../content/schema.js';
import type { StandardModel } from './types.js';

type StandardRef = NonNullable<Content['threats'][number]['standards']>[number];

/** A standards mapping as the model carries it. */
export function standardModel(s: StandardRef): StandardModel {
  return {
    framework: s.framework,
    id: s.id,
    name: s.name,
    ourAssessment: s.ourAssessment ?? false,
    officialName: undefined,
    tactics: [],
    status: undefined,
    url: undefined,
  };
}
