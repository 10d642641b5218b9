/**
 * The deck's whole Content-Security-Policy, written out: a directive added, loosened or dropped is a
 * change a reviewer must see in this file, not one that a prefix match lets through.
 */
export const DECK_CSP =
  "default-src 'none'; " +
  "script-src 'self' 'sha256-GzCveToXhSIzS3M5eQeRm3McVRB7cYneYKwTkzA3wDk='; " +
  "style-src 'self' 'sha256-FO8+tEZY4XAJsThREbo8dTCiyACqv1VGgxX0NfVfEAs=' " +
  "'sha256-P7379LHHS1islcyRtolAfypCkVRvG4S6m6qz3c3TUjk=' 'sha256-AQ1Rup+sfRMid+jMjYcK8Gnh5UlxtbXLT/YRRbHGtW8=' " +
  "'unsafe-hashes' " +
  "'sha256-ZdHxw9eWtnxUb3mk6tBS+gIiVUPE3pGM470keHPDFlE='; " +
  "img-src 'self' data:; font-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'";

/** The policy of a deck's HTML, read from its meta element. */
export function cspOf(html: string): string | undefined {
  return /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html)?.[1];
}
