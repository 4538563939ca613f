/**
 * Rule: once the essay has introduced an acronym, a slide uses it: "Kerja Sama
 * Selatan-Selatan" → "KSS", "Konferensi Asia Afrika (KAA)" → "KAA". An acronym
 * counts as the essay's when it is defined, "Long Name (ACR)", or used on its
 * own while a phrase whose initials spell it appears in the essay.
 */

export interface Acronym {
  short: string;
  /** The acronym on its own, as a word. */
  bare: RegExp;
  /** The long form's first word, lower-cased: a text without it or the acronym is skipped at once. */
  first: string;
  /** Matches the long form as the essay writes it, spaces optional ("Kerjasama"), case-insensitive. */
  long: RegExp;
  /** The long form as first written, for the first mention on a slide. */
  spelled: string;
}

// Little words that may sit inside a long form without a letter of their own.
const JOINERS = new Set(['dan', 'dari', 'untuk', 'di', 'ke', 'pada', 'bagi', 'of', 'and', 'for', 'the', 'in', 'on', 'to']);

/** Finds the acronyms an essay defines or uses, with the long forms that spell them. */
export function findAcronyms(text: string): Acronym[] {
  const found = new Map<string, Acronym>();
  const shorts = new Set([...text.matchAll(/(?<![\p{L}\d])(\p{Lu}{2,6})(?![\p{L}\d])/gu)].map((m) => m[1]!));
  for (const short of shorts) {
    const spelled = findLongForm(text, short);
    if (spelled) {
      const bare = new RegExp(`(?<![\\p{L}])${short}(?![\\p{L}])`, 'u');
      found.set(short, { short, bare, first: spelled.split(/\s+/u)[0]!.toLowerCase().slice(0, 4), spelled, long: longFormPattern(spelled) });
    }
  }
  return [...found.values()];
}

/** The phrase just before "(ACR)", or anywhere in the text, whose initials spell the acronym. */
function findLongForm(text: string, short: string): string | undefined {
  // "Long Name (ACR)": found with indexOf, then read back to the clause's start (a regex here backtracked through the whole essay).
  for (let at = text.indexOf(`(${short})`); at >= 0; at = text.indexOf(`(${short})`, at + 1)) {
    const before = text.slice(Math.max(0, at - 200), at);
    const clause = before.slice(Math.max(...['.', ';', ':', '(', ')'].map((c) => before.lastIndexOf(c))) + 1);
    const phrase = spellingTail(clause.trim().split(/\s+/u), short);
    if (phrase) return phrase;
  }
  // Used bare: look for a capitalised run of words anywhere whose initials spell it.
  // The first few thousand words are enough: a long form comes early, and a huge essay stays fast.
  const words = text.split(/\s+/u, 5000);
  const last = short.at(-1)!;
  for (let end = words.length; end > 0; end--) {
    // Only a word starting with the acronym's last letter can end its long form.
    if (words[end - 1]!.replace(/^[^\p{L}]+/u, '')[0]?.toUpperCase() !== last) continue;
    const phrase = spellingTail(words.slice(Math.max(0, end - short.length * 2), end), short, true);
    if (phrase) return phrase;
  }
  return undefined;
}

/** The shortest tail of `words` whose initials (joiners skipped) spell `short`; capitalised words only when `strict`. */
function spellingTail(words: string[], short: string, strict = false): string | undefined {
  let letters = short.toUpperCase();
  const picked: string[] = [];
  for (let i = words.length - 1; i >= 0 && letters.length > 0; i--) {
    const word = words[i]!.replace(/^[^\p{L}]+|[^\p{L}-]+$/gu, '');
    if (word === '') return undefined;
    const initial = word[0]!.toUpperCase();
    if (initial === letters.at(-1) && (!strict || /^\p{Lu}/u.test(word)) && word.toUpperCase() !== short) {
      letters = letters.slice(0, -1);
      picked.unshift(word);
    } else if (JOINERS.has(word.toLowerCase()) && picked.length > 0) {
      picked.unshift(word);
    } else {
      return undefined;
    }
  }
  return letters.length === 0 && picked.length >= 2 ? picked.join(' ') : undefined;
}

function longFormPattern(spelled: string): RegExp {
  const words = spelled.split(/\s+/u).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  return new RegExp(`(?<![\\p{L}])${words.join('[\\s,]*')}(?:\\s*\\(\\p{Lu}{2,6}\\))?(?![\\p{L}])`, 'giu');
}

/**
 * Writes the acronym for its long form. The first mention in the deck keeps the long
 * form with the acronym beside it; `introduced` remembers what the audience has seen.
 */
export function useAcronyms(text: string, acronyms: Acronym[], introduced: Set<string>): string {
  let out = text;
  const lower = text.toLowerCase();
  for (const acronym of acronyms) {
    if (!lower.includes(acronym.first) && !text.includes(acronym.short)) continue;
    const bareShort = acronym.bare;
    const hasLong = acronym.long.test(out);
    acronym.long.lastIndex = 0;
    if (!hasLong) {
      if (bareShort.test(out)) introduced.add(acronym.short);
      continue;
    }
    let first = !introduced.has(acronym.short);
    out = out.replace(acronym.long, (match) => {
      if (first) {
        first = false;
        return match.includes('(') ? match : `${match} (${acronym.short})`;
      }
      return acronym.short;
    });
    introduced.add(acronym.short);
  }
  return out;
}
