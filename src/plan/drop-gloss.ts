/**
 * Rule: drop glosses and asides in parentheses, "(South-South Cooperation)",
 * "(recipient country)", which the speaker can say; keep what the audience
 * needs to see: an acronym "(KAA)", a number or a year "(2015)", "(57%)".
 */

/** Removes parenthetical asides that are not acronyms or numbers; an unclosed "(" aside at the end goes too. */
export function dropGlosses(text: string): string {
  let out = text.replace(/\s*\(([^()]*)\)/gu, (whole, inner: string) => (keepsParenthesis(inner) ? whole : ''));
  // "… itu (Pusat Pengkajian … Internasional": an aside the author never closed.
  out = out.replace(/\s*\((?![^()]*\))[^()]*$/u, (whole) => (keepsParenthesis(whole.replace(/^\s*\(/u, '')) ? whole : ''));
  return out.replace(/\s+([,.;:])/gu, '$1').trim();
}

function keepsParenthesis(inner: string): boolean {
  const text = inner.trim();
  return /^\p{Lu}[\p{Lu}\d&-]{1,7}s?$/u.test(text) || /\d/u.test(text);
}
