export interface Budget {
  /** Room for items on the first page (less than `rest` when an introduction sits above them). */
  readonly first: number;
  /** Room for items on every later page. */
  readonly rest: number;
}

/** Greedy fill: each page takes items while they fit `limit` (the first page `limit - intro`). */
function fill<T>(heights: readonly number[], items: readonly T[], budget: Budget, limit: number): T[][] {
  const intro = Math.max(0, budget.rest - budget.first);
  const pages: T[][] = [[]];
  let left = Math.min(budget.first, limit - intro);
  items.forEach((item, i) => {
    const h = heights[i] ?? 0;
    const page = pages[pages.length - 1] as T[];
    // An item that does not fit starts a new page, unless it would not fit there either. The first page may
    // stay empty when an introduction leaves no room: the items then start on the second.
    if (h > left && (page.length > 0 || (pages.length === 1 && left < Math.min(limit, budget.rest)))) {
      pages.push([item]);
      left = Math.min(limit, budget.rest) - h;
    } else {
      page.push(item);
      left -= h;
    }
  });
  return pages;
}

/**
 * Splits items into as few pages as their heights need (`first` room on the first page, `rest` on the pages
 * after it; an item taller than a page gets a page of its own), then evens the pages out: of all splits into
 * that many pages, the one whose fullest page is least full, so that a series reads 70/60 rather than 100/30.
 * The first page counts its introduction as part of its fill. Always returns at least one page; the first may
 * be empty (the introduction alone).
 */
export function paginate<T>(items: readonly T[], height: (item: T) => number, budget: Budget): T[][] {
  return paginateInto(items, height, budget, 0);
}

/**
 * As `paginate`, into `count` pages where the items need fewer (two columns of a list want an even number),
 * never into more pages than the items fill.
 */
export function paginateInto<T>(
  items: readonly T[],
  height: (item: T) => number,
  budget: Budget,
  count: number,
): T[][] {
  const heights = items.map(height);
  const greedy = fill(heights, items, budget, budget.rest);
  const target = Math.min(items.length, Math.max(count, greedy.length));
  if (target < 2) return greedy;
  // The smallest page limit that still gives no more pages: found by bisection, limits are continuous.
  let low = 0;
  let high = budget.rest;
  for (let i = 0; i < 24 && high - low > 0.5; i++) {
    const mid = (low + high) / 2;
    if (fill(heights, items, budget, mid).length <= target) high = mid;
    else low = mid;
  }
  const balanced = fill(heights, items, budget, high);
  return balanced.length <= target ? balanced : greedy;
}

/** Splits `items` into runs of at most `size`, spread evenly: 7 in runs of 4 gives 4 + 3, 5 gives 3 + 2. */
export function chunkEvenly<T>(items: readonly T[], size: number): T[][] {
  const count = Math.max(1, Math.ceil(items.length / size));
  const per = Math.ceil(items.length / count);
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += per) chunks.push(items.slice(i, i + per));
  return chunks.length > 0 ? chunks : [[]];
}
