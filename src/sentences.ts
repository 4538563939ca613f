/**
 * Cutting paragraphs into sentences, and long sentences into slide-sized pieces.
 * Indonesian first, English equally. Every cut is lossless: joining the pieces with
 * single spaces gives back the input with its whitespace collapsed, so the planner
 * can never drop a word of the essay.
 */
import { findCitations } from './citations.js';

/** [start, end) character range that must not be cut. */
interface Span {
  start: number;
  end: number;
}

interface Word {
  text: string;
  start: number;
  end: number;
}

// Abbreviations that never end a sentence, as written (case matters: "No." is one, "no." is a word).
// "etc.", "dll.", "dsb." and "dst." can end a sentence, but a capital after them is as often a
// name ("dll. Jakarta"), so we never split after them; the end of the paragraph still ends them.
const ABBREVIATIONS = new Set(
  [
    // Indonesian
    'dll. dsb. dst. dkk. hlm. Hlm. tsb. yth. Yth. No. Prof. Dr. Dra. Drs. Ir. H. Hj. St. Jl. Jln. Bpk. Sdr.',
    'Sdri. Ny. Tn. Tbk. ca. Kab. Kec. Kel. Prov. Rp. Agu. Okt. Des.',
    // English
    'al. e.g. i.e. Mr. Mrs. Ms. vs. etc. Fig. fig. p. pp. Vol. vol. Inc. Ltd. Jr. Sr. Co. Corp. Ed. ed.',
    'eds. cf. approx. ch. Ch. sec. Sec. Jan. Feb. Mar. Apr. Jun. Jul. Aug. Sep. Sept. Oct. Nov. Dec.',
  ]
    .join(' ')
    .split(' '),
);

const CLAUSE_CONJUNCTIONS = new Set(
  (
    'dan serta atau namun tetapi melainkan sedangkan sehingga karena yang dimana padahal meskipun walaupun ' +
    'which and or but so because while whereas although yet'
  ).split(' '),
);

const OPENERS = `"'“‘«([{*_\``;
const CLOSERS = `"'”’»)\\]}*_\``;
// Sentence-final punctuation, then closing quotes/brackets/emphasis, then an optional footnote ref.
const TERMINAL = new RegExp(`[.?!…]+[${CLOSERS}]*(?:\\[\\^[^\\]\\s]+\\])?$`, 'u');
const LEADING_OPENERS = new RegExp(`^[${OPENERS}]+`, 'u');
const TRAILING_CLOSERS = new RegExp(`[${CLOSERS}]+(?:\\[\\^[^\\]\\s]+\\])?$`, 'u');
// A sentence starts with a capital, a digit, or an opening quote/bracket (emphasis markers are skipped).
const SENTENCE_START = /^[*_~]*(?:\p{Lu}|\p{Lt}|\p{Nd}|["'“‘«([{`])/u;
// Initials ("A. Pujayanti") and dotted abbreviations ("S.H.", "M.Si.", "U.S.", "a.m.").
const INITIAL = /^\p{Lu}\.$/u;
const DOTTED = /^(?:\p{L}{1,3}\.){2,}$/u;
// Longest bracket group that still suppresses sentence splits; past this an unclosed "(" is a typo.
const MAX_ASIDE_CHARS = 200;
// Clause pieces shorter than this read as fragments on a slide.
const MIN_CLAUSE_WORDS = 4;

const BRACKET_PAIRS: Record<string, string> = { ')': '(', ']': '[', '}': '{', '”': '“', '»': '«' };
const BRACKET_OPENERS = new Set(Object.values(BRACKET_PAIRS));
const CONJUNCTION_AT_END = /\s*(?:[;,](?:\s+(?:dan|serta|atau|and|or))?|\s+(?:dan|serta|atau|and|or))$/iu;
const ITEM_MARKER = /(?<=^|[\s:])(\(?)(\d{1,2}|[a-z]|[ivx]{2,4})([.)])(?=\s)/gu;
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];

/** Splits a paragraph (Markdown inline text) into sentences. */
export function splitSentences(text: string, lang?: string): string[] {
  // `lang` is accepted for callers that know it, but both abbreviation lists always apply:
  // Indonesian essays cite English sources ("et al.") and the other way round.
  const normal = normalizeSpace(text);
  if (normal === '') return [];
  const words = tokenize(normal);
  const spans = [...findMarkdownSpans(normal), ...findBracketGroups(normal, MAX_ASIDE_CHARS)];
  const sentences: string[] = [];
  let start = 0;
  for (let k = 0; k < words.length - 1; k++) {
    const gap = words[k]!.end;
    if (isSentenceBoundary(words, k) && !isInside(spans, gap)) {
      sentences.push(normal.slice(start, gap));
      start = gap + 1;
    }
  }
  sentences.push(normal.slice(start));
  return sentences;
}

/**
 * Detects an inline enumeration inside a sentence: "... diantaranya ialah: 1) a; 2) b; dan 3) c (X, 2023)."
 * `[lead, ...items, tail].join(' ')` is the sentence without the item markers ("1)", "(b)", "iii.")
 * and without the separators between items (";", "," and a final "dan"/"serta"/"atau"/"and"/"or").
 */
export function splitEnumeration(sentence: string): { lead: string; items: string[]; tail: string } | null {
  const text = normalizeSpace(sentence);
  const markers = findItemMarkers(text);
  if (markers.length < 2) return null;
  const items: string[] = [];
  for (let i = 0; i < markers.length - 1; i++) {
    const item = text.slice(markers[i]!.end, markers[i + 1]!.start).trim();
    // Items must be separated by ";", "," or a conjunction: "Bab 1) ... 2)" is not a list.
    const separator = CONJUNCTION_AT_END.exec(item);
    if (!separator || separator.index === 0) return null;
    items.push(item.slice(0, separator.index));
  }
  const last = text.slice(markers[markers.length - 1]!.end).trim();
  const tailStart = findTailStart(last);
  const lastItem = last.slice(0, tailStart).trim();
  if (lastItem === '') return null;
  items.push(lastItem);
  return { lead: text.slice(0, markers[0]!.start).trim(), items, tail: last.slice(tailStart).trim() };
}

/** Splits a long sentence into shorter clause-sized pieces of at most ~maxWords words, at natural boundaries. */
export function splitClauses(sentence: string, maxWords: number): string[] {
  const normal = normalizeSpace(sentence);
  return normal === '' ? [] : cutClauses(normal, maxWords);
}

/** Counts words (whitespace-separated tokens). */
export function countWords(text: string): number {
  const normal = normalizeSpace(text);
  return normal === '' ? 0 : normal.split(' ').length;
}

function normalizeSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Words of single-spaced text with their offsets; the gap after word k is at words[k].end. */
function tokenize(text: string): Word[] {
  return [...text.matchAll(/\S+/gu)].map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

function isInside(spans: Span[], at: number): boolean {
  return spans.some((span) => span.start < at && at < span.end);
}

function isSentenceBoundary(words: Word[], k: number): boolean {
  const before = words[k]!.text;
  const after = words[k + 1]!.text;
  if (!TERMINAL.test(before) || !SENTENCE_START.test(after)) return false;
  const core = before.replace(LEADING_OPENERS, '').replace(TRAILING_CLOSERS, '');
  if (ABBREVIATIONS.has(core) || INITIAL.test(core) || DOTTED.test(core)) return false;
  // "ialah: 1. Penegakan ...; 2. Peningkatan": a list marker, not "... 1." ending a sentence.
  const previous = words[k - 1]?.text;
  if (/^(?:\d{1,2}|[a-z])\.$/u.test(core) && (previous === undefined || /[:;]$/u.test(previous))) return false;
  return true;
}

/** Markdown links and inline code: their insides are never cut. */
function findMarkdownSpans(text: string): Span[] {
  const spans: Span[] = [];
  for (const m of text.matchAll(/(`+)[^`]*?\1|!?\[[^\]]*\]\([^)\s]*(?:\s+"[^"]*")?\)/gu)) {
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

/**
 * Balanced bracket/curly-quote groups no longer than maxChars. An opener that never closes is
 * ignored, so "(Pusat Kajian (2016). Lahirnya ..." still splits after "(2016).".
 */
function findBracketGroups(text: string, maxChars: number): Span[] {
  // Code spans by where they start: looked up at every character, so a map, not a search.
  const skip = new Map(findMarkdownSpans(text).filter((span) => text[span.start] === '`').map((span) => [span.start, span]));
  const markerCloses = findMarkerCloses(text);
  const stack: { char: string; index: number }[] = [];
  const groups: Span[] = [];
  for (let i = 0; i < text.length; i++) {
    const code = skip.get(i);
    if (code) {
      i = code.end - 1;
      continue;
    }
    const char = text[i]!;
    const opener = BRACKET_PAIRS[char];
    if (opener === undefined) {
      if (BRACKET_OPENERS.has(char)) stack.push({ char, index: i });
      continue;
    }
    if (markerCloses.has(i)) continue;
    let at = stack.length - 1;
    while (at >= 0 && stack[at]!.char !== opener) at--;
    if (at < 0) continue;
    const start = stack[at]!.index;
    stack.length = at;
    if (i + 1 - start <= maxChars) groups.push({ start, end: i + 1 });
  }
  return groups;
}

/** Offsets of the ")" in list markers like "1)" or "b)" that have a neighbour ("2)" / "a)"). */
function findMarkerCloses(text: string): Set<number> {
  const found = [...text.matchAll(/(?<=^|[\s:])(\d{1,2}|[a-z]|[ivx]{2,4})\)(?=\s)/gu)];
  const keys = new Set(found.flatMap((m) => ordinalKeys(m[1] ?? '')));
  const closes = new Set<number>();
  for (const m of found) {
    const hasNeighbour = ordinalKeys(m[1] ?? '').some((key) => {
      const [kind, n] = key.split(':');
      return keys.has(`${kind}:${Number(n) - 1}`) || keys.has(`${kind}:${Number(n) + 1}`);
    });
    if (hasNeighbour) closes.add(m.index + m[0].length - 1);
  }
  return closes;
}

/** "3" → num:3, "c" → alpha:3, "ii" → roman:2; "i" is both alpha:9 and roman:1. */
function ordinalKeys(label: string): string[] {
  const keys: string[] = [];
  if (/^\d+$/u.test(label)) keys.push(`num:${Number(label)}`);
  if (/^[a-z]$/u.test(label)) keys.push(`alpha:${label.charCodeAt(0) - 96}`);
  const roman = ROMAN.indexOf(label);
  if (roman >= 0) keys.push(`roman:${roman + 1}`);
  return keys;
}

/** The longest run of markers numbered 1, 2, 3 … in one style ("1)", "(a)", "ii."), or []. */
function findItemMarkers(text: string): Span[] {
  const groups = findBracketGroups(text, Infinity);
  const found = [...text.matchAll(ITEM_MARKER)]
    // "(1)" needs both brackets; "1" inside someone else's brackets is not a marker.
    .filter((m) => !(m[1] === '(' && m[3] === '.'))
    .filter((m) => m[1] === '(' || !isInside(groups, m.index))
    .map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      style: `${m[1]}${m[3]}`,
      keys: ordinalKeys(m[2] ?? ''),
    }));
  let best: Span[] = [];
  for (const [i, first] of found.entries()) {
    for (const kind of first.keys.filter((key) => key.endsWith(':1')).map((key) => key.split(':')[0])) {
      const run: Span[] = [first];
      let next = 2;
      for (const later of found.slice(i + 1)) {
        if (later.style === first.style && later.keys.includes(`${kind}:${next}`)) {
          run.push(later);
          next++;
        }
      }
      if (run.length > best.length) best = run;
    }
  }
  return best.length >= 2 ? best : [];
}

/** Where the closing citation and punctuation after the last item begin. */
function findTailStart(last: string): number {
  const citation = findCitations(last)
    .filter((c) => c.parenthetical)
    .pop();
  if (citation && /^[\s.?!…;:"'”’]*$/u.test(last.slice(citation.index + citation.raw.length))) {
    return citation.index;
  }
  return /[.?!…]+["'”’]*$/u.exec(last)?.index ?? last.length;
}

function cutClauses(text: string, maxWords: number): string[] {
  const words = tokenize(text);
  if (words.length <= maxWords) return [text];
  const spans = [...findMarkdownSpans(text), ...findBracketGroups(text, Infinity)];
  let best: { rank: number; distance: number; gap: number } | undefined;
  for (let k = MIN_CLAUSE_WORDS - 1; k < words.length - MIN_CLAUSE_WORDS; k++) {
    const gap = words[k]!.end;
    const rank = rankClauseBoundary(words[k]!.text, words[k + 1]!.text);
    if (rank < 0 || isInside(spans, gap)) continue;
    const distance = Math.abs(k + 1 - words.length / 2);
    if (!best || rank < best.rank || (rank === best.rank && distance < best.distance)) best = { rank, distance, gap };
  }
  if (!best) return [text];
  return [...cutClauses(text.slice(0, best.gap), maxWords), ...cutClauses(text.slice(best.gap + 1), maxWords)];
}

/** 0 for ";", 1 for ":", 2 for ", " before a conjunction, 3 for another ", "; -1 for no boundary. */
function rankClauseBoundary(before: string, after: string): number {
  if (before.endsWith(';')) return 0;
  if (before.endsWith(':')) return 1;
  if (!before.endsWith(',')) return -1;
  const next = after.replace(LEADING_OPENERS, '').toLowerCase();
  return CLAUSE_CONJUNCTIONS.has(next) ? 2 : 3;
}
