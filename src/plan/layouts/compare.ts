/**
 * Layout rule: a sentence that sets two things side by side gets two columns
 * with a heading each: "bukan hanya A namun juga B" / "not only A but also
 * B", "dulu A, sekarang B", "sebelum A, sesudah B", "A, sedangkan B" / "A,
 * whereas B", and "from A to B" when the sentence is about a change.
 */
import { stripCitations } from '../../citations.js';
import { condense, type CondenseContext } from '../condense.js';
import { findCorrelative } from '../correlative.js';
import { dropGlosses } from '../drop-gloss.js';
import { isVerb, tokens, type Lang } from '../words.js';

export interface Comparison {
  /** What is compared ("Saat ini Indonesia"), when the sentence names it first. */
  lead?: string;
  columns: [{ heading: string; text: string }, { heading: string; text: string }];
}

const HALF_WORDS = 9;

/** The two sides of a comparing sentence, condensed, or null. */
export function comparisonOf(sentence: string, context: CondenseContext): Comparison | null {
  const text = dropGlosses(stripCitations(sentence)).replace(/[.!?]+$/u, '');
  const { lang } = context;
  const half = (part: string) => condense(part, context, HALF_WORDS, 'item');

  const pair = findCorrelative(text, lang);
  if (pair) {
    const [first, second] = [pair.first, pair.second].map((side) => side.replace(/^(?:(?:bukan|tidak)\s+(?:hanya|saja)|(?:namun|tetapi|melainkan|tapi)(?:\s+juga)?|not\s+only|but(?:\s+also)?)\s+/iu, ''));
    const lead = condense(pair.lead.split(/,\s+/u).at(-1)!.replace(/^.*\b(?:bahwa|that)\s+/iu, ''), context, HALF_WORDS, 'item');
    const [a, b] = lang === 'id' ? ['Bukan hanya', 'Namun juga'] : ['Not only', 'But also'];
    return sides(lead, [a, half(first!)], [b, half(second!)]);
  }
  // "dulu …, sekarang …", "sebelum …, sesudah …".
  const then = /^(.*?)\b(dulu|dahulu|sebelum(?:nya)?|before|previously)\b\s*(.+?),?\s+\b(sekarang|kini|sesudah(?:nya)?|setelah(?:nya)?|now|today|after(?:wards)?)\b\s*(.+)$/iu.exec(text);
  if (then) return sides(undefined, [capitalize(then[2]!), half(`${then[1]} ${then[3]}`)], [capitalize(then[4]!), half(then[5]!)]);
  // "A, sedangkan B" / "A, whereas B": each side headed by its subject.
  const contrast = /^(.+?),?\s+\b(?:sedangkan|whereas)\b\s+(.+)$/iu.exec(text);
  if (contrast) {
    const [left, right] = [contrast[1]!, contrast[2]!];
    const [a, b] = [subjectOf(left, lang), subjectOf(right, lang)];
    // Each column says what its subject does: the heading names the subject once.
    return sides(undefined, [a, half(predicateOf(left, a))], [b, half(predicateOf(right, b))]);
  }
  // "from A to B" about a change ("beralih dari A ke B", "shifted from A to B").
  const change = /\b(?:beralih|berubah|bergeser|peralihan|perubahan|shift(?:ed|s)?|mov(?:ed|es)|chang(?:ed|es))\b.*?\b(?:dari|from)\s+(.+?)\s+(?:ke|menjadi|to|into)\s+(.+)$/iu.exec(text);
  if (change && tokens(change[1]!).length >= 3 && tokens(change[2]!).length >= 3) {
    const [a, b] = lang === 'id' ? ['Dari', 'Menjadi'] : ['From', 'To'];
    return sides(undefined, [a, half(change[1]!)], [b, half(change[2]!)]);
  }
  return null;
}

function sides(lead: string | undefined, a: [string, string], b: [string, string]): Comparison | null {
  if (tokens(a[1]).length < 2 || tokens(b[1]).length < 2) return null;
  return { lead: lead || undefined, columns: [{ heading: a[0], text: a[1] }, { heading: b[0], text: b[1] }] };
}

/** The words before a clause's first verb, as a column heading ("Solar", "Diesel generators"). */
function subjectOf(clause: string, lang: Lang): string {
  const words = tokens(clause);
  // A first word that looks like a verb is an adjective there ("Sealed urban surfaces").
  const verb = words.findIndex((w, i) => i > 0 && isVerb(w, lang));
  const subject = words.slice(0, verb > 0 ? Math.min(verb, 4) : 2).join(' ');
  return capitalize(subject.replace(/[,;:]+$/u, ''));
}

function capitalize(text: string): string {
  return text.replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** The clause after its subject ("cools itself by evaporating water"). */
function predicateOf(clause: string, subject: string): string {
  const rest = clause.slice(clause.toLowerCase().indexOf(subject.toLowerCase()) + subject.length).trim();
  return rest || clause;
}
