import { createHash } from 'node:crypto';
import { deckCsp } from '../outputs/deck/csp.js';

const LIVE_TAG = '<script src="/__riskdeck/live.js"></script>';
const META_POLICY = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")([^"]*)(")/i;

/** The deck's policy with the one change live reload needs: it may connect to this server's event stream. */
function withLiveConnect(policy: string): string {
  return `${policy.replace(/connect-src [^;]*;?\s*/g, '').replace(/;?\s*$/, '')}; connect-src 'self'`;
}

/** Adds the live-reload script, and lets it reach the server under the deck's Content-Security-Policy. */
export function injectLiveClient(html: string): string {
  const withPolicy = html.replace(
    META_POLICY,
    (_m, start: string, policy: string, end: string) => `${start}${withLiveConnect(policy)}${end}`,
  );
  return withPolicy.includes('</body>')
    ? withPolicy.replace('</body>', `${LIVE_TAG}\n</body>`)
    : `${withPolicy}\n${LIVE_TAG}`;
}

const decodeEntities = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|quot|apos|lt|gt);/gi, (_m, e: string) => {
    const named: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' };
    if (!e.startsWith('#')) return named[e.toLowerCase()] ?? '';
    const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code < 0x110000 ? String.fromCodePoint(code) : '';
  });

/**
 * The policy to send as a header with a served deck: the one its `<meta>` states (so a template override's
 * policy is kept), else the deck's default. As a header it also covers what a `<meta>` cannot
 * (`frame-ancestors`: no other site may frame the review).
 */
export function deckPolicyHeader(html: string): string {
  const stated = decodeEntities(META_POLICY.exec(html)?.[2] ?? '');
  const policy = /^[\x20-\x7e]+$/.test(stated) ? stated : withLiveConnect(deckCsp());
  return `${policy}; frame-ancestors 'self'`;
}

export interface IndexEntry {
  readonly name: string;
  readonly title: string | undefined;
  readonly deck: boolean;
  readonly report: boolean;
  readonly file: string;
}

const STYLE =
  'body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:52rem;padding:0 1rem;color:#1d1d22}' +
  'li{margin:.5rem 0}small{color:#555}a{margin-right:1rem}';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The page at `/`: every comparison dev serves, with links to its deck, report and model. */
export function renderIndex(entries: readonly IndexEntry[]): { html: string; policy: string } {
  const items = entries.map((e) => {
    const base = `/${encodeURIComponent(e.name)}/`;
    const links = [
      e.deck ? `<a href="${base}">deck</a>` : '<span>deck not built yet</span>',
      e.report ? `<a href="${base}report.pdf">report</a>` : '<span>report not built yet</span>',
      e.deck || e.report ? `<a href="${base}model.json">model.json</a>` : '',
    ].join(' ');
    return `<li><strong>${escapeHtml(e.title ?? e.name)}</strong> <small>${escapeHtml(e.file)}</small><br>${links}</li>`;
  });
  const list = items.length > 0 ? `<ul>\n${items.join('\n')}\n</ul>` : '<p>No content files are being served.</p>';
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>riskdeck dev</title>
<style>${STYLE}</style>
</head>
<body>
<h1>riskdeck dev</h1>
${list}
</body>
</html>
`;
  const hash = createHash('sha256').update(STYLE, 'utf8').digest('base64');
  const policy = `default-src 'none'; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
  return { html, policy };
}
