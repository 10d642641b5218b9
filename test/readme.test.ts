import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The shell commands of README.md: every line of its ```sh blocks, without the comments. */
function readmeCommands(markdown: string): string[] {
  const blocks = [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter((line) => line !== '');
}

/** The suite itself: running it from inside the suite would recurse. `.ci/run` runs it as the README says. */
const THE_SUITE = new Set(['npm test']);

const copy = mkdtempSync(join(tmpdir(), 'riskdeck-readme-'));
// The copy holds a whole node_modules: removing it takes more than the default minute on a busy machine.
afterAll(() => rmSync(copy, { recursive: true, force: true }), 300_000);

describe('README.md', () => {
  const commands = readmeCommands(readFileSync('README.md', 'utf8'));

  it('shows commands to run', () => {
    expect(commands).toContain('npm ci && npm run build');
    expect(commands.filter((c) => c.startsWith('npx riskdeck ')).length).toBeGreaterThanOrEqual(5);
  });

  it('has commands that all work as typed, in order, on a fresh copy of the repository', () => {
    // A fresh clone: the files git knows (tracked, or new and not ignored), nothing built, no node_modules.
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { encoding: 'utf8' })
      .split('\0')
      .filter((f) => f !== '');
    for (const file of files) {
      mkdirSync(join(copy, dirname(file)), { recursive: true });
      cpSync(file, join(copy, file));
    }
    const env = { ...process.env, CI: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
    for (const command of commands) {
      if (THE_SUITE.has(command)) continue;
      const run = spawnSync('bash', ['-c', command], { cwd: copy, env, encoding: 'utf8', timeout: 400_000 });
      expect(run.status, `${command}\n${run.stdout}\n${run.stderr}`).toBe(0);
      expect(run.stderr, command).not.toMatch(/^\s+at |EBADENGINE/m);
    }
  }, 900_000);
});
