import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/errors.js';
import { build } from '../../src/pipeline/build.js';

/** Text far taller than a slide: 300 sentences in one paragraph, which no slide can hold whole. */
const LONG = Array.from({ length: 300 }, (_, i) => `Sentence ${i} of a description nobody cut.`).join(' ');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-plan-warnings-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function warningsOf(name: string, text: string): Promise<string[]> {
  writeFileSync(join(dir, name), text);
  const [result] = await build({ files: [join(dir, name)], outDir: join(dir, 'dist'), cwd: dir, only: ['deck'] });
  if (!result || result.error) throw result?.error ?? new Error('no result');
  return result.warnings.map(formatIssue);
}

const minimal = readFileSync('test/fixtures/content/minimal.yaml', 'utf8');

describe('content no slide can show whole is a build warning at its place', () => {
  it('a threat description taller than a slide', async () => {
    const text = minimal.replace('    title: Threat one\n', `    title: Threat one\n    description: "${LONG}"\n`);
    expect(await warningsOf('long-description.yaml', text)).toEqual([
      expect.stringMatching(
        /long-description\.yaml:13:18 {2}threats\[0\]\.description: is \d+\.\d times what one slide holds, so the slide "T1 · Threat one" runs off the screen in the deck; shorten it or move the detail/,
      ),
    ]);
  });

  it('an assessment taller than a slide, at the assessment', async () => {
    const text = minimal.replace('alpha: { text: Exposed.,', `alpha: { text: "${LONG}",`);
    const [warning, ...rest] = await warningsOf('long-assessment.yaml', text);
    expect(rest).toEqual([]);
    expect(warning).toMatch(/long-assessment\.yaml:14:\d+ {2}threats\[0\]\.assessments\.alpha: is \d+\.\d times/);
  });

  it('says nothing of a body paragraph taller than a slide: it continues over slides', async () => {
    const text = `---\n${minimal}---\n\n## Background\n\n${LONG}\n`;
    expect(await warningsOf('long-body.md', text)).toEqual([]);
    const html = readFileSync(join(dir, 'dist/long-body/index.html'), 'utf8');
    expect(html.match(/<h2[^>]*>Background/g)?.length).toBeGreaterThan(2);
    expect(html).toContain('Sentence 299 of a description nobody cut.');
  });

  it('a body block with no place to break, at its section, with advice that fits the body', async () => {
    const text = `---\n${minimal}---\n\n## Background\n\n\`${'x'.repeat(6000)}\`\n`;
    expect(await warningsOf('long-code.md', text)).toEqual([
      expect.stringMatching(
        /long-code\.md:\d+:1 {2}section "Background": is \d+\.\d times what one slide holds, .*; break it into shorter paragraphs, or shorten the link, code or table/,
      ),
    ]);
  });

  it('an attack-flow step so long its diagram would be drawn too small to read', async () => {
    const flow = `attackFlows:\n  - id: f\n    title: Escape\n    steps:\n      - { id: s1, actor: Attacker, action: "${LONG}" }\n      - { id: s2, actor: Attacker, action: Escapes. }\n`;
    const [warning, ...rest] = await warningsOf('long-flow.yaml', `${minimal}${flow}`);
    expect(rest).toEqual([]);
    expect(warning).toMatch(
      /long-flow\.yaml:\d+:\d+ {2}attackFlows\[0\]: is drawn at \d+ % of its size .* too small to read/,
    );
  });

  it('says nothing about content that fits', async () => {
    expect(await warningsOf('minimal.yaml', minimal)).toEqual([]);
  });
});
