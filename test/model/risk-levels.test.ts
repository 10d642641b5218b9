import { describe, expect, it } from 'vitest';
import { compareRatings, DEFAULT_THRESHOLDS, RISK_LEVELS, rate, riskLevels } from '../../src/model/risk.js';

describe('risk levels', () => {
  it('lists the four levels in rising order, with the default bands of the README', () => {
    expect(RISK_LEVELS).toEqual(['low', 'medium', 'high', 'critical']);
    expect(DEFAULT_THRESHOLDS).toEqual({ medium: 5, high: 10, critical: 17 });
    expect(Object.isFrozen(DEFAULT_THRESHOLDS)).toBe(true);
    expect(riskLevels()).toEqual([
      { id: 'low', label: 'Low', min: 1, max: 4 },
      { id: 'medium', label: 'Medium', min: 5, max: 9 },
      { id: 'high', label: 'High', min: 10, max: 16 },
      { id: 'critical', label: 'Critical', min: 17, max: 25 },
    ]);
  });

  it('labels every level in words', () => {
    expect([rate(1, 1), rate(1, 5), rate(2, 5), rate(5, 5)].map((r) => `${r.label} (${r.score})`)).toEqual([
      'Low (1)',
      'Medium (5)',
      'High (10)',
      'Critical (25)',
    ]);
    expect(rate(2, 2, { medium: 2, high: 3, critical: 4 })).toMatchObject({ level: 'critical', label: 'Critical' });
  });

  it('orders ratings by score, an unrated one lowest', () => {
    const low = rate(1, 2);
    const high = rate(3, 4);
    expect(compareRatings(low, high)).toBe(-10);
    expect(compareRatings(high, low)).toBe(10);
    expect(compareRatings(undefined, low)).toBe(-2);
    expect(compareRatings(high, undefined)).toBe(12);
    expect(compareRatings(undefined, undefined)).toBe(0);
  });
});
