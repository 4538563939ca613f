/**
 * Slide text (Markdown inline, as the planner writes it) to the runs of a
 * PowerPoint paragraph: bold, italic, code and links stay editable formatting,
 * raw HTML tags are dropped and entities decoded, as the deck shows them.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import { parseFragment } from 'parse5';
import type * as Pptx from 'pptxgenjs';
import { findInlineMath } from './math.js';
import { mathText } from './pptx-math.js';

export type Run = Pptx.default.TextProps;
export type RunOptions = NonNullable<Pptx.default.TextProps['options']>;

/** What a run inherits from the Markdown around it. */
interface Marks {
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  link?: string;
}

/** The runs of one Markdown inline text; `base` options go on every run, `mono` is the font of code spans. */
export function inlineRuns(markdown: string, base: RunOptions = {}, mono?: string, math: 'text' | 'source' = 'text'): Run[] {
  const runs: Run[] = [];
  const push = (text: string, marks: Marks) => {
    if (text === '') return;
    const options: RunOptions = { ...base };
    if (marks.bold) options.bold = true;
    if (marks.italic) options.italic = true;
    if (marks.strike) options.strike = 'sngStrike';
    if (marks.code && mono) options.fontFace = mono;
    // Only web and mail links: a link to a file of the essay would break once the .pptx is moved.
    if (marks.link && /^(https?:|mailto:)/i.test(marks.link)) options.hyperlink = { url: marks.link };
    runs.push({ text, options });
  };
  walk(Lexer.lexInline(math === 'text' ? withMathAsText(markdown) : markdown), {}, push);
  return mergeRuns(runs);
}

/**
 * Inline formulas (`$E = mc^2$`) as the Unicode text a reader would write (`E = mc²`): a text run cannot hold an
 * equation, and TeX on a slide reads as code. A formula that does not parse keeps its source, as the deck does.
 */
function withMathAsText(markdown: string): string {
  // Escaped, so that Markdown does not read `*` or `_` in the formula's text as emphasis.
  return mathAsText(markdown, (text) => text.replace(/[\\`*_[\]<>~]/g, '\\$&'));
}

/** A plain text (a slide title) with its inline formulas as Unicode text; `escape` readies that text for Markdown. */
export function mathAsText(text: string, escape: (math: string) => string = (math) => math): string {
  const spans = findInlineMath(text);
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const span of spans) {
    const math = mathText(span.tex);
    out += text.slice(at, span.start) + (math === undefined ? text.slice(span.start, span.end) : escape(math));
    at = span.end;
  }
  return out + text.slice(at);
}

/** The plain text a Markdown inline text shows (for notes, alt text and measuring): formulas as Unicode text, or as their TeX (`source`, for the notes, to read and edit). */
export function plainText(markdown: string, math: 'text' | 'source' = 'text'): string {
  return inlineRuns(markdown, {}, undefined, math)
    .map((run) => run.text ?? '')
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function walk(tokens: Token[], marks: Marks, push: (text: string, marks: Marks) => void): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'strong':
        walk((token as Tokens.Strong).tokens, { ...marks, bold: true }, push);
        break;
      case 'em':
        walk((token as Tokens.Em).tokens, { ...marks, italic: true }, push);
        break;
      case 'del':
        walk((token as Tokens.Del).tokens, { ...marks, strike: true }, push);
        break;
      case 'link':
        walk((token as Tokens.Link).tokens, { ...marks, link: (token as Tokens.Link).href }, push);
        break;
      case 'codespan':
        push(decodeEntities((token as Tokens.Codespan).text), { ...marks, code: true });
        break;
      case 'image':
        // An image inside a sentence is not shown on a slide either; its alt text stands in.
        push(decodeEntities((token as Tokens.Image).text), marks);
        break;
      case 'br':
        push('\n', marks);
        break;
      case 'html':
        // Tags are markup, not text (the deck sanitizes them away too).
        break;
      case 'escape':
        push((token as Tokens.Escape).text, marks);
        break;
      default: {
        const nested = (token as { tokens?: Token[] }).tokens;
        if (nested && nested.length > 0) walk(nested, marks, push);
        else if ('text' in token && typeof token.text === 'string') push(decodeEntities(token.text), marks);
      }
    }
  }
}

/** Neighbouring runs with the same formatting become one, so PowerPoint edits them as one. */
function mergeRuns(runs: Run[]): Run[] {
  const merged: Run[] = [];
  for (const run of runs) {
    const last = merged.at(-1);
    if (last && JSON.stringify(last.options) === JSON.stringify(run.options)) last.text = `${last.text ?? ''}${run.text ?? ''}`;
    else merged.push({ ...run });
  }
  return merged;
}

/** `&amp;`, `&eacute;`, `&#8212;` as the browser reads them (parse5 knows every named entity). */
function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const fragment = parseFragment(`<p>${text.replace(/</g, '&lt;')}</p>`);
  const paragraph = fragment.childNodes[0] as { childNodes?: { value?: string }[] } | undefined;
  return (paragraph?.childNodes ?? []).map((node) => node.value ?? '').join('');
}
