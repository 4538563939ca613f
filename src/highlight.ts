/**
 * Code: highlighted at build time with highlight.js into spans whose colours
 * come from the theme (templates/assets/rich.css), cut into lines so that
 * every line carries its number and may be marked (` ```js {2,4-5} `).
 */
import core from 'highlight.js/lib/core';
import type { LanguageFn } from 'highlight.js';
import { createRequire } from 'node:module';
import { embeddedLanguages, languageNames } from './highlight-languages.js';

const require = createRequire(import.meta.url);
// An instance of our own: `highlight.js` and `highlight.js/lib/core` share one, which a program using paparan may fill.
const hljs = core.newInstance();

/**
 * The highlight.js language of a fence's name or alias (any case, as highlight.js looks it up),
 * registered with the languages it embeds on first use: registering all ~190 at start-up took longer
 * than the rest of a build's code. Undefined when highlight.js has no such language.
 */
function language(name: string): string | undefined {
  const found = languageNames.get(name.toLowerCase());
  if (!found) return undefined;
  for (const needed of [found, ...(embeddedLanguages.get(found) ?? [])]) {
    if (!hljs.getLanguage(needed)) hljs.registerLanguage(needed, require(`highlight.js/lib/languages/${needed}`) as LanguageFn);
  }
  return found;
}

/** A fence's info string: its language and the lines it marks, `python {2,4-5}` or `js{3}`. */
export function parseCodeInfo(info: string | undefined): { lang?: string; marked: number[] } {
  const match = /^([^\s{]*)\s*(?:\{([\d,\s-]*)\})?/.exec(info?.trim() ?? '');
  const lang = match?.[1] || undefined;
  const marked = new Set<number>();
  for (const part of (match?.[2] ?? '').split(',')) {
    const range = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(part);
    if (!range) continue;
    const from = Number(range[1]);
    const to = Math.min(Number(range[2] ?? range[1]), from + 1000);
    for (let n = from; n <= to; n++) marked.add(n);
  }
  return { lang, marked: [...marked].sort((a, b) => a - b) };
}

/**
 * Code as one HTML string a line: highlight.js escapes the text and adds only `<span class="hljs-…">`,
 * so its output needs no sanitizing; a span crossing a line break is closed and reopened.
 * An unknown or missing language is escaped text without colours.
 */
export function highlightLines(code: string, lang: string | undefined): string[] {
  const known = lang ? language(lang) : undefined;
  const html = known ? hljs.highlight(code, { language: known, ignoreIllegals: true }).value : escapeHtml(code);
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  for (const part of html.split(/(<span [^>]*>|<\/span>|\n)/)) {
    if (part === '\n') {
      lines.push(line + '</span>'.repeat(open.length));
      line = open.join('');
    } else if (part.startsWith('<span ')) {
      open.push(part);
      line += part;
    } else if (part === '</span>') {
      open.pop();
      line += part;
    } else line += part;
  }
  lines.push(line);
  return lines;
}

/** Whether highlight.js knows a language name or alias. */
export function knownLanguage(lang: string): boolean {
  return languageNames.has(lang.toLowerCase());
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
