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
