import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/model/compile.js';
import { levelOf, rate, riskLevels } from '../../src/model/risk.js';

describe('risk scoring', () => {
  it('maps likelihood × impact to the documented levels at every boundary', () => {
    expect([1, 4, 5, 9, 10, 16, 17, 25].map((s) => levelOf(s))).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
    expect(rate(3, 5)).toEqual({ likelihood: 3, impact: 5, score: 15, level: 'high', label: 'High' });
  });

  it('honours thresholds set in the content', () => {
    const thresholds = { medium: 3, high: 6, critical: 12 };
    expect(levelOf(12, thresholds)).toBe('critical');
    expect(riskLevels(thresholds).map((l) => [l.min, l.max])).toEqual([
      [1, 2],
      [3, 5],
      [6, 11],
      [12, 25],
    ]);
  });
});

describe('buildComparison', () => {
  const text = readFileSync('test/fixtures/content/minimal.yaml', 'utf8');
  const { comparison } = compileSource({ path: 'minimal.yaml', text });

  it('rates each assessment and places threats in the per-system matrix', () => {
    const [threat] = comparison.threats;
    expect(threat?.key).toBe('T1');
    expect(threat?.assessments.map((a) => [a.system.id, a.rating?.score, a.rating?.level])).toEqual([
      ['alpha', 20, 'critical'],
      ['beta', 2, 'low'],
    ]);
    expect(threat?.highest?.score).toBe(20);
    const alpha = comparison.risk[0];
    expect(alpha?.cells).toHaveLength(25);
    expect(alpha?.cells.find((c) => c.likelihood === 4 && c.impact === 5)?.threats).toEqual(['T1']);
    expect(alpha?.counts).toEqual({ low: 0, medium: 0, high: 0, critical: 1 });
  });

  it('keeps the systems in content order with no assumption about their number or names', () => {
    expect(comparison.systems.map((s) => s.id)).toEqual(['alpha', 'beta']);
  });
});
