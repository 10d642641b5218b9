import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { createTextMeasure } from '../../src/diagram/index.js';
import { wrapText } from '../../src/diagram/wrap.js';
import { fonts, measure } from './helpers.js';

describe('createTextMeasure', () => {
  it('parses a font set once and reuses it', () => {
    expect(createTextMeasure(fonts)).toBe(measure);
    expect(createTextMeasure({ ...fonts })).not.toBe(measure);
  });

  it('measures with the Roboto faces that draw the text: an upper bound of the kerned width, within 5%', () => {
    const regular = fontkit.create(fonts.normal);
    const bold = fontkit.create(fonts.bold);
    const labels = [
      'Critical: On the host',
      'Attacker gains execution within a container.',
      'AVATAR Te Yo',
      'T1 T2 T3',
    ];
    for (const text of labels) {
      for (const [face, isBold] of [
        [regular, false],
        [bold, true],
      ] as const) {
        const kerned = (face.layout(text).advanceWidth / face.unitsPerEm) * 15;
        const ours = measure.width(text, 15, isBold);
        expect(ours).toBeGreaterThanOrEqual(kerned - 1e-9);
        expect(ours).toBeLessThanOrEqual(kerned * 1.05);
      }
    }
    expect(measure.width('Critical', 14, true)).toBeGreaterThan(measure.width('Critical', 14));
    expect(measure.width('中', 10)).toBe(10);
  });

  it('wraps to the width, breaking a word longer than a line', () => {
    const long = 'https://example.com/a/very/long/path/that/cannot/fit/on/one/line';
    const lines = wrapText(measure, `See ${long} now`, { fontSize: 14 }, 120);
    expect(lines.join('').replace(/\s/g, '')).toBe(`See${long}now`);
    for (const line of lines) expect(measure.width(line, 14)).toBeLessThanOrEqual(120);
  });
});
