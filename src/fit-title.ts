/**
 * Fits a title or heading into a few lines of a slide. A heading that wraps
 * further pushes the slide's content off the bottom, so a longer one is cut at
 * a word boundary with "…"; the planner puts the whole text in the notes.
 */
import { estimateLines, typeSizes, type SlideBudget } from './layout.js';
import type { SlideKind } from './model.js';

/** Headings show at most this many lines on a slide. */
export const maxTitleLines = 3;

export interface FittedTitle {
  /** The text to show: the whole title, or its first words and "…". */
  shown: string;
  /** What was left out, when the title was shortened. */
  rest?: string;
}

/**
 * Shortens `text` at a word boundary so that it (followed by `suffix`, such as a
 * "(continued)" label) wraps to at most `maxLines` lines of `charsPerLine`.
 * Only a first word too long for the lines on its own is cut inside the word.
 */
export function fitTitle(text: string, charsPerLine: number, maxLines = maxTitleLines, suffix = ''): FittedTitle {
  const whole = text.replace(/\s+/g, ' ').trim();
  const fits = (shown: string) => estimateLines(`${shown}${suffix}`, charsPerLine) <= maxLines;
  if (fits(whole)) return { shown: whole };
  const words = whole.split(' ');
  const withEllipsis = (shownWords: string[]) => `${shownWords.join(' ').replace(/[\s,;:.\-–—]+$/u, '')}…`;
  const count = longestFitting(words.length, (n) => fits(withEllipsis(words.slice(0, n))));
  if (count > 0) return { shown: withEllipsis(words.slice(0, count)), rest: words.slice(count).join(' ') };
  // One word longer than all the lines: nothing to do but cut inside it.
  const chars = [...words[0]!];
  const kept = Math.max(1, longestFitting(chars.length, (n) => fits(`${chars.slice(0, n).join('')}…`)));
  return { shown: `${chars.slice(0, kept).join('')}…`, rest: [chars.slice(kept).join(''), ...words.slice(1)].join(' ') };
}

/**
 * Characters of a heading per line on a slide of this kind: the budget gives
 * them for a content slide's heading; the section title and the deck title are
 * larger (layout.ts typeSizes), so fewer fit.
 */
export function titleCharsPerLine(kind: SlideKind, budget: Pick<SlideBudget, 'titleCharsPerLine'>): number {
  const { heading, section, deckTitle } = typeSizes;
  const scale = kind === 'title' ? heading / deckTitle : kind === 'section' ? heading / section : 1;
  return Math.floor(budget.titleCharsPerLine * scale);
}

/** The largest n in 0..max for which `ok(n)` holds, given that it holds for every smaller n too. */
function longestFitting(max: number, ok: (n: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (ok(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
