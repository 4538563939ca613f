/**
 * Layout rule: a paragraph that opens by defining its subject ("UMKM adalah
 * …", "Literasi digital merupakan …", "A heat island is an area …") shows the
 * term large with its definition beneath. Only a paragraph's first sentence
 * counts: an "adalah" in mid-paragraph is a claim, not a definition.
 */
import { dropFiller } from '../drop-filler.js';
import { dropGlosses } from '../drop-gloss.js';
import { dropOpening } from '../drop-opening.js';
import { stripCitations } from '../../citations.js';
import { hasVerb, tokens, type Lang } from '../words.js';

export interface Definition {
  term: string;
  /** The rest of the sentence, from what the term is. */
  definition: string;
}

const ID_COPULA = /^(.{2,60}?)\s+(?:adalah|ialah|merupakan|yaitu|yakni)\s+(.+)$/u;
// English: "X is a/an …", "X refers to …", "X means …": the article keeps out claims such as "The topic is neglected".
const EN_COPULA = /^(.{2,60}?)\s+(?:(?:is|are)\s+(?=(?:a|an)\s)|refers to\s+|means\s+|is defined as\s+)(.+)$/u;

/** The term and its definition when a paragraph opens with one, or null. */
export function definitionOf(sentence: string, lang: Lang): Definition | null {
  const clean = dropFiller(dropGlosses(dropOpening(stripCitations(sentence), lang)), lang);
  const m = (lang === 'id' ? ID_COPULA : EN_COPULA).exec(clean);
  if (!m) return null;
  // "A heat island is …": the term is "heat island".
  const term = m[1]!.replace(/[,]+$/u, '').replace(/^(?:a|an|the)\s+/iu, '').trim();
  // A term is a short name, not a clause (English nouns such as "heat" pass for verbs, so only Indonesian's affixes are asked).
  if (tokens(term).length > 5 || (lang === 'id' && hasVerb(term, lang)) || /,/u.test(term)) return null;
  return { term, definition: m[2]!.replace(/[.!?]+$/u, '').trim() };
}
