/**
 * What the print pages take from a built deck: its index.html as written,
 * read with an HTML parser (parse5) instead of a browser page. The handout and
 * notes pages reuse its <html> attributes, stylesheets and slide markup; the
 * text of each slide describes it to screen readers in handout.pdf and notes.pdf.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { defaultTreeAdapter, parse, serializeOuter, type DefaultTreeAdapterTypes } from 'parse5';
import { BrowserError, ExitCode } from './errors.js';
import { hasScheme, isWithin } from './paths.js';
import type { DeckMarkup } from './handout.js';

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;

export interface DeckPage extends DeckMarkup {
  /** The visible text of each slide (speaker notes left out), whitespace collapsed. */
  texts: string[];
  /**
   * A stylesheet of the deck (other than paparan's print.css) has rules for paper (`.paparan-print`, as a
   * theme's print colours and print CSS make): slides look different on a handout than in slides.pdf.
   */
  paperStyles: boolean;
}

/** Reads `dir/index.html`; throws a BrowserError naming the essay when its slides are not the planned ones. */
export async function readDeckPage(dir: string, expected: { file: string; slides: number }): Promise<DeckPage> {
  const document = parse(await readFile(path.join(dir, 'index.html'), 'utf8'));
  const html = children(document).find((node) => tag(node) === 'html');
  const head = html && children(html).find((node) => tag(node) === 'head');
  const styleNodes = (head ? children(head) : []).filter(
    (node) => tag(node) === 'style' || (tag(node) === 'link' && has(node, 'href') && words(node, 'rel').includes('stylesheet')),
  );
  // `.reveal .slides > section`, as reveal.js finds its slides.
  const sections: Element[] = [];
  for (const slides of descendants(html, (node) => words(node, 'class').includes('slides') && hasAncestor(node, 'reveal'))) {
    for (const node of children(slides)) if (tag(node) === 'section') sections.push(node as Element);
  }
  if (sections.length !== expected.slides) {
    throw new BrowserError(
      `index.html has ${sections.length} slides where ${expected.slides} were planned: ` +
        'a custom layout.hbs must keep each slide a <section> directly inside <div class="slides">',
      { file: expected.file, exitCode: ExitCode.exportFailed },
    );
  }
  const cssTexts = await Promise.all(styleNodes.map((node) => (tag(node) === 'style' ? visibleText(node, true) : localStylesheet(dir, attribute(node, 'href')!))));
  return {
    htmlAttributes: html ? (html as Element).attrs.map(({ name, value }) => [name, value] as [string, string]) : [],
    styles: styleNodes.map((node) => serializeOuter(node)),
    paperStyles: cssTexts.some((css) => css.includes('paparan-print')),
    sections: sections.map((section) => serializeOuter(section)),
    texts: sections.map((section) => visibleText(section).replace(/\s+/g, ' ').trim()),
  };
}

function children(node: DefaultTreeAdapterTypes.ParentNode | Node): Node[] {
  return 'childNodes' in node ? node.childNodes : [];
}

function tag(node: Node): string | undefined {
  return defaultTreeAdapter.isElementNode(node) ? node.tagName : undefined;
}

function attribute(node: Node, name: string): string | undefined {
  return defaultTreeAdapter.isElementNode(node) ? node.attrs.find((attr) => attr.name === name)?.value : undefined;
}

const has = (node: Node, name: string) => attribute(node, name) !== undefined;
const words = (node: Node, name: string) => (attribute(node, name) ?? '').toLowerCase().split(/\s+/).filter(Boolean);

function hasAncestor(node: Node, className: string): boolean {
  for (let parent = node.parentNode; parent && 'tagName' in parent; parent = parent.parentNode) {
    if (words(parent as Element, 'class').includes(className)) return true;
  }
  return false;
}

/** Elements under `root` that match, outermost first, not looking inside a match. */
function descendants(root: Node | undefined, match: (node: Node) => boolean): Node[] {
  if (!root) return [];
  return children(root).flatMap((node) => (match(node) ? [node] : descendants(node, match)));
}

/** A stylesheet in the deck folder by its address in index.html; empty for any other address, and for print.css (the frames' own rules). */
async function localStylesheet(dir: string, href: string): Promise<string> {
  if (hasScheme(href) || href.startsWith('/')) return '';
  let file: string;
  try {
    file = path.resolve(dir, decodeURI(href.split(/[?#]/)[0]!));
  } catch {
    return ''; // a stray "%": the browser cannot load it either
  }
  if (!isWithin(file, dir) || file === path.resolve(dir, 'assets', 'print.css')) return '';
  return readFile(file, 'utf8').catch(() => '');
}

/** What a reader of the slide sees: text, without speaker notes, scripts or styles (`raw`: a <style>'s own text). */
function visibleText(node: Node, raw = false): string {
  if (defaultTreeAdapter.isTextNode(node)) return node.value;
  const name = tag(node);
  if (raw) return children(node).map((child) => visibleText(child, true)).join('');
  if (name === 'script' || name === 'style' || name === 'template' || (name === 'aside' && words(node, 'class').includes('notes'))) return '';
  if (name === 'img') return ` ${attribute(node, 'alt') ?? ''} `;
  // Blocks and line breaks separate words.
  const text = children(node).map((child) => visibleText(child)).join('');
  return name && /^(p|div|li|h[1-6]|br|td|th|tr|figcaption|blockquote|section|ul|ol|table|header|footer)$/.test(name) ? ` ${text} ` : text;
}
