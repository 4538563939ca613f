/**
 * A Word essay (.docx) → paparan Markdown with front matter, the same as an
 * imported .txt gives, plus its pictures. mammoth reads the document (styles,
 * lists, tables, pictures, footnotes); parse5 walks mammoth's HTML into
 * Markdown. The title is the Title style or the first heading; Heading 1/2/3
 * become sections and sub-sections; footnotes and endnotes become Markdown
 * footnotes, which go to the speaker notes. Students who format by hand are
 * understood where it is clear: a centred first line is the title, a short
 * bold line alone in its paragraph a heading, "1." typed by hand a list.
 */
import path from 'node:path';
import mammoth from 'mammoth';
import { parseFragment } from 'parse5';
import { stringify } from 'yaml';
import { readWordFile } from './docx-file.js';
import { imageTypeOf, type ImageType } from './image-type.js';
import { escapeBlockStart, familyOf, isReferencesHeading, titleFromFileName, type ImportResult } from './import-text.js';
import { guessLanguage } from './language.js';

export interface DocxImportResult extends ImportResult {
  /** The pictures, at the paths the Markdown names (relative to the Markdown file's folder). */
  images: { path: string; bytes: Buffer }[];
}

export interface DocxImportOptions {
  /** The Word file as the user named it. */
  file: string;
  title?: string;
  lang?: string;
  /** The folder, beside the Markdown, that the pictures go to (e.g. `esai-images`). */
  imageDir: string;
}

/** Converts the bytes of a .docx into paparan Markdown and its pictures; throws ContentError for a file that is no readable .docx. */
export async function importDocx(bytes: Uint8Array, options: DocxImportOptions): Promise<DocxImportResult> {
  const word = await readWordFile(bytes, options.file);
  const warnings: ImportResult['warnings'] = word.warnings.map((message) => ({ message }));
  const images: DocxImportResult['images'] = [];
  let pictures = 0;
  const converted = await mammoth.convertToHtml(
    { buffer: word.buffer },
    {
      styleMap: STYLE_MAP,
      transformDocument: readManualFormatting,
      convertImage: mammoth.images.imgElement(async (image) => {
        pictures++;
        const data = await image.readAsBuffer();
        const type = imageTypeOf(data);
        if (!type || !SHOWN.has(type)) {
          warnings.push({ message: `picture ${pictures} (${image.contentType}) is in a format slides cannot show, so it is left out: in Word, right-click it → Save as Picture → PNG, and insert that` });
          return { src: SKIPPED };
        }
        const file = `${options.imageDir}/image-${images.length + 1}.${EXTENSIONS[type]}`;
        images.push({ path: file, bytes: data });
        return { src: encodeURI(file) };
      }),
    },
  );
  for (const message of converted.messages) {
    // mammoth notes every style it has no rule for; only what loses content is worth a warning.
    if (message.type === 'error' || !/^Unrecognised (paragraph|run|table) style|style with ID .* was referenced but not defined|An unrecognised element was ignored: \{http:\/\/schemas\.openxmlformats\.org\/(officeDocument\/2006\/math|drawingml)/.test(message.message)) {
      warnings.push({ message: `Word: ${message.message}` });
    }
  }

  const { blocks, footnotes } = htmlBlocks(converted.value);
  for (const block of blocks) {
    if (block.kind === 'image' && !block.alt) warnings.push({ message: `picture ${path.basename(decodeURI(block.src))} has no alt text: add one in Word (right-click → Edit Alt Text) so that it is read out and shown if the picture is missing` });
  }
  const text = blocks.map(blockText).join(' ');
  const lang = options.lang ? familyOf(options.lang) : guessLanguage(text);
  if (!options.lang) warnings.push({ message: `language guessed as ${lang === 'id' ? 'Indonesian' : 'English'} ("${lang}") from the text; pass --lang if that is wrong` });

  const { title, subtitle, body } = takeTitle(blocks, options.title, word.core.title);
  const finalTitle = title ?? titleFromFileName(options.file);
  if (!title) warnings.push({ message: `no title found (no Title style, heading or document title), so the title "${finalTitle}" was made from the file name; pass --title "..." to choose another` });
  const author = word.core.creator && !PLACEHOLDER_AUTHORS.test(word.core.creator) ? word.core.creator : undefined;
  const front = stringify(
    { title: finalTitle, ...(subtitle ? { subtitle } : {}), ...(author ? { author } : {}), lang: options.lang ?? lang, source: path.basename(options.file) },
    { lineWidth: 0 },
  );
  const markdown = `---\n${front}---\n\n${renderBlocks(body, footnotes)}\n`;
  return { markdown, title: finalTitle, lang, warnings, images };
}

/** Styles mammoth's default map lacks: the title, subtitle, captions and quotes. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1.doc-title:fresh",
  'p.Title => h1.doc-title:fresh',
  "p[style-name='Subtitle'] => p.doc-subtitle:fresh",
  'p.Subtitle => p.doc-subtitle:fresh',
  "p[style-name='Caption'] => p.caption:fresh",
  'p.Caption => p.caption:fresh',
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
];

/** Kinds of picture the deck shows (src/image-type.ts), and the extension each is saved with. */
const EXTENSIONS: Partial<Record<ImageType, string>> = { png: 'png', jpeg: 'jpg', gif: 'gif', webp: 'webp', bmp: 'bmp', svg: 'svg' };
const SHOWN = new Set(Object.keys(EXTENSIONS));
const SKIPPED = 'paparan:skipped-picture';

/** Author names Word and other tools fill in by themselves: not the student's name. */
const PLACEHOLDER_AUTHORS = /^(un-named|unknown|user|admin|administrator|author|owner|pengguna|windows user|microsoft office user|python-docx|lenovo|asus|acer|hp|dell|pc)$/i;

// --- Formatting by hand ----------------------------------------------------------------

interface WordElement {
  type: string;
  value?: string;
  children?: WordElement[];
  styleId?: string | null;
  styleName?: string | null;
  numbering?: unknown;
  alignment?: string | null;
  isBold?: boolean;
}

/** Gives the styles a student meant to paragraphs formatted by hand, before mammoth maps styles to HTML. */
function readManualFormatting(document: WordElement): WordElement {
  const paragraphs = (document.children ?? []).filter((element) => element.type === 'paragraph');
  const styleOf = (p: WordElement) => `${p.styleName ?? ''} ${p.styleId ?? ''}`;
  const hasHeadings = paragraphs.some((p) => /heading\s*\d|judul\s*\d/i.test(styleOf(p)));
  const hasTitle = paragraphs.some((p) => /\btitle\b/i.test(styleOf(p)));
  const first = paragraphs.find((p) => plainText(p) !== '');
  for (const paragraph of paragraphs) {
    const text = plainText(paragraph);
    if (!text || paragraph.numbering || /heading|title|judul|caption|quote/i.test(styleOf(paragraph))) continue;
    if (paragraph === first && !hasTitle && paragraph.alignment === 'center' && looksLikeHeading(text)) {
      Object.assign(paragraph, { styleId: 'Title', styleName: 'Title' });
    } else if (!hasHeadings && looksLikeHeading(text) && allBold(paragraph)) {
      // Only where the writer used no heading styles at all: there, bold lines are the headings.
      Object.assign(paragraph, { styleId: 'Heading1', styleName: 'Heading 1' });
    }
  }
  return document;
}

function plainText(element: WordElement): string {
  if (element.type === 'text') return element.value ?? '';
  return (element.children ?? []).map(plainText).join('').replace(/\s+/g, ' ').trim();
}

/** Every run with text in it is bold. */
function allBold(element: WordElement): boolean {
  const runs: WordElement[] = [];
  const collect = (e: WordElement) => (e.type === 'run' ? runs.push(e) : (e.children ?? []).forEach(collect));
  collect(element);
  const withText = runs.filter((run) => plainText(run) !== '');
  return withText.length > 0 && withText.every((run) => run.isBold);
}

/** Short, no sentence punctuation at the end, not starting in lower case. */
function looksLikeHeading(text: string): boolean {
  if (text.length > 120 || text.split(' ').length > 14) return false;
  const letter = /\p{L}/u.exec(text);
  if (!letter || /\p{Ll}/u.test(letter[0])) return false;
  return !/[.,;!?…]$/.test(text.replace(/["'”’»)\]]+$/u, ''));
}

// --- mammoth's HTML → blocks --------------------------------------------------------------

type Block =
  | { kind: 'heading'; level: number; text: string; title?: boolean }
  | { kind: 'subtitle'; text: string }
  | { kind: 'paragraph'; text: string; plain: string }
  | { kind: 'caption'; text: string }
  | { kind: 'quote'; text: string }
  | { kind: 'list'; ordered: boolean; items: ListItem[] }
  | { kind: 'table'; rows: string[][] }
  | { kind: 'image'; src: string; alt: string; caption?: string };

interface ListItem {
  text: string;
  children: { ordered: boolean; items: ListItem[] }[];
}

/** A parse5 node, as far as this walk looks at it. */
interface HtmlNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: HtmlNode[];
}

const attr = (node: HtmlNode, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const children = (node: HtmlNode) => node.childNodes ?? [];
const elements = (node: HtmlNode) => children(node).filter((child) => child.tagName !== undefined);

function htmlBlocks(html: string): { blocks: Block[]; footnotes: Map<string, string> } {
  const blocks: Block[] = [];
  const footnotes = new Map<string, string>();
  const walk = (nodes: HtmlNode[]) => {
    for (const node of nodes) {
      const tag = node.tagName;
      if (!tag) {
        const text = escapeText(node.value ?? '').trim();
        if (text) blocks.push({ kind: 'paragraph', text, plain: node.value!.trim() });
        continue;
      }
      const images: Block[] = [];
      if (/^h[1-6]$/.test(tag)) {
        const text = plain(node);
        if (text) blocks.push({ kind: 'heading', level: Number(tag[1]), text, title: attr(node, 'class') === 'doc-title' });
        collectImages(node, images);
      } else if (tag === 'p') {
        const text = inline(node, images).trim();
        const kind = attr(node, 'class');
        if (text && kind === 'doc-subtitle') blocks.push({ kind: 'subtitle', text: plain(node) });
        else if (text && kind === 'caption') blocks.push({ kind: 'caption', text });
        else if (text) blocks.push({ kind: 'paragraph', text, plain: plain(node) });
      } else if ((tag === 'ol' || tag === 'ul') && isFootnoteList(node)) {
        for (const item of elements(node)) footnotes.set(footnoteLabel(attr(item, 'id')!), inline(item, images, true).trim());
      } else if (tag === 'ol' || tag === 'ul') {
        blocks.push({ kind: 'list', ...listOf(node, images) });
      } else if (tag === 'table') {
        blocks.push({ kind: 'table', rows: tableRows(node, images) });
      } else if (tag === 'blockquote') {
        const text = elements(node).map((child) => inline(child, images).trim()).filter(Boolean).join(' ');
        if (text) blocks.push({ kind: 'quote', text });
      } else {
        walk(children(node));
        continue;
      }
      // A picture stands on its own line after the block it sat in: a slide shows it by itself.
      blocks.push(...images);
    }
  };
  walk(children(parseFragment(html) as unknown as HtmlNode));
  return { blocks: withCaptions(blocks), footnotes };
}

/** mammoth puts the footnotes and endnotes in one list at the end, each item with an id. */
function isFootnoteList(node: HtmlNode): boolean {
  const items = elements(node);
  return items.length > 0 && items.every((item) => /^(footnote|endnote)-\d+$/.test(attr(item, 'id') ?? ''));
}

/** footnote-3 → "3", endnote-2 → "e2". */
function footnoteLabel(id: string): string {
  const [, kind, number] = /^(footnote|endnote)-(\d+)$/.exec(id)!;
  return kind === 'endnote' ? `e${number}` : number!;
}

function listOf(node: HtmlNode, images: Block[]): { ordered: boolean; items: ListItem[] } {
  const items = elements(node)
    .filter((child) => child.tagName === 'li')
    .map((li): ListItem => {
      const nested = elements(li).filter((child) => child.tagName === 'ul' || child.tagName === 'ol');
      const own = children(li).filter((child) => !nested.includes(child));
      const text = own.map((child) => (child.tagName === 'p' ? inline(child, images) : inline({ nodeName: 'span', tagName: 'span', childNodes: [child] }, images))).join(' ');
      return { text: text.replace(/\s+/g, ' ').trim(), children: nested.map((list) => listOf(list, images)) };
    });
  return { ordered: node.tagName === 'ol', items };
}

/** Cells as Markdown inline text, the paragraphs of a cell joined; a merged cell fills the columns it spans. */
function tableRows(table: HtmlNode, images: Block[]): string[][] {
  const rows: string[][] = [];
  const visit = (node: HtmlNode) => {
    for (const child of elements(node)) {
      if (child.tagName === 'tr') {
        const cells: string[] = [];
        for (const cell of elements(child).filter((c) => c.tagName === 'td' || c.tagName === 'th')) {
          const text = elements(cell).length > 0 ? elements(cell).map((p) => inline(p, images).trim()).filter(Boolean).join(' ') : inline(cell, images).trim();
          cells.push(text.replace(/\|/g, '\\|').replace(/\s+/g, ' '));
          for (let span = Number(attr(cell, 'colspan') ?? 1); span > 1; span--) cells.push('');
        }
        rows.push(cells);
      } else if (child.tagName !== 'table') visit(child);
    }
  };
  visit(table);
  return rows;
}

/** Marks that wrap text in Markdown; a run of the same mark is written once ("**a b**", not "**a****b**"). */
const WRAP: Record<string, string> = { strong: '**', b: '**', em: '*', i: '*', s: '~~', del: '~~', strike: '~~' };

/** A node's children as Markdown inline text; pictures go to `images`; `isNote` drops the footnote's back-link. */
function inline(node: HtmlNode, images: Block[], isNote = false): string {
  const parts: string[] = [];
  const nodes = children(node);
  for (let i = 0; i < nodes.length; i++) {
    const child = nodes[i]!;
    const tag = child.tagName;
    if (!tag) {
      parts.push(escapeText(child.value ?? ''));
      continue;
    }
    const mark = WRAP[tag];
    if (mark) {
      // Neighbours with the same mark (Word splits runs at every edit) are one span.
      const group = [child];
      while (nodes[i + 1]?.tagName && WRAP[nodes[i + 1]!.tagName!] === mark) group.push(nodes[++i]!);
      const text = group.map((n) => inline(n, images, isNote)).join('');
      parts.push(wrap(text, mark));
      continue;
    }
    switch (tag) {
      case 'a': {
        const href = attr(child, 'href') ?? '';
        const note = /^#(footnote|endnote)-(\d+)$/.exec(href);
        if (note) parts.push(`[^${footnoteLabel(`${note[1]}-${note[2]}`)}]`);
        else if (/^#(footnote|endnote)-ref-/.test(href) && isNote) parts.push('');
        else if (/^(https?:|mailto:)/i.test(href)) parts.push(`[${inline(child, images, isNote)}](${href.replace(/[ ()]/g, encodeURIComponent)})`);
        else parts.push(inline(child, images, isNote));
        break;
      }
      case 'img': {
        const src = attr(child, 'src') ?? '';
        if (src !== SKIPPED) images.push({ kind: 'image', src, alt: (attr(child, 'alt') ?? '').replace(/\s+/g, ' ').trim() });
        break;
      }
      case 'br':
        parts.push(' ');
        break;
      default:
        parts.push(inline(child, images, isNote));
    }
  }
  return parts.join('');
}

/** `**text**` with the spaces outside the marks, as Markdown needs them. */
function wrap(text: string, mark: string): string {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return match[2] ? `${match[1]}${mark}${match[2]}${mark}${match[3]}` : text;
}

/** The plain text of a node (headings and the subtitle are plain text). */
function plain(node: HtmlNode): string {
  if (!node.tagName) return node.value ?? '';
  if (node.tagName === 'sup' && elements(node).some((c) => /^#(footnote|endnote)-/.test(attr(c, 'href') ?? ''))) return '';
  return children(node).map(plain).join('').replace(/\s+/g, ' ').trim();
}

function collectImages(node: HtmlNode, images: Block[]): void {
  inline(node, images);
}

/** The words of a block, for guessing the language. */
function blockText(block: Block): string {
  if (block.kind === 'list') return flatten(block.items).join(' ');
  if (block.kind === 'table') return block.rows.flat().join(' ');
  return 'text' in block ? block.text : block.alt;
}

/** Word's own text, shown as written: the characters Markdown would read as marks are escaped. */
function escapeText(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\\`*_[\]]/g, '\\$&')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** A Caption-style paragraph right after (or before) a picture is the picture's caption. */
function withCaptions(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    if (block.kind === 'image' && next?.kind === 'caption') {
      out.push({ ...block, caption: next.text });
      i++;
    } else if (block.kind === 'caption' && next?.kind === 'image' && !(blocks[i + 2]?.kind === 'caption')) {
      out.push({ ...next, caption: block.text });
      i++;
    } else if (block.kind === 'caption') {
      out.push({ kind: 'paragraph', text: block.text, plain: block.text });
    } else {
      out.push(block);
    }
  }
  return out;
}

// --- Title and Markdown -------------------------------------------------------------------

/** The title: `--title`, the Title style, the first heading (when nothing comes before it), the document's title. */
function takeTitle(blocks: Block[], wanted: string | undefined, coreTitle: string | undefined): { title?: string; subtitle?: string; body: Block[] } {
  let body = [...blocks];
  let title = wanted?.trim() || undefined;
  const styled = body.findIndex((b) => b.kind === 'heading' && b.title);
  const firstHeading = body[0]?.kind === 'heading' ? 0 : -1;
  const from = styled >= 0 ? styled : firstHeading;
  if (from >= 0) {
    const heading = body[from] as Extract<Block, { kind: 'heading' }>;
    if (!title || same(title, heading.text)) {
      title ??= heading.text;
      body.splice(from, 1);
    }
  }
  title ??= coreTitle;
  let subtitle: string | undefined;
  const sub = body.findIndex((b) => b.kind === 'subtitle');
  if (sub >= 0 && sub <= 1) subtitle = (body.splice(sub, 1)[0] as { text: string }).text;
  body = body.map((b) => (b.kind === 'subtitle' ? { kind: 'paragraph', text: escapeText(b.text), plain: b.text } : b));
  return { title, subtitle, body };
}

function same(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
}

const LIST_NUMBER = /^(\d{1,3})[.)]\s+/;
const BULLET = /^[•·◦▪‣\-–*]\s+/u;

/** The blocks as Markdown: headings shifted so the top level is `##`, the references as a list, footnotes at the end. */
function renderBlocks(blocks: Block[], footnotes: Map<string, string>): string {
  const headings = blocks.filter((b): b is Extract<Block, { kind: 'heading' }> => b.kind === 'heading');
  const top = Math.min(...headings.map((h) => h.level), 6);
  const out: string[] = [];
  let inReferences = false;
  const references: string[] = [];
  const flushReferences = () => {
    if (references.length > 0) out.push(references.map((entry) => `- ${escapeBlockStart(entry)}`).join('\n'));
    references.length = 0;
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === 'heading') {
      flushReferences();
      inReferences = isReferencesHeading(block.text);
      const depth = Math.min(4, block.level - top + 2);
      // A trailing "#" would be read as the end of the heading's marks.
      out.push(`${'#'.repeat(depth)} ${block.text.replace(/[\\`*_[\]<]/g, '\\$&').replace(/(\s)(#+)$/, '$1\\$2')}`);
      continue;
    }
    if (inReferences) {
      // Each paragraph (or item) under "Daftar Pustaka" is one entry, as in a Markdown essay.
      if (block.kind === 'paragraph' || block.kind === 'quote') references.push(block.text.replace(/^\\?[•·\-–]\s+/u, ''));
      else if (block.kind === 'list') references.push(...flatten(block.items));
      else {
        flushReferences();
        out.push(renderBlock(block));
      }
      continue;
    }
    if (block.kind === 'paragraph' && (LIST_NUMBER.test(block.plain) || BULLET.test(block.plain))) {
      // Numbers and bullets typed by hand: consecutive ones are a list.
      const items: string[] = [];
      while (blocks[i]?.kind === 'paragraph' && (LIST_NUMBER.test((blocks[i] as { plain: string }).plain) || BULLET.test((blocks[i] as { plain: string }).plain))) {
        const item = blocks[i] as { text: string; plain: string };
        const number = LIST_NUMBER.exec(item.plain);
        const rest = item.text.replace(/^(?:\\?[•·◦▪‣\-–]|\\\*|\d{1,3}[.)])\s+/u, '');
        items.push(`${number ? `${number[1]}.` : '-'} ${escapeBlockStart(rest)}`);
        i++;
      }
      i--;
      out.push(items.join('\n'));
      continue;
    }
    out.push(renderBlock(block));
  }
  flushReferences();
  const notes = [...footnotes].map(([label, text]) => `[^${label}]: ${text}`);
  return [...out, ...(notes.length > 0 ? [notes.join('\n')] : [])].join('\n\n');
}

function renderBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'caption':
    case 'subtitle':
      return escapeBlockStart(block.text);
    case 'quote':
      return `> ${block.text}`;
    case 'list':
      return renderList(block, '');
    case 'table': {
      const columns = Math.max(...block.rows.map((row) => row.length));
      const pad = (row: string[]) => Array.from({ length: columns }, (_, c) => row[c] ?? '');
      const [header = [], ...rows] = block.rows;
      const line = (row: string[]) => `| ${pad(row).join(' | ')} |`;
      return [line(header), `|${' --- |'.repeat(columns)}`, ...rows.map(line)].join('\n');
    }
    case 'image': {
      const alt = block.alt.replace(/\[/g, '(').replace(/\]/g, ')');
      const caption = block.caption ? ` "${block.caption.replace(/"/g, '”').replace(/\\([*_`[\]\\])/g, '$1')}"` : '';
      return `![${alt}](${block.src}${caption})`;
    }
    case 'heading':
      return `## ${block.text}`;
  }
}

function renderList(list: { ordered: boolean; items: ListItem[] }, indent: string): string {
  return list.items
    .map((item, i) => {
      const marker = list.ordered ? `${i + 1}.` : '-';
      const own = `${indent}${marker} ${escapeBlockStart(item.text)}`;
      const nested = item.children.map((child) => renderList(child, `${indent}${' '.repeat(marker.length + 1)}`));
      return [own, ...nested].join('\n');
    })
    .join('\n');
}

function flatten(items: ListItem[]): string[] {
  return items.flatMap((item) => [item.text, ...item.children.flatMap((child) => flatten(child.items))]);
}
