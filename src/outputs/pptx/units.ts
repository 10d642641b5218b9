import { SLIDE } from '../../plan/geometry.js';

/**
 * The deck's px (a 1280×720 slide) in the units of a presentation file: the slide is 13⅓ × 7½ inches, so one
 * px is 1/96 inch and a font of 23 px is 17.25 pt. Every size in this output is written in deck px first and
 * converted here, so the file's slides are the deck's slides at the same proportions.
 */
export const inch = (px: number) => Math.round((px / 96) * 10000) / 10000;
export const pt = (px: number) => Math.round(px * 0.75 * 100) / 100;

export const SLIDE_INCHES = { width: inch(SLIDE.width), height: inch(SLIDE.height) } as const;

/** A colour as the file writes it: six hex digits without `#`. */
export const hex = (colour: string) => colour.replace(/^#/, '').toUpperCase();

/** The deck theme's colours (templates/deck/theme.css), for the shapes that repeat the deck's look. */
export const THEME = {
  ink: '1F2933',
  muted: '4B5563',
  accent: '1D3557',
  accentSoft: 'E8EEF6',
  rule: 'C9D2DC',
  band: '1D3557',
  link: '1D4F91',
  stripe: 'FAFBFC',
  codeBackground: 'F1F3F5',
  white: 'FFFFFF',
} as const;

/** Badge colours by level, as theme.css draws them: the word is always written, the colour repeats it. */
export const BADGES: Readonly<Record<string, { fill: string; text: string; border?: string }>> = {
  critical: { fill: '8B1C1C', text: 'FFFFFF' },
  high: { fill: 'B4410C', text: 'FFFFFF' },
  medium: { fill: 'F2C94C', text: '1F2933' },
  low: { fill: '1E6B3A', text: 'FFFFFF' },
  none: { fill: 'E5E7EB', text: '1F2933' },
  unrated: { fill: 'FFFFFF', text: '374151', border: '6B7280' },
  tie: { fill: '374151', text: 'FFFFFF' },
  added: { fill: '1D4ED8', text: 'FFFFFF' },
  removed: { fill: 'FFFFFF', text: '7F1D1D', border: '7F1D1D' },
  changed: { fill: 'FFFFFF', text: '1F2933', border: '1F2933' },
};

// XML 1.0 forbids most C0 controls and lone surrogates even as references: the file must stay well-formed.
const XML_INVALID =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text as the file can hold it: characters XML cannot carry are dropped (the library escapes the rest). */
export const xmlSafe = (text: string) => text.replace(XML_INVALID, '');

/** A font family name safe inside the attribute the library writes it into without escaping. */
export const fontName = (family: string) => xmlSafe(family).replace(/["<>&]/g, '');
