import type { PathSegment } from './load.js';

/** Calls `visit` with every string in raw content data and its field path, in document order. */
export function forEachString(data: unknown, visit: (text: string, path: PathSegment[]) => void): void {
  const walk = (value: unknown, path: PathSegment[]) => {
    if (typeof value === 'string') visit(value, path);
    else if (Array.isArray(value)) for (const [i, item] of value.entries()) walk(item, [...path, i]);
    else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
    }
  };
  walk(data, []);
}
