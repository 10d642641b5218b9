import type { TextMeasure } from './measure.js';

export interface TextStyle {
  readonly fontSize: number;
  readonly bold?: boolean;
}

/**
 * Greedy word wrap to `maxWidth`. A word wider than the line is broken between characters, so no
 * line is ever wider than `maxWidth` (a URL or an identifier in a label must not overflow its box).
 */
export function wrapText(measure: TextMeasure, text: string, style: TextStyle, maxWidth: number): string[] {
  const width = (s: string) => measure.width(s, style.fontSize, style.bold);
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (width(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    for (const piece of breakWord(word, width, maxWidth)) {
      if (line) lines.push(line);
      line = piece;
    }
  }
  if (line) lines.push(line);
  return lines;
}

function breakWord(word: string, width: (s: string) => number, maxWidth: number): string[] {
  if (width(word) <= maxWidth) return [word];
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece && width(piece + char) > maxWidth) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** The widest line of `lines`, for sizing a box to its text. */
export function widestLine(measure: TextMeasure, lines: readonly string[], style: TextStyle): number {
  return lines.reduce((max, line) => Math.max(max, measure.width(line, style.fontSize, style.bold)), 0);
}
