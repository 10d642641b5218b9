import type { TextMeasure } from '../../diagram/measure.js';
import type { NumberedPage } from '../../plan/index.js';
import type { HeightEstimator } from '../../plan/measure.js';
import type { Connector } from './connectors.js';
import type { Slide } from './library.js';
import type { RichText } from './rich.js';
import type { cells } from './table.js';
import type { Fonts } from './text.js';

/** What drawing a slide's body needs: the slide, where its body starts, and the file's tools. */
export interface PageEnv {
  readonly slide: Slide;
  /** Top of the body, in deck px. */
  readonly top: number;
  readonly fonts: Fonts;
  readonly rich: RichText;
  readonly measure: TextMeasure;
  readonly estimate: HeightEstimator;
  readonly cells: ReturnType<typeof cells>;
  readonly connectors: Connector[];
}

/** Draws the body of one kind of page (by its partial) from its data. */
export type PageRenderer = (page: NumberedPage, env: PageEnv) => void;
