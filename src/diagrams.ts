/**
 * Checks Mermaid diagrams at build time with mermaid's own parser (in Node, no
 * browser needed), so a syntax error is a file:line warning and the diagram is
 * shown as its source; drawing happens in the page (templates/assets/diagrams.js).
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from './errors.js';
import type { Deck } from './model.js';

/** Parser messages that mean the source is wrong (others, e.g. a parser that needs a DOM, leave the check to the page). */
const SYNTAX = /parse error|lexical error|no diagram type detected|syntax error|unknown diagram|expecting/i;

/** The deck's diagrams that do not parse: a warning each, and the HTML with those diagrams marked to show as code. */
export async function checkDiagrams(deck: Deck, html: string): Promise<{ html: string; diagnostics: Diagnostic[] }> {
  const diagrams = deck.slides.flatMap((slide) => (slide.body?.layout === 'diagram' ? [slide.body] : []));
  if (diagrams.length === 0) return { html, diagnostics: [] };
  const mermaid = await loadParser();
  const diagnostics: Diagnostic[] = [];
  let marked = html;
  for (const diagram of diagrams) {
    let message: string | undefined;
    try {
      await mermaid.parse(diagram.source);
    } catch (error) {
      const text = String((error as Error).message ?? error);
      // "Parse error on line 4: … got 'EOF'": the parser's line counts differently from the file, so the file line is the fence's.
      if (SYNTAX.test(text)) {
        const got = /got '([^']+)'/.exec(text)?.[1];
        message = `${(text.split('\n')[0] ?? '').replace(/\s*on line \d+/, '').replace(/[:.]\s*$/, '').trim()}${got ? `, unexpected ${got}` : ''}`;
      }
    }
    if (message === undefined) continue;
    diagnostics.push({ severity: 'warning', file: deck.file, line: diagram.line, message: `diagram does not parse (${message}): it is shown as code; fix the Mermaid source` });
    marked = marked.replace(`<pre class="mermaid-source code" data-line="${diagram.line}">`, `<pre class="mermaid-error code" data-line="${diagram.line}">`);
  }
  return { html: marked, diagnostics };
}

type Mermaid = { parse(text: string): Promise<unknown> };
let parser: Promise<Mermaid> | undefined;

/**
 * mermaid for parsing in Node. Its DOMPurify has no DOM here and throws on first use (labels are
 * sanitized while parsing); only the parse result is used, never its text, so that copy is made a no-op
 * before mermaid loads. The page draws with the browser's real DOMPurify.
 */
function loadParser(): Promise<Mermaid> {
  return (parser ??= (async () => {
    const fromMermaid = createRequire(createRequire(import.meta.url).resolve('mermaid/package.json'));
    const purifyUrl = pathToFileURL(path.join(path.dirname(fromMermaid.resolve('dompurify')), 'purify.es.mjs')).href;
    const { default: purify } = (await import(purifyUrl)) as { default: Record<string, unknown> };
    if (typeof purify.addHook !== 'function') Object.assign(purify, { addHook() {}, removeHook() {}, removeHooks() {}, sanitize: (text: unknown) => String(text) });
    return (await import('mermaid')).default as Mermaid;
  })());
}
