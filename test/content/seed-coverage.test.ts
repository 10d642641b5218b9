import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/markdown.js';
import { compileSource } from '../../src/model/compile.js';
import { normalizeText, seedSentences } from '../helpers/seed.js';

const CONTENT = 'content/runc-vs-kata.md';

function modelText(): string {
  const { comparison } = compileSource({ path: CONTENT, text: readFileSync(CONTENT, 'utf8') });
  const md = createMarkdown();
  const strings: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') strings.push(md.plain(value));
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(comparison);
  return normalizeText(strings.join('\n'));
}

describe('content/runc-vs-kata.md', () => {
  it('keeps every statement of the seed word for word', () => {
    const text = modelText();
    const sentences = seedSentences();
    expect(sentences.length).toBeGreaterThan(25);
    const missing = sentences.filter((s) => !text.includes(s));
    expect(missing).toEqual([]);
  });

  it('finds a sentence that was reworded', () => {
    const sentences = seedSentences('- **X**: Containers share the host kernel now.');
    expect(modelText().includes(sentences[0] ?? '')).toBe(false);
  });
});
