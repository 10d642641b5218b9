// Reads a CPU profile (`node --cpu-prof`) of a riskdeck build: self time by package (or by our own folder),
// and the hottest functions. Frames in the bundle are mapped back through its source map, so write the
// bundle with `node scripts/bundle.mjs --sourcemap` first.
// Usage: node bench/profile.mjs CPU.….cpuprofile [top N]
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map's mappings as, per generated line, [column, source index] pairs in column order. */
function decodeMappings(mappings) {
  const lines = [];
  let source = 0;
  for (const line of mappings.split(';')) {
    const segments = [];
    let column = 0;
    for (const segment of line.split(',')) {
      if (segment === '') continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const char of segment) {
        const digit = BASE64.indexOf(char);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += values[0];
      if (values.length > 1) {
        source += values[1];
        segments.push([column, source]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

const maps = new Map();
function sourceOf(url, line, column) {
  if (!url.startsWith('file://') && !url.startsWith('/')) return undefined;
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  if (!maps.has(file)) {
    const map = existsSync(`${file}.map`) ? JSON.parse(readFileSync(`${file}.map`, 'utf8')) : undefined;
    maps.set(file, map && { sources: map.sources, lines: decodeMappings(map.mappings) });
  }
  const map = maps.get(file);
  if (!map) return file;
  const segments = map.lines[line] ?? [];
  let found;
  for (const [at, source] of segments) {
    if (at > column) break;
    found = source;
  }
  return found === undefined ? file : map.sources[found];
}

/** node_modules/<package>, or src/<folder>, or Node's own internals. */
function owner(path, name) {
  if (path === undefined) return name.startsWith('(') ? name : '(node internals)';
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = path.slice(modules + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = /(?:^|\/)(?:src|lib)\/([^/]+)\//.exec(path);
  return src ? `riskdeck ${src[1]}` : path.startsWith('node:') ? '(node internals)' : path;
}

const profile = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const top = Number(process.argv[3] ?? 20);
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  total += dt;
  self.set(id, (self.get(id) ?? 0) + dt);
});
const byOwner = new Map();
const byFunction = new Map();
for (const [id, us] of self) {
  const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
  const path = url === '' ? undefined : sourceOf(url, lineNumber, columnNumber);
  const who = owner(path, functionName || '(anonymous)');
  byOwner.set(who, (byOwner.get(who) ?? 0) + us);
  const fn = `${functionName || '(anonymous)'} — ${who}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
}
const busy = total - (byOwner.get('(idle)') ?? 0);
const rows = (map) =>
  [...map]
    .filter(([name]) => !name.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([name, us]) =>
        `${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / busy).toFixed(1).padStart(5)} %  ${name}`,
    )
    .join('\n');
console.log(
  `${(busy / 1000).toFixed(0)} ms busy (idle left out) in ${process.argv[2]}\n\nby package\n${rows(byOwner)}`,
);
console.log(`\nhottest functions\n${rows(byFunction)}`);
