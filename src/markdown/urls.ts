import { decodeHTMLStrict } from 'entities';

/**
 * Link targets content may use; everything else is shown as text. A path may not start with `//` or
 * `/\`, which browsers follow to another host.
 */
const SAFE_LINK = /^(?:https?:\/\/|mailto:|#|\/(?![/\\])|\.{1,2}\/|[^:/?#]+(?:[/?#]|$))/i;

/**
 * Characters that change how a URL reads without being seen: C0/C1 controls, bidi overrides,
 * zero-width characters. A URL containing them is refused rather than cleaned, so that what a
 * reviewer reads is what a browser follows.
 */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;

export function isSafeLink(href: string): boolean {
  // Decoding catches entity- and percent-obfuscated schemes before the allow-list runs.
  let decoded = href;
  try {
    decoded = decodeURIComponent(href);
  } catch {
    return false;
  }
  // Decoding keeps every character it does not decode, so this sees the invisible ones written as they are too.
  if (INVISIBLE.test(decoded)) return false;
  if (/^[^/?#]*:/.test(decoded.normalize('NFKC')) && !/^(?:https?|mailto):/i.test(decoded.normalize('NFKC'))) {
    return false;
  }
  return SAFE_LINK.test(href);
}

/** Images may only come from beside the content file, so a deck never fetches anything when viewed. */
export function isLocalImage(src: string): boolean {
  return isSafeLink(src) && !/^(?:[a-z][a-z0-9+.-]*:|\/\/|\/)/i.test(src) && !src.split(/[\\/]/).includes('..');
}

/** Characters a URL may hold as they are (RFC 3986 reserved and unreserved); others are percent-encoded. */
const URL_SAFE = /[A-Za-z0-9;/?:@&=+$,\-_.!~*'()#]/;

/**
 * A link target as written in Markdown, made the address it names: character references decoded
 * (`&amp;` is `&`, once), then every character a URL cannot hold as is percent-encoded (spaces, `\`, `[`,
 * `]`, `"`, non-ASCII), while escapes already written (`%20`) are kept. As CommonMark renders targets.
 */
export function linkTarget(href: string): string {
  const decoded = decodeHTMLStrict(href);
  let out = '';
  for (let i = 0; i < decoded.length; i++) {
    const char = decoded[i] as string;
    if (char === '%' && /^[0-9a-f]{2}$/i.test(decoded.slice(i + 1, i + 3))) {
      out += decoded.slice(i, i + 3);
      i += 2;
    } else if (URL_SAFE.test(char)) {
      out += char;
    } else {
      const point = decoded.codePointAt(i) ?? 0xfffd;
      if (point > 0xffff) i++;
      out += point >= 0xd800 && point <= 0xdfff ? '%EF%BF%BD' : encodeURIComponent(String.fromCodePoint(point));
    }
  }
  return out;
}

/** A link title as written, with its character references decoded (the renderer escapes it once). */
export const linkTitle = (title: string): string => decodeHTMLStrict(title);
