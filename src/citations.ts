/**
 * Author–year citations in essay prose: finding them, taking them off a slide's
 * text (they move to a source line), and matching them to reference entries.
 * Indonesian and English conventions both work ("dkk." and "et al.", "hlm." and "p.").
 */

export interface Citation {
  /** The text as written, e.g. "(Indrawan et al., 2023)" or "Andirini Pujayanti (2015)". */
  raw: string;
  /** Offset of raw in the input text. */
  index: number;
  /** Each cited work: first author's surname (or the corporate author as written) and the year. */
  works: { author: string; year: string }[];
  /** True for "(Author, 2015)", false for narrative "Author (2015)". */
  parenthetical: boolean;
}

type Work = { author: string; year: string };

/** A work plus the author names exactly as the citation wrote them. */
interface ParsedWork extends Work {
  names: string;
}

const YEAR = String.raw`\d{4}[a-z]?|n\.d\.|t\.t\.`;
// A page locator may trail the year: "(Smith, 2019, p. 4)", "(Budi, 2020, hlm. 12-14)", "(Budi, 2020: 12)".
const PAGES = String.raw`[\dIVXLCivxlc]+(?:\s*[-–]\s*[\dIVXLCivxlc]+)?`;
const LOCATOR = String.raw`(?:,\s*(?:p|pp|hlm|h|page|pages|halaman)\.?\s*${PAGES}|:\s*${PAGES})?`;
const PARENTHETICAL_WORK = new RegExp(
  String.raw`^(?:(?:see also|see|lihat juga|lihat|cf\.|e\.g\.,?|misalnya|contohnya)\s+)?(.+?),?\s+(${YEAR})${LOCATOR}$`,
  'u',
);
const NARRATIVE_YEAR = new RegExp(String.raw`^(${YEAR})${LOCATOR}$`, 'u');

// Words that join two authors' names.
const JOINERS = new Set(['&', 'and', 'dan']);
// Lowercase words that only occur inside corporate names ("Pusat ... pada Organisasi ...").
const CORPORATE_CONNECTORS = new Set(['pada', 'of', 'for', 'untuk', 'di', 'the']);
// Nouns that mark an institution rather than a person.
const ORGANISATION_WORDS = new Set(
  (
    'pusat badan kementerian lembaga dinas direktorat komisi dewan biro bank universitas institut ' +
    'organisasi asosiasi yayasan sekretariat kantor perserikatan ' +
    'organization organisation ministry department agency institute university association ' +
    'council commission centre center foundation fund bureau office programme program nations ' +
    'bank forum secretariat'
  ).split(' '),
);
// Capitalised words that start a sentence before a narrative citation, not part of a name.
const LEAD_INS = new Set(
  (
    'menurut berdasarkan mengutip dalam seperti sebagaimana oleh lihat sementara ' +
    'according as in see per following while'
  ).split(' '),
);

const isCapitalised = (word: string): boolean => /^\p{Lu}/u.test(word);

/** Finds author–year citations in a text. */
export function findCitations(text: string): Citation[] {
  const found: Citation[] = [];
  // Innermost parenthesis groups only: citations do not nest, and an unclosed outer "("
  // (as in "... itu (Pusat Kajian (2016). Lahirnya") must not hide the inner "(2016)".
  for (const group of text.matchAll(/\(([^()]*)\)/g)) {
    const start = group.index;
    const inner = group[1] ?? '';
    const works = parseParenthetical(inner);
    if (works) {
      found.push({ raw: group[0], index: start, works: works.map(stripNames), parenthetical: true });
      continue;
    }
    const narrative = NARRATIVE_YEAR.exec(inner.trim());
    const year = narrative?.[1];
    if (year) {
      const cited = readNarrative(text, start, start + group[0].length, year);
      if (cited) found.push(cited);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Removes parenthetical citations from a sentence for display on a slide (the citation is shown on a source line instead); narrative citations stay. */
export function stripCitations(text: string): string {
  let out = text;
  // Right to left, so earlier offsets stay valid.
  const cuts = findCitations(text).filter((c) => c.parenthetical).reverse();
  for (const cut of cuts) {
    const before = out.slice(0, cut.index).replace(/\s+$/, '');
    const after = out.slice(cut.index + cut.raw.length);
    if (before === '') out = after.replace(/^\s+/, '');
    else if (after === '' || /^[\s.,;:!?…)\]"'”’]/u.test(after)) out = before + after;
    else out = `${before} ${after}`;
  }
  return out;
}

/** Index of the reference entry a cited work points to, or -1. References are free-text strings like "Pujayanti, A. (2015). Title. Publisher." */
export function matchReference(work: { author: string; year: string }, references: string[]): number {
  const author = fold(work.author.replace(/\s+(?:et al\.?|dkk\.?)$/u, '').trim());
  if (author === '') return -1;
  const authorPattern = new RegExp(`(?<!\\p{L})${escapeRegExp(author)}(?!\\p{L})`, 'u');
  const yearPattern = referenceYearPattern(work.year);
  return references.findIndex((entry) => {
    const ref = fold(entry.replace(/^\s*(?:[-*+]|\d+[.)])\s+/u, '').replace(/[*_[\]]/g, '')).trim();
    if (!yearPattern.test(ref)) return false;
    const rest = ref.slice(author.length);
    // Multi-word (corporate) authors must match as the whole name: punctuation follows, not more words.
    if (author.includes(' ')) return ref.startsWith(author) && /^(?:\s*[.,:;(]|$)/u.test(rest);
    if (ref.startsWith(author) && !/^\p{L}/u.test(rest)) return true;
    const firstAuthor = ref.split(/[,(]|\s&\s|\sand\s|\sdan\s/u)[0] ?? '';
    return authorPattern.test(firstAuthor);
  });
}

/** A short label for a source line, e.g. "Pujayanti (2015)", "Helmys & Irawan (2023)", "Indrawan et al. (2023)". */
export function formatCitationLabel(work: { author: string; year: string; raw?: string }): string {
  const plain = `${work.author} (${work.year})`;
  // Corporate authors (several words) are shown as written.
  if (!work.raw || /\s/.test(work.author.trim())) return plain;
  const names = findWrittenNames(work.raw, work);
  if (names === undefined) return plain;
  const { authors, abbreviated } = splitAuthorNames(names);
  if (abbreviated) return `${work.author} ${abbreviated} (${work.year})`;
  if (authors.length >= 3) return `${work.author} et al. (${work.year})`;
  if (authors.length === 2) {
    const joiner = /\s(and|dan)\s/u.exec(names)?.[1] ?? '&';
    return `${work.author} ${joiner} ${lastWord(authors[1] ?? '')} (${work.year})`;
  }
  return plain;
}

/** Parses "Smith, 2019; Doe & Roe, 2020a, p. 4" into works, or null when any part is not a citation. */
function parseParenthetical(inner: string): ParsedWork[] | null {
  const parts = inner.split(';').map((part) => part.trim());
  const works: ParsedWork[] = [];
  for (const part of parts) {
    const match = PARENTHETICAL_WORK.exec(part);
    const names = match?.[1]?.trim();
    const year = match?.[2];
    if (!names || !year || !looksLikeNames(names)) return null;
    works.push({ author: readAuthor(names, true), year, names });
  }
  return works.length > 0 ? works : null;
}

/** Reads the names before a "(2015)" that stands right after them, e.g. "Menurut Andirini Pujayanti (2015)". */
function readNarrative(text: string, open: number, close: number, year: string): Citation | null {
  const words = [...text.slice(0, open).matchAll(/\S+/gu)];
  // The year group must follow a separate word: "Smith (2019)", not "Smith(2019)".
  if (words.length === 0 || !/\s$/u.test(text.slice(0, open))) return null;
  let i = words.length - 1;
  const taken: RegExpExecArray[] = [];
  const last = words[i]?.[0];
  if (last === 'dkk.' || last === 'dkk') taken.push(words[i--]!);
  else if ((last === 'al.' || last === 'al') && words[i - 1]?.[0] === 'et') taken.push(words[i--]!, words[i--]!);
  let opensGroup = false;
  let names = 0;
  for (; i >= 0; i--) {
    const word = words[i]!;
    const bare = word[0].replace(/^\(/u, '');
    if (/[,;:.!?)]$/u.test(bare) && !/^\p{Lu}\.$/u.test(bare)) break;
    const lower = bare.toLowerCase();
    if (isCapitalised(bare)) names++;
    else if (!(JOINERS.has(lower) || CORPORATE_CONNECTORS.has(lower)) || names === 0) break;
    taken.push(word);
    // A name right after an opening parenthesis: the whole thing is a parenthetical citation.
    if (word[0].startsWith('(')) {
      opensGroup = true;
      break;
    }
  }
  // Connectors only count between names, and "Menurut"/"According" start the sentence, not the name:
  // drop them from the far (left) end.
  for (let left = taken[taken.length - 1]?.[0]; left !== undefined; left = taken[taken.length - 1]?.[0]) {
    const isConnector = !isCapitalised(left.replace(/^\(/u, ''));
    if (!isConnector && !(LEAD_INS.has(left.toLowerCase()) && !opensGroup)) break;
    if (left.startsWith('(')) opensGroup = false;
    taken.pop();
  }
  const first = taken[taken.length - 1];
  if (!first || names === 0) return null;
  const start = first.index;
  const namesText = text.slice(start, open).trim().replace(/^\(/u, '');
  if (!/\p{Lu}/u.test(namesText)) return null;
  // An unclosed "(" before the names may be closed right after the year: "(Pusat Kajian (2016))".
  const end = opensGroup && text[close] === ')' ? close + 1 : close;
  return {
    raw: text.slice(start, end),
    index: start,
    works: [{ author: readAuthor(namesText, false), year }],
    parenthetical: opensGroup,
  };
}

/** Leading titles such as "Prof.", "Dr.", "Drs.", "Ir.", "H." before a name. */
const ACADEMIC_TITLES = /^(?:(?:Prof|Dr|Drs|Dra|Ir|H|Hj)\.\s+)+/u;

/** The first author's surname, or a corporate author's whole name. */
function readAuthor(names: string, surnamesOnly: boolean): string {
  const words = names.split(/\s+/u);
  const corporate = words.some((word) => {
    const lower = word.toLowerCase().replace(/[,.]$/u, '');
    return ORGANISATION_WORDS.has(lower) || CORPORATE_CONNECTORS.has(lower);
  });
  if (corporate) return names.replace(/[,.]$/u, '');
  // Academic titles are not part of the name: "(Prof. Budi, 2022)" cites Budi.
  const first = (splitAuthorNames(names).authors[0] ?? names).replace(ACADEMIC_TITLES, '');
  // Parenthetical citations already give surnames ("van der Berg"); narrative ones give full names.
  return (surnamesOnly ? first : lastWord(first)).replace(/['’]s$/u, '');
}

/** Splits "Smith, Jones, & Lee" / "Indrawan et al." into names and the "et al."/"dkk." marker. */
function splitAuthorNames(names: string): { authors: string[]; abbreviated: string } {
  const abbreviation = /\s+(et al\.?|dkk\.?)$/u.exec(names);
  const rest = abbreviation ? names.slice(0, abbreviation.index) : names;
  const authors = rest
    .split(/\s*,\s*(?:&|and|dan)?\s*|\s+(?:&|and|dan)\s+/u)
    .map((name) => name.trim())
    .filter(Boolean);
  return { authors, abbreviated: abbreviation?.[1] ?? '' };
}

/** True when every word of an author part could be part of a name ("Hak Asasi" yes, "pada tahun" no). */
function looksLikeNames(names: string): boolean {
  const words = names.split(/\s+/u).map((word) => word.replace(/,$/u, ''));
  if (!words.some(isCapitalised)) return false;
  const particles = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'du', 'la', 'le', 'bin', 'binti', 'et', 'al.', 'dkk.']);
  return words.every((word) => {
    const lower = word.toLowerCase();
    if (isCapitalised(word)) return /^[\p{L}\p{M}.'’-]+$/u.test(word);
    return JOINERS.has(lower) || CORPORATE_CONNECTORS.has(lower) || particles.has(lower);
  });
}

/** The names part of the citation segment in raw that cites this work. */
function findWrittenNames(raw: string, work: Work): string | undefined {
  const inner = raw.trim().replace(/^\(|\)$/gu, '');
  for (const part of inner.split(';')) {
    const match = PARENTHETICAL_WORK.exec(part.trim());
    if (match?.[2] === work.year && match[1]?.includes(work.author)) return match[1].trim();
  }
  // Narrative: everything before "(2015)".
  const narrative = /^(.*?)\s*\(([^()]*)\)\)?$/u.exec(raw.trim());
  if (narrative?.[1]?.includes(work.author) && narrative[2]?.startsWith(work.year)) return narrative[1];
  return undefined;
}

function stripNames(work: ParsedWork): Work {
  return { author: work.author, year: work.year };
}

function lastWord(name: string): string {
  return name.trim().split(/\s+/u).pop() ?? name;
}

/** Lowercase without diacritics, so "Pujayantì" and "pujayanti" compare equal. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function referenceYearPattern(year: string): RegExp {
  const folded = fold(year);
  if (folded === 'n.d.' || folded === 't.t.') return /\b(?:n\.\s?d\.|t\.\s?t\.|tanpa tahun|no date)/u;
  // "2019" also matches a reference dated "2019a"; "2019a" needs its letter.
  const suffix = /[a-z]$/u.test(folded) ? '' : '[a-z]?';
  return new RegExp(`(?<!\\d)${escapeRegExp(folded)}${suffix}(?![\\da-z])`, 'u');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
