import type { Token, Tokens } from 'marked';

/**
 * Markdown tables too wide for a slide or a page continue by columns: the table becomes several tables of
 * at most `maxColumns` columns each, the first column (the row labels) repeated in every one, each under a
 * caption that says which columns it holds ("Columns 10–17 of 40, with column 1 repeated"). Nothing is
 * dropped and no column is squeezed below reading size, however many columns the author wrote (the content
 * limits allow 20,000 cells). The outputs set `maxColumns` from their own width.
 */

/** The columns (0-based) of each part of a table of `columns` columns; parts as even as they can be. */
export function columnGroups(columns: number, maxColumns: number): number[][] {
  const all = Array.from({ length: columns }, (_, i) => i);
  if (columns <= maxColumns || maxColumns < 2) return [all];
  const rest = columns - 1;
  const count = Math.ceil(rest / (maxColumns - 1));
  const groups: number[][] = [];
  let next = 1;
  for (let g = 0; g < count; g++) {
    const size = Math.floor(rest / count) + (g < rest % count ? 1 : 0);
    groups.push([0, ...all.slice(next, next + size)]);
    next += size;
  }
  return groups;
}

/** What a part holds, counted from 1 as a reader counts columns. */
export function groupCaption(group: readonly number[], columns: number): string {
  const [first = 0, second = first, last = second] = [group[0], group[1], group[group.length - 1]];
  const span = (a: number, b: number) => (a === b ? `Column ${a + 1}` : `Columns ${a + 1}–${b + 1}`);
  if (second === 1) return `${span(first, last)} of ${columns}`;
  return `${span(second, last)} of ${columns}, with column ${first + 1} repeated`;
}

const ALIGN: Record<string, string> = { left: ':--', right: '--:', center: ':-:' };

/** A cell's Markdown inside a table row: marked gives `\|` back as `|`, which would end the cell. */
const cellMarkdown = (cell: Tokens.TableCell) => cell.text.replace(/\|/g, '\\|');

/** The part of a table that holds `columns`, as a table token whose `raw` is that part's GFM Markdown. */
export function tablePart(table: Tokens.Table, columns: readonly number[]): Tokens.Table {
  const pick = <T>(row: readonly T[]) => columns.map((c) => row[c]).filter((cell): cell is T => cell !== undefined);
  const header = pick(table.header);
  const align = columns.map((c) => table.align[c] ?? null);
  const rows = table.rows.map(pick);
  const line = (cells: readonly Tokens.TableCell[]) => `| ${cells.map(cellMarkdown).join(' | ')} |`;
  const raw = [
    line(header),
    `|${align.map((a) => (a === null ? '---' : ALIGN[a])).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
  return { ...table, raw: `${raw}\n`, header, align, rows };
}

/** Whether a token is the caption `splitWideTables` put before a part of a table. */
export const isTableCaption = (token: Token): boolean => (token as { tableCaption?: boolean }).tableCaption === true;

/** Every table in the tokens, nested ones (in lists and quotes) included. */
export function tablesIn(tokens: readonly Token[]): Tokens.Table[] {
  const found: Tokens.Table[] = [];
  for (const token of tokens) {
    if (token.type === 'table') found.push(token as Tokens.Table);
    const t = token as { tokens?: Token[]; items?: Token[] };
    if (t.items) found.push(...tablesIn(t.items));
    else if (t.tokens && token.type !== 'table') found.push(...tablesIn(t.tokens));
  }
  return found;
}

/**
 * The tokens with every table wider than `maxColumns` replaced by its parts, each after a caption
 * paragraph (lexed by `lex`, so it is a paragraph token like any other). Lists and quotes are searched too.
 */
export function splitWideTables(
  tokens: readonly Token[],
  maxColumns: number,
  lex: (markdown: string) => Token[],
): Token[] {
  const out: Token[] = [];
  for (const token of tokens) {
    const table = token.type === 'table' ? (token as Tokens.Table) : undefined;
    if (table && table.header.length > maxColumns) {
      for (const group of columnGroups(table.header.length, maxColumns)) {
        const caption = lex(`_${groupCaption(group, table.header.length)}._`).filter((t) => t.type !== 'space');
        out.push(...caption.map((t) => Object.assign(t, { tableCaption: true })));
        out.push(tablePart(table, group));
      }
      continue;
    }
    const t = token as Token & { tokens?: Token[]; items?: Token[] };
    if (t.items) out.push({ ...t, items: splitWideTables(t.items, maxColumns, lex) } as Token);
    else if (t.tokens && (t.type === 'list_item' || t.type === 'blockquote'))
      out.push({ ...t, tokens: splitWideTables(t.tokens, maxColumns, lex) } as Token);
    else out.push(token);
  }
  // marked keeps reference link definitions on the array; whoever re-joins Markdown needs them.
  return Object.assign(out, { links: (tokens as { links?: unknown }).links });
}
