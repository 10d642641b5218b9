import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deckCsp, SPEAKER_VIEW_HASHES, speakerViewHashes } from '../../../src/outputs/deck/csp.js';
import { DECK_CSP } from '../../helpers/csp.js';

describe("the deck's Content-Security-Policy", () => {
  it('is exactly the strict policy: own folder only, the speaker view by hash, nothing connects', () => {
    expect(deckCsp()).toBe(DECK_CSP);
  });

  it('takes the speaker view hashes it is given', () => {
    const policy = deckCsp({ script: 'sha256-S', style: 'sha256-T', styleAttribute: 'sha256-A' });
    expect(policy).toBe(
      DECK_CSP.replace(SPEAKER_VIEW_HASHES.script, 'sha256-S')
        .replace(SPEAKER_VIEW_HASHES.style, 'sha256-T')
        .replace(SPEAKER_VIEW_HASHES.styleAttribute, 'sha256-A'),
    );
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
