import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { RiskdeckError } from '../errors.js';
import { invalidHostName, isLoopbackAddress, urlHostname } from './hosts.js';

/** Where and to whom `riskdeck dev` serves. */
export interface DevSettings {
  readonly host: string;
  readonly port: number;
  readonly allowedHosts: readonly string[];
  readonly allowAnyHost: boolean;
  /** Whether the address is reachable from other machines (not loopback only). */
  readonly exposed: boolean;
}

export interface DevFlags {
  readonly port?: string | undefined;
  readonly host?: string | undefined;
  readonly allowedHosts?: readonly string[] | undefined;
  readonly allowAnyHost?: boolean | undefined;
}

const usage = (message: string) => new RiskdeckError('USAGE', message);

/** Whether every address `host` stands for is a loopback one; throws a usage error when it names none. */
async function loopbackOnly(host: string): Promise<boolean> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0) return isLoopbackAddress(bare);
  const addresses = await lookup(bare, { all: true }).catch((error: NodeJS.ErrnoException) => {
    throw usage(
      `cannot listen on --host ${host}: no such address (${error.code ?? error.message}); use an address of this machine, such as 127.0.0.1 (the default)`,
    );
  });
  return addresses.length > 0 && addresses.every((a) => isLoopbackAddress(a.address));
}

/**
 * Flags, then the config's `allowedHosts`, then defaults. Listening beyond loopback must be asked for twice:
 * an address (`--host`) and the names readers will use (`--allowed-host`), or `--allow-any-host`.
 */
export async function resolveDevSettings(
  flags: DevFlags,
  config: { readonly allowedHosts?: readonly string[] | undefined; readonly file?: string | undefined } = {},
): Promise<DevSettings> {
  const portText = flags.port ?? '4100';
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port > 65535)
    throw usage(`--port must be a number from 0 to 65535 (0 picks a free port), not "${portText}"`);
  // `[::1]` as in a URL is accepted; the socket wants the bare address.
  const host = (flags.host ?? '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw usage('--host needs an address, such as 127.0.0.1 (the default) or 0.0.0.0');
  const named = [
    ...(flags.allowedHosts ?? []).map((name) => [name, '--allowed-host'] as const),
    ...(config.allowedHosts ?? []).map((name) => [name, `"allowedHosts" in ${config.file ?? 'the config'}`] as const),
  ];
  for (const [name, where] of named) {
    const problem = invalidHostName(name, where);
    if (problem) throw usage(problem);
  }
  const allowedHosts = named.map(([name]) => name);
  const allowAnyHost = flags.allowAnyHost === true;
  const exposed = !(await loopbackOnly(host));
  if (exposed && allowedHosts.length === 0 && !allowAnyHost)
    throw usage(
      `--host ${host} makes the review reachable from the network: name the host readers will open it by with ` +
        '--allowed-host NAME (or "allowedHosts" in the config), or pass --allow-any-host to answer any name',
    );
  return { host, port, allowedHosts: allowedHosts.map(urlHostname), allowAnyHost, exposed };
}

/** The one-line warnings to show before serving, if any. */
export function exposureWarnings(settings: DevSettings): string[] {
  const warnings: string[] = [];
  if (settings.exposed)
    warnings.push(
      `dev listens on ${settings.host}: the review is reachable from the network by anyone who can reach this machine`,
    );
  if (settings.allowAnyHost)
    warnings.push('--allow-any-host: dev answers any Host name, so a web page can read the review by DNS rebinding');
  return warnings;
}

/** The address to print in URLs: a wildcard address is reached through loopback on this machine. */
export function displayHost(host: string): string {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === '0.0.0.0' || bare === '') return '127.0.0.1';
  if (bare === '::' || bare === '0:0:0:0:0:0:0:0') return '[::1]';
  return urlHostname(bare);
}

/** A failure to listen as one line the user can act on (a busy port, an address not on this machine). */
export function listenError(error: NodeJS.ErrnoException, settings: DevSettings): RiskdeckError {
  const where = `${settings.host}:${settings.port}`;
  switch (error.code) {
    case 'EADDRINUSE':
      return usage(
        `cannot listen on ${where}: the port is in use; stop what uses it or choose another with --port N (0 picks a free one)`,
      );
    case 'EACCES':
      return usage(
        `cannot listen on ${where}: not permitted (ports below 1024 need privileges); choose another with --port N`,
      );
    case 'EADDRNOTAVAIL':
      return usage(
        `cannot listen on ${where}: ${settings.host} is not an address of this machine; use 127.0.0.1 (the default) or one of its addresses`,
      );
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return usage(
        `cannot listen on --host ${settings.host}: no such address; use an address of this machine, such as 127.0.0.1`,
      );
    default:
      return usage(`cannot listen on ${where}: ${error.message}`);
  }
}
