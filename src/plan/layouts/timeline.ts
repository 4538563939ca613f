/**
 * Layout rule: a section that names three or more dated events (years or full
 * dates, in any order) gets a timeline: one short label per event, sorted by
 * date. Years inside citations, (Pujayanti, 2015), are not events, and a
 * year the essay looks forward to ("pada tahun 2030 mendatang") is kept
 * only when it is the event itself.
 */
import { findCitations, stripCitations } from '../../citations.js';
import { condense, type CondenseContext } from '../condense.js';
import { cutPoints, trimDangling } from '../fit-length.js';
import { tokens } from '../words.js';

export interface TimelineEvent {
  year: number;
  date: string;
  label: string;
  /** The sentence it was read from, for the notes. */
  sentence: string;
}

const LABEL_WORDS = 8;
const GOAL = /\b(?:target|agar|supaya|diharapkan|diperkirakan|diproyeksikan|by|goal|aim|expected|projected|forecast)\b[^.]*$/iu;
const YEAR = /(?<![\p{L}\d])(1[5-9]\d\d|20\d\d)(?![\p{L}\d])/gu;
// The words that carry a date in a clause: "pada tahun 2010", "Pata tahun 1951" (a typo), "sejak 1955 lalu", "in 2003".
const DATE_PHRASE = (year: string) =>
  new RegExp(`(?:\\b(?:pada|pata|sejak|hingga|sampai|di|in|since|by|until|from|on)\\s+)?(?:(?:tahun\\w*|year|the year)\\s+)?(?:\\d{1,2}\\s+\\p{L}+\\s+)?${year}(?:\\s+(?:lalu|silam|mendatang))?`, 'iu');

/** The dated events of some sentences, one per year, sorted by date. */
export function eventsOf(sentences: string[], context: CondenseContext): TimelineEvent[] {
  const byYear = new Map<number, TimelineEvent>();
  for (const sentence of sentences) {
    const text = withoutCitations(sentence);
    for (const clause of text.split(/[,;]\s+/u)) {
      for (const match of clause.matchAll(YEAR)) {
        const year = Number(match[1]);
        // A year the sentence aims at ("target … pada 2024", "by 2030", "2030 mendatang") is a goal, not an event.
        const before = text.slice(0, text.indexOf(clause) + (match.index ?? 0));
        // The goal's clause counts whole: "target agar 30 juta UMKM sudah masuk ke dalam ekosistem digital pada tahun 2024".
        const aimed = GOAL.test(before.slice(-60)) || GOAL.test(clause.slice(0, match.index));
        if (byYear.has(year) || aimed || new RegExp(`${match[1]}\\s+mendatang`, 'u').test(clause)) continue;
        const label = labelOf(clause, match[1]!, text, context);
        if (label) byYear.set(year, { year, date: match[1]!, label, sentence });
      }
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** A sentence without its citations, narrative ones too ("Menurut X (2015),"): their years are not events. */
function withoutCitations(sentence: string): string {
  let text = stripCitations(sentence);
  for (const citation of findCitations(text).reverse()) text = text.slice(0, citation.index) + text.slice(citation.index + citation.raw.length);
  return text;
}

/** What happened in that year: the clause without its date, or the clause after a date that stands alone ("Pata tahun 1951, Indonesia …"). */
function labelOf(clause: string, year: string, sentence: string, context: CondenseContext): string | undefined {
  let text = clause.replace(DATE_PHRASE(year), ' ').replace(/\s+/gu, ' ').trim();
  if (tokens(text).length < 2) {
    const after = sentence.slice(sentence.indexOf(clause) + clause.length).replace(/^[,;]\s*/u, '').split(/[,;]\s+/u)[0] ?? '';
    text = after;
  }
  // "… Tim Koordinasi Nasional KSS yang kemudian pada 2017 dilakukan oleh …": the thing named before "yang" is the event's subject.
  const relative = /^(?:.*?\s)?((?:\p{Lu}[\p{L}-]*\s?){2,6})\s+yang\s+(?:kemudian\s+)?(.+)$/u.exec(text);
  if (relative && clause.indexOf(year) > clause.indexOf(' yang ')) text = `${relative[1]!.trim()} ${relative[2]}`;
  // "… was Luke Howard, a London chemist, who in 1818 published …": the event's subject is the name the clause is about.
  if (/^(?:who|yang)\s/iu.test(text)) {
    const name = antecedentName(sentence.slice(0, sentence.indexOf(clause)));
    if (name) text = `${name} ${text.replace(/^\S+\s+/u, '')}`;
  }
  text = text.replace(/^(?:salah satunya|diantaranya|di antaranya|yang|dan|serta|including|and|who|which|that)\s+/iu, '').replace(/^(\p{Lu}[\p{L}-]*)\s+(?:yang|which|who)\s+/u, '$1 ');
  const label = fitLabel(condense(text, context, 1000, 'item'), context);
  return tokens(label).length >= 2 ? label : undefined;
}

/** The name a relative clause is about: the capitalized words ending the text before it, past an appositive ("Luke Howard, a London chemist,"). */
function antecedentName(before: string): string | undefined {
  const chunks = before.replace(/[,\s]+$/u, '').split(/,\s+/u);
  // An appositive ("a London chemist and amateur meteorologist", "seorang ahli kimia") stands between the name and "who".
  if (chunks.length > 1 && /^(?:a|an|the|seorang|sebuah|salah)\s/iu.test(chunks.at(-1)!)) chunks.pop();
  const name = /((?:\p{Lu}[\p{L}'’-]*\s){0,3}\p{Lu}[\p{L}'’-]*)$/u.exec(chunks.at(-1)!.trim())?.[1];
  // A capital that only starts the sentence is no name.
  return name && chunks.at(-1)!.trim() !== name ? name : undefined;
}

/** A label of a few words, cut at the last clause or phrase boundary that fits (a name is not split), without a verb if need be. */
function fitLabel(text: string, context: CondenseContext): string {
  const words = tokens(text);
  if (words.length <= LABEL_WORDS) return text;
  const end = Math.max(0, ...cutPoints(words, context.lang).filter((c) => c.at <= LABEL_WORDS && c.at >= 2).map((c) => c.at)) || LABEL_WORDS;
  // A title in emphasis cut in half ("*The Climate"): the label runs on to its end when that is near
  // ("*The Climate of London*"), else it drops the marks rather than show a lone asterisk.
  if ((words.slice(0, end).join(' ').match(/\*/gu) ?? []).length % 2 === 1) {
    const close = words.findIndex((w, i) => i >= end && /\*/u.test(w));
    if (close >= 0 && close < LABEL_WORDS + 3) return words.slice(0, close + 1).join(' ').replace(/[,;:.]+$/u, '');
  }
  const kept = trimDangling(words.slice(0, end), context.lang).join(' ');
  return (kept.match(/\*/gu) ?? []).length % 2 === 0 ? kept : kept.replace(/\*/gu, '');
}

/** "Linimasa 1945–2017" / "Timeline 1818–2018": a title the section heading does not already say. */
export function timelineTitle(events: TimelineEvent[], lang: string): string {
  const word = lang === 'id' ? 'Linimasa' : 'Timeline';
  return `${word} ${events[0]!.date}–${events.at(-1)!.date}`;
}
