#!/usr/bin/env node
// Generates src/content/catalogs/attack.json, the ATT&CK catalog that content standards are checked
// against, from MITRE's published ATT&CK STIX 2.0 data (the github.com/mitre/cti repository, one JSON file
// per object). Only ids, names, tactics and the deprecated/revoked state are kept; the raw data is not
// committed.
//
//   node scripts/attack-catalog.mjs --git-dir PATH/TO/cti.git [--rev HEAD] --version 18.1 > src/content/catalogs/attack.json
//   npx biome format --write src/content/catalogs/attack.json
//
// --git-dir reads a clone (bare or not) without a work tree; --version names the ATT&CK release the
// revision holds (mitre/cti names it in its commit message, e.g. "ATT&CK v18.1 Enterprise").
import { execFileSync, spawnSync } from 'node:child_process';

function argument(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  if (fallback !== undefined) return fallback;
  process.stderr.write(`attack-catalog: --${name} is required\n`);
  process.exit(2);
}

const gitDir = argument('git-dir');
const rev = argument('rev', 'HEAD');
const version = argument('version');
const git = (...args) => execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 30 }).toString();

/** Every STIX object in the files under `folder` at `rev`, read in one `git cat-file --batch` run. */
function objects(folder) {
  const paths = git('ls-tree', '-r', '--name-only', rev, `enterprise-attack/${folder}`).split('\n').filter(Boolean);
  const input = paths.map((p) => `${rev}:${p}`).join('\n');
  const out = spawnSync('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { input, maxBuffer: 1 << 30 }).stdout;
  const found = [];
  let at = 0;
  while (at < out.length) {
    const newline = out.indexOf(10, at);
    const header = out.subarray(at, newline).toString();
    const size = Number(header.split(' ')[2]);
    if (Number.isNaN(size)) throw new Error(`attack-catalog: cannot read ${header}`);
    const body = out.subarray(newline + 1, newline + 1 + size).toString();
    found.push(...JSON.parse(body).objects);
    at = newline + 1 + size + 1;
  }
  return found;
}

const attackId = (o) => o.external_references?.find((r) => r.source_name === 'mitre-attack')?.external_id;

const tactics = new Map();
for (const t of objects('x-mitre-tactic')) tactics.set(t.x_mitre_shortname, { id: attackId(t), name: t.name });

const patterns = objects('attack-pattern');
const byStixId = new Map(patterns.map((p) => [p.id, p]));
const revokedBy = new Map();
for (const r of objects('relationship')) {
  if (r.relationship_type === 'revoked-by') revokedBy.set(r.source_ref, r.target_ref);
}

const entries = {};
const add = (id, entry) => {
  // The same id can be carried by an old revoked object and its current one: keep the current one.
  const existing = entries[id];
  if (existing && !existing.revoked && entry.revoked) return;
  entries[id] = entry;
};
for (const p of patterns) {
  const id = attackId(p);
  if (!id) continue;
  const entry = {
    name: p.name,
    tactics: (p.kill_chain_phases ?? []).map((k) => tactics.get(k.phase_name)?.name ?? k.phase_name),
  };
  if (p.x_mitre_deprecated) entry.deprecated = true;
  if (p.revoked) {
    entry.revoked = true;
    const target = byStixId.get(revokedBy.get(p.id));
    if (target) entry.revokedBy = attackId(target);
  }
  add(id, entry);
}
for (const [, t] of tactics) add(t.id, { name: t.name, tactics: [] });
for (const m of objects('course-of-action')) {
  const id = attackId(m);
  if (!id || !/^M\d{4}$/.test(id)) continue;
  const entry = { name: m.name, tactics: [] };
  if (m.x_mitre_deprecated) entry.deprecated = true;
  if (m.revoked) entry.revoked = true;
  add(id, entry);
}

const commit = git('rev-parse', rev).trim();
const sorted = Object.fromEntries(Object.entries(entries).sort(([a], [b]) => (a < b ? -1 : 1)));
const catalog = {
  framework: 'MITRE ATT&CK',
  domain: 'enterprise-attack',
  version,
  source: `https://github.com/mitre/cti/tree/${commit}/enterprise-attack`,
  generatedBy: 'scripts/attack-catalog.mjs',
  entries: sorted,
};
process.stdout.write(`${JSON.stringify(catalog)}\n`);
process.stderr.write(
  `attack-catalog: ${Object.keys(sorted).length} entries from ATT&CK v${version} (${commit.slice(0, 10)})\n`,
);
