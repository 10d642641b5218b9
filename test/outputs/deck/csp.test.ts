import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  deckCsp,
  PRINT_VIEW_HASHES,
  printViewHashes,
  SPEAKER_VIEW_HASHES,
  speakerViewHashes,
} from '../../../src/outputs/deck/csp.js';
import { DECK_CSP } from '../../helpers/csp.js';

describe("the deck's Content-Security-Policy", () => {
  it('is exactly the strict policy: own folder only, the speaker view by hash, nothing connects', () => {
    expect(deckCsp()).toBe(DECK_CSP);
  });

  it('takes the speaker view and print view hashes it is given', () => {
    const policy = deckCsp({ script: 'sha256-S', style: 'sha256-T', styleAttribute: 'sha256-A' }, ['sha256-P']);
    expect(policy).toBe(
      DECK_CSP.replace(SPEAKER_VIEW_HASHES.script, 'sha256-S')
        .replace(SPEAKER_VIEW_HASHES.style, 'sha256-T')
        .replace(SPEAKER_VIEW_HASHES.styleAttribute, 'sha256-A')
        .replace(` '${PRINT_VIEW_HASHES[0]}' '${PRINT_VIEW_HASHES[1]}'`, " 'sha256-P'"),
    );
  });
});

describe('printViewHashes', () => {
  const sha = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
  const reveal = (page: string, image: string) =>
    `a(),l(\`@page{size:\`+${page}+\`px; margin: 0px;}\`),l(\`.reveal section>img{max-width: \`+${image}+\`px}\`),b()`;

  it('hashes the two styles print mode writes, with the width and height put in, in order', () => {
    expect(printViewHashes(reveal('o+`px `+s', 'c+`px; max-height:`+u'), { width: 1280, height: 720 })).toEqual([
      sha('@page{size:1280px 720px; margin: 0px;}'),
      sha('.reveal section>img{max-width: 1280px; max-height:720px}'),
    ]);
  });

  it('refuses a print view it cannot hash statically', () => {
    const size = { width: 1, height: 2 };
    expect(() => printViewHashes('no print view', size)).toThrow('no longer writes a style opening with @page');
    expect(() => printViewHashes(reveal('o', 'c+`x`+u'), size)).toThrow('@page{size:` computes 1 values, not 2');
    expect(() => printViewHashes(reveal('f(o)+s', 'c+u'), size)).toThrow('is not a plain concatenation');
    expect(() => printViewHashes(reveal('o+s', 'c+u+v'), size)).toThrow('section>img computes 3 values');
  });
});

describe('speakerViewHashes', () => {
  const sha = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
  const plugin = (html: string) => `before(); w.document.write(\`${html}\`); after(\`x\`);`;
  const view = (script: string, attribute = 'display: none') =>
    `<html><style>b { x: 1 }</style><script>${script}</script><div style="${attribute}"></div><p style="display: none"></p></html>`;

  it('hashes the inline script, style and style attribute as JavaScript cooks the template', () => {
    const hashes = speakerViewHashes(plugin(view(String.raw`a\nb\x41\u0042\u{43}\t\`q\`\\\r\b\f\v\0\'`)));
    expect(hashes).toEqual({
      script: sha("a\nbABC\t`q`\\\r\b\f\v\0'"),
      style: sha('b { x: 1 }'),
      styleAttribute: sha('display: none'),
    });
  });

  it('refuses a speaker view it cannot hash statically', () => {
    expect(() => speakerViewHashes('no writer here')).toThrow('no longer writes its speaker view');
    expect(() => speakerViewHashes(plugin(view(`$${'{'}x}`)))).toThrow('has substitutions');
    expect(() => speakerViewHashes(plugin('<style>s</style><div style="a"></div>'))).toThrow('no inline <script>');
    expect(() => speakerViewHashes(plugin('<script>s</script><div style="a"></div>'))).toThrow('no inline <style>');
    expect(() => speakerViewHashes(plugin(view('s', 'color: red')))).toThrow('has 2 distinct style attributes');
  });
});
