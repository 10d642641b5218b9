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
  if (INVISIBLE.test(href)) return false;
  // Decoding catches entity- and percent-obfuscated schemes before the allow-list runs.
  let decoded = href;
  try {
    decoded = decodeURIComponent(href);
  } catch {
    return false;
  }
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
