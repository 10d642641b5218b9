import type { Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { createMarkdown } from '../../src/markdown/markdown.js';
import { columnGroups, groupCaption, tablePart, tablesIn } from '../../src/markdown/wide-tables.js';

const table = (columns: number, rows = 2) =>
  [
    `| ${Array.from({ length: columns }, (_, c) => `h${c + 1}`).join(' | ')} |`,
    `|${Array.from({ length: columns }, () => '---').join('|')}|`,
    ...Array.from(
      { length: rows },
      (_, r) => `| ${Array.from({ length: columns }, (_, c) => `r${r + 1}c${c + 1}`).join(' | ')} |`,
    ),
  ].join('\n');

describe('columnGroups', () => {
  it('keeps a table that fits whole', () => {
    expect(columnGroups(3, 8)).toEqual([[0, 1, 2]]);
    expect(columnGroups(8, 8)).toEqual([[0, 1, 2, 3, 4, 5, 6, 7]]);
  });

  it('repeats the first column in every part, each column once, the parts as even as they can be', () => {
    expect(columnGroups(9, 8)).toEqual([
      [0, 1, 2, 3, 4],
      [0, 5, 6, 7, 8],
    ]);
    const groups = columnGroups(40, 10);
    expect(groups.map((g) => g.length - 1)).toEqual([8, 8, 8, 8, 7]);
    expect(groups.every((g) => g[0] === 0 && g.length <= 10)).toBe(true);
    expect(groups.flatMap((g) => g.slice(1))).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    const many = columnGroups(300, 8);
    expect(many).toHaveLength(43);
    expect(Math.max(...many.map((g) => g.length)) - Math.min(...many.map((g) => g.length))).toBeLessThanOrEqual(1);
    expect(many.flatMap((g) => g.slice(1))).toEqual(Array.from({ length: 299 }, (_, i) => i + 1));
  });
});

describe('groupCaption', () => {
  it('says which columns a part holds, counted from 1, and which one is repeated', () => {
    expect(groupCaption([0, 1, 2, 3], 40)).toBe('Columns 1–4 of 40');
    expect(groupCaption([0, 4, 5, 6], 40)).toBe('Columns 5–7 of 40, with column 1 repeated');
    expect(groupCaption([0, 39], 40)).toBe('Column 40 of 40, with column 1 repeated');
  });
});

describe('tablePart', () => {
  it('keeps the chosen columns with their alignment, and pipes inside cells stay inside them', () => {
    const md = createMarkdown();
    const [token] = md.tokens('| a \\| b | `x\\|y` | c |\n|:--|--:|:-:|\n| 1 | 2 | 3 |\n');
    const part = tablePart(token as Tokens.Table, [0, 2]);
    expect(part.raw).toBe('| a \\| b | c |\n|:--|:-:|\n| 1 | 3 |\n');
    expect(part.align).toEqual(['left', 'center']);
    const again = md.tokens(tablePart(token as Tokens.Table, [0, 1]).raw)[0] as Tokens.Table;
    expect(again.header.map((h) => h.text)).toEqual(['a | b', '`x|y`']);
    expect(again.rows.map((r) => r.map((c) => c.text))).toEqual([['1', '2']]);
  });
});

describe('a renderer with tableColumns', () => {
  const md = createMarkdown([], new Map(), { tableColumns: 8 });

  it('splits a 40-column table into captioned parts, every cell shown once but the repeated first column', () => {
    const html = md.html(`Before.\n\n${table(40)}\n\nAfter.`);
    const parts = html.match(/<table>/g) ?? [];
    expect(parts).toHaveLength(6);
    expect(html).toContain('<em>Columns 1–8 of 40.</em>');
    expect(html).toContain('<em>Columns 35–40 of 40, with column 1 repeated.</em>');
    for (let c = 2; c <= 40; c++) {
      expect(html.split(`>h${c}<`)).toHaveLength(2);
      expect(html.split(`>r2c${c}<`)).toHaveLength(2);
    }
    expect(html.split('>r1c1<')).toHaveLength(7);
    expect(html.indexOf('Before.')).toBeLessThan(html.indexOf('<table>'));
    expect(html.lastIndexOf('After.')).toBeGreaterThan(html.lastIndexOf('</table>'));
  });

  it('splits tables inside lists and quotes too, and leaves narrow tables and other renderers alone', () => {
    expect(
      tablesIn(md.tokens(`- item\n\n  ${table(12).replace(/\n/g, '\n  ')}\n`)).map((t) => t.header.length),
    ).toEqual([7, 6]);
    expect(tablesIn(md.tokens(`> ${table(12).replace(/\n/g, '\n> ')}\n`))).toHaveLength(2);
    expect(tablesIn(md.tokens(table(8)))).toHaveLength(1);
    expect(tablesIn(createMarkdown().tokens(table(40)))).toHaveLength(1);
    expect(md.html(table(3))).toBe(createMarkdown().html(table(3)));
  });

  it('keeps reference links working around a split table', () => {
    const html = md.html(`${table(9)}\n\nSee [the spec][spec].\n\n[spec]: https://example.com/spec\n`);
    expect(html).toContain('<a href="https://example.com/spec" rel="noopener noreferrer">the spec</a>');
    expect(md.tokens(`${table(9)}\n\n[spec]: https://example.com/spec\n`)).toHaveProperty('links.spec');
  });
});
