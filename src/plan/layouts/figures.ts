/**
 * What counts as a figure on a slide: a percentage, a multiple, an amount of
 * money, a count with its unit, a temperature. A year alone is not a figure.
 */

const UNIT = '(?:%|persen|percent|per cent|°\\s?C|kali lipat|kali|times|juta|miliar|triliun|ribu|million|billion|trillion|thousand)';
const MONEY = '(?:Rp\\.?|USD|US\\$|\\$|€|£|IDR)\\s?\\d[\\d.,]*(?:\\s?(?:juta|miliar|triliun|ribu|million|billion|trillion))?';
const COUNT = `\\d[\\d.,]*\\s?${UNIT}(?:\\s+(?:unit usaha|unit|orang|jiwa|penduduk|usaha|people|deaths|households|km|ton|tonnes))?`;
// "70,000 deaths", "3 juta orang": a count with what it counts.
// "0.35 USD", "5 dolar": an amount with its currency after it.
const MONEY_AFTER = '\\d[\\d.,]*\\s?(?:USD|dolar|dollars?|rupiah|euros?)';
const COUNT_NOUN = '\\d[\\d.,]*\\s(?:orang|jiwa|penduduk|unit usaha|unit|people|deaths|households|homes|cities|kota)';
const FIGURE = new RegExp(`(?<![\\p{L}\\d])(?:${MONEY}|${MONEY_AFTER}|${COUNT}|${COUNT_NOUN})(?![\\p{L}\\d])`, 'iu');

/** The first figure in a text ("500%", "Rp 8.573 triliun", "7 °C", "64 juta unit usaha"), or undefined. */
export function findFigure(text: string): string | undefined {
  return FIGURE.exec(text)?.[0]?.trim();
}
