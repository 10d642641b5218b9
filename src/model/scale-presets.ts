import type { ScaleLevel } from '../content/schema.js';

export interface ScalePreset {
  readonly title: string;
  readonly likelihood: readonly ScaleLevel[];
  readonly impact: readonly ScaleLevel[];
  readonly score: readonly ScaleLevel[] | undefined;
}

/**
 * Named default scales. `nist-sp-800-30` follows the qualitative values of NIST SP 800-30 Rev. 1:
 * likelihood after Appendix G (Tables G-2 to G-5: "almost certain" … "highly unlikely"), impact after
 * Appendix H (Table H-3: "multiple severe or catastrophic" … "negligible" adverse effects). The
 * wording is condensed for slides, so the title says "adapted". It defines no dimension score scale.
 */
export const PRESET_SCALES: Record<'nist-sp-800-30', ScalePreset> = {
  'nist-sp-800-30': {
    title: 'NIST SP 800-30 Rev. 1, Appendix G (likelihood) and H (impact), adapted',
    likelihood: [
      { level: 1, label: 'Very Low', definition: 'The threat event is highly unlikely to occur and cause harm.' },
      { level: 2, label: 'Low', definition: 'The threat event is unlikely to occur and cause harm.' },
      { level: 3, label: 'Moderate', definition: 'The threat event is somewhat likely to occur and cause harm.' },
      { level: 4, label: 'High', definition: 'The threat event is highly likely to occur and cause harm.' },
      { level: 5, label: 'Very High', definition: 'The threat event is almost certain to occur and cause harm.' },
    ],
    impact: [
      { level: 1, label: 'Very Low', definition: 'A negligible adverse effect on operations, assets or individuals.' },
      { level: 2, label: 'Low', definition: 'A limited adverse effect on operations, assets or individuals.' },
      { level: 3, label: 'Moderate', definition: 'A serious adverse effect on operations, assets or individuals.' },
      {
        level: 4,
        label: 'High',
        definition: 'A severe or catastrophic adverse effect on operations, assets or individuals.',
      },
      {
        level: 5,
        label: 'Very High',
        definition: 'Multiple severe or catastrophic adverse effects on operations, assets or individuals.',
      },
    ],
    score: undefined,
  },
};
