// The warm rebuild inside `riskdeck dev`: start it on one content file, save an edit N times, and time
// save → "reload" event (the deck is written) and save → "report" event (the PDF is written), and the CPU
// time dev used for the whole rebuild.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { stats } from './cold.mjs';

const waitFor = (check, timeout = 120_000) =>
  new Promise((done, fail) => {
    const started = Date.now();
    const tick = () => {
      const value = check();
      if (value) return done(value);
      if (Date.now() - started > timeout) return fail(new Error(`timed out: ${check}`));
      setTimeout(tick, 2);
    };
    tick();
  });

/** CPU ms a process has used so far (user + system, all threads; Linux's /proc in 10 ms ticks), if readable. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** Listens to dev's event stream; each event lands in `events` with the time it arrived. */
function listen(base, events) {
  return new Promise((ready) =>
    get(`${base}/__riskdeck/events`, (res) => {
      res.on('data', (chunk) => {
        for (const block of String(chunk).split('\n\n')) {
          const event = /^event: (.*)$/m.exec(block)?.[1];
          if (event) events.push({ event, at: performance.now() });
        }
      });
      ready();
    }),
  );
}

export async function warmRebuild(bin, file, runs) {
  const dir = mkdtempSync(join(tmpdir(), 'riskdeck-bench-dev-'));
  mkdirSync(join(dir, 'content'));
  const target = join(dir, 'content', basename(file));
  copyFileSync(file, target);
  const original = readFileSync(target, 'utf8');
  const version = /^version: .*$/m.exec(original)?.[0];
  if (version === undefined) throw new Error(`${file}: no version line to edit`);
  const child = spawn(process.execPath, [bin, 'dev', '--port', '0'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  const events = [];
  try {
    const base = await waitFor(() => /serving (http:\/\/[^/\s]+)\//.exec(stdout)?.[1]);
    await listen(base, events);
    // The first build (deck, then report) must be over before the first edit.
    await waitFor(() => existsSync(join(dir, 'dist', basename(file).replace(/\.\w+$/, ''), 'report.pdf')));
    await new Promise((r) => setTimeout(r, 500));
    const deck = [];
    const pdf = [];
    const cpu = [];
    for (let i = 0; i < runs; i++) {
      const seen = events.length;
      const cpuBefore = cpuMs(child.pid);
      const saved = performance.now();
      writeFileSync(target, original.replace(version, `version: "9.${i + 1}"`));
      const reload = await waitFor(() => events.slice(seen).find((e) => e.event === 'reload'));
      const report = await waitFor(() => events.slice(seen).find((e) => e.event === 'report'));
      deck.push(reload.at - saved);
      pdf.push(report.at - saved);
      const cpuAfter = cpuMs(child.pid);
      if (cpuBefore !== undefined && cpuAfter !== undefined) cpu.push(cpuAfter - cpuBefore);
      await new Promise((r) => setTimeout(r, 200));
    }
    // CPU of the whole rebuild (deck and report), which the machine's load changes far less than wall time.
    return { deck: stats(deck), pdf: stats(pdf), cpu: cpu.length ? stats(cpu) : undefined };
  } finally {
    child.kill('SIGINT');
    rmSync(dir, { recursive: true, force: true });
  }
}
