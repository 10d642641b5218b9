import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSource } from '../../src/model/compile.js';
import { diffComparisons, formatChanges } from '../../src/model/diff.js';

const compile = (name: string) =>
  compileSource({ path: name, text: readFileSync(`test/fixtures/content/${name}`, 'utf8') }).comparison;

describe('diffComparisons', () => {
  const set = diffComparisons(compile('diff-v1.yaml'), compile('diff-v2.yaml'));

  it('finds a changed rating, an added threat and a removed reference with old → new values', () => {
    expect(set.fromVersion).toBe('0.1');
    expect(set.toVersion).toBe('0.2');
    expect(set.changes).toEqual([
      {
        kind: 'changed',
        area: 'threat',
        subject: 'Threat one › Beta › rating',
        before: 'Low 2 (L1 × I2)',
        after: 'High 12 (L3 × I4)',
      },
      { kind: 'added', area: 'threat', subject: 'Threat two', after: 'Threat two' },
      { kind: 'removed', area: 'reference', subject: 'An old paper', before: 'An old paper' },
    ]);
  });

  it('reports nothing between a version and itself', () => {
    const v1 = compile('diff-v1.yaml');
    expect(diffComparisons(v1, v1).changes).toEqual([]);
    expect(formatChanges(diffComparisons(v1, v1))).toBe('No changes from version 0.1 to 0.1.\n');
  });

  it('prints one line per change for the terminal', () => {
    expect(formatChanges(set).split('\n')).toEqual([
      'Changes from version 0.1 to 0.2 (3):',
      '~ threat    Threat one › Beta › rating: Low 2 (L1 × I2) → High 12 (L3 × I4)',
      '+ threat    Threat two (added)',
      '- reference An old paper (removed)',
      '',
    ]);
  });
});
