import { describe, expect, it } from 'vitest';
import { displayHost, exposureWarnings, resolveDevSettings } from '../../src/dev/settings.js';

describe('dev settings', () => {
  it('defaults to loopback on port 4100, unexposed, with no warning', async () => {
    const settings = await resolveDevSettings({});
    expect(settings).toMatchObject({ host: '127.0.0.1', port: 4100, exposed: false, allowAnyHost: false });
    expect(exposureWarnings(settings)).toEqual([]);
  });

  it('accepts an IPv6 address in brackets, as in a URL', async () => {
    const settings = await resolveDevSettings({ host: '[::1]' });
    expect(settings).toMatchObject({ host: '::1', exposed: false });
    expect(displayHost(settings.host)).toBe('[::1]');
  });

  it('requires names (or --allow-any-host) for an address beyond loopback, from flags or the config', async () => {
    await expect(resolveDevSettings({ host: '0.0.0.0' })).rejects.toThrow(/reachable from the network/);
    await expect(resolveDevSettings({ host: '::' })).rejects.toThrow(/--allowed-host NAME/);
    const named = await resolveDevSettings({ host: '0.0.0.0' }, { allowedHosts: ['review.lan'] });
    expect(named).toMatchObject({ exposed: true, allowedHosts: ['review.lan'] });
    expect(exposureWarnings(named)[0]).toMatch(/reachable from the network/);
    const any = await resolveDevSettings({ host: '0.0.0.0', allowAnyHost: true });
    expect(exposureWarnings(any)).toHaveLength(2);
    expect(displayHost('0.0.0.0')).toBe('127.0.0.1');
  });

  it('names where a bad host name came from', async () => {
    await expect(resolveDevSettings({}, { allowedHosts: ['http://x'], file: 'riskdeck.config.json' })).rejects.toThrow(
      /^"allowedHosts" in riskdeck\.config\.json takes a host name/,
    );
    await expect(resolveDevSettings({ allowedHosts: ['x:1'] })).rejects.toThrow(/^--allowed-host takes a host name/);
  });

  it.each(['', '-1', '1.5', '65536', '0x10', ' 80'])('refuses --port %j', async (port) => {
    await expect(resolveDevSettings({ port })).rejects.toThrow(/--port must be a number from 0 to 65535/);
  });
});
