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
 * The deck's Content-Security-Policy. Scripts and styles come only from the deck's folder (reveal.js sets
 * its inline styles through the CSSOM, which the policy does not restrict), images from there or `data:`,
 * frames (the speaker view's previews of the deck) only from there; nothing may connect anywhere.
 */
export function deckCsp(hashes: SpeakerViewHashes = SPEAKER_VIEW_HASHES): string {
  return [
    "default-src 'none'",
    `script-src 'self' '${hashes.script}'`,
    `style-src 'self' '${hashes.style}' 'unsafe-hashes' '${hashes.styleAttribute}'`,
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
