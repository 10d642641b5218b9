import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireTool } from '../../helpers/tools.js';

const run = promisify(execFile);
const BIN = resolve('lib/bundle/bin.cjs');
const qpdf = requireTool('qpdf');
const pdffonts = requireTool('pdffonts');

let dir: string;
const report = () => join(dir, 'dist/runc-vs-kata/report.pdf');
const build = () =>
  run(process.execPath, [BIN, 'build'], { cwd: dir, env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' } });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-report-'));
  cpSync('content', join(dir, 'content'), { recursive: true });
  await build();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('report.pdf from the built CLI', () => {
  it('prints a warning for characters the font cannot draw', async () => {
    cpSync('test/fixtures/content/cjk-missing-glyphs.yaml', join(dir, 'cjk.yaml'));
    const { stderr } = await run(process.execPath, [BIN, 'build', 'cjk.yaml', '--out', 'cjk-out'], { cwd: dir });
    expect(stderr).toContain(
      'warning: cjk.yaml:13:12  threats[0].title: no report font (Roboto, DejaVu Sans) has a glyph for "容" (CJK UNIFIED IDEOGRAPH-5BB9, U+5BB9)',
    );
  });

  it('is byte-identical when rebuilt with the same SOURCE_DATE_EPOCH', async () => {
    const sha = () => createHash('sha256').update(readFileSync(report())).digest('hex');
    const first = sha();
    await build();
    expect(sha()).toBe(first);
  });

  it.skipIf(qpdf.skip)('passes qpdf --check', async () => {
    const { stdout } = await run(qpdf.path ?? 'qpdf', ['--check', report()]);
    expect(stdout).toContain('No syntax or stream encoding errors found');
  });

  it.skipIf(pdffonts.skip)('embeds every font it uses', async () => {
    const { stdout } = await run(pdffonts.path ?? 'pdffonts', [report()]);
    const rows = stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row, row).toMatch(/Roboto\S*\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });
});
