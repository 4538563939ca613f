/**
 * A sentence of the essay → the point a slide shows. The rules run in the
 * order listed in `POINT_RULES`, each a small module of its own; a rule that
 * misbehaves for an essay can be found, tested and switched off by its name.
 */
import { stripCitations } from '../citations.js';
import { useAcronyms, type Acronym } from './acronyms.js';
import { dropFiller } from './drop-filler.js';
import { dropGlosses } from './drop-gloss.js';
import { capitalizeFirst, dropOpening } from './drop-opening.js';
import { dropLeadingPhrase, dropSceneSetter } from './drop-leading-phrase.js';
import { dropLeadClause } from './drop-lead-clause.js';
import { dropSubjectClause } from './drop-subject-clause.js';
import { fitAtBoundary, fitLength } from './fit-length.js';
import { tighten } from './tighten.js';
import { tokens, type Lang } from './words.js';

/** What the rules need to know about the essay. */
export interface CondenseContext {
  lang: Lang;
  acronyms: Acronym[];
  /** Acronyms the audience has seen spelled out; grows as the deck is planned. */
  introduced: Set<string>;
}

/** What the text becomes: a slide title (no figure stretching), a point, or an item of a list. */
export type Purpose = 'title' | 'point' | 'item';

type Rule = (text: string, context: CondenseContext, maxWords: number, purpose: Purpose) => string;

/** The point rules, in the order they run. */
export const POINT_RULES: [name: string, rule: Rule][] = [
  ['strip-citations', (text) => stripCitations(text)],
  ['drop-opening', (text, { lang }) => dropOpening(text, lang)],
  ['drop-gloss', (text) => dropGlosses(text)],
  ['drop-filler', (text, { lang }) => dropFiller(text, lang)],
  ['use-acronyms', (text, { acronyms, introduced }) => useAcronyms(text, acronyms, new Set(introduced))],
  ['drop-leading-phrase', (text, { lang }, maxWords) => dropOpening(tokens(text).length > maxWords ? dropLeadingPhrase(text, lang) : dropSceneSetter(text, lang), lang)],
  ['drop-subject-clause', (text, { lang }, maxWords) => (tokens(text).length > maxWords ? dropSubjectClause(text, lang) : text)],
  ['drop-lead-clause', (text, { lang }, maxWords) => (tokens(text).length > maxWords ? dropLeadClause(text, lang, maxWords) : text)],
  ['tighten', (text, { lang }, maxWords) => (tokens(text).length > maxWords ? tighten(text, lang) : text)],
  // Titles and points are cut only at a boundary (empty when none fits); list items may be cut anywhere.
  ['fit-length', (text, { lang }, maxWords, purpose) => (purpose === 'item' ? fitLength(text, maxWords, lang) : (fitAtBoundary(text, maxWords, lang, purpose === 'point') ?? ''))],
];

/** Condenses one sentence (or list item) into a point of at most `maxWords` words. */
export function condense(sentence: string, context: CondenseContext, maxWords: number, purpose: Purpose = 'point'): string {
  let text = sentence;
  for (const [name, rule] of POINT_RULES) {
    // The rules before use-acronyms depend on the sentence alone: a passage tries each sentence several ways, so they run once.
    if (name === 'strip-citations') {
      const key = `${context.lang}\u0000${sentence}`;
      text = cleaned.get(key) ?? rememberCleaned(key, CLEANING_RULES.reduce((t, [, r]) => r(t, context, maxWords, purpose), sentence));
    }
    if (CLEANING_RULES.some(([n]) => n === name)) continue;
    text = rule(text, context, maxWords, purpose);
  }
  return tidyPoint(text);
}

/** The rules that depend on the sentence and its language only. */
const CLEANING_RULES = POINT_RULES.slice(0, 4);
const cleaned = new Map<string, string>();

function rememberCleaned(key: string, text: string): string {
  // A bound keeps a long-running preview from growing without end.
  if (cleaned.size > 5000) cleaned.clear();
  cleaned.set(key, text);
  return text;
}

/** Records the acronyms a point that made it onto a slide spelled out, so later points use the short form. */
export function markShown(text: string, context: CondenseContext): void {
  useAcronyms(text, context.acronyms, context.introduced);
}

/** A point's final form: one space, no closing full stop, a capital first letter. */
export function tidyPoint(text: string): string {
  return capitalizeFirst(
    text
      .replace(/\s+/gu, ' ')
      .replace(/\s+([,.;:!?])/gu, '$1')
      .replace(/[\s,;:.]+$/u, '')
      .trim(),
  );
}
