import { createHash } from 'node:crypto';

/**
 * reveal.js's notes plugin writes its speaker view into an `about:blank` popup with an inline `<script>`,
 * an inline `<style>` and two `style="display: none"` attributes. The popup inherits the deck's policy, so
 * the policy allows exactly those by hash. These are the hashes for reveal.js 6.0.2; a test recomputes
 * them from node_modules with `speakerViewHashes` and fails when an upgrade changes the speaker view.
 */
export interface SpeakerViewHashes {
  readonly script: string;
  readonly style: string;
  readonly styleAttribute: string;
}

export const SPEAKER_VIEW_HASHES: SpeakerViewHashes = {
  script: 'sha256-GzCveToXhSIzS3M5eQeRm3McVRB7cYneYKwTkzA3wDk=',
  style: 'sha256-FO8+tEZY4XAJsThREbo8dTCiyACqv1VGgxX0NfVfEAs=',
  styleAttribute: 'sha256-ZdHxw9eWtnxUb3mk6tBS+gIiVUPE3pGM470keHPDFlE=',
};

/**
 * reveal.js's print mode (`?print-pdf`) adds two `<style>` elements: the `@page` size (the slide plus the
 * margin, which `deck.js` sets to 0 in print mode, so 1280×720) and a cap on the size of images. These are
 * their hashes for reveal.js 6.0.2 at 1280×720; a test recomputes them from node_modules with
 * `printViewHashes`.
 */
export const PRINT_VIEW_HASHES: readonly string[] = [
  'sha256-P7379LHHS1islcyRtolAfypCkVRvG4S6m6qz3c3TUjk=',
  'sha256-AQ1Rup+sfRMid+jMjYcK8Gnh5UlxtbXLT/YRRbHGtW8=',
];

/**
 * The deck's Content-Security-Policy. Scripts and styles come only from the deck's folder (reveal.js sets
 * its inline styles through the CSSOM, which the policy does not restrict), images from there or `data:`,
 * frames (the speaker view's previews of the deck) only from there; nothing may connect anywhere.
 */
export function deckCsp(
  hashes: SpeakerViewHashes = SPEAKER_VIEW_HASHES,
  printHashes: readonly string[] = PRINT_VIEW_HASHES,
): string {
  const print = printHashes.map((h) => ` '${h}'`).join('');
  return [
    "default-src 'none'",
    `script-src 'self' '${hashes.script}'`,
    `style-src 'self' '${hashes.style}'${print} 'unsafe-hashes' '${hashes.styleAttribute}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "frame-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/** The value of a template literal without substitutions, as JavaScript cooks it. */
function cookTemplate(raw: string): string {
  return raw.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|u\{[0-9a-fA-F]+\}|[\s\S])/g, (_, e: string) => {
    if (e.startsWith('x') || e.startsWith('u'))
      return String.fromCodePoint(Number.parseInt(e.replace(/[xu{}]/g, ''), 16));
    return ({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' } as Record<string, string>)[e] ?? e;
  });
}

/** Recomputes the speaker view's hashes from the source of reveal.js's notes plugin (UMD build). */
export function speakerViewHashes(notesPluginSource: string): SpeakerViewHashes {
  const start = notesPluginSource.indexOf('document.write(`');
  if (start < 0) throw new Error('the notes plugin no longer writes its speaker view with document.write');
  let end = start + 'document.write(`'.length;
  const from = end;
  while (end < notesPluginSource.length && notesPluginSource[end] !== '`')
    end += notesPluginSource[end] === '\\' ? 2 : 1;
  const html = cookTemplate(notesPluginSource.slice(from, end));
  if (html.includes('${')) throw new Error('the speaker view template has substitutions; its hash is not static');
  const inner = (tag: string) => {
    const match = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html);
    if (!match?.[1]) throw new Error(`the speaker view has no inline <${tag}>`);
    return match[1];
  };
  const attributes = [...new Set([...html.matchAll(/\sstyle="([^"]*)"/g)].map((m) => m[1] ?? ''))];
  if (attributes.length !== 1) throw new Error(`the speaker view has ${attributes.length} distinct style attributes`);
  return {
    script: sha256(inner('script')),
    style: sha256(inner('style')),
    styleAttribute: sha256(attributes[0] ?? ''),
  };
}

/**
 * Recomputes the print view's style hashes from reveal.js's UMD build: the text of each `<style>` it
 * writes from a concatenation that opens with the literal `@page{size:` or `.reveal section>img…`, with the
 * width and height (in that order) put in for the two values it computes.
 */
export function printViewHashes(revealSource: string, size: { width: number; height: number }): string[] {
  return ['@page{size:`', '.reveal section>img'].map((opening) => {
    const start = revealSource.indexOf(`\`${opening}`);
    if (start < 0) throw new Error(`reveal.js's print view no longer writes a style opening with ${opening}`);
    const call = /^(?:`[^`$\\]*`|\w+)(?:\+(?:`[^`$\\]*`|\w+))*(?=\))/.exec(revealSource.slice(start));
    if (!call) throw new Error(`reveal.js's print view style ${opening} is not a plain concatenation`);
    const tokens = call[0].match(/`[^`]*`|\w+/g) ?? [];
    const values = [size.width, size.height];
    const names = tokens.filter((t) => !t.startsWith('`'));
    if (names.length !== values.length)
      throw new Error(`reveal.js's print view style ${opening} computes ${names.length} values, not 2`);
    return sha256(tokens.map((t) => (t.startsWith('`') ? t.slice(1, -1) : String(values.shift()))).join(''));
  });
}
