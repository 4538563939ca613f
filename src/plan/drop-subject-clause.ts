/**
 * Rule: when a point is still too long, a subject that carries a relative
 * clause before the comma ("Beragam dampak yang dirasakan oleh negara
 * penerima manfaat, menjadikan …") keeps only its head ("Beragam dampak
 * menjadikan …"): the predicate is the point.
 */
import { isVerb, tokens, type Lang } from './words.js';

const ID_SUBJECT = /^((?:\S+\s+){0,3}?\S+)\s+yang\s+[^,]{3,120},\s+(\S+)(.*)$/u;
const EN_SUBJECT = /^((?:\S+\s+){0,3}?\S+)\s+(?:that|which|who)\s+[^,]{3,120},\s+(\S+)(.*)$/u;

/** The sentence with its subject's relative clause dropped, when a verb follows the comma. */
export function dropSubjectClause(text: string, lang: Lang): string {
  const m = (lang === 'id' ? ID_SUBJECT : EN_SUBJECT).exec(text);
  if (!m || !isVerb(m[2]!, lang) || tokens(m[1]!).length > 4) return text;
  return `${m[1]} ${m[2]}${m[3]}`;
}
