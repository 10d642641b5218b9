import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  PRINT_VIEW_HASHES,
  printViewHashes,
  SPEAKER_VIEW_HASHES,
  speakerViewHashes,
} from '../../../src/outputs/deck/csp.js';
import { deckOutput } from '../../../src/outputs/deck/index.js';
import { outputResult } from '../../../src/outputs/render.js';
import { SLIDE } from '../../../src/plan/geometry.js';
import { comparisonYaml } from '../../helpers/comparisons.js';
import { expectedSlideCount, renderContext, renderDeck } from '../../helpers/deck.js';
import { normalizeText, seedSentences } from '../../helpers/seed.js';

const SEED = 'content/runc-vs-kata.md';
const seed = () => renderDeck(SEED, readFileSync(SEED, 'utf8'));
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the deck of the shipped comparison', () => {
  it('has the slides the model calls for, in order', async () => {
    const deck = await seed();
    expect(deck.slides).toHaveLength(expectedSlideCount(deck.comparison));
    const titles = deck.slides.map((s) =>
      deck.text(deck.all((e) => e.name === 'h2' || e.name === 'h1', s).slice(0, 1)),
    );
    expect(titles.slice(0, 4)).toEqual([
      'Security Comparison: runc Containers vs. Kata Containers',
      'Agenda',
      'Summary',
      'Scope',
    ]);
    const order = [
      'Systems compared',
      'Threat model',
      'T1 · Container Escape',
      'Defense mechanisms',
      'Comparison',
      'Potential defense against attacks',
      'Risk overview',
      'Risk matrix per system',
      'Which is better against what?',
      'Example Attack Flow',
      'References',
    ];
    const at = order.map((t) => titles.indexOf(t));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('contains every statement of the seed', async () => {
    const deck = await seed();
    const text = normalizeText(deck.text(deck.all((e) => e.attribs.class === 'slides')));
    expect(seedSentences().filter((s) => !text.includes(s))).toEqual([]);
  });

  it('shows ratings as words with colour, never colour alone', async () => {
    const deck = await seed();
    const badges = deck.all((e) => /\bbadge\b/.test(e.attribs.class ?? ''));
    expect(badges.length).toBeGreaterThan(10);
    for (const badge of badges)
      expect(deck.text(badge)).toMatch(/^(Low|Medium|High|Critical|None|Not rated|Tie)( \(\d+\))?$/);
    expect(deck.text(deck.slides)).toContain('High (15)');
  });

  it('prints the classification on every slide and speaker notes in notes asides', async () => {
    const deck = await seed();
    for (const slide of deck.slides) {
      expect(deck.text(deck.all((e) => e.attribs.class === 'classification', slide))).toBe('Internal');
    }
    const notes = deck.all((e) => e.name === 'aside' && e.attribs.class === 'notes');
    expect(notes.map((n) => deck.text(n))).toEqual(
      expect.arrayContaining([
        'The difference is where a breakout lands, not whether one can happen.',
        expect.stringContaining('A narrow edge: misconfiguration hurts both runtimes.'),
      ]),
    );
  });

  it('links citations to references with ids ref-<id>', async () => {
    const deck = await seed();
    const citations = deck.all((e) => e.attribs.class === 'citation').map((a) => a.attribs.href);
    expect(citations).toContain('#ref-kata-architecture');
    const ids = deck.all((e) => e.name === 'li' && (e.attribs.id ?? '').startsWith('ref-')).map((e) => e.attribs.id);
    expect(ids).toEqual(['ref-kata-architecture', 'ref-oci-runtime-spec', 'ref-nist-800-190']);
  });

  it('is accessible in its markup: lang, a plain title, scoped table headers, one h1', async () => {
    const deck = await seed();
    expect(deck.all((e) => e.name === 'html')[0]?.attribs.lang).toBe('en');
    const head = deck.all((e) => e.name === 'head');
    expect(deck.text(deck.all((e) => e.name === 'title', head))).toBe(
      'Security Comparison: runc Containers vs. Kata Containers',
    );
    const svgs = deck.all((e) => e.name === 'svg');
    expect(svgs.length).toBeGreaterThanOrEqual(4);
    for (const svg of svgs) {
      const own = svg.children.map((c) => (c as { name?: string }).name);
      expect(own.slice(0, 2)).toEqual(['title', 'desc']);
    }
    const headers = deck.all((e) => e.name === 'th');
    expect(headers.length).toBeGreaterThan(20);
    for (const th of headers) expect(['col', 'row', 'colgroup']).toContain(th.attribs.scope);
    expect(deck.all((e) => e.name === 'h1')).toHaveLength(1);
  });

  it('loads only files of its own folder, under a strict CSP and without inline script', async () => {
    const deck = await seed();
    const csp = deck.all((e) => e.name === 'meta' && e.attribs['http-equiv'] === 'Content-Security-Policy')[0];
    expect(csp?.attribs.content).toMatch(/^default-src 'none'; script-src 'self' 'sha256-[^']+';/);
    expect(csp?.attribs.content).not.toContain('unsafe-inline');
    const scripts = deck.all((e) => e.name === 'script');
    expect(scripts.map((s) => s.attribs.src)).toEqual(['reveal/reveal.js', 'reveal/plugin/notes.js', 'deck.js']);
    expect(scripts.every((s) => s.children.length === 0)).toBe(true);
    for (const e of deck.all((x) => x.name === 'link' || x.name === 'img'))
      expect(e.attribs.href ?? e.attribs.src).not.toMatch(/^[a-z]+:|^\/\//);
  });

  it('allows the speaker view by the hashes of what reveal.js writes into it', () => {
    const require = createRequire(import.meta.url);
    const notes = readFileSync(require.resolve('reveal.js/plugin/notes'), 'utf8');
    expect(speakerViewHashes(notes)).toEqual(SPEAKER_VIEW_HASHES);
  });

  it('allows print mode by the hashes of the styles reveal.js writes for a 1280×720 page', () => {
    const reveal = readFileSync(createRequire(import.meta.url).resolve('reveal.js'), 'utf8');
    expect(printViewHashes(reveal, SLIDE)).toEqual(PRINT_VIEW_HASHES);
  });

  it('writes the deck with reveal.js, the notes plugin, theme, fonts and init script beside it', async () => {
    const context = await renderContext(SEED, readFileSync(SEED, 'utf8'));
    const paths = outputResult(await deckOutput(context))
      .artifacts.map((a) => a.path)
      .sort();
    expect(paths).toEqual([
      'deck.js',
      'fonts/bold-italic.ttf',
      'fonts/bold.ttf',
      'fonts/italic.ttf',
      'fonts/regular.ttf',
      'index.html',
      'layout.css',
      'reveal/LICENSE',
      'reveal/plugin/notes.js',
      'reveal/reset.css',
      'reveal/reveal.css',
      'reveal/reveal.js',
      'theme.css',
    ]);
  });
});

describe('any number of systems', () => {
  it.each([2, 3, 5, 8])(
    '%i systems: the slide count follows the model, each system named in every table',
    async (n) => {
      const deck = await renderDeck('many.yaml', comparisonYaml({ systems: n }));
      // With 8 systems, tables with a row per system (assessments, defenses) run long and continue.
      const rowContinuations = deck.slides.filter(
        (s) =>
          deck.text(deck.all((e) => e.name === 'h2', s)).endsWith('(continued)') &&
          deck.all((e) => e.attribs.class === 'caption', s).length === 0 &&
          s.attribs.class !== 'slide-risk-matrix',
      ).length;
      if (n <= 5) expect(rowContinuations).toBe(0);
      expect(deck.slides).toHaveLength(expectedSlideCount(deck.comparison) + rowContinuations);
      const comparison = deck.slides.filter((s) => s.attribs.class === 'slide-comparison');
      const columns = comparison.flatMap((s) =>
        deck.all((e) => e.name === 'th' && e.attribs.scope === 'col', s).slice(1),
      );
      expect(columns.map((th) => deck.text(th))).toEqual(deck.comparison.systems.map((s) => s.name));
    },
  );

  it('names the winner of a verdict, or a tie', async () => {
    const deck = await renderDeck('many.yaml', comparisonYaml({ systems: 8, verdicts: 2 }));
    const rows = deck.all((e) => e.name === 'td' && e.attribs.class === 'winner').map((td) => deck.text(td));
    const names = deck.comparison.systems.map((s) => s.name).join(', ');
    expect(rows).toEqual([`Tie ${names}`, 'Bravo Sandboxed Runtime With A Long Name']);
  });

  it('names the tied systems and several winners in the order the author gave', async () => {
    const file = 'test/fixtures/content/real-review-4.md';
    const deck = await renderDeck(file, readFileSync(file, 'utf8'));
    const rows = deck.all((e) => e.name === 'td' && e.attribs.class === 'winner').map((td) => deck.text(td));
    // better: [firecracker, kata, gvisor] and, for a four-way tie, [kata, firecracker, gvisor, runc].
    expect(rows).toContain('Firecracker, Kata Containers, gVisor (runsc)');
    expect(rows).toContain('Tie Kata Containers, Firecracker, gVisor (runsc), runc');
  });
});

describe('pagination', () => {
  it('continues a 60-row table on further slides with its header repeated', async () => {
    const deck = await renderDeck('long.yaml', comparisonYaml({ dimensions: 60 }));
    const pages = deck.slides.filter((s) => s.attribs.class === 'slide-comparison');
    expect(pages.length).toBeGreaterThan(2);
    const heading = (s: (typeof pages)[number]) => deck.text(deck.all((e) => e.name === 'h2', s));
    expect(heading(pages[0] as (typeof pages)[number])).toBe('Comparison');
    for (const page of pages.slice(1)) expect(heading(page)).toBe('Comparison (continued)');
    const header = (s: (typeof pages)[number]) => deck.text(deck.all((e) => e.name === 'thead', s));
    for (const page of pages) expect(header(page)).toBe(header(pages[0] as (typeof pages)[number]));
    const rows = pages.flatMap((p) => deck.all((e) => e.name === 'th' && e.attribs.scope === 'row', p));
    expect(rows.map((r) => deck.text(r.children[0] ?? r))).toEqual(
      Array.from({ length: 60 }, (_, i) => `Dimension ${i + 1}`),
    );
    // Continuations are vertical sub-slides of the first page.
    const stack = pages[0]?.parent as { name?: string } | null;
    expect(stack?.name).toBe('section');
  });

  it('cuts a long attack flow into diagrams on sub-slides, every step once, revealed step by step', async () => {
    const deck = await renderDeck('long-flow.yaml', comparisonYaml({ systems: 3, steps: 24 }));
    const pages = deck.slides.filter((s) => s.attribs.class === 'slide-flow');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages.slice(1))
      expect(deck.text(deck.all((e) => e.name === 'h2', page))).toBe('Attack flow (continued)');
    const steps = pages.flatMap((p) =>
      deck.all((e) => e.name === 'g' && /-step-step-\d+$/.test(e.attribs.id ?? ''), p),
    );
    expect(steps.map((g) => g.attribs.id)).toEqual(
      Array.from({ length: 24 }, (_, i) => `flow-flow-step-step-${i + 1}`),
    );
    expect(steps.every((g) => /\bfragment\b/.test(g.attribs.class ?? ''))).toBe(true);
  });

  it('continues long narrative text by blocks, list numbering kept', async () => {
    const items = Array.from({ length: 40 }, (_, i) => `${i + 1}. Item ${i + 1} of a long numbered list that wraps.`);
    const text = `---\n${comparisonYaml()}---\n\n## Background\n\n${items.join('\n')}\n`;
    const deck = await renderDeck('narrative.md', text);
    const pages = deck.slides.filter((s) => deck.text(deck.all((e) => e.name === 'h2', s)).startsWith('Background'));
    expect(pages.length).toBeGreaterThan(1);
    const lists = pages.map((p) => deck.all((e) => e.name === 'ol', p)[0]);
    expect(lists[0]?.attribs.start ?? '1').toBe('1');
    expect(Number(lists[1]?.attribs.start)).toBeGreaterThan(5);
    const listed = pages.flatMap((p) => deck.all((e) => e.name === 'li', p)).map((li) => deck.text(li));
    expect(listed).toHaveLength(40);
  });
});

describe('templates', () => {
  it('uses a partial and theme.css from --templates, ours for the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riskdeck-templates-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'deck/partials'), { recursive: true });
    writeFileSync(join(dir, 'deck/partials/threat.hbs'), '<p class="my-threat">{{data.rows.length}} rows</p>\n');
    writeFileSync(join(dir, 'deck/theme.css'), '.reveal { color: rebeccapurple; }\n');
    const context = await renderContext(SEED, readFileSync(SEED, 'utf8'), dir);
    const { artifacts } = outputResult(await deckOutput(context));
    const file = (path: string) => artifacts.find((a) => a.path === path) as { data: string };
    expect(file('index.html').data).toContain('<p class="my-threat">2 rows</p>');
    expect(file('index.html').data).toContain('<table class="deck-table t-defenses">');
    expect(file('theme.css').data).toBe('.reveal { color: rebeccapurple; }\n');
  });

  it('names the override file, line and column of a syntax error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'riskdeck-templates-'));
    dirs.push(dir);
    mkdirSync(join(dir, 'deck/partials'), { recursive: true });
    writeFileSync(join(dir, 'deck/partials/verdicts.hbs'), '{{#each data.rows}}\n');
    await expect(renderContext(SEED, readFileSync(SEED, 'utf8'), dir)).rejects.toThrow(
      /riskdeck-templates-\w+\/deck\/partials\/verdicts\.hbs:\d+:\d+ {2}template syntax error: unexpected end of file/,
    );
  });
});

/** No script but ours, no handler, no script URL, no reveal.js attribute, no embedding element from content. */
function expectInert(deck: Awaited<ReturnType<typeof renderDeck>>) {
  const scripts = deck.all((e) => e.name === 'script');
  expect(scripts.map((s) => s.attribs.src)).toEqual(['reveal/reveal.js', 'reveal/plugin/notes.js', 'deck.js']);
  expect(scripts.every((s) => s.children.length === 0)).toBe(true);
  for (const e of deck.all(() => true)) {
    for (const [name, value] of Object.entries(e.attribs)) {
      expect(name).not.toMatch(/^on/);
      // The attack flow's steps are fragments: the one data-* attribute, set by the diagram module.
      if (name !== 'data-fragment-index') expect(name).not.toMatch(/^data-/);
      expect(value).not.toMatch(/^\s*(?:javascript|vbscript|data):/i);
    }
  }
  const embedding = ['iframe', 'object', 'embed', 'form', 'input', 'style', 'link', 'meta', 'base', 'math'];
  const body = deck.all((e) => e.name === 'body');
  expect(deck.all((e) => embedding.includes(e.name) && e.attribs.type !== 'checkbox', body)).toEqual([]);
  // Sections are ours: one per slide and one per stack, each with an id or our class.
  for (const section of deck.all((e) => e.name === 'section')) {
    expect(Object.keys(section.attribs).every((a) => a === 'id' || a === 'class')).toBe(true);
  }
  const fragments = deck.all((e) => /\b(?:fragment|r-fit-text|r-stretch)\b/.test(e.attribs.class ?? ''));
  expect(fragments.every((e) => e.name === 'g' && /^flow-/.test(e.attribs.id ?? ''))).toBe(true);
}

describe('untrusted content', () => {
  const hostile = (where: string) =>
    `<script>alert("${where}")</script> <img src=x onerror=alert(1)> [click](javascript:alert(1)) ` +
    `<section data-background-iframe="https://evil.example"></section> {{x}} {{{constructor}}} ` +
    `<a href="#" data-autoslide="1" class="fragment r-fit-text" id="ref-kata">x</a>`;

  it('comes out inert: no script, no handlers, no javascript: links, no reveal.js attributes', async () => {
    const deck = await renderDeck('hostile.yaml', comparisonYaml({ systems: 3, text: hostile }));
    expectInert(deck);
    expect(deck.all((e) => e.name === 'img')).toEqual([]);
    expect(deck.all((e) => e.attribs.id === 'ref-kata')).toEqual([]);
  });

  const corpus = new URL('../../hostile/corpus/', import.meta.url);
  const files = readdirSync(corpus).filter((f) => /\.(md|ya?ml)$/.test(f));
  it.each(files)('the hostile corpus: %s renders inert, or is refused before rendering', async (file) => {
    const text = readFileSync(new URL(file, corpus), 'utf8');
    let deck: Awaited<ReturnType<typeof renderDeck>> | undefined;
    try {
      deck = await renderDeck(file, text);
    } catch (error) {
      expect((error as { name?: string }).name).toBe('RiskdeckError');
      return;
    }
    expectInert(deck);
  });
  it('shows template syntax in content literally', async () => {
    const deck = await renderDeck('hostile.yaml', comparisonYaml({ text: hostile }));
    const text = deck.text(deck.slides);
    expect(text).toContain('{{x}}');
    expect(text).toContain('{{{constructor}}}');
    expect(text).toContain('<script>alert("rationale of verdict 1")</script>');
  });
});
