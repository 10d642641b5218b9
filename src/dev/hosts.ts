import { isIP } from 'node:net';

/**
 * Which `Host` and `Origin` headers the dev server answers. A page on another site can make its own name
 * resolve to 127.0.0.1 (DNS rebinding) and then read whatever this server sends, because to the browser it is
 * the same origin; only the `Host` header still carries the attacker's name. So the server answers loopback
 * names and the address it listens on (on its own port), plus names the user adds, and nothing else.
 */
export interface HostPolicy {
  /** The port the server listens on. */
  readonly port: number;
  /** The address dev listens on (as given to `--host`). */
  readonly listen: string;
  /** Names the user added (`--allowed-host`, `allowedHosts` in the config); any port. */
  readonly allowed: readonly string[];
  /** `--allow-any-host`: answer every Host (only on a network the user trusts). */
  readonly any: boolean;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** An IP address or host name as written in a URL: IPv6 in brackets, lower case. */
export function urlHostname(address: string): string {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  return isIP(bare) === 6 ? `[${bare}]` : bare;
}

/** The hostname and port of a `Host` header (`name`, `name:port`, `[v6]:port`), or undefined when malformed. */
export function parseHostHeader(value: string): { hostname: string; port: number | undefined } | undefined {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s/]+)(?::(\d{1,5}))?$/.exec(value.trim());
  if (!match?.[1]) return undefined;
  return { hostname: match[1].toLowerCase(), port: match[2] === undefined ? undefined : Number(match[2]) };
}

/** A header value as one printable line: it is the requester's text, shown in the user's terminal. */
export function quote(text: string): string {
  const cut = text.length > 120 ? `${text.slice(0, 120)}...` : text;
  return JSON.stringify(cut).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Undefined when the request's `Host` may be answered; else the one-line reason it is refused. */
export function refuseHost(header: string | undefined, policy: HostPolicy): string | undefined {
  if (policy.any) return undefined;
  if (header === undefined || header === '')
    return 'refused a request without a Host header; open the review with its URL as dev printed it';
  const host = parseHostHeader(header);
  if (host !== undefined) {
    if (policy.allowed.some((name) => urlHostname(name) === host.hostname)) return undefined;
    const own = [...LOOPBACK_NAMES, urlHostname(policy.listen)];
    if (own.includes(host.hostname) && (host.port ?? 80) === policy.port) return undefined;
  }
  const fix = host
    ? ` restart dev with --allowed-host ${quote(host.hostname).slice(1, -1)}`
    : ' use the URL dev printed';
  return (
    `refused a request for Host ${quote(header)}: not this server's address (a guard against DNS rebinding); ` +
    `if you opened the review under that name,${fix}`
  );
}

/**
 * Undefined when the request's `Origin` (sent by browsers on cross-origin reads) is absent or this server's
 * own; else the one-line reason it is refused. `host` is the request's (already allowed) Host header.
 */
export function refuseOrigin(origin: string | undefined, host: string | undefined, path: string): string | undefined {
  if (origin === undefined) return undefined;
  const own = host === undefined ? undefined : parseHostHeader(host);
  let url: URL | undefined;
  try {
    url = new URL(origin);
  } catch {
    url = undefined;
  }
  const port = url?.port === '' ? 80 : Number(url?.port);
  if (url?.protocol === 'http:' && own && url.hostname === own.hostname && port === (own.port ?? 80)) return undefined;
  return `refused a request from Origin ${quote(origin)} for ${quote(path)}: another site may not read the review`;
}

/** Why a name given to `--allowed-host` cannot be one, or undefined when it is a bare host name or address. */
export function invalidHostName(name: string, where = '--allowed-host'): string | undefined {
  if (isIP(name.replace(/^\[|\]$/g, '')) !== 0) return undefined;
  if (/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/i.test(name) && name.length <= 253)
    return undefined;
  return `${where} takes a host name or IP address without scheme, port or path (e.g. review.example.lan), not ${quote(name)}`;
}

/** Whether an IP address is a loopback address (127.0.0.0/8, ::1, or IPv4-mapped 127.x). */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (isIP(bare) === 4) return bare.startsWith('127.');
  if (isIP(bare) === 6) return bare === '::1' || bare === '0:0:0:0:0:0:0:1' || bare.startsWith('::ffff:127.');
  return false;
}
