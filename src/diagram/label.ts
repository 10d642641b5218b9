import { createMarkdown, type MarkdownRenderer } from '../markdown/markdown.js';

let markdown: MarkdownRenderer | undefined;

/**
 * A Markdown field as one line of plain text for a diagram label. Citations (`[@id]`) are dropped:
 * a diagram cannot link them, and the text beside the diagram carries them.
 */
export function plainLabel(text: string): string {
  markdown ??= createMarkdown();
  return markdown
    .plain(text)
    .replace(/\s*\[@[a-z0-9][a-z0-9-]*\]/g, '')
    .trim();
}
