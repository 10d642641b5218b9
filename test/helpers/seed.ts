import { readFileSync } from 'node:fs';

export const SEED_PATH = new URL('../fixtures/seed/runc-vs-kata.md', import.meta.url);

/** Collapses white space and typographic quotes so that text from HTML or PDF compares with the seed. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Every statement of the seed: the sentences of its list items, with the bold labels, list markers
 * and inline markup removed, plus the titles of its references. Both outputs must contain each one.
 */
export function seedSentences(seed = readFileSync(SEED_PATH, 'utf8')): string[] {
  const sentences: string[] = [];
  for (const raw of seed.split('\n')) {
    const item = /^\s*(?:[-*]|\d+\.)\s+(.*)$/.exec(raw)?.[1];
    if (!item) continue;
    let text = item
      .replace(/^\*\*[^*]+\*\*:\s*/, '')
      .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
      .replace(/`/g, '')
      .replace(/\*\*/g, '');
    text = normalizeText(text);
    for (const sentence of text.split(/(?<=\.)\s+(?=[A-Z])/)) if (sentence) sentences.push(sentence);
  }
  return sentences;
}
