/**
 * How much fits on a slide. The planner budgets with these numbers; the theme
 * CSS (themes/default/theme.css) sets the sizes they assume, and the browser
 * tests check that every planned slide really fits.
 */

export interface SlideSize {
  width: number;
  height: number;
}

export interface SlideBudget {
  /** At most this many points on a bullet slide (a guide for readable slides). */
  maxPoints: number;
  /** At most this many words of points on one slide. */
  maxWords: number;
  /** A point longer than this is cut at clause boundaries into several points. */
  maxPointWords: number;
  /** A clause shorter than this is joined to its neighbour rather than shown alone. */
  minPointWords: number;
  /** Body lines available below a one-line heading. */
  bodyLines: number;
  /** Characters of body text per line, on the conservative side. */
  charsPerLine: number;
  /** Characters of a content heading per line. */
  titleCharsPerLine: number;
  /** Body lines a heading takes per extra wrapped line. */
  linesPerTitleLine: number;
  /** Table rows (one line each) on a slide below the header. */
  maxTableRows: number;
  /** Characters per line in a table cell, given the column count (whole slide width). */
  tableCharsPerLine: number;
  /** Code lines on one slide. */
  maxCodeLines: number;
  /** Reference entry lines on one slide (smaller text). */
  referenceLines: number;
  referenceCharsPerLine: number;
  /** Entries in the outline before it continues on another slide. */
  maxOutlineEntries: number;
  /** Characters of the one-line preview of a section's slides under its divider (24px). */
  previewChars: number;
}

/** Slide size by aspect ratio; 16:9 suits today's projectors and laptops. */
export function slideSizeFor(aspect: '16:9' | '4:3' = '16:9'): SlideSize {
  return aspect === '4:3' ? { width: 1024, height: 768 } : { width: 1280, height: 720 };
}

/**
 * The type sizes paparan.css sets, in px on the slide: body text, a content
 * slide's heading, a section divider's title and the deck title.
 */
export const typeSizes = { body: 34, heading: 44, section: 52, deckTitle: 60 } as const;

/**
 * Budgets for a slide size, measured in Chromium on the built-in themes (body
 * 34px, headings 44px bold): a body line holds about 60 characters of Noto Sans
 * (paparan.css caps it with `--measure`; Atkinson Hyperlegible in `gelap` gets
 * a narrower measure to match), a heading line about 49 of Noto Sans or Noto
 * Serif bold and 52 of Atkinson Hyperlegible bold at 1280px. We plan with fewer
 * so that lines of wide letters and user themes still fit.
 */
export function budgetFor(size: SlideSize): SlideBudget {
  const wide = size.width / size.height > 1.5;
  return {
    maxPoints: 6,
    maxWords: 60,
    maxPointWords: 30,
    minPointWords: 9,
    bodyLines: wide ? 9 : 10,
    charsPerLine: wide ? 52 : 44,
    titleCharsPerLine: wide ? 45 : 35,
    linesPerTitleLine: 1.4,
    maxTableRows: wide ? 8 : 10,
    tableCharsPerLine: wide ? 90 : 70,
    maxCodeLines: wide ? 12 : 14,
    referenceLines: wide ? 12 : 14,
    referenceCharsPerLine: wide ? 78 : 62,
    maxOutlineEntries: 7,
    previewChars: wide ? 84 : 64,
  };
}

/** Lines a text takes at `perLine` characters a line, wrapping whole words as the browser does. */
export function estimateLines(text: string, perLine: number): number {
  return wrapLines(text, (word) => [...word].length, 1, perLine);
}

/**
 * Greedy word wrap, as a browser or a text box does it: lines a text takes in `width`, each word
 * `measure`d, `space` between words; a word wider than a line breaks inside it (overflow-wrap: anywhere).
 */
export function wrapLines(text: string, measure: (word: string) => number, space: number, width: number): number {
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let length = measure(word);
    const needed = used === 0 ? length : used + space + length;
    if (needed <= width) {
      used = needed;
      continue;
    }
    if (used > 0) lines++;
    while (length > width) {
      lines++;
      length -= width;
    }
    used = length;
  }
  return lines;
}
