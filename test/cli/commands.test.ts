import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliDeps, main } from '../../src/cli/main.js';
import { modelJson } from '../../src/outputs/render.js';

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
  // Never stopped by a signal.
  until: new Promise(() => undefined),
  isTTY: false,
  cpus: 2,
});
const cli = (...argv: string[]) => main(argv, deps());

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-cmd-'));
  out = [];
  err = [];
  cpSync('test/fixtures/content/diff-v1.yaml', join(dir, 'v1.yaml'));
  cpSync('test/fixtures/content/diff-v2.yaml', join(dir, 'v2.yaml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('riskdeck diff', () => {
  it('prints the changes as JSON with --json', async () => {
    expect(await cli('diff', 'v1.yaml', 'v2.yaml', '--json')).toBe(0);
    const set = JSON.parse(out.join(''));
    expect(set.changes.map((c: { kind: string; subject: string }) => `${c.kind} ${c.subject}`)).toEqual([
      'changed Threat one › Beta › rating',
      'added Threat two',
      'removed An old paper',
    ]);
  });

  it('compares with a model.json written by an earlier build', async () => {
    mkdirSync(join(dir, 'content'));
    cpSync(join(dir, 'v1.yaml'), join(dir, 'content/cmp.yaml'));
    expect(await cli('build', '--out', 'old')).toBe(0);
    expect(await cli('diff', 'old/cmp/model.json', 'v2.yaml')).toBe(0);
    expect(out.join('')).toContain('~ threat    Threat one › Beta › rating: Low 2 (L1 × I2) → High 12 (L3 × I4)');
  });

  it('asks for two versions', async () => {
    expect(await cli('diff', 'v1.yaml')).toBe(2);
    expect(err.join('')).toContain('riskdeck diff OLD NEW');
  });
});

describe('riskdeck init', () => {
  it('writes a starter that validates and builds on the first try, with the schema line', async () => {
    expect(await cli('init', 'Service Mesh vs. Sidecars')).toBe(0);
    const file = join(dir, 'content/service-mesh-vs-sidecars.md');
    const text = readFileSync(file, 'utf8');
    // The shipped schema, relative to the new file; nothing else is written into content/.
    const schema = relative(join(dir, 'content'), resolve('schema/content.schema.json'));
    expect(text).toContain(`# yaml-language-server: $schema=${schema}\n`);
    expect(text).toContain('title: "Service Mesh vs. Sidecars"');
    expect(text).toContain('date: "2027-03-04"');
    expect(readdirSync(join(dir, 'content'))).toEqual(['service-mesh-vs-sidecars.md']);
    expect(out.join('')).toContain('build it with: riskdeck build content/service-mesh-vs-sidecars.md');
    expect(await cli('validate')).toBe(0);
    expect(await cli('build')).toBe(0);
    expect(existsSync(join(dir, 'dist/service-mesh-vs-sidecars/model.json'))).toBe(true);
    expect(await cli('init', 'Service Mesh vs. Sidecars')).toBe(2);
  });

  it('titles a starter named by a slug in words, and writes it to the config contentDir', async () => {
    writeFileSync(join(dir, 'riskdeck.config.json'), '{ "contentDir": "reviews" }\n');
    expect(await main(['init', 'gvisor-vs-kata'], { ...deps(), invokedAs: 'npx riskdeck' })).toBe(0);
    expect(readFileSync(join(dir, 'reviews/gvisor-vs-kata.md'), 'utf8')).toContain('title: "Gvisor vs kata"');
    expect(out.join('')).toBe(
      'wrote reviews/gvisor-vs-kata.md; build it with: npx riskdeck build reviews/gvisor-vs-kata.md\n',
    );
    expect(await cli('validate')).toBe(0);
  });
});

describe('riskdeck build over several files', () => {
  it('shows progress on a terminal, and none with --quiet or when not a terminal', async () => {
    mkdirSync(join(dir, 'content'));
    for (const name of ['a', 'b', 'c']) cpSync(join(dir, 'v1.yaml'), join(dir, `content/${name}.yaml`));
    const onTerminal = { ...deps(), isTTY: true };
    expect(await main(['build'], onTerminal)).toBe(0);
    const progress = err.join('');
    for (const step of ['[1/3]', '[2/3]', '[3/3]']) expect(progress).toContain(step);
    expect(out.join('')).toContain('built content/c.yaml');
    err.length = 0;
    expect(await main(['build', '--quiet'], onTerminal)).toBe(0);
    expect(await cli('build')).toBe(0);
    expect(err.join('')).not.toContain('[1/3]');
  });
});

describe('config file', () => {
  it('applies riskdeck.config.json with paths relative to its folder, and flags win over it', async () => {
    mkdirSync(join(dir, 'conf'));
    mkdirSync(join(dir, 'content'));
    cpSync(join(dir, 'v1.yaml'), join(dir, 'content/cmp.yaml'));
    writeFileSync(
      join(dir, 'conf/riskdeck.config.json'),
      JSON.stringify({ outDir: '../public', riskThresholds: { medium: 2, high: 3, critical: 4 } }),
    );
    expect(await cli('build', '--config', 'conf/riskdeck.config.json')).toBe(0);
    const model = JSON.parse(readFileSync(join(dir, 'public/cmp/model.json'), 'utf8'));
    expect(model.threats[0].assessments[1].rating.level).toBe('medium');
    expect(await cli('build', '--config', 'conf/riskdeck.config.json', '--out', 'flagged')).toBe(0);
    expect(existsSync(join(dir, 'flagged/cmp/model.json'))).toBe(true);
  });

  it('selects other TTF fonts for the deck and the report from the config', async () => {
    mkdirSync(join(dir, 'content'));
    mkdirSync(join(dir, 'brand'));
    cpSync(join(dir, 'v1.yaml'), join(dir, 'content/cmp.yaml'));
    const roboto = join('node_modules/pdfmake/fonts/Roboto');
    const faces = { normal: 'Regular', bold: 'Medium', italics: 'Italic', bolditalics: 'MediumItalic' };
    for (const [face, file] of Object.entries(faces)) {
      cpSync(join(roboto, `Roboto-${file}.ttf`), join(dir, 'brand', `${face}.ttf`));
    }
    writeFileSync(
      join(dir, 'riskdeck.config.json'),
      JSON.stringify({
        fonts: { family: 'Brand Sans', ...Object.fromEntries(Object.keys(faces).map((f) => [f, `brand/${f}.ttf`])) },
      }),
    );
    expect(await cli('build')).toBe(0);
    expect(readFileSync(join(dir, 'dist/cmp/layout.css'), 'utf8')).toContain('font-family:"Brand Sans"');
    expect(readFileSync(join(dir, 'dist/cmp/report.pdf')).length).toBeGreaterThan(10_000);
    writeFileSync(
      join(dir, 'riskdeck.config.json'),
      JSON.stringify({
        fonts: { family: 'X', normal: 'no.ttf', bold: 'no.ttf', italics: 'no.ttf', bolditalics: 'no.ttf' },
      }),
    );
    expect(await cli('build')).toBe(2);
    expect(err.join('')).toContain(`${join(dir, 'no.ttf')}: cannot read the font (ENOENT)`);
  });

  it('validates the config contentDir when no files are named', async () => {
    mkdirSync(join(dir, 'reviews'));
    cpSync(join(dir, 'v1.yaml'), join(dir, 'reviews/one.yaml'));
    writeFileSync(join(dir, 'riskdeck.config.json'), '{ "contentDir": "reviews" }');
    expect(await cli('validate')).toBe(0);
    expect(out.join('')).toBe('reviews/one.yaml: ok\n');
  });

  it('rejects an unknown config key with its name', async () => {
    writeFileSync(join(dir, 'riskdeck.config.json'), JSON.stringify({ outdir: 'x' }));
    expect(await cli('build', 'v1.yaml')).toBe(2);
    expect(err.join('')).toMatch(/riskdeck\.config\.json:1:2 {2}unknown key "outdir" \(did you mean "outDir"\?\)\n$/);
  });
});

describe('build --since', () => {
  it('reads the earlier version from a git ref', async () => {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
    mkdirSync(join(dir, 'content'));
    cpSync(join(dir, 'v1.yaml'), join(dir, 'content/cmp.yaml'));
    git('init', '-q');
    git('-c', 'user.email=a@b', '-c', 'user.name=a', 'add', 'content/cmp.yaml');
    git('-c', 'user.email=a@b', '-c', 'user.name=a', 'commit', '-qm', 'v1');
    cpSync(join(dir, 'v2.yaml'), join(dir, 'content/cmp.yaml'));
    const { build } = await import('../../src/pipeline/build.js');
    let seen: unknown;
    const results = await build({
      cwd: dir,
      since: 'HEAD',
      outputs: [
        (ctx) => {
          seen = ctx.changes;
          return modelJson(ctx);
        },
      ],
    });
    expect(results[0]?.error).toBeUndefined();
    expect(seen).toMatchObject({ fromVersion: '0.1', toVersion: '0.2' });
    const missing = await build({ cwd: dir, since: 'no-such-ref' });
    expect(missing[0]?.error?.message).toContain('--since no-such-ref: no file, folder or git ref of that name');

    // A new file, not yet committed, has no earlier version: a note, not a failed build.
    cpSync(join(dir, 'v1.yaml'), join(dir, 'content/new-one.yaml'));
    const withNew = await build({ cwd: dir, since: 'HEAD', outputs: [modelJson] });
    expect(withNew.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(withNew[1]?.warnings[0]?.message).toBe(
      '--since HEAD: content/new-one.yaml did not exist at HEAD; built without "Changes since"',
    );
  });

  it('matches an earlier version to the file of the same name when several are built', async () => {
    mkdirSync(join(dir, 'content'));
    cpSync(join(dir, 'v2.yaml'), join(dir, 'content/cmp.yaml'));
    cpSync(join(dir, 'v2.yaml'), join(dir, 'content/other.yaml'));
    mkdirSync(join(dir, 'old/cmp'), { recursive: true });
    cpSync(join(dir, 'v1.yaml'), join(dir, 'old/cmp.yaml'));
    const { build } = await import('../../src/pipeline/build.js');
    const changes: unknown[] = [];
    const spy = (ctx: Parameters<typeof modelJson>[0]) => {
      changes.push(ctx.changes);
      return modelJson(ctx);
    };
    const results = await build({ cwd: dir, since: 'old/cmp.yaml', outputs: [spy] });
    expect(results.map((r) => r.warnings.map((w) => w.message))).toEqual([
      [],
      ['--since old/cmp.yaml: it is an earlier version of "cmp", not of this file; built without "Changes since"'],
    ]);
    // A folder of earlier outputs gives each file its own model.json.
    expect(await cli('build', 'content/cmp.yaml', '--out', 'old')).toBe(0);
    const fromFolder = await build({ cwd: dir, since: 'old', outputs: [modelJson] });
    expect(fromFolder.map((r) => r.warnings.map((w) => w.message))).toEqual([
      [],
      ['--since old: no other/model.json there; built without "Changes since"'],
    ]);
    // Files build in order (cmp, other): only cmp was compared.
    expect(changes[0]).toMatchObject({ fromVersion: '0.1', toVersion: '0.2' });
    expect(changes[1]).toBeUndefined();
  });
});

describe('an unexpected error', () => {
  const broken = (): CliDeps => ({
    ...deps(),
    now: () => {
      throw new TypeError('clock exploded\n    at somewhere (file.js:1:1)');
    },
  });

  it('is one line with a hint to rerun with --debug, exit 2', async () => {
    expect(await main(['init', 'x'], broken())).toBe(2);
    expect(err.join('')).toBe('riskdeck: unexpected error: clock exploded; rerun with --debug to see the trace\n');
  });

  it('shows its trace with --debug', async () => {
    expect(await main(['init', 'x', '--debug'], broken())).toBe(2);
    expect(err.join('')).toMatch(/^riskdeck: unexpected error: clock exploded\nTypeError: clock exploded\n/);
    expect(err.join('')).toMatch(/\n\s+at /);
  });
});
