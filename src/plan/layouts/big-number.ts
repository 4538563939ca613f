/**
 * Layout rule: a passage whose point is a figure gets a slide of its own:
 * the figure very large and a one-line caption of what it measures. The
 * caption is the sentence condensed by the point rules, so it keeps the
 * essay's own qualifier ("akan", "diperkirakan", "pada tahun 2030", "by 2030"):
 * a slide that shouts a number must not turn a forecast into a fact.
 */
import { stripCitations } from '../../citations.js';
import { condense, type CondenseContext } from '../condense.js';
import { findFigure } from './figures.js';

export interface BigNumber {
  figure: string;
  caption: string;
}

// A point's length: the figure's own phrase ("sebesar 57% … pada tahun 2030") may stretch it to 16 words, and is kept whole.
const CAPTION_WORDS = 11;

/** The big-number view of a sentence, or null when it holds no figure (or its caption would lose it). */
export function bigNumberOf(sentence: string, context: CondenseContext): BigNumber | null {
  const figure = findFigure(stripCitations(sentence));
  if (!figure) return null;
  const caption = condense(sentence, context, CAPTION_WORDS, 'point');
  if (!caption.includes(figure.split(/\s/u)[0]!)) return null;
  return { figure, caption };
}
