/**
 * Rule: when a point is still too long, Indonesian phrases that say the same in
 * fewer words are tightened, as an editor would: "salah satu upaya" → "upaya"
 * (one of the efforts → an effort), "upaya guna mensukseskan" → "upaya
 * mensukseskan" (a noun of purpose takes its verb directly). "Keterlibatan
 * Indonesia dalam KSS menjadi salah satu upaya guna mensukseskan kepentingan
 * politik dan ekonomi" then fits a title whole, instead of ending on
 * "kepentingan". English has no such safe shortening here ("one of the
 * examples" would need its noun made singular).
 */
import type { Lang } from './words.js';

// Nouns of purpose: "upaya/usaha/cara/langkah/strategi untuk meningkatkan" reads the same as "upaya meningkatkan".
const PURPOSE_NOUN = '(upaya|usaha|cara|langkah|langkah-langkah|strategi|kebijakan|program|rencana|kesempatan|peluang|kemampuan)';
const ID_TIGHTER: [RegExp, string][] = [
  [/\bsalah satu\s+(?=\p{L})/giu, ''],
  [new RegExp(`\\b${PURPOSE_NOUN}\\s+(?:guna|untuk)\\s+(?=(?:me|mem|men|meng|meny|ber|mer)\\p{L})`, 'giu'), '$1 '],
];

/** The text with Indonesian phrases tightened; English unchanged. */
export function tighten(text: string, lang: Lang): string {
  if (lang !== 'id') return text;
  let out = text;
  for (const [pattern, replacement] of ID_TIGHTER) out = out.replace(pattern, replacement);
  return out.replace(/\s+/gu, ' ').trim();
}
