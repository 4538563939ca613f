/**
 * Colour arithmetic for the accessibility checks: reading CSS colours (culori:
 * hex, names, rgb(), hsl(), oklch()…), compositing a colour with alpha over
 * what it sits on, WCAG 2 contrast ratios, and what a colour becomes when
 * printed in grayscale. Pure functions, no CSS engine.
 */
// culori's ES modules are some 200 files; npm run compile bundles what this needs into lib/ (half the time
// of its one-file CommonJS build, measured), and only the tests and `npm run dev` load the 200 files.
import { blend, clampRgb, converter, formatHex, formatHex8, parse, wcagContrast, type Color, type Rgb } from 'culori';

export type { Color };

/** Into sRGB with the channels clipped, as browsers show a wider colour (oklch, display-p3) on an sRGB screen. */
const rgb = converter('rgb');
const toSrgb = (color: Color): Rgb => rgb(clampRgb(color));
const white: Rgb = { mode: 'rgb', r: 1, g: 1, b: 1 };

/** Reads any CSS colour value; undefined for anything else (var(), currentcolor, a typo). */
export function parseColor(value: string): Color | undefined {
  try {
    return parse(value.trim());
  } catch {
    return undefined; // culori's tokenizer throws on some non-colours, such as "media/1-photo.jpg" (a number, then "-")
  }
}

/** True when `value` is a colour parseColor understands. */
export function isColor(value: string): boolean {
  return parseColor(value) !== undefined;
}

/** `#rrggbb`, or `#rrggbbaa` when the colour is see-through. */
export function toHex(color: Color | string): string {
  const rgb = srgb(color);
  return rgb.alpha !== undefined && rgb.alpha < 1 ? formatHex8(rgb) : formatHex(rgb);
}

/** What shows when `color` is painted over `under` (itself first painted over white). */
export function composite(color: Color | string, under: Color | string = white): Rgb {
  const base = blend([white, srgb(under)]);
  return blend([base, srgb(color)]);
}

/**
 * WCAG 2 contrast ratio, from 1 (none) to 21 (black on white), of text on a background as they show:
 * the background over `underneath` (white, or the slide for a code block), the text over the background.
 */
export function contrastRatio(foreground: Color | string, background: Color | string, underneath: Color | string = white): number {
  const shown = composite(background, underneath);
  return wcagContrast(composite(foreground, shown), shown);
}

/** The colour as printed in grayscale: CSS `filter: grayscale(1)`, which weighs the sRGB channels like Rec. 709 luma. */
export function toGrayscale(color: Color | string): string {
  const { r, g, b, alpha } = srgb(color);
  const y = Math.round((0.2126 * r + 0.7152 * g + 0.0722 * b) * 255) / 255;
  return toHex({ mode: 'rgb', r: y, g: y, b: y, alpha });
}

/** Dark as reveal.js judges a slide background (perceived brightness below half), so paparan and reveal.js agree. */
export function isDark(color: Color | string): boolean {
  const { r, g, b } = composite(color);
  return ((r * 299 + g * 587 + b * 114) / 1000) * 255 < 128;
}

/** `has-dark-background` or `has-light-background` for a slide's background colour, as reveal.js would add it at run time; undefined for images. */
export function slideBackgroundClass(background: string | undefined): string | undefined {
  const color = background ? parseColor(background) : undefined;
  if (!color) return undefined;
  return isDark(color) ? 'has-dark-background' : 'has-light-background';
}

function srgb(color: Color | string): Rgb {
  const parsed = typeof color === 'string' ? parseColor(color) : color;
  if (!parsed) throw new TypeError(`not a colour: ${String(color)}`);
  return toSrgb(parsed);
}
