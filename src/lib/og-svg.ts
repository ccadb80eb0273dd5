/**
 * A social card as a list of shapes (og-render.ts lays it out) and that list as SVG. The text can be written
 * two ways: as SVG <text>, which resvg shapes with its own font database, or as glyph outlines shaped by
 * og-glyphs.ts, which is how cards are drawn (resvg-js then needs no fonts, and a card costs about 30 % less).
 *
 * The card worker imports this file by its name, outside Vite, so it imports only files and packages by name.
 */
import type { CardFonts } from './og-glyphs.ts';

/** A filled rectangle, in card pixels. */
export interface RectShape {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  /** Corner radius. */
  rx?: number;
}

/** One line of text: `x` is where it starts (or ends, with anchor "end"), `y` its baseline. */
export interface TextShape {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  /** Font size in pixels. */
  size: number;
  bold: boolean;
  fill: string;
  anchor?: 'end';
  /** Extra space after each character, in pixels (negative tightens). */
  spacing?: number;
}

/** A whole card, ready to serialise: plain data, so it can be posted to the card worker. */
export interface Drawing {
  width: number;
  height: number;
  shapes: (RectShape | TextShape)[];
}

/** Text as SVG character data: markup characters escaped, characters XML forbids dropped. */
export function svgText(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Coordinates to a tenth of a pixel: finer than resvg's anti-aliasing shows, and shorter SVG. */
const n = (value: number) => String(Math.round(value * 10) / 10);

function rect(shape: RectShape): string {
  const rx = shape.rx === undefined ? '' : ` rx="${n(shape.rx)}"`;
  return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.width)}" height="${n(shape.height)}"${rx} fill="${shape.fill}"/>`;
}

function textElement(shape: TextShape): string {
  const attrs = [
    `x="${n(shape.x)}"`,
    `y="${n(shape.y)}"`,
    `font-size="${shape.size}"`,
    `font-weight="${shape.bold ? 700 : 400}"`,
    `fill="${shape.fill}"`,
    shape.anchor ? `text-anchor="${shape.anchor}"` : '',
    shape.spacing ? `letter-spacing="${shape.spacing}"` : '',
  ];
  return `<text ${attrs.filter(Boolean).join(' ')}>${svgText(shape.text)}</text>`;
}

/**
 * The drawing as SVG. With `fonts`, every line of text is drawn as outlines of the glyphs it shapes to, each
 * glyph defined once in <defs> and placed with <use>; without, as <text> in the font family Inter.
 */
export function drawingSvg(drawing: Drawing, fonts?: CardFonts): string {
  const used = new Map<string, string>();
  const body = drawing.shapes.map((shape) => {
    if (shape.kind === 'rect') return rect(shape);
    if (!fonts) return textElement(shape);
    const line = fonts.shape(shape.text, shape.bold, shape.spacing ?? 0, shape.size);
    for (const glyph of line.glyphs) used.set(glyph.id, glyph.path);
    const x = shape.anchor === 'end' ? shape.x - line.width : shape.x;
    const uses = line.glyphs.map((glyph) => `<use href="#${glyph.id}" x="${n(glyph.x)}"/>`).join('');
    return `<g transform="translate(${n(x)} ${n(shape.y)}) scale(${line.scale} ${-line.scale})" fill="${shape.fill}">${uses}</g>`;
  });
  const defs = [...used].map(([id, path]) => `<path id="${id}" d="${path}"/>`).join('');
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${drawing.width}" height="${drawing.height}" viewBox="0 0 ${drawing.width} ${drawing.height}"`;
  return fonts
    ? `${open}>${defs ? `<defs>${defs}</defs>` : ''}${body.join('')}</svg>`
    : `${open} font-family="Inter">${body.join('')}</svg>`;
}
