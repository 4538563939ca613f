/**
 * Hyphenated names and reduplications ("Selatan-Selatan", "negara-negara",
 * "South-South") never break at their hyphen at a line end: each is wrapped in
 * a `<span class="nobreak">` (white-space: nowrap in paparan.css). The text
 * itself is untouched, so copying from a slide or a PDF gives the same
 * characters; a non-breaking hyphen (U+2011) would not.
 */
import { defaultTreeAdapter as tree, html as html5, parseFragment, serialize, type DefaultTreeAdapterTypes } from 'parse5';

/** Longer hyphenated runs may break: kept whole, they could be wider than a narrow table column. */
const MAX_CHARS = 30;
const HYPHENATED = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)+/gu;
/** Text that keeps its own spacing and wrapping. */
const SKIP = new Set(['code', 'pre', 'kbd', 'script', 'style']);

/** Sanitized inline HTML with every hyphenated word of its text in a nobreak span; tags and attributes unchanged. */
export function keepHyphenated(html: string): string {
  if (!/[\p{L}\p{N}]-[\p{L}\p{N}]/u.test(html)) return html;
  const fragment = parseFragment(html);
  wrapIn(fragment);
  return serialize(fragment);
}

/** Escapes plain text (a title) for HTML and keeps its hyphenated words whole. */
export function plainTextHtml(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return keepHyphenated(escaped);
}

type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ChildNode = DefaultTreeAdapterTypes.ChildNode;

function wrapIn(parent: ParentNode): void {
  for (const child of [...parent.childNodes]) {
    if (tree.isTextNode(child)) wrapText(parent, child);
    else if (tree.isElementNode(child) && !SKIP.has(child.tagName)) wrapIn(child);
  }
}

function wrapText(parent: ParentNode, node: DefaultTreeAdapterTypes.TextNode): void {
  const text = node.value;
  const pieces: ChildNode[] = [];
  let last = 0;
  for (const match of text.matchAll(HYPHENATED)) {
    if (match[0].length > MAX_CHARS) continue;
    if (match.index > last) pieces.push(tree.createTextNode(text.slice(last, match.index)));
    const span = tree.createElement('span', html5.NS.HTML, [{ name: 'class', value: 'nobreak' }]);
    tree.insertText(span, match[0]);
    pieces.push(span);
    last = match.index + match[0].length;
  }
  if (pieces.length === 0) return;
  if (last < text.length) pieces.push(tree.createTextNode(text.slice(last)));
  for (const piece of pieces) tree.insertBefore(parent, piece, node);
  tree.detachNode(node);
}

