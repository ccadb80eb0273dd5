/**
 * Lines of card text shaped into glyphs by fontkit (the font's default features and kerning, as resvg's own
 * shaper applies them), each glyph's outline as SVG path data in font units. Why not SVG <text>: resvg-js 2.6
 * builds a font database for every card and reopens and maps the font file for every glyph it draws (about
 * 170 opens a card, seen with strace); outlines leave it only paths to fill.
 *
 * The card worker imports this file by its name, outside Vite, so it imports only packages and files by name.
 */
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';

/** The two weights a card uses, as sfnt font files. */
export interface FontFiles {
  regular: string;
  bold: string;
}

/** A glyph placed on a line: the id of its outline, the outline, and where it starts, in font units. */
export interface PlacedGlyph {
  id: string;
  path: string;
  x: number;
}

/** A shaped line: its visible glyphs, its advance width in pixels, and pixels per font unit. */
export interface ShapedLine {
  glyphs: PlacedGlyph[];
  width: number;
  scale: number;
}

/** Shapes a line of text in one of the two weights, at a size in pixels, with extra space after each glyph. */
export interface CardFonts {
  shape(text: string, bold: boolean, spacing: number, size: number): ShapedLine;
}

/** A glyph of a shaped run before it is placed: its outline's id, its advance and offset, in font units. */
interface RunGlyph {
  id: string;
  path: string;
  advance: number;
  offset: number;
}

/** Shaped runs kept per weight; the same labels and the site's name recur on every card. */
const RUN_CACHE_LIMIT = 2000;

function weight(file: string, name: string) {
  const font = create(readFileSync(file));
  if (!('layout' in font)) throw new Error(`${file} is a font collection, not one font`);
  const outlines = new Map<number, string>();
  const runs = new Map<string, RunGlyph[]>();
  const run = (text: string): RunGlyph[] => {
    let glyphs = runs.get(text);
    if (glyphs) return glyphs;
    const laid = (font as Font).layout(text);
    glyphs = laid.glyphs.map((glyph, i) => {
      let path = outlines.get(glyph.id);
      if (path === undefined) outlines.set(glyph.id, (path = glyph.path.toSVG()));
      const position = laid.positions[i];
      return { id: `${name}${glyph.id}`, path, advance: position?.xAdvance ?? 0, offset: position?.xOffset ?? 0 };
    });
    if (runs.size >= RUN_CACHE_LIMIT) runs.clear();
    runs.set(text, glyphs);
    return glyphs;
  };
  return { unitsPerEm: font.unitsPerEm, run };
}

/** The card fonts of two font files, read and parsed once per thread. */
const loaded = new Map<string, CardFonts>();

/** Card fonts from the regular and bold font files. */
export function cardFonts(files: FontFiles): CardFonts {
  const key = `${files.regular}\n${files.bold}`;
  let fonts = loaded.get(key);
  if (fonts) return fonts;
  const regular = weight(files.regular, 'r');
  const bold = weight(files.bold, 'b');
  fonts = {
    shape(text, isBold, spacing, size) {
      const font = isBold ? bold : regular;
      const scale = size / font.unitsPerEm;
      const extra = spacing / scale;
      const glyphs: PlacedGlyph[] = [];
      let pen = 0;
      for (const glyph of font.run(text)) {
        // A space has no outline: it only moves the pen.
        if (glyph.path) glyphs.push({ id: glyph.id, path: glyph.path, x: pen + glyph.offset });
        pen += glyph.advance + extra;
      }
      return { glyphs, width: pen * scale, scale };
    },
  };
  loaded.set(key, fonts);
  return fonts;
}
