/** Every output a build can write, by the name `--only` and the config's `outputs` use, in the order it writes them. */
export const OUTPUT_NAMES = ['model', 'deck', 'report', 'slides', 'handout', 'pptx'] as const;
export type OutputName = (typeof OUTPUT_NAMES)[number];

/**
 * What a build writes unless told otherwise: `model.json`, the deck and the report. The slides PDF and the
 * handout lay every slide out again in pdfmake (each about as long as the report), and the PPTX about as
 * long as the deck and report together, so they are asked for.
 */
export const DEFAULT_OUTPUTS: readonly OutputName[] = ['model', 'deck', 'report'];
