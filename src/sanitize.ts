/**
 * The essay is data: whatever HTML it carries is cleaned before it reaches a
 * slide. No scripts, no event handlers, no `javascript:` URLs, no remote loads.
 */
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
