/**
 * Splits items into pages whose summed heights fit the budget: `first` on the first page (which may hold
 * an introduction above the items), `rest` on the pages after it. An item taller than a page gets a page
 * of its own. Always returns at least one page; the first may be empty (the introduction alone).
 */
export function paginate<T>(
  items: readonly T[],
  height: (item: T) => number,
  budget: { readonly first: number; readonly rest: number },
): T[][] {
  const pages: T[][] = [[]];
  let left = budget.first;
  for (const item of items) {
    const h = height(item);
    const page = pages[pages.length - 1] as T[];
    // An item that does not fit starts a new page, unless it would not fit there either. The first page may
    // stay empty when an introduction leaves no room: the items then start on the second.
    if (h > left && (page.length > 0 || (pages.length === 1 && left < budget.rest))) {
      pages.push([item]);
      left = budget.rest - h;
    } else {
      page.push(item);
      left -= h;
    }
  }
  return pages;
}

/** Splits `items` into runs of at most `size`, spread evenly: 7 in runs of 4 gives 4 + 3, 5 gives 3 + 2. */
export function chunkEvenly<T>(items: readonly T[], size: number): T[][] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const per = Math.ceil(items.length / count);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += per) chunks.push(items.slice(i, i + per));
  return chunks.length > 0 ? chunks : [[]];
}
