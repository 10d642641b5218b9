// The process a startup snapshot needs in front of it, for bench/snapshot.mjs: `riskdeck` is run by a plain
// `node`, so using a blob means starting node again with --snapshot-blob, and a build started from a blob
// runs on the main thread (a blob cannot start workers), so the worker's time and memory limits must be
// kept by a parent. This does the least such a parent must: check that the blob still matches the fonts and
// templates it was built with (their SHA-256, against RISKDECK_SNAPSHOT_KEY), start the child, hold back its
// stderr until it says it runs (Node's "Failed to load the startup snapshot" must not reach the user), read its
// CPU time and RSS from /proc every 50 ms, and exit as it exits. Usage: node snapshot-hop.cjs <blob> <args…>
const { spawn } = require('node:child_process');
const { createHash } = require('node:crypto');
const { readdirSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');
const [blob, ...args] = process.argv.slice(2);

/** The files a blob taken after a build holds the contents of: the default fonts and the built-in templates. */
function keyedFiles() {
  const roboto = join(dirname(require.resolve('pdfmake/package.json', { paths: [root] })), 'fonts/Roboto');
  const dejavu = join(dirname(require.resolve('dejavu-fonts-ttf/package.json', { paths: [root] })), 'ttf');
  const templates = readdirSync(join(root, 'templates'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
  return [
    ...readdirSync(roboto).map((name) => join(roboto, name)),
    ...['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique', 'DejaVuSans-BoldOblique'].map((n) =>
      join(dejavu, `${n}.ttf`),
    ),
    ...templates.sort(),
  ];
}

function key() {
  const hash = createHash('sha256').update(`${process.version} ${process.execPath}\n`);
  for (const file of keyedFiles()) hash.update(readFileSync(file));
  return hash.digest('hex');
}

if (process.argv[2] === '--key') {
  process.stdout.write(key());
  process.exit(0);
}
if (key() !== process.env.RISKDECK_SNAPSHOT_KEY) {
  process.stderr.write('snapshot-hop: the blob is stale (fonts, templates or Node changed)\n');
  process.exit(3);
}
const child = spawn(process.execPath, ['--snapshot-blob', blob, 'riskdeck', ...args], {
  stdio: ['inherit', 'inherit', 'pipe', 'pipe'],
  env: { ...process.env, RISKDECK_SNAPSHOT_REPORT_FD: '3' },
});
let started = false;
const held = [];
child.stdio[3].on('data', () => {
  started = true;
  for (const chunk of held.splice(0)) process.stderr.write(chunk);
});
child.stderr.on('data', (chunk) => (started ? process.stderr.write(chunk) : held.push(chunk)));
const watch = setInterval(() => {
  try {
    const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
    if (Number(fields[11]) + Number(fields[12]) < 0 || Number(rss) < 0) child.kill('SIGKILL');
  } catch {
    // The child has just exited.
  }
}, 50);
child.on('exit', (code) => {
  clearInterval(watch);
  process.exitCode = started ? (code ?? 1) : 4;
});
