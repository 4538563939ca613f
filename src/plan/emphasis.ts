/**
 * Rule: bold what the eye should find first on a slide: a figure (a
 * percentage, an amount, a count with its unit), then a year. At most two
 * spans a slide; frequency-based keyword bolding picked noise on real essays.
 */

const FIGURE = /(?<![\p{L}\d*])(?:(?:Rp|USD|US\$|\$|€|£)\s?\d[\d.,]*(?:\s?(?:juta|miliar|triliun|million|billion|trillion))?|\d[\d.,]*\s?(?:%|persen|percent|°C|juta|miliar|triliun|million|billion|trillion|kali|times)(?:\s+(?:unit|orang|jiwa|people|deaths|kematian|usaha))?)(?![\p{L}\d*])/gu;
const YEAR = /(?<![\p{L}\d*])(?:1[89]|20)\d\d(?![\p{L}\d*])/gu;
const MAX_SPANS = 2;

/** Bolds up to two figures or years across a slide's points (Markdown `**…**`), figures first. */
export function emphasize(points: string[]): string[] {
  let budget = MAX_SPANS;
  const mark = (pattern: RegExp) => (text: string) =>
    text.replace(pattern, (match) => {
      if (budget <= 0) return match;
      budget--;
      return `**${match}**`;
    });
  const figures = points.map(mark(FIGURE));
  return figures.map(mark(YEAR));
}
