import { readFileSync } from 'node:fs';
import { createTextMeasure, type DiagramSvg, type TextMeasure } from '../../src/diagram/index.js';
import { loadFonts } from '../../src/fonts/load.js';
import type { Comparison } from '../../src/model/comparison.js';
import { compileSource } from '../../src/model/compile.js';
import { descendants, inherited, parseXml, textContent, type XmlElement } from './xml.js';

export const fonts = await loadFonts();
export const measure: TextMeasure = createTextMeasure(fonts);

export function compileFile(path: string): Comparison {
  return compileSource({ path, text: readFileSync(path, 'utf8') }).comparison;
}

export function compileText(path: string, text: string): Comparison {
  return compileSource({ path, text }).comparison;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The box of a node group: its first rect. */
export function boxOf(group: XmlElement): Box {
  const rect = descendants(group).find((e) => e.name === 'rect');
  if (!rect) throw new Error(`no rect in <${group.name} id="${group.attributes.id}">`);
  const n = (name: string) => Number(rect.attributes[name]);
  return { x: n('x'), y: n('y'), width: n('width'), height: n('height') };
}

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

export interface Line {
  readonly text: string;
  readonly left: number;
  readonly right: number;
  readonly baseline: number;
  readonly fontSize: number;
  readonly fill: string | undefined;
  readonly element: XmlElement;
}

/** Every tspan as drawn: its measured extent from x, the anchor, font size and weight it inherits. */
export function lines(root: XmlElement, m: TextMeasure = measure): Line[] {
  return (
    descendants(root)
      // A line is a tspan of a text; a tspan inside it is a run drawn in a fallback font.
      .filter((e) => e.name === 'tspan' && e.parent?.name === 'text')
      .map((tspan) => {
        const text = textContent(tspan);
        const fontSize = Number(inherited(tspan, 'font-size'));
        const width = m.width(text, fontSize, inherited(tspan, 'font-weight') === 'bold');
        const x = Number(tspan.attributes.x);
        const anchor = inherited(tspan, 'text-anchor') ?? 'start';
        const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
        return {
          text,
          left,
          right: left + width,
          baseline: Number(tspan.attributes.y),
          fontSize,
          fill: inherited(tspan, 'fill'),
          element: tspan,
        };
      })
  );
}

/** A run in a fallback font names one family of the chain, quoted. */
const FALLBACK_FAMILY = new RegExp(`^'(${fonts.fallbacks.map((f) => f.family).join('|')})'$`);

export const byId = (root: XmlElement, pattern: RegExp) =>
  descendants(root).filter((e) => pattern.test(e.attributes.id ?? ''));

/**
 * What every diagram must be: well-formed XML, a sized and titled SVG for screen readers, nothing
 * executable or external, one font family, unique ids, rounded numbers, text inside the picture.
 * Returns the problems found, so that a failing test lists them all.
 */
export function hygieneProblems(diagram: DiagramSvg, idPrefix?: string): string[] {
  const problems: string[] = [];
  const root = parseXml(diagram.svg);
  const all = descendants(root);
  const a = root.attributes;
  if (root.name !== 'svg') problems.push(`root is <${root.name}>`);
  if (a.xmlns !== 'http://www.w3.org/2000/svg') problems.push('no SVG namespace');
  if (a.viewBox !== `0 0 ${diagram.width} ${diagram.height}`) problems.push(`viewBox ${a.viewBox}`);
  if (a.width !== String(diagram.width) || a.height !== String(diagram.height)) problems.push('width/height');
  if (a.role !== 'img') problems.push('role is not img');
  const [title, desc] = root.children.filter((c): c is XmlElement => 'name' in c);
  if (title?.name !== 'title' || textContent(title) !== diagram.title) problems.push('first child is not the title');
  if (desc?.name !== 'desc' || textContent(desc) !== diagram.description) problems.push('second child is not the desc');
  if (a['aria-labelledby'] !== `${title?.attributes.id} ${desc?.attributes.id}`) problems.push('aria-labelledby');
  const allowed = new Set(['svg', 'g', 'title', 'desc', 'rect', 'line', 'path', 'polygon', 'text', 'tspan']);
  const ids = new Set<string>();
  for (const e of all) {
    if (!allowed.has(e.name)) problems.push(`<${e.name}> is not in the basic SVG set`);
    for (const [name, value] of Object.entries(e.attributes)) {
      if (/^on/i.test(name) || name === 'style' || /href$/i.test(name))
        problems.push(`attribute ${name} on <${e.name}>`);
      if (/url\(|javascript:/i.test(value)) problems.push(`${name}="${value}" refers outside`);
      const family = e.name === 'svg' ? 'Roboto, sans-serif' : e.name === 'tspan' ? FALLBACK_FAMILY : undefined;
      if (name === 'font-family' && !(family && (typeof family === 'string' ? value === family : family.test(value))))
        problems.push(`font-family ${value} on <${e.name}>`);
      if (name !== 'id' && /\d\.\d{3,}/.test(value)) problems.push(`${name}="${value}" not rounded`);
    }
    const id = e.attributes.id;
    if (id !== undefined) {
      if (ids.has(id)) problems.push(`duplicate id ${id}`);
      const prefix = idPrefix ?? a.id ?? '\0';
      if (!id.startsWith(prefix)) problems.push(`id ${id} lacks the prefix ${prefix}`);
      ids.add(id);
    }
  }
  for (const line of lines(root)) {
    if (line.element.parent?.parent?.attributes.transform !== undefined) continue;
    if (
      line.left < 0 ||
      line.right > diagram.width ||
      line.baseline < line.fontSize / 2 ||
      line.baseline > diagram.height
    )
      problems.push(`"${line.text}" is cut off by the picture's edge`);
  }
  return problems;
}

/** WCAG 2.x relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG 2.x contrast ratio of two `#rrggbb` colours, 1 to 21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * Every line of text against what it is drawn on: the last rect before it (in painting order) that
 * holds the line's start, else the white page. WCAG AA asks 4.5:1 of text of these sizes.
 */
export function contrastProblems(diagram: DiagramSvg, minimum = 4.5): string[] {
  const all = descendants(parseXml(diagram.svg));
  const problems: string[] = [];
  for (const line of lines(all[0] as XmlElement)) {
    const text = line.element.parent as XmlElement;
    const before = all.slice(0, all.indexOf(text)).filter((e) => e.name === 'rect' && e.attributes.fill);
    const point = { x: line.left + 1, y: line.baseline - 1, width: 0, height: 0 };
    const under = before.reverse().find((rect) => {
      const b = boxOf(rect);
      return overlaps({ ...point, width: 0.1, height: 0.1 }, b);
    });
    const background = under?.attributes.fill ?? '#ffffff';
    const ratio = contrast(line.fill ?? '#000000', background);
    if (ratio < minimum) problems.push(`"${line.text}" ${line.fill} on ${background}: ${ratio.toFixed(2)}:1`);
  }
  return problems;
}
