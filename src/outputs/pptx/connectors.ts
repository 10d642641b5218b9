import { inch } from './units.js';

/** An edge of a diagram, in deck px on its slide, and the names of the boxes it leaves and enters. */
export interface Connector {
  readonly name: string;
  readonly start: { readonly x: number; readonly y: number };
  readonly end: { readonly x: number; readonly y: number };
  /** Where a three-part route (down, across, down) turns across; undefined for a straight one. */
  readonly bend: number | undefined;
  readonly colour: string;
  /** Line width in pt. */
  readonly width: number;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

const PREFIX = 'riskdeck-connector-';
export const connectorName = (index: number) => `${PREFIX}${index}`;

const EMU_PER_INCH = 914400;
const emu = (px: number) => Math.round(inch(px) * EMU_PER_INCH);

/**
 * The connector as DrawingML: a straight one, or an elbow (`bentConnector3`) turned a quarter so that it runs
 * down, across and down, flipped when it runs to the right. `stCxn`/`endCxn` glue its ends to site 2 (bottom)
 * and site 0 (top) of the boxes, by their shape ids.
 */
export function connectorXml(c: Connector, id: number, ids: ReadonlyMap<string, number>): string {
  const from = c.from === undefined ? undefined : ids.get(c.from);
  const to = c.to === undefined ? undefined : ids.get(c.to);
  const glue = `${from === undefined ? '' : `<a:stCxn id="${from}" idx="2"/>`}${to === undefined ? '' : `<a:endCxn id="${to}" idx="0"/>`}`;
  const dx = c.end.x - c.start.x;
  const dy = c.end.y - c.start.y;
  let xfrm: string;
  let geometry: string;
  if (c.bend === undefined || Math.abs(dx) < 0.5) {
    const flip = `${dx < 0 ? ' flipH="1"' : ''}${dy < 0 ? ' flipV="1"' : ''}`;
    xfrm = `<a:xfrm${flip}><a:off x="${emu(Math.min(c.start.x, c.end.x))}" y="${emu(Math.min(c.start.y, c.end.y))}"/><a:ext cx="${emu(Math.abs(dx))}" cy="${emu(Math.abs(dy))}"/></a:xfrm>`;
    geometry = '<a:prstGeom prst="straightConnector1"><a:avLst/></a:prstGeom>';
  } else {
    // Unturned, the elbow runs along x for the route's height and along y for its width, about the same centre.
    const cx = (c.start.x + c.end.x) / 2;
    const cy = (c.start.y + c.end.y) / 2;
    const length = Math.abs(dy);
    const span = Math.abs(dx);
    const flip = dx > 0 ? ' flipV="1"' : '';
    const adj = Math.round(((c.bend - c.start.y) / Math.max(1, length)) * 100000);
    xfrm = `<a:xfrm rot="5400000"${flip}><a:off x="${emu(cx - length / 2)}" y="${emu(cy - span / 2)}"/><a:ext cx="${emu(length)}" cy="${emu(span)}"/></a:xfrm>`;
    geometry = `<a:prstGeom prst="bentConnector3"><a:avLst><a:gd name="adj1" fmla="val ${adj}"/></a:avLst></a:prstGeom>`;
  }
  const line = `<a:ln w="${Math.round(c.width * 12700)}"><a:solidFill><a:srgbClr val="${c.colour}"/></a:solidFill><a:tailEnd type="triangle" w="med" len="med"/></a:ln>`;
  return `<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="${id}" name="Connector ${id}"/><p:cNvCxnSpPr>${glue}</p:cNvCxnSpPr><p:nvPr/></p:nvCxnSpPr><p:spPr>${xfrm}${geometry}${line}</p:spPr></p:cxnSp>`;
}

/**
 * The stand-ins a slide was drawn with, replaced by their connectors: each `p:sp` named as a connector becomes
 * a `p:cxnSp` with the same id, glued to the boxes it joins (found by name among the slide's shapes).
 */
export function placeConnectors(xml: string, connectors: ReadonlyMap<string, Connector>): string {
  if (!xml.includes(PREFIX)) return xml;
  const ids = new Map<string, number>();
  for (const m of xml.matchAll(/<p:cNvPr id="(\d+)" name="([^"]*)"/g)) ids.set(m[2] as string, Number(m[1]));
  return xml.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<\/p:sp>/g, (sp) => {
    const m = /<p:cNvPr id="(\d+)" name="(riskdeck-connector-\d+)"/.exec(sp);
    const connector = m ? connectors.get(m[2] as string) : undefined;
    return m && connector ? connectorXml(connector, Number(m[1]), ids) : sp;
  });
}
