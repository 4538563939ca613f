/**
 * Figures that say whether a deck can be presented as planned: how long the
 * points are, how full the slides, how many titles repeat, what share of the
 * essay is pasted, and whether every sentence reached the notes. `paparan
 * check` prints them against the bounds below; the tests hold the planner to them.
 */
import { splitSentences } from '../sentences.js';
import type { Deck, Point, SourceDoc } from '../model.js';
import { plainInline } from '../parse.js';
import { normalizeTitle } from './claim-title.js';
import { POINT_HARD_LIMIT } from './fit-length.js';
import { tokens } from './words.js';

export interface DeckFigures {
  slides: number;
  contentSlides: number;
  bulletWordsMedian: number;
  bulletWordsMax: number;
  slideWordsMax: number;
  /** Points that start or end with "…": pieces of a sentence cut across slides. */
  fragments: number;
  /** Content slides that continue the previous one or hold a single short bullet. */
  continuations: number;
  singleBulletSlides: number;
  distinctTitleShare: number;
  titlesEqualToHeading: number;
  /** Words on the slides (titles and points) over words in the essay. */
  shownShare: number;
  /** Essay sentences in no slide's notes (nor on a slide verbatim). */
  sentencesMissing: string[];
}

/** The bounds a deck must keep (issue #9); `paparan check` fails a deck outside them. */
export const BOUNDS = {
  bulletWordsMedian: 10,
  bulletWordsMax: POINT_HARD_LIMIT,
  slideWordsMax: 40,
  fragments: 0,
  /** Continuation and single-bullet slides, as a share of content slides. */
  looseShare: 0.1,
  distinctTitleShare: 0.9,
  titlesEqualToHeading: 0,
  shownShare: 0.5,
  sentencesMissing: 0,
};

/** Measures a planned deck against the essay it came from. */
export function measureDeck(deck: Deck, doc: SourceDoc): DeckFigures {
  const content = deck.slides.filter((s) => s.kind === 'content');
  const bulletSlides = content.filter((s) => s.body?.layout === 'bullets');
  // Every point a slide shows counts, whatever its layout (cards, columns, the points under a definition or a picture).
  const bullets = content.flatMap((s) => pointsOf(s.body).flatMap(flatten));
  const bulletWords = bullets.map((b) => words(b)).sort((a, b) => a - b);
  const bodyWords = content.map((s) => bodyText(s.body).reduce((sum, text) => sum + words(text), 0));
  const headings = new Set(doc.sections.map((s) => normalizeTitle(s.title)));
  const titles = content.map((s) => normalizeTitle(s.title));
  const essay = [...doc.preamble, ...doc.sections.flatMap((s) => s.blocks)];
  const prose = essay.flatMap((b) => (b.kind === 'paragraph' || b.kind === 'quote' ? [b.text] : b.kind === 'list' ? b.items : []));
  const essayWords = prose.reduce((sum, text) => sum + words(text), 0);
  const shownWords = content.reduce((sum, s) => sum + words(s.title) + bodyText(s.body).reduce((n, t) => n + words(t), 0), 0);
  const spoken = normalize(deck.slides.map((s) => [s.title, ...s.notes, ...bodyText(s.body)].join(' ')).join(' '));
  return {
    slides: deck.slides.length,
    contentSlides: content.length,
    bulletWordsMedian: bulletWords.length ? bulletWords[Math.floor((bulletWords.length - 1) / 2)]! : 0,
    bulletWordsMax: bulletWords.at(-1) ?? 0,
    slideWordsMax: Math.max(0, ...bodyWords),
    fragments: bullets.filter((b) => /^\s*…|…\s*$/u.test(b)).length,
    continuations: content.filter((s) => s.continued).length,
    singleBulletSlides: bulletSlides.filter((s) => s.body?.layout === 'bullets' && s.body.points.length === 1 && !s.body.points[0]!.subpoints?.length).length,
    distinctTitleShare: titles.length ? new Set(titles).size / titles.length : 1,
    titlesEqualToHeading: titles.filter((t) => headings.has(t)).length,
    shownShare: essayWords ? shownWords / essayWords : 0,
    sentencesMissing: prose.flatMap((text) => splitSentences(text)).filter((sentence) => !spoken.includes(normalize(sentence))),
  };
}

/** The figures outside their bounds, as short lines for `paparan check`. */
export function figuresOutOfBounds(f: DeckFigures): string[] {
  const out: string[] = [];
  const loose = f.contentSlides ? (f.continuations + f.singleBulletSlides) / f.contentSlides : 0;
  if (f.bulletWordsMedian > BOUNDS.bulletWordsMedian) out.push(`median bullet of ${f.bulletWordsMedian} words (at most ${BOUNDS.bulletWordsMedian})`);
  if (f.bulletWordsMax > BOUNDS.bulletWordsMax) out.push(`a bullet of ${f.bulletWordsMax} words (at most ${BOUNDS.bulletWordsMax})`);
  if (f.slideWordsMax > BOUNDS.slideWordsMax) out.push(`a slide of ${f.slideWordsMax} words (at most ${BOUNDS.slideWordsMax})`);
  if (f.fragments > BOUNDS.fragments) out.push(`${f.fragments} bullets cut with "…"`);
  if (loose > BOUNDS.looseShare) out.push(`${f.continuations + f.singleBulletSlides} continuation or single-bullet slides (at most ${Math.round(BOUNDS.looseShare * 100)}%)`);
  if (f.distinctTitleShare < BOUNDS.distinctTitleShare) out.push(`${Math.round(f.distinctTitleShare * 100)}% distinct titles (at least ${Math.round(BOUNDS.distinctTitleShare * 100)}%)`);
  if (f.titlesEqualToHeading > 0) out.push(`${f.titlesEqualToHeading} slide titles repeat their section heading`);
  if (f.shownShare > BOUNDS.shownShare) out.push(`the slides show ${Math.round(f.shownShare * 100)}% of the essay's words (at most ${Math.round(BOUNDS.shownShare * 100)}%)`);
  if (f.sentencesMissing.length > 0) out.push(`${f.sentencesMissing.length} sentences of the essay are in no slide's notes`);
  return out;
}

function flatten(point: Point): string[] {
  return [point.text, ...(point.subpoints ?? []).flatMap(flatten)];
}

/** The points of a slide body, in any layout. */
function pointsOf(body: Deck['slides'][number]['body']): Point[] {
  switch (body?.layout) {
    case 'bullets':
      return body.points;
    case 'steps':
      return [...body.items, ...body.points];
    case 'definition':
      return body.points;
    case 'compare':
      return body.columns.flatMap((c) => c.points);
    case 'image':
      return body.points ?? [];
    default:
      return [];
  }
}

/** All the text a slide body shows (its title aside). */
function bodyText(body: Deck['slides'][number]['body']): string[] {
  if (!body) return [];
  const points = pointsOf(body).flatMap(flatten);
  switch (body.layout) {
    case 'statement':
    case 'quote':
      return [body.text];
    case 'definition':
      return [body.definition, ...points];
    case 'timeline':
      return body.events.map((e) => `${e.date} ${e.label}`);
    case 'bignumber':
      return [body.figure];
    case 'compare':
      return [...(body.lead ? [body.lead] : []), ...body.columns.map((c) => c.heading), ...points];
    default:
      return points;
  }
}

function words(markdown: string): number {
  return tokens(plainInline(markdown)).length;
}

function normalize(text: string): string {
  return plainInline(text).replace(/\s+/gu, ' ').trim().toLowerCase();
}
