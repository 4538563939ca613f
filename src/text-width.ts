/**
 * How many lines a text wraps to, from the advance widths of Noto Sans (the
 * deck's font, and the one LibreOffice and PowerPoint use when installed). A
 * PowerPoint file has no flowing layout, so the writer must know where a
 * title ends to put the rule and the body under it; counting characters (as
 * the planner does, on the safe side) leaves gaps under one-line titles.
 */
import { wrapLines } from './layout.js';

/** Advance widths (per 1000 em) of the printable ASCII characters, space to tilde, from NotoSans-Regular.ttf and NotoSans-Bold.ttf. */
const REGULAR = [
  260, 269, 408, 646, 572, 831, 732, 225, 300, 300, 551, 572, 268, 322, 268, 372, 572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 268, 268, 572, 572, 572, 434,
  899, 639, 650, 632, 730, 556, 519, 728, 741, 339, 273, 619, 524, 907, 760, 781, 605, 781, 622, 549, 556, 731, 600, 930, 586, 566, 572, 329, 372, 329, 572, 444,
  281, 561, 615, 480, 615, 564, 344, 615, 618, 258, 258, 534, 258, 935, 618, 605, 615, 615, 413, 479, 361, 618, 508, 786, 529, 510, 470, 380, 551, 380, 572,
];
const BOLD = [
  260, 286, 472, 646, 572, 901, 750, 266, 339, 339, 545, 572, 285, 322, 285, 413, 572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 285, 285, 572, 572, 572, 477,
  897, 690, 672, 637, 740, 560, 549, 724, 765, 389, 331, 664, 565, 943, 813, 796, 628, 796, 660, 551, 579, 756, 650, 967, 667, 624, 579, 331, 413, 331, 572, 411,
  362, 604, 633, 514, 633, 591, 387, 633, 657, 305, 305, 620, 305, 982, 657, 619, 633, 633, 454, 497, 434, 657, 569, 856, 578, 569, 488, 394, 551, 394, 572,
];
/** A character outside the table (a dash, a quote mark, a CJK ideograph) counts as a wide one. */
const OTHER = 650;
/** Renderers differ a hair in where they break (hinting, kerning): measure a little wide, so a title is never thought shorter than it is. */
const SLACK = 1.01;

/** The width of `text` in px at `px` size. */
export function textWidth(text: string, px: number, bold = false): number {
  const table = bold ? BOLD : REGULAR;
  let units = 0;
  // An accented letter is as wide as its base letter ("é" as "e").
  for (const char of text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')) {
    const code = char.codePointAt(0)!;
    units += code >= 32 && code <= 126 ? table[code - 32]! : code === 0xa0 ? table[0]! : OTHER;
  }
  return (units / 1000) * px * SLACK;
}

/** Lines `text` takes in a box `width` px wide at `px`, wrapping whole words as a text box does. */
export function wrappedLines(text: string, px: number, width: number, bold = false): number {
  return wrapLines(text, (word) => textWidth(word, px, bold), textWidth(' ', px, bold), width);
}
