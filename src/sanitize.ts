/**
 * The essay is data: whatever HTML it carries is cleaned before it reaches a
 * slide. No scripts, no event handlers, no `javascript:` URLs, no remote loads.
 */
import { Lexer, type Token } from 'marked';
import sanitizeHtml from 'sanitize-html';

const inlineTags = ['a', 'abbr', 'b', 'br', 'cite', 'code', 'del', 'em', 'i', 'kbd', 'mark', 's', 'small', 'span', 'strong', 'sub', 'sup', 'u', 'q'];
// No <img>: an image in raw HTML would skip the checks and the copy into media/ (see images.ts).
const blockTags = ['p', 'div', 'ul', 'ol', 'li', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'h3', 'h4', 'hr', 'dl', 'dt', 'dd'];

const base: sanitizeHtml.IOptions = {
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    abbr: ['title'],
    td: ['colspan', 'rowspan', 'align'],
    th: ['colspan', 'rowspan', 'align'],
    '*': ['class', 'lang', 'dir'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  // Images only from files next to the deck: a remote src would be a network request while presenting.
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  // Unknown tags go, their text stays; script and style go with their content.
  disallowedTagsMode: 'discard',
};

/** Cleans inline HTML (a sentence, a heading, a table cell). */
export function sanitizeInline(html: string): string {
  return sanitizeHtml(html, { ...base, allowedTags: inlineTags });
}

/** Cleans a raw HTML block from the essay; `allowStyles` (front matter `allowHtml`) also keeps style attributes. */
export function sanitizeBlock(html: string, allowStyles = false): string {
  if (!allowStyles) return sanitizeHtml(html, { ...base, allowedTags: [...inlineTags, ...blockTags] });
  const allowedAttributes = { ...base.allowedAttributes, '*': ['class', 'lang', 'dir', 'style'] };
  // Looks only: no url() (a network request), no positioning that could cover the slide.
  const value = [/^(?!.*(url\(|expression|@import))[^;{}]*$/i];
  const properties = ['color', 'background-color', 'text-align', 'font-weight', 'font-style', 'font-size', 'text-decoration', 'width', 'margin', 'padding', 'border', 'opacity'];
  const allowedStyles = { '*': Object.fromEntries(properties.map((p) => [p, value])) };
  return sanitizeHtml(html, { ...base, allowedTags: [...inlineTags, ...blockTags], allowedAttributes, allowedStyles });
}

/** The scheme of an image address that runs code or carries a document (`javascript`, `vbscript`, a non-image `data`); undefined when safe. */
export function unsafeImageScheme(src: string): string | undefined {
  // Browsers ignore tabs, newlines and leading spaces in a URL, so "java\tscript:" is javascript: too.
  const address = src.replace(/[\u0000-\u0020]+/g, '').replace(/^</, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(address)?.[1]?.toLowerCase();
  if (scheme === 'javascript' || scheme === 'vbscript') return scheme;
  if (scheme === 'data' && !/^data:image\/(png|jpe?g|gif|webp|svg\+xml)[;,]/i.test(address)) return scheme;
  return undefined;
}

/** Markdown text with its unsafe images (`![x](javascript:…)`) taken out, and what was taken out. */
export function withoutUnsafeImages(markdown: string): { text: string; removed: { alt: string; scheme: string }[] } {
  if (!markdown.includes('![')) return { text: markdown, removed: [] };
  const removed: { alt: string; scheme: string; raw: string }[] = [];
  const visit = (tokens: Token[]): void => {
    for (const token of tokens) {
      const scheme = token.type === 'image' ? unsafeImageScheme((token as { href: string }).href) : undefined;
      if (scheme) removed.push({ alt: (token as { text: string }).text, scheme, raw: token.raw });
      else if ('tokens' in token && Array.isArray(token.tokens)) visit(token.tokens);
    }
  };
  visit(Lexer.lexInline(markdown, { gfm: true }));
  if (removed.length === 0) return { text: markdown, removed: [] };
  const text = removed.reduce((rest, image) => rest.split(image.raw).join(''), markdown).replace(/[ \t]{2,}/g, ' ').trim();
  return { text, removed: removed.map(({ alt, scheme }) => ({ alt, scheme })) };
}
