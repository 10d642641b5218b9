import { describe, expect, it } from 'vitest';
import { keepIdentifiers } from '../../src/markdown/identifiers.js';
import { createMarkdown } from '../../src/markdown/markdown.js';

describe('identifiers kept on one line in the deck', () => {
  it('wraps CVE and ATT&CK ids, --flags, versions and paths in text, not in tags, attributes or code blocks', () => {
    const html = createMarkdown().html(
      'See CVE-2024-21626 and T1204.003; run `docker run --cap-drop=ALL` with --enable-pci on 1.1.12 at /proc/self/fd/7.\n\n[NVD](https://nvd.nist.gov/vuln/detail/CVE-2019-5736)\n\n```\n--not-here CVE-2019-5736\n```',
    );
    for (const id of ['CVE-2024-21626', 'T1204.003', '--cap-drop=ALL', '--enable-pci', '1.1.12', '/proc/self/fd/7']) {
      expect(html).toContain(`<span class="nobreak">${id}</span>`);
    }
    expect(html).toContain('href="https://nvd.nist.gov/vuln/detail/CVE-2019-5736"');
    expect(html).toContain('<pre><code>--not-here CVE-2019-5736');
  });

  it('leaves ordinary hyphenated words and ranges alone', () => {
    expect(keepIdentifiers('<p>a well-known e-mail, scores 1–5, x-y</p>')).toBe(
      '<p>a well-known e-mail, scores 1–5, x-y</p>',
    );
  });
});
