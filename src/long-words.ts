/**
 * Words and links too long for a slide. The CSS breaks a long word anywhere,
 * but a 5,000-character link or word still wraps onto dozens of lines that no
 * slide holds; so on the slide such a word is shortened with "…" (a link keeps
 * its whole address, only its text is shorter), and the notes keep it whole.
 */
import type { SlideBudget } from './layout.js';
import type { Point, Slide, SlideBody } from './model.js';
import { plainInline } from './parse.js';
import { columnWordLimits } from './wide-table.js';

/** A word may take this many lines of a point, a quote or a reference before it is shortened. */
const maxWordLines = 2;

// A Markdown link or image (kept), an autolink in <>, a bare web address, or any other run without a space (up to an address).
const runs = /(!?\[[^\]]*\]\([^)]*\))|<((?:https?|ftp):\/\/[^>\s]+)>|((?:https?:\/\/|www\.)[^\s<]+)|((?:(?!https?:\/\/|www\.)\S)+)/g;

/** Shortens every word or link of Markdown inline text that shows more than `maxChars` characters. */
export function shortenLongWords(markdown: string, maxChars: number): string {
  return markdown.replace(runs, (run: string, link?: string, angled?: string, bare?: string) => {
    if (link) return run;
    if (angled) return [...angled].length > maxChars ? linkTo(angled, maxChars) : run;
    if (bare) {
      // Trailing punctuation ends the sentence, not the address (as GFM reads it).
      const [, address = bare, after = ''] = /^(.*?)([.,;:!?)]*)$/.exec(bare) ?? [];
      return [...address].length > maxChars ? `${linkTo(address, maxChars)}${after}` : run;
    }
    const shown = plainInline(run);
    return [...shown].length > maxChars ? escapeMarkdown(cut(shown, maxChars)) : run;
  });
}

/** Shortens the long words on every slide, within what each layout's line holds; a slide that changes gets the whole text in its notes. */
export function fitLongWords(slides: Slide[], budget: SlideBudget): Slide[] {
  return slides.map((slide) => {
    if (!slide.body) return slide;
    const whole: string[] = [];
    const fit = (text: string, maxChars: number) => {
      const shown = shortenLongWords(text, maxChars);
      if (shown !== text) whole.push(text);
      return shown;
    };
    const body = fitBody(slide.body, fit, budget);
    // What the notes already say in full (a paragraph's sentences) is not repeated.
    const missing = whole.filter((text) => !slide.notes.some((note) => note.includes(text)));
    return whole.length === 0 ? slide : { ...slide, body, notes: [...slide.notes, ...missing] };
  });
}

/** The body with its long words shortened; the line lengths are the planner's (see layout.ts and plan.ts). */
function fitBody(body: SlideBody, fit: (text: string, maxChars: number) => string, budget: SlideBudget): SlideBody {
  switch (body.layout) {
    case 'bullets': {
      const point = (p: Point): Point => ({ ...p, text: fit(p.text, (budget.charsPerLine - 3) * maxWordLines), ...(p.subpoints ? { subpoints: p.subpoints.map(point) } : {}) });
      return { ...body, points: body.points.map(point) };
    }
    case 'quote':
      return { ...body, text: fit(body.text, (budget.charsPerLine - 6) * maxWordLines) };
    case 'table': {
      // Cells keep words whole, so the columns' longest words must fit a line side by side.
      const limits = columnWordLimits(body, budget);
      const row = (cells: string[]) => cells.map((text, c) => fit(text, limits[c] ?? Infinity));
      return { ...body, header: row(body.header), rows: body.rows.map(row) };
    }
    case 'image':
      return body.caption ? { ...body, caption: fit(body.caption, budget.charsPerLine * maxWordLines) } : body;
    case 'references':
      return { ...body, entries: body.entries.map((entry) => fit(entry, budget.referenceCharsPerLine * maxWordLines)) };
    default:
      return body;
  }
}

/** A link to the whole address, showing its start. */
function linkTo(address: string, maxChars: number): string {
  const href = address.startsWith('www.') ? `http://${address}` : address;
  return `[${escapeMarkdown(cut(address, maxChars))}](<${href.replace(/[<>]/g, encodeURIComponent)}>)`;
}

function cut(text: string, maxChars: number): string {
  return `${[...text].slice(0, maxChars - 1).join('')}…`;
}

/** Escapes text so Markdown shows it literally. */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>~|])/g, '\\$1');
}
