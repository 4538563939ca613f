/**
 * Rule: "bukan hanya A namun juga B" / "not only A but also B" is one idea in
 * two halves; cut at its first half it would leave a dangling "namun menjadi
 * …". When the sentence is too long for one point, the subject leads and the
 * two halves become its sub-points, each whole.
 */
import type { Lang } from './words.js';

export interface Correlative {
  /** What comes before "bukan hanya" (the subject, often). */
  lead: string;
  first: string;
  second: string;
}

const ID_PAIR = /^(.*?)\b((?:bukan|tidak)\s+(?:hanya|saja)\b.*?),?\s+((?:namun|tetapi|melainkan|tapi)(?:\s+juga)?\b.*)$/iu;
const EN_PAIR = /^(.*?)\b(not\s+only\b.*?),?\s+(but(?:\s+also)?\b.*)$/iu;

/** The two halves of a correlative pair in a sentence, or null. */
export function findCorrelative(sentence: string, lang: Lang): Correlative | null {
  const m = (lang === 'id' ? ID_PAIR : EN_PAIR).exec(sentence.trim());
  if (!m) return null;
  const lead = m[1]!.replace(/[\s,]+$/u, '').trim();
  return { lead, first: m[2]!.trim(), second: m[3]!.replace(/[.!?]+$/u, '').trim() };
}
