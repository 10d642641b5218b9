import { DomUtils, parseDocument } from 'htmlparser2';

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<Node, { attribs: Record<string, string> }>;

/** Elements that can run, load, navigate or restyle the page; content may never produce one. */
const FORBIDDEN = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'meta',
  'base',
  'link',
  'style',
  'foreignobject',
  'audio',
  'video',
  'source',
  'track',
  'portal',
  'math',
  'template',
  'noscript',
]);
/** The only data-* attribute our own templates put inside slides (the attack-flow fragments). */
const OUR_DATA = new Set(['data-fragment-index']);
const URL_ATTRIBUTES = ['href', 'src', 'xlink:href', 'action', 'formaction', 'poster', 'srcset', 'background'];
const OUR_SCRIPTS = ['reveal/reveal.js', 'reveal/plugin/notes.js', 'deck.js'];

function decode(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;|&newline;/gi, '')
    .normalize('NFKC')
    .replace(/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u2060\ufeff]/g, '')
    .toLowerCase();
}

/**
 * Everything in a deck's HTML that could run or load something from content: script elements other than
 * our own three, event-handler attributes, script URLs, forbidden elements, style attributes and reveal.js
 * `data-*` attributes inside the slides. Returns a description of each finding; none is the goal.
 */
export function scanDeck(html: string): string[] {
  const doc = parseDocument(html, { decodeEntities: false, lowerCaseAttributeNames: true });
  const all = DomUtils.findAll(() => true, doc.children) as Element[];
  const findings: string[] = [];
  const scripts = all.filter((e) => e.name === 'script');
  for (const script of scripts) {
    if (!OUR_SCRIPTS.includes(script.attribs.src ?? '') || DomUtils.textContent(script).trim() !== '') {
      findings.push(`script element: ${DomUtils.getOuterHTML(script).slice(0, 120)}`);
    }
  }
  const slides = all.find((e) => /\bslides\b/.test(e.attribs.class ?? ''));
  if (!slides) return [...findings, 'no .slides element'];
  for (const element of DomUtils.findAll(() => true, slides.children) as Element[]) {
    const name = element.name.toLowerCase();
    if (FORBIDDEN.has(name)) findings.push(`<${name}> element in a slide`);
    for (const [attribute, value] of Object.entries(element.attribs)) {
      if (attribute.startsWith('on')) findings.push(`${attribute}= on <${name}>`);
      if (attribute === 'style') findings.push(`style= on <${name}>`);
      if (attribute.startsWith('data-') && !OUR_DATA.has(attribute)) findings.push(`${attribute}= on <${name}>`);
      if (URL_ATTRIBUTES.includes(attribute) && /^(?:javascript|vbscript|data|file):/.test(decode(value))) {
        findings.push(`${attribute}="${value.slice(0, 60)}" on <${name}>`);
      }
    }
  }
  return findings;
}
