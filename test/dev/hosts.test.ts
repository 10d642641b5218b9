import { describe, expect, it } from 'vitest';
import { invalidHostName, isLoopbackAddress, parseHostHeader, refuseHost, refuseOrigin } from '../../src/dev/hosts.js';
import { parseRequestPath } from '../../src/dev/paths.js';

const policy = { port: 4100, listen: '127.0.0.1', allowed: ['review.lan'], any: false };

describe('the Host allow-list', () => {
  it.each([
    '127.0.0.1:4100',
    'localhost:4100',
    'LocalHost:4100',
    '[::1]:4100',
    'review.lan',
    'review.lan:443',
    'REVIEW.LAN:4100',
  ])('answers %s', (host) => {
    expect(refuseHost(host, policy)).toBeUndefined();
  });

  it.each([
    'evil.example:4100',
    'localhost:4101',
    'localhost',
    '127.0.0.1',
    '127.0.0.2:4100',
    'review.lan.evil.example',
    'sub.review.lan',
    'localhost:4100:4100',
    '[::1]x:4100',
    '',
    'evil.example\u001b[31m:4100',
  ])('refuses %j in one printable line naming the fix', (host) => {
    const reason = refuseHost(host, policy) ?? '';
    expect(reason).toMatch(/^refused a request/);
    expect(reason).not.toMatch(/[\n\r\u001b]/);
  });

  it('answers port 80 without a port, and the listening address', () => {
    expect(refuseHost('localhost', { ...policy, port: 80 })).toBeUndefined();
    expect(refuseHost('192.168.1.5:4100', { ...policy, listen: '192.168.1.5' })).toBeUndefined();
    expect(refuseHost('[fd00::2]:4100', { ...policy, listen: 'fd00::2' })).toBeUndefined();
    expect(refuseHost(undefined, policy)).toMatch(/without a Host header/);
    expect(refuseHost('anything', { ...policy, any: true })).toBeUndefined();
  });

  it('parses Host headers', () => {
    expect(parseHostHeader('[::1]:80')).toEqual({ hostname: '[::1]', port: 80 });
    expect(parseHostHeader('Example.org')).toEqual({ hostname: 'example.org', port: undefined });
    expect(parseHostHeader('a b')).toBeUndefined();
  });
});

describe('the Origin check', () => {
  it('lets absent and same-origin requests through, and refuses the rest', () => {
    expect(refuseOrigin(undefined, 'localhost:4100', '/x')).toBeUndefined();
    expect(refuseOrigin('http://localhost:4100', 'localhost:4100', '/x')).toBeUndefined();
    expect(refuseOrigin('http://review.lan', 'review.lan', '/x')).toBeUndefined();
    for (const origin of ['http://evil.example', 'null', 'https://localhost:4100', 'http://localhost:4101', 'x'])
      expect(refuseOrigin(origin, 'localhost:4100', '/__riskdeck/events')).toMatch(/^refused a request from Origin/);
  });
});

describe('names and addresses', () => {
  it('accepts bare host names and addresses for --allowed-host', () => {
    for (const name of ['review.lan', 'my-box', '192.168.1.5', '[fd00::2]', 'fd00::2', 'example.org.'])
      expect(invalidHostName(name), name).toBeUndefined();
    for (const name of ['http://x', 'x:80', 'x/y', '', '-x', '*.example.org'])
      expect(invalidHostName(name), name).toMatch(/--allowed-host takes/);
  });

  it('knows loopback addresses', () => {
    for (const a of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', '::ffff:127.0.0.1'])
      expect(isLoopbackAddress(a), a).toBe(true);
    for (const a of ['0.0.0.0', '::', '192.168.1.5', 'localhost', '::ffff:10.0.0.1'])
      expect(isLoopbackAddress(a), a).toBe(false);
  });
});

describe('request paths', () => {
  it('decodes a plain path into segments', () => {
    expect(parseRequestPath('/cmp/fonts/a%20b.ttf?x=1')).toEqual({
      ok: true,
      segments: ['cmp', 'fonts', 'a b.ttf'],
      trailingSlash: false,
    });
    expect(parseRequestPath('/')).toEqual({ ok: true, segments: [], trailingSlash: true });
    expect(parseRequestPath('/cmp/')).toEqual({ ok: true, segments: ['cmp'], trailingSlash: true });
  });

  it.each([
    '/..',
    '/cmp/../x',
    '/%2e%2e/x',
    '/cmp/..%2fx',
    '/cmp/a%5cb',
    '/cmp/a\\b',
    '/cmp/a%00',
    '//x',
    '/cmp//x',
    '/.git/config',
    '/cmp/%0a',
  ])('refuses %j', (path) => {
    expect(parseRequestPath(path)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses what is not a path', () => {
    expect(parseRequestPath('http://evil/x')).toMatchObject({ ok: false, status: 400 });
    expect(parseRequestPath('*')).toMatchObject({ ok: false, status: 400 });
    expect(parseRequestPath('/%zz')).toMatchObject({ ok: false, status: 400 });
  });
});

describe('refusals a user can act on', () => {
  it('names the fix for a name the user may have meant, and the URL for a malformed header', () => {
    expect(refuseHost('Review.Example:4100', policy)).toBe(
      'refused a request for Host "Review.Example:4100": not this server\'s address (a guard against DNS rebinding); ' +
        'if you opened the review under that name, restart dev with --allowed-host review.example',
    );
    expect(refuseHost('a b', policy)).toMatch(/if you opened the review under that name, use the URL dev printed$/);
  });

  it('shows a hostile header as one short printable line', () => {
    const reason = refuseHost(`évil.example${'x'.repeat(500)}:4100`, policy) ?? '';
    expect(reason).toContain('"\\u00e9vil.example');
    expect(reason).toContain(`${'x'.repeat(108)}..."`);
    expect(reason).not.toContain('x'.repeat(109));
    expect(reason).toMatch(/^[\x20-\x7e]+$/);
  });

  it('answers any port of an allowed IPv6 address, however it is written', () => {
    for (const allowed of ['fd00::2', '[FD00::2]']) {
      expect(refuseHost('[fd00::2]:8080', { ...policy, allowed: [allowed] }), allowed).toBeUndefined();
    }
    expect(refuseHost('[fd00::3]:4100', { ...policy, allowed: ['fd00::2'] })).toMatch(/^refused/);
  });
});

describe('the Origin check on default ports and IPv6', () => {
  it('reads a missing port as 80 on both sides', () => {
    expect(refuseOrigin('http://localhost', 'localhost', '/x')).toBeUndefined();
    expect(refuseOrigin('http://localhost:80', 'localhost:80', '/x')).toBeUndefined();
    expect(refuseOrigin('http://localhost', 'localhost:4100', '/x')).toMatch(/^refused/);
    expect(refuseOrigin('http://localhost:4100', 'localhost', '/x')).toMatch(/^refused/);
    expect(refuseOrigin('http://[::1]:4100', '[::1]:4100', '/x')).toBeUndefined();
    expect(refuseOrigin('http://localhost:4100', undefined, '/x')).toMatch(/^refused/);
  });

  it('names the origin and the path in one printable line', () => {
    expect(refuseOrigin('http://evil.example', 'localhost:4100', '/cmp/model.json')).toBe(
      'refused a request from Origin "http://evil.example" for "/cmp/model.json": another site may not read the review',
    );
  });
});

describe('names and addresses at their edges', () => {
  it('allows a host name of up to 253 characters, and says where a bad one was given', () => {
    const label = 'a'.repeat(63);
    const name = (length: number) => `${[label, label, label, label].join('.')}`.slice(0, length);
    expect(name(253)).toHaveLength(253);
    expect(invalidHostName(name(253))).toBeUndefined();
    expect(invalidHostName(`${name(253)}a`)).toMatch(/^--allowed-host takes/);
    expect(invalidHostName('x/y', 'allowedHosts in riskdeck.config.json')).toBe(
      'allowedHosts in riskdeck.config.json takes a host name or IP address without scheme, port or path (e.g. review.example.lan), not "x/y"',
    );
  });

  it('knows every spelling of the IPv6 loopback address', () => {
    for (const a of ['0:0:0:0:0:0:0:1', '::FFFF:127.0.0.1', '[::ffff:127.9.9.9]'])
      expect(isLoopbackAddress(a), a).toBe(true);
    expect(isLoopbackAddress('::2')).toBe(false);
  });
});

describe('the allow-lists with more than one entry, and their loopback names', () => {
  it('answers every allowed name, and loopback addresses whichever loopback name dev listens on', () => {
    const two = { ...policy, allowed: ['a.lan', 'b.lan'] };
    expect(refuseHost('b.lan:4100', two)).toBeUndefined();
    expect(refuseHost('127.0.0.1:4100', { ...policy, listen: 'localhost' })).toBeUndefined();
    expect(refuseHost('', policy)).toBe(
      'refused a request without a Host header; open the review with its URL as dev printed it',
    );
  });

  it('refuses an origin of another name on the same port (a rebinding page)', () => {
    expect(refuseOrigin('http://evil.example:4100', 'localhost:4100', '/x')).toMatch(/^refused/);
  });

  it('accepts host names of one letter per label', () => {
    for (const name of ['x', 'x.lan', 'review.x']) expect(invalidHostName(name), name).toBeUndefined();
  });
});
