import { describe, expect, it } from 'vitest';
import { renderAttackFlow, renderRiskMatrix, renderScoreChart } from '../../src/diagram/index.js';
import { compileFile, measure } from './helpers.js';
import { descendants, parseXml } from './xml.js';

describe('diagrams on one page', () => {
  it('never share an id, however many of one comparison a deck or report shows together', () => {
    for (const path of ['content/runc-vs-kata.md', 'test/fixtures/content/flow-8-systems.yaml']) {
      const c = compileFile(path);
      const diagrams = [
        ...c.flows.map((f) => renderAttackFlow(f, c.systems, measure)),
        ...c.risk.map((r) => renderRiskMatrix(r, c.levels, measure)),
        renderScoreChart(c.dimensions, c.systems, measure),
      ];
      const ids = diagrams.flatMap((d) =>
        d ? descendants(parseXml(d.svg)).flatMap((e) => (e.attributes.id ? [e.attributes.id] : [])) : [],
      );
      expect(ids.length).toBeGreaterThan(50);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    }
  });
});
