import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { SANITIZE } from '../src/markdown/markdown.js';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe('supported Node versions and dependencies agree', () => {
  const oldest = semver.minVersion(pkg.engines.node)?.version ?? '';

  it('runs on a Node version package.json supports', () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });

  it('installs nothing whose declared engines exclude the oldest Node we support (no EBADENGINE)', () => {
    expect(oldest).toBe('20.19.0');
    const refusing = Object.entries(lock.packages)
      .filter(([path, entry]) => path !== '' && !Array.isArray(entry.engines) && entry.engines?.node !== undefined)
      .filter(([, entry]) => !semver.satisfies(oldest, (entry.engines as { node: string }).node))
      .map(([path, entry]) => `${path}@${entry.version}: node ${(entry.engines as { node: string }).node}`);
    expect(refusing).toEqual([]);
  });

  it('allows no URI attribute but a[href] and img[src], so the 2026 sanitize-html advisory cannot apply', () => {
    // GHSA (fixed in 2.17.6): schemes were not checked on URI attributes outside href/src/cite, such as
    // action, formaction, poster, background, ping or xlink:href. 2.17.6 declares Node >= 22.12; we stay on
    // 2.17.5 (no engine constraint) while our allow-list holds no such attribute, which this test keeps so.
    const uriAttributes = [
      'action',
      'formaction',
      'poster',
      'background',
      'ping',
      'xlink:href',
      'cite',
      'longdesc',
      'data',
      'codebase',
      'srcset',
      'usemap',
      'manifest',
      'profile',
      'dynsrc',
      'lowsrc',
      'icon',
      'href',
      'src',
    ];
    const allowed = Object.entries(SANITIZE.allowedAttributes || {}).flatMap(([tag, names]) =>
      (names as string[]).filter((name) => uriAttributes.includes(name)).map((name) => `${tag}[${name}]`),
    );
    expect(allowed.sort()).toEqual(['a[href]', 'img[src]']);
    expect(SANITIZE.allowedSchemes).toEqual(['http', 'https', 'mailto']);
  });
});
