import type { FontSet } from '../fonts.js';
import type { Comparison } from '../model/comparison.js';

/** An SVG drawn by the diagram module, with its size in px and a plain-text title. */
export interface DeckDiagram {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly title: string;
}

/**
 * The deck's one door to the diagram module (src/diagram/), which is written on its own branch. Until it is
 * merged, every call answers `undefined` and the slides show the same data as accessible tables and lists.
 */
export interface DeckDiagrams {
  flow(flow: Comparison['flows'][number]): DeckDiagram | undefined;
  riskMatrix(risk: Comparison['risk'][number]): DeckDiagram | undefined;
  scoreChart(): DeckDiagram | undefined;
}

export function createDeckDiagrams(_comparison: Comparison, _fonts: FontSet): DeckDiagrams {
  return {
    flow: () => undefined,
    riskMatrix: () => undefined,
    scoreChart: () => undefined,
  };
}
