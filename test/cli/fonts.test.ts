import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliDeps, main } from '../../src/cli/main.js';

/** Debian's fonts-wqy-microhei (installed by .ci/run): a CJK font in a TrueType collection. */
const WQY_TTC = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

let dir: string;
let out: string[];
let err: string[];

const deps = (): CliDeps => ({
  cwd: dir,
  env: {},
  stdout: (t) => out.push(t),
  stderr: (t) => err.push(t),
  version: '0.0.0-test',
  now: () => new Date('2027-03-04T05:06:07Z'),
  until: new Promise(() => undefined),
  isTTY: false,
  cpus: 1,
});
const cli = (...argv: string[]) => main(argv, deps());
const config = (value: unknown) => writeFileSync(join(dir, 'riskdeck.config.json'), JSON.stringify(value));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-fonts-cli-'));
  out = [];
  err = [];
  cpSync('test/fixtures/content/cjk-title.yaml', join(dir, 'cjk.yaml'));
  cpSync('test/fixtures/content/unicode-blocks.yaml', join(dir, 'blocks.yaml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('fonts from the config', () => {
  it('validate warns about characters no font has, at their line and column, until a CJK font is configured', async () => {
    expect(await cli('validate', 'cjk.yaml')).toBe(0);
    const warnings = err.join('');
    expect(warnings).toContain(
      'warning: cjk.yaml:14:12  threats[0].title: no report font (Roboto, DejaVu Sans) has a glyph for "容" (CJK UNIFIED IDEOGRAPH-5BB9, U+5BB9)',
    );
    expect(warnings).toContain('warning: cjk.yaml:10:24  systems[0].name: ');
    err = [];
    out = [];
    config({ fallbackFonts: [WQY_TTC] });
    expect(await cli('validate', 'cjk.yaml', 'blocks.yaml')).toBe(0);
    expect(err).toEqual([]);
    expect(out.join('')).toBe('cjk.yaml: ok\nblocks.yaml: ok\n');
  });

  it('exits 2 on a corrupt font, naming its path in one line, and keeps the last good outputs', async () => {
    // The last good outputs, as an earlier build left them.
    mkdirSync(join(dir, 'out/blocks'), { recursive: true });
    writeFileSync(join(dir, 'out/blocks/report.pdf'), 'last good report');
    writeFileSync(join(dir, 'broken.ttf'), readFileSync(WQY_TTC).subarray(0, 4096));
    config({ fallbackFonts: ['broken.ttf'] });
    err = [];
    expect(await cli('build', 'blocks.yaml', '--out', 'out')).toBe(2);
    const message = err.join('');
    expect(message).toMatch(
      new RegExp(`^riskdeck: ${join(dir, 'broken.ttf')}: a damaged font (file|collection) \\(.+\\); give a`),
    );
    expect(message.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(dir, 'out/blocks/report.pdf'), 'utf8')).toBe('last good report');
    err = [];
    expect(await cli('validate', 'blocks.yaml')).toBe(2);
    expect(err.join('')).toContain(join(dir, 'broken.ttf'));
  });
});
