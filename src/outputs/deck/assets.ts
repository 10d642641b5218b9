import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontSet } from '../../fonts/load.js';
import type { Artifact } from '../render.js';

const require = createRequire(import.meta.url);

/** reveal.js's UMD builds (they run from file://, where modules do not), its base styles and licence. */
export function revealAssets(): Artifact[] {
  const dist = dirname(require.resolve('reveal.js/reveal.css'));
  return [
    { path: 'reveal/reveal.js', copyOf: require.resolve('reveal.js') },
    { path: 'reveal/plugin/notes.js', copyOf: require.resolve('reveal.js/plugin/notes') },
    { path: 'reveal/reset.css', copyOf: join(dist, 'reset.css') },
    { path: 'reveal/reveal.css', copyOf: join(dist, 'reveal.css') },
    { path: 'reveal/LICENSE', copyOf: join(dist, '..', 'LICENSE') },
  ];
}

/** The faces the deck draws with: the bytes the pagination measured, so the two cannot differ. */
export function fontAssets(fonts: FontSet): Artifact[] {
  return [
    { path: 'fonts/regular.ttf', data: fonts.normal },
    { path: 'fonts/bold.ttf', data: fonts.bold },
    { path: 'fonts/italic.ttf', data: fonts.italics },
    { path: 'fonts/bold-italic.ttf', data: fonts.bolditalics },
  ];
}
