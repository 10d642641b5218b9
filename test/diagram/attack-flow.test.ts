import { describe, expect, it } from 'vitest';
import { createTextMeasure, renderAttackFlow, renderAttackFlowParts } from '../../src/diagram/index.js';
import type { Comparison } from '../../src/model/comparison.js';
import {
  boxOf,
  byId,
  compileFile,
  compileText,
  contrastProblems,
  fonts,
  hygieneProblems,
  lines,
  measure,
  overlaps,
} from './helpers.js';
import { descendants, parseXml, textContent, type XmlElement } from './xml.js';

const FIXTURES = {
  'runc-vs-kata': 'content/runc-vs-kata.md',
  '4 systems, 12 steps': 'test/fixtures/content/flow-4-systems-12-steps.yaml',
  '8 systems': 'test/fixtures/content/flow-8-systems.yaml',
  '8 systems, 20 steps': undefined,
} as const;

/** 8 systems, 20 steps, every other step branching for all systems: the biggest flow the brief expects. */
function largestFlow(): Comparison {
  const systems = Array.from({ length: 8 }, (_, i) => `s${i}`);
  const severities = ['none', 'low', 'medium', 'high', 'critical'];
  const steps = Array.from({ length: 20 }, (_, i) => {
    const branches =
      i % 2 === 1
        ? `\n        branches:\n${systems
            .map(
              (s, k) =>
                `          ${s}: { outcome: "Outcome ${i}/${k} with a longer sentence that must wrap.", severity: ${severities[(i + k) % 5]} }`,
            )
            .join('\n')}`
        : '';
    return `      - id: step-${i}\n        actor: Attacker\n        action: Step ${i} does something that takes a while to say.${branches}`;
  });
  return compileText(
    'largest.yaml',
    `title: Largest\nversion: "1"\ndate: "2026-01-01"\nauthors: [t]\nclassification: Internal\nsummary: s\n` +
      `systems:\n${systems.map((s) => `  - { id: ${s}, name: System ${s.toUpperCase()} }`).join('\n')}\n` +
      `threats:\n  - id: t\n    title: T\n    assessments:\n${systems.map((s) => `      ${s}: { text: x }`).join('\n')}\n` +
      `attackFlows:\n  - id: big\n    title: Big\n    steps:\n${steps.join('\n')}\n`,
  );
}

const comparisons = Object.fromEntries(
  Object.entries(FIXTURES).map(([name, path]) => [name, path ? compileFile(path) : largestFlow()]),
) as Record<keyof typeof FIXTURES, Comparison>;

const firstFlow = (comparison: Comparison) => {
  const flow = comparison.flows[0];
  if (!flow) throw new Error('fixture without a flow');
  return flow;
};

const render = (comparison: Comparison, fragments = false, maxWidth?: number) => {
  const flow = firstFlow(comparison);
  const options = maxWidth === undefined ? { fragments } : { fragments, maxWidth };
  return { flow, diagram: renderAttackFlow(flow, comparison.systems, measure, options) };
};

/** Every fixture at the default width (a slide) and at the width an A4 page reads well at. */
const CASES = (Object.keys(FIXTURES) as (keyof typeof FIXTURES)[]).flatMap((name) => [
  [name, undefined] as const,
  [name, 720] as const,
]);

const nodeGroups = (root: XmlElement, flowId: string) => byId(root, new RegExp(`^flow-${flowId}-(step|outcome)-`));

describe.each(CASES)('renderAttackFlow: %s, max width %s', (name, maxWidth) => {
  const comparison = comparisons[name];
  const { flow, diagram } = render(comparison, false, maxWidth);
  const root = parseXml(diagram.svg);
  const branches = flow.steps.flatMap((s) => s.branches.map((b) => ({ step: s, branch: b })));

  it('is a well-formed, accessible, self-contained SVG', () => {
    expect(hygieneProblems(diagram)).toEqual([]);
    expect(diagram.title).toBe(flow.title.replace(/`/g, ''));
    expect(diagram.width).toBeLessThanOrEqual(maxWidth ?? 1280);
  });

  it('draws one node per step and per branch, with stable ids', () => {
    const ids = nodeGroups(root, flow.id).map((g) => g.attributes.id);
    expect(ids).toEqual(
      flow.steps.flatMap((s) => [
        `flow-${flow.id}-step-${s.id}`,
        ...s.branches.map((b) => `flow-${flow.id}-outcome-${s.id}-${b.system.id}`),
      ]),
    );
  });

  it('draws one edge from each step to the next and one to each outcome, each with an arrowhead', () => {
    const paths = descendants(root).filter((e) => e.name === 'path');
    const heads = descendants(root).filter((e) => e.name === 'polygon');
    expect(paths).toHaveLength(flow.steps.length - 1 + branches.length);
    expect(heads).toHaveLength(paths.length);
  });

  it('places no node box over another', () => {
    const boxes = nodeGroups(root, flow.id).map((g) => ({ id: g.attributes.id, box: boxOf(g) }));
    const clashes = boxes.flatMap((a, i) =>
      boxes.slice(i + 1).flatMap((b) => (overlaps(a.box, b.box) ? [`${a.id} × ${b.id}`] : [])),
    );
    expect(clashes).toEqual([]);
  });

  it('keeps the steps in one straight column, in order, top to bottom', () => {
    const steps = flow.steps.map((s) =>
      boxOf(byId(root, new RegExp(`^flow-${flow.id}-step-${s.id}$`))[0] as XmlElement),
    );
    const centres = new Set(steps.map((b) => (b.x + b.width / 2).toFixed(1)));
    expect(centres.size).toBe(1);
    for (const [i, b] of steps.slice(1).entries()) {
      expect(b.y).toBeGreaterThan((steps[i]?.y ?? 0) + (steps[i]?.height ?? 0));
    }
  });

  it('lays each step’s outcomes side by side in system order below the step, in rows where they are many', () => {
    for (const step of flow.steps.filter((s) => s.branches.length > 0)) {
      const stepBox = boxOf(byId(root, new RegExp(`^flow-${flow.id}-step-${step.id}$`))[0] as XmlElement);
      const boxes = step.branches.map((b) =>
        boxOf(byId(root, new RegExp(`^flow-${flow.id}-outcome-${step.id}-${b.system.id}$`))[0] as XmlElement),
      );
      expect(boxes[0]?.y).toBeGreaterThan(stepBox.y + stepBox.height);
      boxes.slice(1).forEach((b, i) => {
        const before = boxes[i] as (typeof boxes)[number];
        // Left to right within a row; a new row starts further down.
        if (b.y === before.y) expect(b.x).toBeGreaterThan(before.x);
        else expect(b.y).toBeGreaterThan(before.y + before.height);
      });
      const rows = new Set(boxes.map((b) => b.y)).size;
      if (maxWidth === undefined) expect(rows).toBe(1);
    }
  });

  it('fits every label line, measured in Roboto, inside its box', () => {
    const problems = nodeGroups(root, flow.id).flatMap((g) => {
      const box = boxOf(g);
      return lines(g).flatMap((l) =>
        l.left >= box.x + 4 && l.right <= box.x + box.width - 4 && l.baseline > box.y && l.baseline < box.y + box.height
          ? []
          : [
              `${g.attributes.id}: "${l.text}" (${l.left.toFixed(1)}–${l.right.toFixed(1)}) outside ${JSON.stringify(box)}`,
            ],
      );
    });
    expect(problems).toEqual([]);
  });

  it('writes every outcome’s severity and label in words, with the system name', () => {
    for (const { step, branch } of branches) {
      const group = byId(root, new RegExp(`^flow-${flow.id}-outcome-${step.id}-${branch.system.id}$`))[0] as XmlElement;
      const words = lines(group)
        .map((l) => l.text)
        .join(' ');
      expect(words).toContain(`${branch.severity.label}:`);
      expect(words).toContain(branch.system.name.replace(/`/g, ''));
      if (branch.label) expect(words).toContain(branch.label);
    }
  });

  it('gives text at least 4.5:1 contrast with what it is drawn on', () => {
    expect(contrastProblems(diagram)).toEqual([]);
  });

  it('renders the same bytes for the same model, with a fresh measure too', () => {
    expect(render(comparison, false, maxWidth).diagram.svg).toBe(diagram.svg);
    const fresh = createTextMeasure({ ...fonts });
    const options = maxWidth === undefined ? {} : { maxWidth };
    expect(renderAttackFlow(flow, comparison.systems, fresh, options).svg).toBe(diagram.svg);
  });
});

describe('renderAttackFlow at A4 width', () => {
  it('wraps eight outcomes into two rows of four', () => {
    const { flow, diagram } = render(comparisons['8 systems'], false, 720);
    const root = parseXml(diagram.svg);
    const step = flow.steps[1];
    if (!step) throw new Error('no step');
    const ys = step.branches.map(
      (b) => boxOf(byId(root, new RegExp(`^flow-${flow.id}-outcome-${step.id}-${b.system.id}$`))[0] as XmlElement).y,
    );
    expect(new Set(ys.slice(0, 4)).size).toBe(1);
    expect(new Set(ys.slice(4)).size).toBe(1);
    expect(ys[4]).toBeGreaterThan(ys[0] ?? 0);
  });
});

describe('renderAttackFlowParts', () => {
  const comparison = comparisons['4 systems, 12 steps'];
  const flow = firstFlow(comparison);
  const parts = renderAttackFlowParts(flow, comparison.systems, measure, { maxHeight: 640, fragments: true });

  it('cuts a long flow between steps into parts no taller than asked, each step in exactly one part', () => {
    expect(parts.length).toBeGreaterThan(1);
    const stepIds: string[] = [];
    for (const part of parts) {
      expect(hygieneProblems(part, `flow-${flow.id}-`)).toEqual([]);
      expect(part.height).toBeLessThanOrEqual(640);
      stepIds.push(...byId(parseXml(part.svg), new RegExp(`^flow-${flow.id}-step-`)).map((g) => g.attributes.id ?? ''));
    }
    expect(stepIds).toEqual(flow.steps.map((s) => `flow-${flow.id}-step-${s.id}`));
    expect(new Set(parts.map((p) => parseXml(p.svg).attributes.id)).size).toBe(parts.length);
  });

  it('says where each part comes from and goes on, with an edge in and out', () => {
    parts.forEach((part, n) => {
      const root = parseXml(part.svg);
      const words = lines(root).map((l) => l.text);
      const steps = byId(root, new RegExp(`^flow-${flow.id}-step-`)).length;
      const outcomes = byId(root, new RegExp(`^flow-${flow.id}-outcome-`)).length;
      const cues = (n > 0 ? 1 : 0) + (n < parts.length - 1 ? 1 : 0);
      expect(descendants(root).filter((e) => e.name === 'path')).toHaveLength(steps - 1 + outcomes + cues);
      expect(words.some((w) => w.startsWith('from step'))).toBe(n > 0);
      expect(words.some((w) => w.startsWith('continues with step'))).toBe(n < parts.length - 1);
      expect(part.title).toMatch(/\(steps? \d+(–\d+)? of 12\)$/);
      expect(part.width).toBe(parts[0]?.width);
    });
  });

  it('returns the whole flow as one part when it fits', () => {
    const [only, ...rest] = renderAttackFlowParts(flow, comparison.systems, measure, { maxHeight: 10_000 });
    expect(rest).toEqual([]);
    expect(only?.svg).toBe(renderAttackFlow(flow, comparison.systems, measure).svg);
  });
});

describe('renderAttackFlow fragments', () => {
  const { flow, diagram } = render(comparisons['4 systems, 12 steps'], true);
  const root = parseXml(diagram.svg);

  it('makes each step, its outcomes and their incoming edges a fragment numbered by the step index', () => {
    flow.steps.forEach((step, i) => {
      const groups = byId(root, new RegExp(`^flow-${flow.id}-(step-${step.id}|outcome-${step.id}-.*)$`));
      expect(groups).toHaveLength(1 + step.branches.length);
      for (const g of groups) {
        expect(g.attributes.class).toBe('fragment');
        expect(g.attributes['data-fragment-index']).toBe(String(i));
      }
    });
    const edges = descendants(root).filter((e) => e.name === 'path');
    for (const e of edges) expect(e.parent?.attributes.class).toBe('fragment');
  });

  it('adds no fragment markup unless asked', () => {
    expect(render(comparisons['4 systems, 12 steps']).diagram.svg).not.toContain('fragment');
  });
});

describe('renderAttackFlow text', () => {
  const hostile = compileText(
    'hostile.yaml',
    `title: Hostile\nversion: "1"\ndate: "2026-01-01"\nauthors: [t]\nclassification: Internal\nsummary: s\n` +
      `systems:\n  - { id: a, name: "A & B's \\"sandbox\\"" }\n  - { id: b, name: "<b>Bold</b>" }\n` +
      `threats:\n  - { id: t, title: T, assessments: { a: { text: x }, b: { text: y } } }\n` +
      `attackFlows:\n  - id: f\n    title: "Flow <script>alert('x')</script>"\n    steps:\n` +
      `      - id: s1\n        actor: "<script>alert(\\"x\\")</script>"\n        action: "Tom & Jerry's **\\"escape\\"** [@ref-a]"\n` +
      `        branches:\n          a: { outcome: "x < y", severity: high, label: "Host's <img src=x onerror=alert(1)>" }\n` +
      `          b: { outcome: "A [link](https://example.com/x) & more", severity: none }\n` +
      `references:\n  - { id: ref-a, title: A, url: "https://example.com/a" }\n`,
  );
  const flow = hostile.flows[0];
  if (!flow) throw new Error('no flow');
  const diagram = renderAttackFlow(flow, hostile.systems, measure, { fragments: true });
  const root = parseXml(diagram.svg);

  it('escapes markup, ampersands and quotes in every label, so they stay text', () => {
    expect(hygieneProblems(diagram)).toEqual([]);
    expect(descendants(root).map((e) => e.name)).not.toContain('script');
    expect(descendants(root).map((e) => e.name)).not.toContain('img');
    const text = lines(root).map((l) => l.text);
    expect(text).toContain(`<script>alert("x")</script>`);
    expect(text.join(' ')).toContain(`Tom & Jerry's "escape"`);
    expect(text.join(' ')).toContain(`A & B's "sandbox"`);
    expect(text.join(' ')).toContain(`High: Host's <img src=x onerror=alert(1)>`);
    expect(textContent(root)).not.toContain('[@ref-a]');
  });

  it('shows Markdown as plain text, and the outcome itself where a branch has no label', () => {
    const words = lines(root)
      .map((l) => l.text)
      .join(' ');
    expect(words).toContain('None: A link & more');
    expect(words).not.toContain('**');
    expect(words).not.toContain('https://');
  });
});

describe('renderAttackFlow results', () => {
  const comparison = compileText(
    'results.yaml',
    `title: Results\nversion: "1"\ndate: "2026-01-01"\nauthors: [t]\nclassification: Internal\nsummary: s\n` +
      `systems:\n  - { id: a, name: runc }\n  - { id: b, name: "A sandbox with a name long enough to fill its line" }\n` +
      `  - { id: c, name: gVisor }\n` +
      `threats:\n  - { id: t, title: T, assessments: { a: { text: x }, b: { text: y }, c: { text: z } } }\n` +
      `attackFlows:\n  - id: f\n    title: F\n    steps:\n      - id: s1\n        actor: Attacker\n        action: Escapes.\n` +
      `        branches:\n          a: { outcome: On the host, severity: critical, result: proceeds }\n` +
      `          b: { outcome: Stopped at the boundary, severity: none, result: blocked }\n` +
      `          c: { outcome: In the sandbox, severity: medium }\n`,
  );
  const flow = firstFlow(comparison);
  const root = parseXml(renderAttackFlow(flow, comparison.systems, measure).svg);
  const outcome = (system: string) => {
    const [group] = byId(root, new RegExp(`^flow-f-outcome-s1-${system}$`));
    if (!group) throw new Error(`no outcome box for ${system}`);
    return { box: boxOf(group), lines: lines(group) };
  };

  it('writes each result in words with its symbol inside the outcome box, not only in colour', () => {
    const runc = outcome('a');
    const result = runc.lines.find((l) => l.text === '\u25CF Proceeds');
    const name = runc.lines.find((l) => l.text === 'runc');
    if (!result || !name) throw new Error(`runc box reads ${runc.lines.map((l) => l.text).join(' | ')}`);
    // Beside the name, on its line, right-aligned inside the box, clear of the name.
    expect(result.baseline).toBe(name.baseline);
    expect(result.left).toBeGreaterThan(name.right);
    expect(result.right).toBeLessThanOrEqual(runc.box.x + runc.box.width);
    expect(outcome('b').lines.map((l) => l.text)).toContain('\u25A0 Blocked');
    expect(
      outcome('c')
        .lines.map((l) => l.text)
        .join(' '),
    ).not.toMatch(/Proceeds|Blocked|Contained/);
  });

  it('puts the result under a name too long to share its line, inside the box', () => {
    const long = outcome('b');
    const result = long.lines.find((l) => l.text === '\u25A0 Blocked');
    if (!result) throw new Error('no result');
    const names = long.lines.filter((l) => l.fontSize === 12 && l.text !== result.text && l.baseline < result.baseline);
    expect(names.length).toBeGreaterThan(0);
    expect(result.left).toBeCloseTo(long.box.x + 10, 0);
    expect(result.baseline).toBeLessThan(long.box.y + long.box.height);
    // Every line of the box stays inside it.
    for (const line of long.lines) expect(line.right).toBeLessThanOrEqual(long.box.x + long.box.width);
  });
});

describe('renderAttackFlow details', () => {
  const comparison = compileText(
    'details.yaml',
    `title: Details\nversion: "1"\ndate: "2026-01-01"\nauthors: [t]\nclassification: Internal\nsummary: s\n` +
      `systems:\n  - { id: a, name: runc }\n  - { id: b, name: gVisor }\n` +
      `threats:\n  - { id: t, title: T, assessments: { a: { text: x }, b: { text: y } } }\n` +
      `attackFlows:\n  - id: f\n    title: F\n    steps:\n      - id: s1\n        actor: Attacker\n` +
      `        action: Overwrites the runtime binary.\n        cves: [CVE-2019-5736]\n        sources: [r1]\n` +
      `        branches:\n          a: { outcome: "The host's **runc** binary is replaced; every later container runs the attacker's code as root.", severity: critical, label: Node compromised }\n` +
      `          b: { outcome: Nothing on the host to overwrite, severity: none }\n` +
      `references:\n  - { id: r1, title: Advisory, url: "https://example.com/a" }\n`,
  );
  const flow = firstFlow(comparison);
  const plain = parseXml(renderAttackFlow(flow, comparison.systems, measure).svg);
  const detailed = renderAttackFlow(flow, comparison.systems, measure, { details: true });
  const root = parseXml(detailed.svg);
  const box = (pattern: RegExp) => {
    const [group] = byId(root, pattern);
    if (!group) throw new Error(`no box ${pattern}`);
    return { box: boxOf(group), lines: lines(group) };
  };

  it('writes a labelled outcome’s text under its label, wrapped inside its box, as plain text', () => {
    const runc = box(/^flow-f-outcome-s1-a$/);
    const texts = runc.lines.map((l) => l.text);
    const label = runc.lines.find((l) => l.text.startsWith('Critical: Node compromised'));
    if (!label) throw new Error(`runc box reads ${texts.join(' | ')}`);
    const detail = runc.lines.filter((l) => l.baseline > label.baseline);
    expect(detail.length).toBeGreaterThan(1);
    expect(detail.map((l) => l.text).join(' ')).toBe(
      "The host's runc binary is replaced; every later container runs the attacker's code as root.",
    );
    for (const line of runc.lines) {
      expect(line.right).toBeLessThanOrEqual(runc.box.x + runc.box.width);
      expect(line.baseline).toBeLessThan(runc.box.y + runc.box.height);
    }
  });

  it('does not repeat an outcome without a label, whose label line already is its text', () => {
    const texts = box(/^flow-f-outcome-s1-b$/).lines.map((l) => l.text);
    expect(texts.filter((t) => t.includes('Nothing on the host'))).toHaveLength(1);
  });

  it('writes the step’s CVEs and sources under its action', () => {
    const step = box(/^flow-f-step-s1$/);
    expect(step.lines.map((l) => l.text)).toContain('CVE-2019-5736 · Sources [1]');
    for (const line of step.lines) expect(line.baseline).toBeLessThan(step.box.y + step.box.height);
  });

  it('draws none of it unless asked', () => {
    const words = lines(plain)
      .map((l) => l.text)
      .join(' ');
    expect(words).not.toContain('every later container');
    expect(words).not.toContain('CVE-2019-5736');
    expect(hygieneProblems(detailed)).toEqual([]);
  });
});
