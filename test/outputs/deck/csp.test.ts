import { describe, expect, it } from 'vitest';
import { deckCsp, SPEAKER_VIEW_HASHES } from '../../../src/outputs/deck/csp.js';
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
