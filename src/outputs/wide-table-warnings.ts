import type { MarkdownRenderer } from '../markdown/markdown.js';
import { columnGroups, tablesIn } from '../markdown/wide-tables.js';
import type { PrintedField } from './printed-fields.js';
import type { OutputWarning } from './render.js';

/**
 * One warning per Markdown table an output splits by columns (see `splitWideTables`), so that an author
 * learns the table is not shown whole before a reader does. `md` must not split tables itself.
 */
export function wideTableWarnings(
  fields: readonly PrintedField[],
  md: Pick<MarkdownRenderer, 'tokens'>,
  options: { readonly maxColumns: number; readonly output: 'deck' | 'report' },
): OutputWarning[] {
  const { maxColumns, output } = options;
  const warnings: OutputWarning[] = [];
  for (const [path, text] of fields) {
    if (text === undefined || !text.includes('|')) continue;
    for (const table of tablesIn(md.tokens(text))) {
      const columns = table.header.length;
      if (columns <= maxColumns) continue;
      const parts = columnGroups(columns, maxColumns).length;
      const where = output === 'deck' ? 'a slide: the deck shows it as' : 'a page: the report prints it as';
      warnings.push({
        path,
        needle: table.raw.split('\n')[0]?.trim() ?? '',
        message: `a table of ${columns} columns is wider than ${where} ${parts} tables of at most ${maxColumns} columns, column 1 repeated in each and a caption naming its columns; to show it whole, give it fewer columns (swap rows and columns if it has more columns than rows)`,
      });
    }
  }
  return warnings;
}
