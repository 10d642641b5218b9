import { describe, expect, it } from 'vitest';
import { scanDeck } from './scan.js';

const deck = (slide: string) =>
  `<html><body><div class="reveal"><div class="slides"><section>${slide}</section></div></div>` +
  '<script src="reveal/reveal.js"></script><script src="deck.js"></script></body></html>';

describe('scanDeck (the hostile corpus checker)', () => {
  it('finds nothing in a clean slide, our fragments included', () => {
    expect(scanDeck(deck('<h2>T</h2><g class="fragment" data-fragment-index="0"></g><a href="#/x">x</a>'))).toEqual([]);
  });

  it('finds every kind of live content it is meant to catch', () => {
    const found = scanDeck(
      deck(
        '<img src=x onerror=alert(1)><a href="jav&#x09;ascript:alert(1)">a</a><a href="ＪＡＶＡＳＣＲＩＰＴ:x">b</a>' +
          '<iframe src="x"></iframe><div style="x" data-background-iframe="y"></div><svg><script>1</script></svg>',
      ),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'onerror= on <img>',
        'href="jav&#x09;ascript:alert(1)" on <a>',
        'href="ＪＡＶＡＳＣＲＩＰＴ:x" on <a>',
        '<iframe> element in a slide',
        'style= on <div>',
        'data-background-iframe= on <div>',
        '<script> element in a slide',
      ]),
    );
  });

  it('flags a script that is not one of the deck files', () => {
    expect(scanDeck(`${deck('')}<script>alert(1)</script>`)[0]).toMatch(/^script element/);
  });
});
