/**
 * Rule: when a point is too long and is two clauses joined by a semicolon, the
 * first pointing back ("Some cities combine these ideas; Medellín in Colombia
 * has turned roadsides and waterways into green corridors"), the point is the
 * second clause: the first only bridges from what came before, the second says
 * something of its own. A first clause that stands alone is the claim, and
 * stays (fit-length may cut at the semicolon).
 */
import { bare, hasVerb, tokens, type Lang } from './words.js';

const POINTS_BACK: Record<Lang, RegExp> = {
  id: /^(?:ini|itu|tersebut|demikian)$/u,
  en: /^(?:this|these|those|such|that)$/u,
};

/** The clause after the semicolon, when the one before points back and the one after fits with its verb. */
export function dropLeadClause(text: string, lang: Lang, maxWords: number): string {
  const at = text.indexOf('; ');
  if (at < 0 || text.indexOf('; ', at + 2) >= 0) return text;
  const lead = tokens(text.slice(0, at));
  const rest = text.slice(at + 2).trim();
  const restWords = tokens(rest);
  if (!lead.some((word) => POINTS_BACK[lang].test(bare(word)))) return text;
  if (restWords.length < 4 || restWords.length > maxWords || !hasVerb(rest, lang)) return text;
  return rest;
}
