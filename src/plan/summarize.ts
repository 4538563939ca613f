/**
 * Plans a run of prose paragraphs as a lecturer would: each topic becomes one
 * slide with a claim title and up to four short points; the paragraphs
 * themselves, whole, become the speaker notes. Nothing of the essay is lost,
 * little of it is pasted.
 */
import { splitSentences } from '../sentences.js';
import type { Point } from '../model.js';
import { claimTitle, normalizeTitle, plainText, TITLE_MAX_WORDS } from './claim-title.js';
import { condense, markShown, type CondenseContext } from './condense.js';
import { emphasize } from './emphasis.js';
import { findCorrelative } from './correlative.js';
import { findInlineList } from './inline-list.js';
import { rankSentences } from './rank.js';
import { splitTopics } from './topic-split.js';
import { contentWords, hasVerb, tokens, wordCount } from './words.js';

/** Limits of a summary slide, from the research the planner follows (docs/planning.md). */
export const SUMMARY_LIMITS = {
  /** Words in one point: about 12, never over 16. */
  pointWords: 11,
  /** Words in one sub-point (an item of an inline list). */
  itemWords: 8,
  /** Points on a slide. */
  maxPoints: 4,
  /** Words of body text on a slide (title and source line aside): about 35, never over 40. */
  slideWords: 35,
  /** Sentences of a passage that make one slide; longer passages are split by topic. */
  maxSentences: 6,
};

export interface ProseParagraph {
  text: string;
  line: number;
  /** The author's list that follows the paragraph: its items are the slide's first points. */
  list?: string[];
  ordered?: boolean;
}

/** One planned slide of prose. */
export interface SummarySlide {
  title: string;
  points: Point[];
  /** A single statement instead of points, when the passage has one thing to say. */
  statement?: string;
  /** The passage's paragraphs (or their part on this slide), for the notes. */
  notes: string[];
  /** The passage's sentences, for its source line. */
  text: string;
  line: number;
}

interface Passage {
  /** Sentences grouped by paragraph, in essay order. */
  paragraphs: string[][];
  line: number;
  list?: string[];
}

/** Plans consecutive paragraphs of one section into slides. `usedTitles` keeps titles distinct across the deck. */
export function summarizeProse(paragraphs: ProseParagraph[], context: CondenseContext, usedTitles: Set<string>): SummarySlide[] {
  return passagesOf(paragraphs, context).map((passage) => planPassage(passage, context, usedTitles));
}

/** Splits long paragraphs at topic shifts and joins a one-sentence paragraph to its neighbour. */
function passagesOf(paragraphs: ProseParagraph[], context: CondenseContext): Passage[] {
  const passages: Passage[] = [];
  for (const paragraph of paragraphs) {
    const sentences = splitSentences(paragraph.text);
    if (sentences.length === 0) continue;
    const ranges = sentences.length > SUMMARY_LIMITS.maxSentences ? splitTopics(sentences, context.lang) : [[0, sentences.length] as [number, number]];
    for (const [start, end] of ranges) passages.push({ paragraphs: [sentences.slice(start, end)], line: paragraph.line });
    if (paragraph.list) passages.at(-1)!.list = paragraph.list;
  }
  // A passage of one short sentence cannot carry a slide of its own: it joins the next one (or the previous).
  for (let i = 0; i < passages.length; i++) {
    const passage = passages[i]!;
    const sentences = passage.paragraphs.flat();
    if (passages.length < 2 || sentences.length > 1 || wordCount(sentences[0]!) > 25) continue;
    const neighbour = passages[i + 1] ?? passages[i - 1]!;
    if (passage.list || neighbour.paragraphs.flat().length + 1 > SUMMARY_LIMITS.maxSentences) continue;
    if (neighbour === passages[i + 1]) neighbour.paragraphs.unshift(...passage.paragraphs);
    else neighbour.paragraphs.push(...passage.paragraphs);
    neighbour.line = Math.min(neighbour.line, passage.line);
    passages.splice(i, 1);
    i--;
  }
  return passages;
}

function planPassage(passage: Passage, context: CondenseContext, usedTitles: Set<string>): SummarySlide {
  const sentences = passage.paragraphs.flat();
  const scores = rankSentences(sentences, context.lang);
  const { title, from } = chooseTitle(sentences, scores, context, usedTitles);
  usedTitles.add(normalizeTitle(title));
  markShown(title, context);

  // The title's own sentence may still give points: the items of its inline list, or what the title left out.
  // Points are made only when their turn comes (a full slide stops early): `points` is a thunk.
  const candidates: { index: number; points: () => Point[]; list?: boolean }[] = [];
  // The author's own list comes first: those are the points the author chose.
  // Items short enough stay exactly as written; a long one is condensed like a sentence.
  if (passage.list) {
    const list = passage.list;
    candidates.push({ index: sentences.length, list: true, points: () => list.map((item) => ({ text: wordCount(item) <= SUMMARY_LIMITS.pointWords ? item : condense(item, context, SUMMARY_LIMITS.pointWords, 'item') })) });
  }
  const titleList = findInlineList(sentences[from]!, context.lang);
  if (titleList) candidates.push({ index: from, list: true, points: () => titleList.items.map((item) => ({ text: condense(item, context, SUMMARY_LIMITS.itemWords, 'item') })) });
  else
    candidates.push({
      index: from,
      points: () => {
        const rest = remainderOf(sentences[from]!, title, context);
        return rest ? [{ text: rest }] : [];
      },
    });
  const order = sentences.map((_, i) => i).filter((i) => i !== from).sort((a, b) => scores[b]! - scores[a]! || a - b);
  for (const index of order) candidates.push({ index, points: () => pointsOf(sentences[index]!, context) });

  const chosen: { index: number; points: Point[] }[] = [];
  let words = 0;
  let count = 0;
  for (const candidate of candidates) {
    if (count >= SUMMARY_LIMITS.maxPoints || words >= SUMMARY_LIMITS.slideWords - 2) break;
    const made = candidate.points();
    // List items stand even as one word ("teknologi"); a point must say more and not repeat the title or another point.
    const fresh = candidate.list
      ? made.filter((p) => p.text !== '')
      : made.filter((p) => wordCount(p.text) >= 2 && !repeats(allText(p), title, context) && !chosen.some((c) => c.points.some((q) => repeats(allText(p), allText(q), context))));
    if (fresh.length === 0) continue;
    const size = fresh.reduce((sum, p) => sum + pointWords(p), 0);
    // The items of the title's own list count as one point: together they are what the title announces.
    const slots = candidate.list ? 1 : fresh.length;
    if (count + slots > SUMMARY_LIMITS.maxPoints || words + size > SUMMARY_LIMITS.slideWords) continue;
    chosen.push({ index: candidate.index, points: fresh });
    words += size;
    count += slots;
  }
  chosen.sort((a, b) => a.index - b.index);
  let points = chosen.flatMap((c) => c.points);
  for (const point of points) markShown(point.text, context);

  const notes = passage.paragraphs.map((p) => p.join(' '));
  // The list's items, whole, in the notes too: a condensed item is not lost.
  if (passage.list) notes.push(passage.list.map((item) => `• ${item}`).join(' '));
  const slide: SummarySlide = { title, points: [], notes, text: sentences.join(' '), line: passage.line };
  // Nothing fitted as a point: the best other sentence, cut where it must, says what the slide is about.
  const other = order[0];
  if (points.length === 0 && other !== undefined) points = [{ text: condense(sentences[other]!, context, SUMMARY_LIMITS.pointWords, 'item') }];
  // One point alone is a statement, shown as such rather than as a lonely bullet.
  if (points.length === 1 && !points[0]!.subpoints) {
    slide.statement = emphasize([points[0]!.text])[0];
    return slide;
  }
  const emphasized = emphasize(points.map((p) => p.text));
  points = points.map((p, i) => ({ ...p, text: emphasized[i]! }));
  slide.points = points;
  return slide;
}

/** The topic sentence's claim; failing that, the best-ranked sentence that makes one; failing that, the topic sentence shortened. */
function chooseTitle(sentences: string[], scores: number[], context: CondenseContext, used: Set<string>): { title: string; from: number } {
  const order = [0, ...sentences.map((_, i) => i).filter((i) => i > 0).sort((a, b) => scores[b]! - scores[a]!)];
  for (const index of order) {
    const sentence = sentences[index]!;
    const list = findInlineList(sentence, context.lang);
    const title = claimTitle(list ? listLead(list.lead, context) : sentence, context, used);
    if (title) return { title, from: index };
  }
  // No sentence makes a claim: the topic sentence's first words are better than none; keep them distinct.
  const fallback = condense(plainText(sentences[0]!), context, TITLE_MAX_WORDS, 'item');
  let title = fallback;
  for (let n = 2; used.has(normalizeTitle(title)); n++) title = `${fallback} (${n})`;
  return { title, from: 0 };
}

/** What announces a list: the clause right before it when it makes a statement ("terdapat beberapa prinsip dasar …"), else the whole lead. */
function listLead(lead: string, context: CondenseContext): string {
  const clauses = lead.split(/,\s+/u);
  const last = clauses.at(-1)!;
  return clauses.length > 1 && tokens(last).length >= 4 && hasVerb(last, context.lang) ? last : lead;
}

/** The part of the title's sentence the title left out, as a point of its own ("salah satunya Mesir yang menjadi …" → "Mesir menjadi …"). */
function remainderOf(sentence: string, title: string, context: CondenseContext): string | undefined {
  const full = condense(sentence, context, 1000, 'point');
  const titleWords = tokens(title).length;
  const words = tokens(full);
  // The title is the sentence's leading part; what follows a comma after it is the remainder.
  const comma = words.findIndex((w, i) => i >= titleWords - 1 && /,$/u.test(w));
  if (comma < 0 || words.length - comma - 1 < 5) return undefined;
  // Only an example the sentence names after "salah satunya" / "including" stands on its own; other remainders are fragments.
  const named = /^(?:salah satunya|salah satu di antaranya|diantaranya|di antaranya|termasuk|terutama|khususnya|including|especially|notably)\s+/iu.exec(words.slice(comma + 1).join(' '));
  if (!named) return undefined;
  let rest = words.slice(comma + 1).join(' ').slice(named[0].length);
  rest = rest.replace(/^(\p{Lu}[\p{L}-]*)\s+(?:yang|which|who)\s+/u, '$1 ');
  const point = condense(rest, context, SUMMARY_LIMITS.pointWords);
  return tokens(point).length >= 4 ? point : undefined;
}

/** A sentence as points: its lead with the items of its inline list as sub-points, a correlative pair as two halves, or its condensed core. */
function pointsOf(sentence: string, context: CondenseContext): Point[] {
  const pair = findCorrelative(sentence, context.lang);
  if (pair && tokens(condense(sentence, context, 1000)).length > SUMMARY_LIMITS.pointWords) {
    // The subject is what follows any scene-setting phrase: "Dengan seiring …, saat ini Indonesia" → "Saat ini Indonesia".
    // A reporting frame before it goes too: "Hal ini menunjukkan bahwa digitalisasi" → "Digitalisasi".
    const subject = pair.lead.split(/,\s+/u).at(-1)!.replace(/^.*\b(?:bahwa|that)\s+/iu, '');
    const lead = condense(subject, context, SUMMARY_LIMITS.pointWords);
    // The pair's own words ("bukan hanya", "namun juga") stay: the rules would drop "namun" and "juga" as filler.
    const halves = [pair.first, pair.second].map((half) => {
      const opener = /^(?:(?:bukan|tidak)\s+(?:hanya|saja)|(?:namun|tetapi|melainkan|tapi)(?:\s+juga)?|not\s+only|but(?:\s+also)?)\s+/iu.exec(half)?.[0] ?? '';
      const body = condense(half.slice(opener.length), context, SUMMARY_LIMITS.itemWords - tokens(opener).length, 'item');
      return { text: lowerFirst(`${opener.toLowerCase()}${lowerFirst(body)}`) };
    });
    if (tokens(lead).length >= 1) return [{ text: lead, subpoints: halves }];
  }
  const list = findInlineList(sentence, context.lang);
  if (list) {
    const items = list.items.map((item) => ({ text: condense(item, context, SUMMARY_LIMITS.itemWords, 'item') })).filter((p) => p.text !== '');
    const lead = condense(list.lead, context, SUMMARY_LIMITS.pointWords);
    if (tokens(lead).length >= 3) return [{ text: lead, subpoints: items }];
    return items;
  }
  const point = condense(sentence, context, SUMMARY_LIMITS.pointWords);
  return point && hasVerb(point, context.lang) || tokens(point).length >= 3 ? [{ text: point }] : [];
}

function pointWords(point: Point): number {
  return wordCount(point.text) + (point.subpoints ?? []).reduce((sum, p) => sum + wordCount(p.text), 0);
}

/** Whether a point says mostly what another text already says (most of its content words are there). */
function repeats(point: string, other: string, context: CondenseContext): boolean {
  const mine = new Set(contentWords(point, context.lang));
  if (mine.size === 0) return true;
  const theirs = new Set(contentWords(other, context.lang));
  let shared = 0;
  for (const word of mine) if (theirs.has(word)) shared++;
  return shared / mine.size >= 0.75;
}

/** "Bukan hanya …" continues its lead's sentence, so it starts in lower case. */
function lowerFirst(text: string): string {
  return text.replace(/^(\p{Lu})(?=\p{Ll})/u, (letter) => letter.toLowerCase());
}

/** A point with its sub-points, as one text: "Saat ini Indonesia" says little until its halves are read. */
function allText(point: Point): string {
  return [point.text, ...(point.subpoints ?? []).map((p) => p.text)].join(' ');
}
