/**
 * Colour arithmetic for the accessibility checks: parsing CSS colours, WCAG 2
 * relative luminance and contrast ratio, and what a colour becomes when printed
 * in grayscale. Pure functions, no CSS engine.
 */

export interface Rgb {
  r: number;
  g: number;
  b: number;
}

/** The few colour names a theme is likely to write; anything else should be a hex or rgb() value. */
const namedColors: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  gray: '#808080',
  grey: '#808080',
  silver: '#c0c0c0',
  navy: '#000080',
  maroon: '#800000',
};

/** Reads `#rgb`, `#rrggbb`, `#rrggbbaa` (alpha ignored), `rgb(r, g, b)`/`rgb(r g b)` or a basic colour name; undefined for anything else. */
export function parseColor(value: string): Rgb | undefined {
  const text = value.trim().toLowerCase();
  const named = namedColors[text];
  if (named) return parseColor(named);
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])([0-9a-f])?$/.exec(text);
  if (short) return { r: parseInt(short[1]!, 16) * 17, g: parseInt(short[2]!, 16) * 17, b: parseInt(short[3]!, 16) * 17 };
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})?$/.exec(text);
  if (long) return { r: parseInt(long[1]!, 16), g: parseInt(long[2]!, 16), b: parseInt(long[3]!, 16) };
  const rgb = /^rgba?\(\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/.exec(text);
  if (rgb) {
    const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map(Number) as [number, number, number];
    if (r <= 255 && g <= 255 && b <= 255) return { r, g, b };
  }
  return undefined;
}

/** True when `value` is a colour parseColor understands. */
export function isColor(value: string): boolean {
  return parseColor(value) !== undefined;
}

/** WCAG 2 relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(color: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b);
}

/** WCAG 2 contrast ratio of two colours, from 1 (none) to 21 (black on white). */
export function contrastRatio(a: Rgb | string, b: Rgb | string): number {
  const [la, lb] = [toRgb(a), toRgb(b)].map(relativeLuminance) as [number, number];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** The colour as printed in grayscale: CSS `filter: grayscale(1)`, which weighs the sRGB channels like Rec. 709 luma. */
export function toGrayscale(color: Rgb | string): Rgb {
  const { r, g, b } = toRgb(color);
  const y = Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b);
  return { r: y, g: y, b: y };
}

/** Dark as reveal.js judges a slide background (perceived brightness below half), so paparan and reveal.js agree. */
export function isDark(color: Rgb | string): boolean {
  const { r, g, b } = toRgb(color);
  return (r * 299 + g * 587 + b * 114) / 1000 < 128;
}

/** `#rrggbb` for a colour. */
export function toHex(color: Rgb): string {
  return `#${[color.r, color.g, color.b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function toRgb(color: Rgb | string): Rgb {
  if (typeof color !== 'string') return color;
  const parsed = parseColor(color);
  if (!parsed) throw new TypeError(`not a colour: ${color}`);
  return parsed;
}

/** `has-dark-background` or `has-light-background` for a slide's background colour, as reveal.js would add it at run time; undefined for images. */
export function slideBackgroundClass(background: string | undefined): string | undefined {
  const color = background ? parseColor(background) : undefined;
  if (!color) return undefined;
  return isDark(color) ? 'has-dark-background' : 'has-light-background';
}
