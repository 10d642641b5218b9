import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputError } from '../../src/pipeline/out-dir.js';
import { mountTmpfs, type Run, riskdeck, treeHashes } from './helpers.js';

/**
 * Every failure a user can cause, through the built CLI as a subprocess: the right exit code, one line that
 * names the problem and what to do, no stack trace, done within 5 s, and the last good outputs untouched.
 */
let dir: string;
let lastGood: Record<string, string>;
const unmount: (() => void)[] = [];
const isRoot = process.getuid?.() === 0;

interface Case {
  readonly args: readonly string[];
  readonly env?: Record<string, string>;
  readonly code: number;
  readonly says: RegExp;
}

function expectOneLineFailure(run: Run, expected: Case): void {
  expect(run.code, `${run.stderr}\n(exit ${run.code}, ${Math.round(run.ms)} ms)`).toBe(expected.code);
  const lines = run.stderr.split('\n').filter((line) => line.trim() !== '');
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(expected.says);
  expect(run.stderr).not.toMatch(/^\s+at |Node\.js v\d|node:internal/m);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'riskdeck-fail-'));
  cpSync('content', join(dir, 'content'), { recursive: true });
  writeFileSync(join(dir, 'a-file'), 'not a folder\n');
  const template = (folder: string, name: string, text: string) => {
    mkdirSync(join(dir, folder, name, '..'), { recursive: true });
    writeFileSync(join(dir, folder, name), text);
  };
  writeFileSync(join(dir, 'bad-key.json'), '{\n  "outdir": "public"\n}\n');
  writeFileSync(join(dir, 'bad-json.json'), '{\n  "outDir": "public"\n  "theme": "brand.css"\n}\n');
  writeFileSync(
    join(dir, 'bad-type.json'),
    '{ "fonts": { "family": "Noto Sans", "normal": "a.ttf", "italics": "i.ttf", "bolditalics": "bi.ttf",\n  "bold": 5 } }\n',
  );
  template('misnamed', 'deck/partials/titel.hbs', '<h1>{{title}}</h1>\n');
  template('syntax', 'deck/partials/title.hbs', '<section>\n  <h1>{{title</h1>\n</section>\n');
  template('helper', 'deck/partials/title.hbs', '<h1>{{title}}</h1>\n<p>{{upper title}}</p>\n');
  // The last good outputs every failing command must leave byte-identical.
  const built = await riskdeck(['build', '-q'], { cwd: dir, timeoutMs: 120_000 });
  expect(built.code, built.stderr).toBe(0);
  lastGood = treeHashes(join(dir, 'dist'));
  expect(Object.keys(lastGood)).toContain('runc-vs-kata/report.pdf');

  const readOnly = join(dir, 'read-only');
  let ro: (() => void) | undefined;
  if (isRoot) ro = mountTmpfs(readOnly, 'size=1m,ro');
  else {
    mkdirSync(readOnly);
    chmodSync(readOnly, 0o555);
  }
  if (ro) unmount.push(ro);
  const full = mountTmpfs(join(dir, 'full'), 'size=64k');
  if (full) unmount.push(full);
}, 180_000);

afterAll(() => {
  for (const undo of unmount) undo();
  rmSync(dir, { recursive: true, force: true });
});

const CASES: Record<string, Case> = {
  // 1, 2: outputs that cannot be written.
  'build --out /proc/riskdeck': {
    args: ['build', '--out', '/proc/riskdeck'],
    code: 2,
    says: /cannot write the outputs to \/proc\/riskdeck .*choose another --out/,
  },
  'build --out /dev/null': {
    args: ['build', '--out', '/dev/null'],
    code: 2,
    says: /\/dev\/null is not a folder\); choose another --out/,
  },
  'build --out under a file': {
    args: ['build', '--out', 'a-file/dist'],
    code: 2,
    says: /a-file is in the way and not a folder/,
  },
  'build --out /sys/x': {
    args: ['build', '--out', '/sys/riskdeck'],
    code: 2,
    says: /cannot write the outputs to \/sys\/riskdeck \(E[A-Z]+: .*\); choose another --out/,
  },
  // 7, 8: template overrides that cannot be what the user meant.
  'build --templates nope': {
    args: ['build', '--templates', 'nope'],
    code: 2,
    says: /^riskdeck: no templates folder at nope; check --templates/,
  },
  'a misnamed override': {
    args: ['build', '--templates', 'misnamed'],
    code: 2,
    says: /misnamed\/deck\/partials\/titel\.hbs: riskdeck has no template of that name \(did you mean deck\/partials\/title\.hbs\?\)/,
  },
  'a syntax error in an override': {
    args: ['build', '--templates', 'syntax'],
    code: 2,
    says: /^riskdeck: syntax\/deck\/partials\/title\.hbs:2:\d+ {2}template syntax error/,
  },
  'an unknown helper in an override': {
    args: ['build', '--templates', 'helper'],
    code: 2,
    says: /^riskdeck: helper\/deck\/partials\/title\.hbs:2:6 {2}unknown helper "upper"/,
  },
  // 11: config errors at their line and column, with "did you mean".
  'config: a misspelt key': {
    args: ['build', '--config', 'bad-key.json'],
    code: 2,
    says: /^riskdeck: bad-key\.json:2:3 {2}unknown key "outdir" \(did you mean "outDir"\?\)$/,
  },
  'config: a JSON syntax error': {
    args: ['validate', '--config', 'bad-json.json'],
    code: 2,
    says: /^riskdeck: bad-json\.json:3:3 {2}not valid JSON: .*check the commas/,
  },
  'config: a wrong type': {
    args: ['build', '--config', 'bad-type.json'],
    code: 2,
    says: /^riskdeck: bad-type\.json:2:11 {2}fonts\.bold: expected string, received number$/,
  },
  // 4: a missing content file is a usage error.
  'validate nope.md': {
    args: ['validate', 'nope.md'],
    code: 2,
    says: /^riskdeck: nope\.md: no such file; check the path$/,
  },
  'build nope.md': { args: ['build', 'nope.md'], code: 2, says: /^riskdeck: nope\.md: no such file; check the path$/ },
  'diff nope.md': {
    args: ['diff', 'nope.md', 'content/runc-vs-kata.md'],
    code: 2,
    says: /nope\.md: no such file; check the path$/,
  },
  'build a folder': { args: ['build', 'content'], code: 2, says: /content: is a folder; name a content file/ },
  // 6: input that does not apply is refused, not ignored.
  'build --port 5': {
    args: ['build', '--port', '5'],
    code: 2,
    says: /^riskdeck build: --port applies to dev only; remove it$/,
  },
  'build --json': { args: ['build', '--json'], code: 2, says: /--json applies to diff only/ },
  'validate --out x': { args: ['validate', '--out', 'x'], code: 2, says: /--out applies to build and dev only/ },
  'schema extra': { args: ['schema', 'extra'], code: 2, says: /riskdeck schema: unexpected argument "extra"/ },
  'SOURCE_DATE_EPOCH=abc build': {
    args: ['build'],
    env: { SOURCE_DATE_EPOCH: 'abc' },
    code: 2,
    says: /SOURCE_DATE_EPOCH must be whole seconds since 1970 .* not "abc"/,
  },
  'build --outt x': {
    args: ['build', '--outt', 'x'],
    code: 2,
    says: /unknown option "--outt" \(did you mean "--out"\?\)/,
  },
  // "--port" is dev's: suggesting a flag build then refuses would leave the user stuck.
  'build --prot 3': {
    args: ['build', '--prot', '3'],
    code: 2,
    says: /unknown option "--prot"; run "riskdeck build --help"$/,
  },
  'dev --prot 3': {
    args: ['dev', '--prot', '3'],
    code: 2,
    says: /unknown option "--prot" \(did you mean "--port"\?\)/,
  },
  biuld: { args: ['biuld'], code: 2, says: /unknown command "biuld" \(did you mean "build"\?\)/ },
  'init with two names': { args: ['init', 'a', 'b'], code: 2, says: /unexpected argument "b"/ },
};

describe('every failure a user can cause: one line, the right exit code, outputs kept', () => {
  for (const [name, expected] of Object.entries(CASES)) {
    it(name, async () => {
      const run = await riskdeck(expected.args, { cwd: dir, env: expected.env });
      expectOneLineFailure(run, expected);
      expect(treeHashes(join(dir, 'dist'))).toEqual(lastGood);
    });
  }

  it('build --out a read-only folder', async (context) => {
    if (!existsSync(join(dir, 'read-only'))) context.skip();
    const run = await riskdeck(['build', '--out', 'read-only/dist'], { cwd: dir });
    expectOneLineFailure(run, {
      args: [],
      code: 2,
      says: /\((EROFS: the file system is read-only|EACCES: permission denied)\)/,
    });
  });

  it('build --out a full disk (a 64 KB tmpfs)', async (context) => {
    if (unmount.length < (isRoot ? 2 : 1)) context.skip(); // mounting needs root
    const run = await riskdeck(['build', '--out', 'full/dist'], { cwd: dir, timeoutMs: 30_000 });
    expectOneLineFailure(run, { args: [], code: 2, says: /\(ENOSPC: no space left on the device\); free some space/ });
    expect(treeHashes(join(dir, 'full'))).toEqual({ dist: 'folder' });
  });

  it('turns a write error on a worker into the same line (simulated ENOSPC)', () => {
    const error = outputError('/out', Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }));
    expect((error as Error).message).toBe(
      'cannot write the outputs to /out (ENOSPC: no space left on the device); free some space or choose another --out',
    );
  });
});

describe('a signal ends any command within a second', () => {
  it('SIGTERM during a build stops the workers and keeps the last good outputs', async () => {
    let sent = 0;
    const run = await riskdeck(['build'], {
      cwd: dir,
      timeoutMs: 60_000,
      onSpawn: (child) => {
        // The probe file appears once the outputs are checked, just before the workers start.
        const watcher = watch(join(dir, 'dist'), (_event, file) => {
          if (sent || !String(file).startsWith('.riskdeck-probe-')) return;
          sent = performance.now();
          watcher.close();
          child.kill('SIGTERM');
        });
        child.on('close', () => watcher.close());
      },
    });
    expect(sent).toBeGreaterThan(0);
    // A second is promised; the bound leaves 10x headroom for a busy machine.
    expect(performance.now() - sent).toBeLessThan(10_000);
    expect(run.code).toBe(143);
    expect(run.stderr).toBe('riskdeck: stopped by SIGTERM; the last good outputs are unchanged\n');
    expect(treeHashes(join(dir, 'dist'))).toEqual(lastGood);
  });

  it('SIGTERM ends dev', async () => {
    let sent = 0;
    const run = await riskdeck(['dev', '--port', '0', '--out', 'dev-out'], {
      cwd: dir,
      timeoutMs: 60_000,
      onSpawn: (child, output) => {
        child.stdout?.on('data', () => {
          if (sent || !output.stdout.includes('serving')) return;
          sent = performance.now();
          child.kill('SIGTERM');
        });
      },
    });
    expect(sent).toBeGreaterThan(0);
    // A second is promised; the bound leaves 10x headroom for a busy machine.
    expect(performance.now() - sent).toBeLessThan(10_000);
    expect(run.signal ?? run.code).not.toBeNull();
    expect(run.stderr).not.toMatch(/^\s+at /m);
  });
});
