/**
 * Identifiers that must not be broken across lines: CVE and CWE ids, MITRE ATT&CK technique ids, command-line
 * flags (`--enable-pci`, `--cap-drop=ALL`), version strings (`1.1.12`, `1.0.0-rc95`) and absolute paths
 * (`/proc/self/fd/7`). Browsers and PDF line breakers would otherwise break after their hyphens or slashes.
 */
export const IDENTIFIER =
  /\b(?:CVE-\d{4}-\d{4,}|CWE-\d+|T\d{4}(?:\.\d{3})?)\b|(?<![\w-])--[A-Za-z][\w.-]*(?:=[^\s<&,;)]*[^\s<&,;).])?|(?<![\w.-])v?\d+(?:\.\d+)+(?:-[A-Za-z][\w.]*)?(?![\w-])|(?<![\w/.])\/(?:[\w.@-]+\/)+[\w.@-]*[\w@]/g;

/**
 * HTML with every identifier in its text (not in tags or attributes) wrapped in `<span class="nobreak">`,
 * which the deck sets as an inline block no wider than its line: it moves to the next line whole, and breaks
 * anywhere only when it is longer than a line.
 */
export function keepIdentifiers(html: string): string {
  let inPre = 0;
  return html
    .split(/(<[^>]*>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<pre\b/i.test(part)) inPre++;
        else if (/^<\/pre>/i.test(part)) inPre = Math.max(0, inPre - 1);
        return part;
      }
      return inPre > 0 ? part : part.replace(IDENTIFIER, (id) => `<span class="nobreak">${id}</span>`);
    })
    .join('');
}
