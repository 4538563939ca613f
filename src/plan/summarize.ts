/**
 * Plans a run of prose paragraphs as a lecturer would: each topic becomes one
 * slide with a claim title and up to four short points; the paragraphs
 * themselves, whole, become the speaker notes. Nothing of the essay is lost,
 * little of it is pasted.
 */
import { splitSentences } from '../sentences.js';
import type { Point, SlideBody } from '../model.js';
import { claimTitle, normalizeTitle, plainText, TITLE_MAX_WORDS } from './claim-title.js';
import { condense, markShown, type CondenseContext } from './condense.js';
import { capitalizeFirst } from './drop-opening.js';
import { emphasize } from './emphasis.js';
import { cutPoints, POINT_HARD_LIMIT } from './fit-length.js';
import { findCorrelative } from './correlative.js';
import { findInlineList } from './inline-list.js';
import { bigNumberOf } from './layouts/big-number.js';
import { comparisonOf } from './layouts/compare.js';
import { definitionOf } from './layouts/definition.js';
import { eventsOf, timelineTitle } from './layouts/timeline.js';
import { rankSentences } from './rank.js';
import { isRoadmap } from './roadmap.js';
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
  /** The author's `layout=` marker on the paragraph: a layout to force, or `points` for none. */
  layout?: string;
  /** A picture right after the paragraph: shown beside its points. */
  image?: { src: string; alt: string; caption?: string; line: number };
  /** The author's list that follows the paragraph: its items are the slide's first points. */
  list?: string[];
  ordered?: boolean;
}

/** One planned slide of prose. */
export interface SummarySlide {
  title: string;
  /** Points, a statement, or a layout that shows the passage (big number, timeline, definition, compare, steps). */
  body: SlideBody;
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
  /** The passage starts a paragraph (only then can it open with a definition). */
  opens: boolean;
  layout?: string;
  /** What the notes read, when not the paragraphs as they are (a sentence moved to a slide of its own). */
  notes?: string[];
  /** Sentences a timeline of the section already shows: not points again. */
  onTimeline?: Set<string>;
  image?: { src: string; alt: string; caption?: string; line: number };
}

/** Layout names an author may force with `<!-- paparan: layout=… -->`; `points` refuses them all. */
export const LAYOUT_NAMES = ['bignumber', 'timeline', 'definition', 'compare', 'steps', 'points'] as const;

/** Plans consecutive paragraphs of one section into slides. `usedTitles` keeps titles distinct across the deck. */
export function summarizeProse(paragraphs: ProseParagraph[], context: CondenseContext, usedTitles: Set<string>): SummarySlide[] {
  const timeline = timelineOf(paragraphs, context, usedTitles);
  // The events a timeline shows are not repeated as points (their sentences stay in the notes).
  const onTimeline = new Set(timeline?.notes ?? []);
  const slides = passagesOf(paragraphs, context).flatMap((passage) => planWithShowcase({ ...passage, onTimeline }, context, usedTitles));
  return timeline ? [timeline, ...slides] : slides;
}

/**
 * A section that names three or more dated events opens with their timeline. The paragraphs stay on
 * their own slides (with the whole text in their notes); the timeline's notes are the sentences it read.
 */
function timelineOf(paragraphs: ProseParagraph[], context: CondenseContext, used: Set<string>): SummarySlide | undefined {
  if (paragraphs.some((p) => p.layout === 'points')) return undefined;
  const forced = paragraphs.some((p) => p.layout === 'timeline');
  const events = eventsOf(paragraphs.flatMap((p) => splitSentences(p.text)), context);
  if (events.length < (forced ? 2 : 3)) return undefined;
  const title = timelineTitle(events, context.lang);
  if (used.has(normalizeTitle(title))) return undefined;
  used.add(normalizeTitle(title));
  const notes = [...new Set(events.map((e) => e.sentence))];
  return { title, body: { layout: 'timeline', events: events.map((e) => ({ date: e.date, label: e.label })) }, notes, text: notes.join(' '), line: paragraphs[0]!.line };
}

/**
 * A passage whose point is a figure or a comparison shows it on a slide of its own (big number, two
 * columns), beside the slide of the rest (two such slides at most); a passage of two sentences or
 * fewer becomes that slide.
 */
function planWithShowcase(passage: Passage, context: CondenseContext, used: Set<string>): SummarySlide[] {
  const sentences = passage.paragraphs.flat();
  const showcases = passage.layout === 'points' || passage.image ? [] : affordableShowcases(findShowcases(passage, context), passage);
  if (showcases.length === 0) return [planPassage(passage, context, used)];
  const slides = showcases.map(({ index, body }) => {
    const sentence = sentences[index]!;
    // A big number's caption is its title: the figure and what it measures, read as one claim.
    const title = body.layout === 'bignumber' && !used.has(normalizeTitle(plainText(body.caption))) ? plainText(body.caption) : showcaseTitle(sentence, body, context, used);
    used.add(normalizeTitle(title));
    markShown(title, context);
    // A comparison titled by what it compares does not say it again above its columns.
    const shown: SlideBody = body.layout === 'compare' && body.lead === title ? { ...body, lead: undefined } : body;
    return { index, slide: { title, body: shown, notes: [sentence], text: sentence, line: passage.line } as SummarySlide };
  });
  if (sentences.length <= 2) return [{ ...slides[0]!.slide, notes: passage.paragraphs.map((p) => p.join(' ')), text: sentences.join(' ') }];
  const rest = withoutSentences(passage, showcases.map((s) => s.index));
  const restSentences = rest.paragraphs.flat().filter((s) => !rest.onTimeline?.has(s));
  if (restSentences.length === 0) {
    // Nothing left to show that a timeline or these slides do not: the rest is read with the first of them.
    // (Sentences the timeline shows are read there already.)
    const unread = rest.paragraphs.flat().filter((s) => !rest.onTimeline?.has(s));
    if (unread.length > 0) slides[0]!.slide.notes = [...slides[0]!.slide.notes, unread.join(' ')];
    return slides.map((s) => s.slide);
  }
  const main = { index: Math.min(...[...sentences.keys()].filter((i) => !showcases.some((s) => s.index === i))), slide: planPassage(rest, context, used) };
  return [...slides, main].sort((a, b) => a.index - b.index).map((s) => s.slide);
}

/** A showcase slide's title: the sentence's claim; for a comparison, what it compares when the claim will not fit whole. */
function showcaseTitle(sentence: string, body: SlideBody, context: CondenseContext, used: Set<string>): string {
  const claim = claimTitle(sentence, context, used);
  if (claim) return claim;
  if (body.layout === 'compare' && body.lead && tokens(body.lead).length >= 2 && !used.has(normalizeTitle(body.lead))) return body.lead;
  return condense(plainText(sentence), context, TITLE_MAX_WORDS, 'item');
}

/**
 * At most two showcases, and only as many as leave the rest a slide worth showing: two sentences at
 * least (a title and a point), or none that a timeline of the section does not already show.
 */
function affordableShowcases(found: { index: number; body: SlideBody }[], passage: Passage): { index: number; body: SlideBody }[] {
  const sentences = passage.paragraphs.flat();
  if (sentences.length <= 2) return found.slice(0, 1);
  for (let k = Math.min(2, found.length); k > 0; k--) {
    const taken = new Set(found.slice(0, k).map((f) => f.index));
    const left = sentences.filter((s, i) => !taken.has(i) && !passage.onTimeline?.has(s)).length;
    if (left === 0 || left >= 2) return found.slice(0, k);
  }
  return [];
}

/** Sentences with a figure (big number) or a comparison (two columns), one of each kind, unless the author chose another layout. */
function findShowcases(passage: Passage, context: CondenseContext): { index: number; body: SlideBody }[] {
  const sentences = passage.paragraphs.flat();
  const wants = (name: string) => !passage.layout || passage.layout === name;
  const found: { index: number; body: SlideBody }[] = [];
  // A figure is shown before a comparison when only one may be: a number is what a slide shows best.
  for (const [index, sentence] of sentences.entries()) {
    const big = wants('bignumber') && !found.some((f) => f.body.layout === 'bignumber') ? bigNumberOf(sentence, context) : null;
    if (big) {
      found.push({ index, body: { layout: 'bignumber', figure: big.figure, caption: big.caption } });
      continue;
    }
    const comparison = wants('compare') && !found.some((f) => f.body.layout === 'compare') ? comparisonOf(sentence, context) : null;
    if (comparison) {
      const columns = comparison.columns.map((c) => ({ heading: c.heading, points: [{ text: c.text }] }));
      found.push({ index, body: { layout: 'compare', lead: comparison.lead, columns } });
    }
  }
  return found.sort((a, b) => (a.body.layout === b.body.layout ? a.index - b.index : a.body.layout === 'bignumber' ? -1 : 1));
}

/**
 * The passage without some sentences, to plan the rest from. Its notes keep a paragraph whole unless
 * the sentences moved out began or ended it (then they are read on their own slides, and the rest
 * reads on without them).
 */
function withoutSentences(passage: Passage, indexes: number[]): Passage {
  let offset = 0;
  const notes: string[] = [];
  const paragraphs = passage.paragraphs.map((p) => {
    const moved = p.map((_, i) => indexes.includes(offset + i));
    offset += p.length;
    const kept = p.filter((_, i) => !moved[i]);
    // Moved from the edges only: the paragraph still reads on; moved from inside: it is read whole.
    const first = moved.indexOf(false);
    const last = moved.lastIndexOf(false);
    const inside = first >= 0 && moved.slice(first, last + 1).some(Boolean);
    notes.push((inside ? p : kept).join(' '));
    return kept;
  });
  return { ...passage, paragraphs: paragraphs.filter((p) => p.length > 0), notes: notes.filter(Boolean), opens: passage.opens && !indexes.includes(0) };
}

/** Splits long paragraphs at topic shifts and joins a one-sentence paragraph to its neighbour. */
function passagesOf(paragraphs: ProseParagraph[], context: CondenseContext): Passage[] {
  const passages: Passage[] = [];
  for (const paragraph of paragraphs) {
    const sentences = splitSentences(paragraph.text);
    if (sentences.length === 0) continue;
    const ranges = sentences.length > SUMMARY_LIMITS.maxSentences ? splitTopics(sentences, context.lang) : [[0, sentences.length] as [number, number]];
    for (const [start, end] of ranges) passages.push({ paragraphs: [sentences.slice(start, end)], line: paragraph.line, opens: start === 0, layout: paragraph.layout });
    if (paragraph.list) passages.at(-1)!.list = paragraph.list;
    if (paragraph.image) passages.at(-1)!.image = paragraph.image;
  }
  // A passage of one short sentence cannot carry a slide of its own: it joins the next one (or the previous).
  for (let i = 0; i < passages.length; i++) {
    const passage = passages[i]!;
    const sentences = passage.paragraphs.flat();
    if (passages.length < 2 || sentences.length > 1 || wordCount(sentences[0]!) > 25) continue;
    const neighbour = passages[i + 1] ?? passages[i - 1]!;
    if (passage.list || passage.image || neighbour.paragraphs.flat().length + 1 > SUMMARY_LIMITS.maxSentences) continue;
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
  // A paragraph that opens by defining its subject shows the term as its title and the definition beneath.
  const defined = passage.opens && (!passage.layout || passage.layout === 'definition') ? definitionOf(sentences[0]!, context.lang) : null;
  const term = defined ? capitalizeFirst(defined.term) : undefined;
  // A definition that runs into a list stops before it: the items are the slide's points.
  // So does one that runs into a clause of its own ("… lainnya dimana mereka …", "… a city where …").
  const definedAs = defined ? (findInlineList(defined.definition, context.lang)?.lead ?? defined.definition).split(/,?\s+(?:dimana|di mana|where|which|whose)\s+/u)[0]! : '';
  const definition = defined && term && !usedTitles.has(normalizeTitle(term)) ? condense(definedAs, context, SUMMARY_LIMITS.pointWords, 'point') || undefined : undefined;
  const { title, from } = definition ? { title: term!, from: 0 } : chooseTitle(sentences, scores, context, usedTitles);
  usedTitles.add(normalizeTitle(title));
  markShown(title, context);
  if (definition) markShown(definition, context);

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
  else if (!definition && !passage.onTimeline?.has(sentences[from]!))
    candidates.push({
      index: from,
      points: () => {
        const rest = remainderOf(sentences[from]!, title, context);
        return rest ? [{ text: rest }] : [];
      },
    });
  // A sentence that announces the essay's plan is read, not shown: the outline slide shows the plan.
  const order = sentences.map((_, i) => i).filter((i) => i !== from && !isRoadmap(sentences[i]!, context.lang)).sort((a, b) => scores[b]! - scores[a]! || a - b);
  for (const index of order) if (!passage.onTimeline?.has(sentences[index]!)) candidates.push({ index, points: () => pointsOf(sentences[index]!, context) });

  const chosen: { index: number; points: Point[]; list?: boolean }[] = [];
  let words = definition ? wordCount(definition) : 0;
  let count = definition ? 1 : 0;
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
    chosen.push({ index: candidate.index, points: fresh, list: candidate.list });
    words += size;
    count += slots;
  }
  chosen.sort((a, b) => a.index - b.index);
  let points = chosen.flatMap((c) => c.points);
  for (const point of points) markShown(point.text, context);

  const notes = passage.notes ?? passage.paragraphs.map((p) => p.join(' '));
  // The list's items, whole, in the notes too: a condensed item is not lost.
  if (passage.list) notes.push(passage.list.map((item) => `• ${item}`).join(' '));
  const slide = (body: SlideBody): SummarySlide => ({ title, body, notes, text: sentences.join(' '), line: passage.line });
  // Under a definition, which takes two lines of its own, five points at most: a list stays whole, other points give way.
  if (definition) {
    const listed = chosen.filter((c) => c.list).flatMap((c) => c.points);
    const others = chosen.filter((c) => !c.list).flatMap((c) => c.points);
    const shown = listed.length + others.length > 5 ? [...listed, ...others.slice(0, Math.max(0, 5 - listed.length))] : points;
    return slide({ layout: 'definition', term: title, definition, points: emphasized(shown) });
  }
  // A picture after the paragraph fills half the slide; the points, fewer for the narrower half, the other.
  if (passage.image) return slide({ layout: 'image', ...passage.image, points: emphasized(points.slice(0, 3)) });
  // Three to six items that are the slide's subject read best as numbered cards.
  const list = chosen.find((c) => c.list && c.points.length >= 3 && c.points.length <= 6);
  if (list && passage.layout !== 'points' && (!passage.layout || passage.layout === 'steps')) {
    return slide({ layout: 'steps', items: list.points, points: emphasized(chosen.filter((c) => c !== list).flatMap((c) => c.points)) });
  }
  // Nothing fitted as a point: the best other sentence says what the slide is about, cut at a boundary within a
  // point's hard limit ("… how human activity changes local climate", not "… of how human"); cut anywhere only
  // when no sentence has such a boundary.
  if (points.length === 0 && order.length > 0) {
    const unread = order.filter((i) => !passage.onTimeline?.has(sentences[i]!));
    let whole: string | undefined;
    for (const i of unread.length > 0 ? unread : order) {
      const text = condense(sentences[i]!, context, POINT_HARD_LIMIT, 'point');
      if (text !== '') {
        whole = text;
        break;
      }
    }
    points = [{ text: whole ?? condense(sentences[order[0]!]!, context, SUMMARY_LIMITS.pointWords, 'item') }];
  }
  // No other sentence to show (the rest announced the essay's plan): the title's sentence goes on in a clause of its own.
  if (points.length === 0) {
    const next = nextClauseOf(sentences[from]!, title, context);
    if (next) points = [{ text: next }];
  }
  // One point alone is a statement, shown as such rather than as a lonely bullet.
  if (points.length === 1 && !points[0]!.subpoints) return slide({ layout: 'statement', text: emphasize([points[0]!.text])[0]! });
  return slide({ layout: 'bullets', points: emphasized(points) });
}

/** Points with at most two figures or years in bold across them. */
function emphasized(points: Point[]): Point[] {
  const texts = emphasize(points.map((p) => p.text));
  return points.map((p, i) => ({ ...p, text: texts[i]! }));
}

/** The topic sentence's claim; failing that, the best-ranked sentence that makes one; failing that, the topic sentence shortened. */
function chooseTitle(sentences: string[], scores: number[], context: CondenseContext, used: Set<string>): { title: string; from: number } {
  const order = [0, ...sentences.map((_, i) => i).filter((i) => i > 0).sort((a, b) => scores[b]! - scores[a]!)].filter(
    (i) => i === 0 || !isRoadmap(sentences[i]!, context.lang),
  );
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

/**
 * The first clause after the title in the title's sentence, as a point: "… lives in cities, and climate change is
 * making heatwaves longer …" → "Climate change is making heatwaves longer and more intense".
 */
function nextClauseOf(sentence: string, title: string, context: CondenseContext): string | undefined {
  const words = tokens(condense(sentence, context, 1000, 'point'));
  // Where a clause may start: after a comma that ends no list item, or before a conjunction.
  const starts = cutPoints(words, context.lang).filter((cut) => cut.clause && cut.at >= tokens(title).length && cut.at < words.length - 3);
  for (const { at } of starts) {
    const rest = words.slice(at).join(' ').replace(/^(?:and|but|so|while|whereas|dan|serta|namun|tetapi|sehingga|maka)\s+/iu, '');
    if (!hasVerb(rest, context.lang)) continue;
    const point = condense(capitalizeFirst(rest), context, SUMMARY_LIMITS.pointWords);
    if (wordCount(point) >= 4 && !repeats(point, title, context)) return point;
  }
  return undefined;
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
  // "terutama dalam hal perluasan pasar …": without its "terutama" a phrase reads as a fragment; with it, as the title's case in point.
  if (/^(?:terutama|khususnya|especially|notably)\s/iu.test(named[0]) && /^(?:dalam|pada|di|bagi|untuk|di kalangan|in|for|among|at|on)\s/iu.test(rest)) {
    rest = `${named[0].trim()} ${rest}`;
  }
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
