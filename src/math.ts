/**
 * Formulas: `$…$` inline and `$$…$$` display TeX, rendered at build time with
 * KaTeX to HTML + MathML, so a slide shows them with no script and no network
 * (the fonts are copied next to the deck, see rich-assets.ts).
 */
import { createRequire } from 'node:module';

let loaded: typeof import('katex').default | undefined;
/** KaTeX, loaded at the first formula: most essays have none, and it is 0.5 MB of code to read at start-up. */
const katex = () => (loaded ??= createRequire(import.meta.url)('katex') as typeof import('katex').default);

/** A TeX span found in Markdown inline text. */
export interface MathSpan {
  start: number;
  end: number;
  tex: string;
  display: boolean;
}

/**
 * Finds `$…$` and `$$…$$` in Markdown inline text, pandoc's way: the opening `$` is followed by a
 * non-space, the closing one follows a non-space and is not followed by a digit, so "$5 and $10" is money.
 * `\$` and code spans are left alone.
 */
export function findInlineMath(text: string): MathSpan[] {
  const spans: MathSpan[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '\\') {
      i += 2;
      continue;
    }
    if (ch === '`') {
      // A code span: skip to the closing run of as many backticks.
      const run = /^`+/.exec(text.slice(i))![0];
      const close = text.indexOf(run, i + run.length);
      i = close === -1 ? i + run.length : close + run.length;
      continue;
    }
    if (ch !== '$') {
      i++;
      continue;
    }
    const display = text[i + 1] === '$';
    const open = display ? 2 : 1;
    const end = display ? findClosing(text, i + 2, '$$') : findInlineClosing(text, i + 1);
    if (end === -1) {
      i += open;
      continue;
    }
    const tex = text.slice(i + open, end);
    spans.push({ start: i, end: end + open, tex, display });
    i = end + open;
  }
  return spans;
}

function findClosing(text: string, from: number, marker: string): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text.startsWith(marker, j)) return j > from ? j : -1;
  }
  return -1;
}

function findInlineClosing(text: string, from: number): number {
  if (from >= text.length || /\s/.test(text[from]!) || text[from] === '$') return -1;
  for (let j = from; j < text.length; j++) {
    if (text[j] === '\\') {
      j++;
      continue;
    }
    if (text[j] === '$') {
      if (/\s/.test(text[j - 1]!) || /\d/.test(text[j + 1] ?? '')) return -1;
      return j;
    }
  }
  return -1;
}

// Formulas are data: no \href or \includegraphics (trust: false), bounded macro expansion.
const options = { output: 'htmlAndMathml', throwOnError: true, trust: false, strict: 'ignore', maxExpand: 1000, maxSize: 20 } as const;

/** Why a formula does not parse (KaTeX's message, without its prefix), or undefined when it does. */
export function mathError(tex: string, display: boolean): string | undefined {
  try {
    katex().renderToString(tex, { ...options, displayMode: display });
    return undefined;
  } catch (error) {
    return String((error as Error).message ?? error).replace(/^KaTeX parse error:\s*/, '');
  }
}

/**
 * A formula as KaTeX HTML + MathML; one that does not parse shows its source as code (the parser has warned).
 * `wrap`: a display formula set in text mode (still in display style) so that it breaks after its operators.
 */
export function renderMath(tex: string, display: boolean, wrap = false): string {
  try {
    if (wrap) return katex().renderToString(`\\displaystyle ${tex}`, { ...options, displayMode: false });
    return katex().renderToString(tex, { ...options, displayMode: display });
  } catch {
    return `<code class="math-error">${escapeHtml(tex)}</code>`;
  }
}

/** A display formula as a MathML `<math>` element without its TeX annotation (for converters), or undefined when it does not parse. */
export function texToMathml(tex: string): string | undefined {
  try {
    const html = katex().renderToString(tex, { ...options, output: 'mathml', displayMode: true });
    return /<math[\s\S]*<\/math>/.exec(html)?.[0].replace(/<annotation\b[\s\S]*?<\/annotation>/g, '');
  } catch {
    return undefined;
  }
}

/** Text for the notes: each formula as its TeX source in code, readable in the speaker view. */
export function mathSourceHtml(tex: string, display: boolean): string {
  const marker = display ? '$$' : '$';
  return `<code class="math-source">${escapeHtml(`${marker}${tex}${marker}`)}</code>`;
}

/** Markdown text whose formulas are replaced by inert placeholders, and the formulas to put back after sanitizing. */
export function protectMath(text: string): { text: string; spans: MathSpan[] } {
  const spans = findInlineMath(text);
  if (spans.length === 0) return { text, spans };
  let out = '';
  let at = 0;
  spans.forEach((span, n) => {
    out += text.slice(at, span.start) + placeholder(n);
    at = span.end;
  });
  return { text: out + text.slice(at), spans };
}

/** Puts formulas back into sanitized HTML: rendered on slides, as TeX source in the notes. */
export function restoreMath(html: string, spans: MathSpan[], mode: 'render' | 'source'): string {
  if (spans.length === 0) return html;
  return html.replace(/\uE000(\d+)\uE001/g, (whole, n: string) => {
    const span = spans[Number(n)];
    if (!span) return whole;
    return mode === 'render' ? renderMath(span.tex, span.display) : mathSourceHtml(span.tex, span.display);
  });
}

// Private-use characters: Markdown and the sanitizer pass them through untouched.
const placeholder = (n: number) => `\uE000${n}\uE001`;

/**
 * A font size (px) for a display formula so it fits the slide's width, from its width in em estimated
 * from the TeX (glyphs, the space KaTeX puts around operators, big operators); `wrap` when even the
 * readable minimum is too wide: then the formula is set so that it breaks after its operators.
 */
export function displayMathSize(tex: string, availablePx: number, defaultPx: number, minPx: number): { px: number; wrap: boolean } {
  const em = Math.max(...tex.split(/\\\\/).map(widthEm));
  const fits = Math.floor(availablePx / Math.max(1, em));
  return { px: Math.max(minPx, Math.min(defaultPx, fits)), wrap: fits < minPx };
}

/** Estimated width of one row of TeX in em . */
function widthEm(row: string): number {
  const bigOps = (row.match(/\\(sum|prod|int|iint|oint|bigcup|bigcap|coprod)\b/g) ?? []).length;
  const binOps = (row.match(/[=<>+\-]|\\(cdot|times|pm|mp|le|ge|leq|geq|neq|approx|equiv|sim|to|rightarrow|Rightarrow|in)\b/g) ?? []).length;
  // Limits of big operators and scripts are set small, under or beside their base.
  const scripts = (row.match(/[_^]\{[^{}]*\}/g) ?? []).reduce((sum, s) => sum + s.length - 3, 0);
  const glyphs = row
    .replace(/[_^]\{[^{}]*\}/g, '')
    .replace(/\\(left|right|big+l?|Big+l?|displaystyle|textstyle|quad|qquad|,|;|!|mathrm|mathbf|mathit|operatorname|text|begin\{[a-z*]+\}|end\{[a-z*]+\}|sum|prod|int|iint|oint|bigcup|bigcap|coprod|cdot|times|pm|mp|le|ge|leq|geq|neq|approx|equiv|sim|to|rightarrow|Rightarrow|in)\b/g, '')
    .replace(/\\[a-zA-Z]+/g, 'x')
    .replace(/[{}^_&\s=<>+\-]/g, '').length;
  // On the wide side: for seven sample formulas Chromium measured 0.7 to 1.0 of this (KaTeX_Main at 44 px).
  return (glyphs * 0.62 + scripts * 0.45 + binOps * 1.0 + bigOps * 1.5) * 1.05;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
