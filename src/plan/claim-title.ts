/**
 * Rule: a content slide's title states its claim (Alley's assertion–evidence
 * headline), made from the passage's topic sentence by the same rules as a
 * point, shorter, and with its verb. A title that would be a bare noun phrase
 * or a section heading is refused, so the caller can try the next sentence.
 */
import { condense, type CondenseContext } from './condense.js';
import { plainInline } from '../parse.js';
import { hasVerb, tokens } from './words.js';

export const TITLE_MAX_WORDS = 11;
const TITLE_MIN_WORDS = 4;

/** A claim title from a sentence, or undefined when the sentence gives none (no verb, too short, already used). */
export function claimTitle(sentence: string, context: CondenseContext, used: Set<string>): string | undefined {
  // A title is cut only at a boundary; when none fits, another sentence is tried.
  const title = condense(plainText(sentence), context, TITLE_MAX_WORDS, 'title');
  if (!title) return undefined;
  const words = tokens(title).length;
  if (words < TITLE_MIN_WORDS || words > TITLE_MAX_WORDS + 2 || !hasVerb(title, context.lang)) return undefined;
  if (used.has(normalizeTitle(title))) return undefined;
  return title;
}

/** A title is plain text (the template escapes it): Markdown marks and HTML tags of the sentence are dropped. */
export function plainText(markdown: string): string {
  return plainInline(markdown).replace(/<[^>]*>/gu, '').replace(/\s+/gu, ' ').trim();
}

/** Titles compare without case, punctuation or spacing. */
export function normalizeTitle(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
