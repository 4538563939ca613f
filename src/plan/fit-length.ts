/**
 * Rule: a point too long for a slide keeps its longest leading part that ends
 * at a clause or phrase boundary and still has its verb. Never cut inside
 * parentheses, a "bukan hanya … namun juga" or "dari … ke" pair, or between a
 * verb and the phrase it needs ("meluas | ke ranah ekonomi"); never end on a
 * connective or a preposition; never add "…". A figure the sentence is about
 * ("57%", "1945") is kept by joining its phrase to the leading part.
 */
import { bare, hasVerb, isVerb, tokens, type Lang } from './words.js';

// A new clause may start before these words.
const ID_CLAUSE = new Set([
  'dan', 'serta', 'namun', 'tetapi', 'tapi', 'sedangkan', 'sehingga', 'karena', 'sebab', 'agar', 'supaya', 'guna', 'untuk', 'yang',
  'dimana', 'ketika', 'saat', 'jika', 'bila', 'apabila', 'meskipun', 'walaupun', 'bahwa', 'yakni', 'yaitu', 'seperti', 'hingga',
  'maupun', 'atau', 'baik', 'diantaranya', 'termasuk', 'khususnya', 'terutama', 'melainkan',
]);
// A new phrase may start before these words (prepositions).
const ID_PHRASE = new Set(['dalam', 'pada', 'di', 'ke', 'kepada', 'dari', 'dengan', 'melalui', 'terhadap', 'sebagai', 'bagi', 'oleh', 'antara', 'tentang', 'mengenai', 'sejak', 'selama', 'menuju', 'akibat', 'sampai']);
const EN_CLAUSE = new Set(['and', 'but', 'or', 'while', 'whereas', 'because', 'since', 'so', 'although', 'though', 'if', 'when', 'where', 'which', 'who', 'that', 'such', 'including', 'especially', 'particularly']);
// "of" binds its noun too tightly to cut before ("the replacement | of natural surfaces").
const EN_PHRASE = new Set(['to', 'in', 'on', 'at', 'for', 'from', 'with', 'by', 'as', 'through', 'during', 'after', 'before', 'until', 'than', 'into', 'across', 'between', 'among', 'despite', 'without', 'within', 'about']);
// A point never ends on these: they promise more words.
const ID_DANGLING = new Set([...ID_CLAUSE, ...ID_PHRASE, 'para', 'sang', 'si', 'adalah', 'ialah', 'merupakan', 'akan', 'telah', 'sudah', 'bukan', 'hanya', 'lebih', 'sangat', 'paling', 'salah', 'satu', 'cukup', 'juga', 'ini', 'itu', 'sebesar', 'mencapai', 'dilakukan', 'melakukan', 'dilaksanakan']);
const EN_DANGLING = new Set([...EN_CLAUSE, ...EN_PHRASE, 'of', 'the', 'a', 'an', 'is', 'are', 'was', 'were', 'be', 'has', 'have', 'had', 'not', 'more', 'most', 'very', 'their', 'its', 'his', 'her', 'our', 'this', 'these', 'those', 'can', 'will', 'would', 'should', 'could', 'may', 'must']);
const YAKNI = /^(?:yakni|yaitu|namely|that is)$/iu;
// Nouns that say little without the phrase they govern ("less access | to air conditioning", "dampak | terhadap
// perekonomian"): like a verb and its phrase, a cut between them is a last resort.
const EN_GOVERNING = /^(?:access|need|needs|demand|reliance|dependence|response|contribution|impact|effect|effects|influence|approach|exposure|commitment|threat|attention|resistance|transition|shift|return|solution|solutions|answer|key)$/u;
const ID_GOVERNING = /^(?:akses|dampak|pengaruh|kontribusi|ketergantungan|kebutuhan|respons|tanggapan|ancaman|komitmen|perhatian|peralihan|transisi|solusi|jawaban|kunci)$/u;

/** A point is never longer than this (paparan check's bound): a figure's phrase or a whole clause may stretch it so far. */
export const POINT_HARD_LIMIT = 16;

interface Cut {
  /** Words before the cut. */
  at: number;
  clause: boolean;
  /** Between a verb (or a noun like "access") and its phrase ("meluas | ke ranah"): a last resort. */
  afterVerb?: boolean;
}

/** The point itself when it has at most `maxWords` words; otherwise its longest leading part that ends at a boundary. */
export function fitLength(text: string, maxWords: number, lang: Lang, keepFigures = true): string {
  return fitAtBoundary(text, maxWords, lang, keepFigures) ?? tidy(trimDangling(tokens(text).slice(0, maxWords), lang));
}

/** Like fitLength, but undefined when no boundary allows a cut (a title is then taken from another sentence). */
export function fitAtBoundary(text: string, maxWords: number, lang: Lang, keepFigures = false): string | undefined {
  const words = tokens(text);
  if (words.length <= maxWords) return trimDangling(words, lang).join(' ');
  const cuts = cutPoints(words, lang);
  const lead = longestLead(words, cuts, maxWords, hasVerb(text, lang), lang);
  // A figure may stretch a point to the hard limit: it is what the audience should see.
  const kept = keepFigures ? keepFigure(words, cuts, lead, Math.max(maxWords, POINT_HARD_LIMIT), lang) : undefined;
  const best = kept ?? lead;
  // Without its verb a cut sentence is a fragment ("The first person"): no point at all is better.
  if (!best || (hasVerb(text, lang) && !best.some((w) => predicates(w, lang)))) return undefined;
  return tidy(best);
}

function longestLead(words: string[], cuts: Cut[], maxWords: number, needsVerb: boolean, lang: Lang): string[] | undefined {
  const inRange = cuts.filter((c) => c.at <= maxWords && c.at >= 3).sort((a, b) => b.at - a.at);
  const fitting = [...inRange.filter((c) => !c.afterVerb), ...inRange.filter((c) => c.afterVerb)];
  for (const cut of fitting) {
    const part = withoutVerblessClause(trimDangling(words.slice(0, cut.at), lang), lang);
    if (part.length >= 3 && (!needsVerb || part.some((w) => predicates(w, lang))) && !oneOfOpen(part) && !(needsVerb && bareRelative(part, lang))) return part;
  }
  const last = fitting[0] ? trimDangling(words.slice(0, fitting[0].at), lang) : undefined;
  return last && !oneOfOpen(last) && !(needsVerb && bareRelative(last, lang)) ? last : undefined;
}

const RELATIVE = /^(?:yang|who|which)$/u;
const CASE_IN_POINT = /^(?:terutama|khususnya|termasuk|especially|particularly|including)$/u;

/**
 * "Kondisi geografis Indonesia yang terdiri dari ribuan pulau": a subject and its relative clause, the sentence's
 * own verb cut away (its one verb is the clause's). A case in point ("Khususnya pada pelaku usaha yang berusia
 * lanjut") or a phrase is no subject waiting for its verb.
 */
function bareRelative(part: string[], lang: Lang): boolean {
  const first = bare(part[0] ?? '');
  if (CASE_IN_POINT.test(first) || (lang === 'id' ? ID_PHRASE : EN_PHRASE).has(first)) return false;
  const at = part.findIndex((w, i) => i >= 1 && RELATIVE.test(bare(w)));
  if (at < 0 || part.slice(0, at).some((w) => isVerb(w, lang))) return false;
  // One verb group ("sudah membuat" counts once), the clause's own; a second, or a predicate of its own after the
  // clause ("Pelatihan yang berkelanjutan sangat penting"), makes a statement.
  const clause = part.slice(at + 1);
  // The clause's verb comes first ("yang terdiri", "yang sudah membuat"); "yang berkelanjutan sangat penting" has none.
  if (!clause[0] || !predicates(clause[0], lang)) return false;
  let end = 0;
  while (end + 1 < clause.length && isVerb(clause[end + 1]!, lang)) end++;
  return !clause.slice(end + 1).some((w) => predicates(w, lang));
}

/** A verb, or a word that makes a predicate without one ("sangat penting", "adalah", "is"). */
function predicates(word: string, lang: Lang): boolean {
  return isVerb(word, lang) || PREDICATE_MARKERS.test(bare(word));
}

const SUBORDINATORS = /^(?:karena|sebab|sehingga|agar|supaya|ketika|saat|jika|apabila|meskipun|walaupun|because|since|so|when|while|if|although|though|unless)$/u;

// Words that make a predicate without a verb: "sehingga Indonesia sangat kalut", "because it is not".
const PREDICATE_MARKERS = /^(?:sangat|amat|terlalu|cukup|lebih|paling|tidak|belum|masih|sudah|telah|adalah|merupakan|very|too|more|not|still|is|are|was|were)$/u;

/**
 * "… belum banyak dibahas karena penggunaan internet": a reason (time, condition) cut before its predicate says
 * nothing; the point ends before it.
 */
function withoutVerblessClause(part: string[], lang: Lang): string[] {
  let at = -1;
  for (let i = part.length - 1; i >= 3 && at < 0; i--) if (SUBORDINATORS.test(bare(part[i]!))) at = i;
  const clause = part.slice(at + 1);
  // "karena banyak pelaku usaha yang sudah membuat akun": the one verb is the relative clause's; the reason's own was cut.
  if (at < 0 || (clause.some((w) => predicates(w, lang)) && !bareRelative(clause, lang))) return part;
  return trimDangling(part.slice(0, at), lang);
}

/** "… menjadi salah satu upaya", "… is one of the examples": one of what, for what? The words that say it were cut. */
function oneOfOpen(part: string[]): boolean {
  // The noun and one word describing it: "salah satu upaya (penting)", "one of the (clearest) examples".
  const tail = part.slice(-6).map(bare).join(' ');
  return /(?:^| )salah satu \S+(?: \S+)?$/u.test(tail) || /(?:^| )one of (?:the |its |their |these |our )?(?:\S+ )?\S+$/u.test(tail);
}

/** When the lead lost the sentence's figure, the lead (shortened if needed) plus the figure's own phrase. */
function keepFigure(words: string[], cuts: Cut[], lead: string[] | undefined, budget: number, lang: Lang): string[] | undefined {
  // Figures, not years: a year joined across clauses can land on the wrong event.
  const isYear = (w: string) => /^(?:1[89]|20)\d\d[,.;:]?$/u.test(w);
  const figureAt = words.findIndex((w, i) => /\d/u.test(w) && !/^\(/u.test(w) && (!isYear(w) || i - 2 <= (lead?.length ?? 0)));
  if (figureAt < 0 || (lead && figureAt < lead.length)) return undefined;
  const start = Math.max(0, ...cuts.filter((c) => c.at <= figureAt).map((c) => c.at));
  // A year joins only the clause it belongs to: its phrase must follow the lead directly.
  if (isYear(words[figureAt]!) && lead && start !== lead.length) return undefined;
  const end = Math.min(words.length, ...cuts.filter((c) => c.clause && c.at > figureAt).map((c) => c.at));
  let phrase = trimDangling(words.slice(start, end), lang);
  if (phrase[0] && YAKNI.test(bare(phrase[0]))) phrase = phrase.slice(1);
  const room = budget - phrase.length;
  if (room < 3 || start < 3) return undefined;
  const head = longestLead(words.slice(0, start), cuts.filter((c) => c.at < start), room, true, lang);
  if (!head || !head.some((w) => isVerb(w, lang))) return undefined;
  return [...head.map((w, i) => (i === head.length - 1 ? w.replace(/[,;:]+$/u, '') : w)), ...phrase];
}

/** Where a cut is allowed: before a clause or phrase word, after a comma; outside brackets and pairs; not between a verb and its phrase. */
export function cutPoints(words: string[], lang: Lang): Cut[] {
  const clauseWords = lang === 'id' ? ID_CLAUSE : EN_CLAUSE;
  const phraseWords = lang === 'id' ? ID_PHRASE : EN_PHRASE;
  const cuts: Cut[] = [];
  let depth = 0;
  // Inside "bukan hanya … namun juga X" / "dari A ke B" / "from A to B" no cut is allowed until the pair is whole.
  let pairOpen = false;
  let closeBy = -1;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const lower = bare(word);
    const next = words[i + 1] ? bare(words[i + 1]!) : '';
    if ((/^(?:bukan|tidak)$/u.test(lower) && next === 'hanya') || (lower === 'not' && next === 'only')) pairOpen = true;
    if (pairOpen && /^(?:namun|tetapi|melainkan|but)$/u.test(lower)) {
      pairOpen = false;
      closeBy = i + 3;
    }
    if (/^(?:dari|from)$/u.test(lower)) {
      const closer = words.slice(i + 1, i + 6).findIndex((w) => /^(?:ke|hingga|sampai|to)$/u.test(bare(w)));
      if (closer >= 0) closeBy = Math.max(closeBy, i + closer + 3);
    }
    const free = i > 0 && depth === 0 && !pairOpen && i > closeBy && !/^\(/u.test(word);
    // "confirmed | that …", "merasa | bahwa …": the verb needs what follows; "pemasaran, permodalan | dan …" is one list.
    const complement = i > 0 && /^(?:that|bahwa|jika|kalau)$/u.test(lower) && isVerb(words[i - 1]!, lang);
    // "…, manfaat | serta tantangan": one word after a comma, then "serta", is a list going on, whatever its items' length.
    const listJoin =
      /^(?:dan|serta|atau|hingga|and|or)$/u.test(lower) &&
      ((i >= 2 && /,$/u.test(words[i - 2]!)) || words.slice(Math.max(0, i - 4), i).some((w, k, all) => /,$/u.test(w) && insideList(words, i - all.length + k)));
    // A verb that reports or decides ("confirmed", "menyatakan") says nothing without its "that …" clause: no cut there at all.
    if (free && clauseWords.has(lower) && !listJoin && !complement) cuts.push({ at: i, clause: true });
    else if (free && phraseWords.has(lower)) {
      const before = words[i - 1]!;
      const governs = (lang === 'id' ? ID_GOVERNING : EN_GOVERNING).test(bare(before)) && !/[,;:]$/u.test(before);
      cuts.push({ at: i, clause: false, afterVerb: isVerb(before, lang) || governs });
    }
    depth += (word.match(/\(/gu) ?? []).length - (word.match(/\)/gu) ?? []).length;
    if (depth === 0 && !pairOpen && i >= closeBy && /[,;:]$/u.test(word) && !insideList(words, i)) cuts.push({ at: i + 1, clause: true });
  }
  return cuts;
}

/** Whether the comma after word `i` separates short items of a list ("pemasaran, permodalan, dan pemanfaatan teknologi"). */
function insideList(words: string[], i: number): boolean {
  const ahead = words.slice(i + 1, i + 5);
  const stop = ahead.findIndex((w) => /,$/u.test(w) || /^(?:dan|serta|atau|hingga|and|or)$/iu.test(bare(w)));
  if (stop < 0 || stop > 3) return false;
  // A list has two commas close together: "a, b, dan c" (not "X, and it describes …").
  const commaAhead = /,$/u.test(ahead[stop]!);
  const commaBefore = words.slice(Math.max(0, i - 3), i).some((w) => /,$/u.test(w));
  return commaAhead || commaBefore;
}

/** Drops words at the end that promise more ("dan", "yang", "the") and a dangling comma. */
export function trimDangling(words: string[], lang: Lang): string[] {
  const dangling = lang === 'id' ? ID_DANGLING : EN_DANGLING;
  const out = [...words];
  for (;;) {
    while (out.length > 1 && dangling.has(bare(out.at(-1)!))) out.pop();
    // "… kerja sama yang dilakukan": a relative clause that lost its object says nothing.
    if (lang === 'id' && out.length > 3 && bare(out.at(-2)!) === 'yang' && isVerb(out.at(-1)!, lang)) out.splice(-2);
    // "… with materials that absorb": the same in English.
    else if (lang === 'en' && out.length > 3 && /^(?:that|which|who)$/u.test(bare(out.at(-2)!)) && isVerb(out.at(-1)!, lang)) out.splice(-2);
    else break;
  }
  if (out.length > 0) out[out.length - 1] = out.at(-1)!.replace(/[,;:]+$/u, '');
  return out;
}

function tidy(words: string[]): string {
  return words.join(' ').replace(/[\s,;:]+$/u, '');
}
