/**
 * Parses an essay (front matter + Markdown) into a SourceDoc. Pure: text in,
 * model out; every block keeps its source line so problems can be reported
 * as `content/essay.md:42: ...`.
 */
import { Lexer, type Token, type Tokens } from 'marked';
import path from 'node:path';
import { ContentError, type Diagnostic } from './errors.js';
import { extractFootnotes } from './footnotes.js';
import { splitFrontMatter, validateMeta, type EssayMeta } from './front-matter.js';
import type { Block, Directives, Section, SourceDoc } from './model.js';
import { knownLanguage, parseCodeInfo } from './highlight.js';
import { findInlineMath, mathError } from './math.js';
import { unsafeImageScheme, withoutUnsafeImages } from './sanitize.js';

/** Quotes in quotes and lists in lists show at most this many levels; deeper ones run on in the last. */
const maxNesting = 3;

/** Headings that mark the references section, in the languages we label. */
const referencesHeading = /^(referensi|daftar\s+(pustaka|referensi|rujukan)|kepustakaan|pustaka|rujukan|references|bibliography|works\s+cited|sources)$/i;

export interface ParseInput {
  /** The essay text, already decoded. */
  source: string;
  /** Path as the user named it (for messages). */
  file: string;
  /** Folder of the essay (for images). */
  baseDir: string;
  slug: string;
}

/** Parses essay text into a SourceDoc; throws ContentError for fatal problems. */
export function parseEssay(input: ParseInput): SourceDoc {
  const { file } = input;
  const diagnostics: Diagnostic[] = [];
  const fm = splitFrontMatter(input.source, file);
  if (!fm.body.trim() && Object.keys(fm.data).length === 0) {
    throw new ContentError('the essay is empty: write a title and some paragraphs (see docs/content-format.md)', { file });
  }

  const doc = new DocBuilder(file, diagnostics);
  let line = fm.bodyLine;
  let pending: Directives = {};
  // Footnotes are for the speaker: their markers and definitions never reach a slide.
  const { body, footnotes } = extractFootnotes(fm.body, fm.bodyLine, file, diagnostics);
  const tokens = lex(body, file);
  for (const token of tokens) {
    const at = line;
    line += countNewlines(token.raw);
    const directive = readDirective(token);
    if (directive) {
      if (directive === 'points') doc.expectKeyPoints(at);
      else pending = { ...pending, ...directive };
      continue;
    }
    if (token.type === 'space') continue;
    if (token.type === 'hr') {
      pending = { ...pending, breakBefore: true };
      continue;
    }
    if (token.type === 'heading') {
      doc.addHeading(token as Tokens.Heading, at, pending, fm.data.title === undefined);
      pending = {};
      continue;
    }
    doc.addToken(token, at, pending);
    pending = {};
  }
  doc.finishKeyPoints();

  const data = { ...fm.data };
  if (data.title === undefined) {
    data.title = doc.title ?? titleFromSlug(input.slug);
    if (!doc.title) {
      diagnostics.push({ severity: 'warning', file, line: 1, message: `no title: using "${data.title}"; add "title:" to the front matter` });
    }
  }
  const meta: EssayMeta = validateMeta({ ...fm, data }, file, diagnostics);
  const references = [...doc.references, ...(meta.references ?? []).map((text) => ({ text, line: fm.keyLines.references }))];

  if (doc.preamble.length === 0 && doc.sections.every((s) => s.blocks.length === 0)) {
    throw new ContentError('the essay has no paragraphs: write the text below the front matter', { file, line: fm.bodyLine });
  }
  return {
    file,
    baseDir: input.baseDir,
    slug: input.slug,
    meta,
    metaLines: fm.keyLines,
    preamble: doc.preamble,
    sections: doc.sections,
    references,
    ...(footnotes.length > 0 ? { footnotes } : {}),
    diagnostics,
  };
}

/** Collects blocks into the preamble, sections and references as headings arrive. */
class DocBuilder {
  title?: string;
  preamble: Block[] = [];
  sections: Section[] = [];
  references: { text: string; line?: number }[] = [];
  private inReferences = false;
  private keyPointsAt?: number;

  constructor(
    private readonly file: string,
    private readonly diagnostics: Diagnostic[],
  ) {}

  addHeading(token: Tokens.Heading, line: number, directives: Directives, mayBeTitle: boolean): void {
    const text = plainInline(token.text);
    if (token.depth === 1 && this.title === undefined && mayBeTitle && this.sections.length === 0 && this.preamble.length === 0) {
      this.title = text;
      return;
    }
    this.finishKeyPoints();
    this.inReferences = referencesHeading.test(text.trim());
    if (this.inReferences) return;
    this.sections.push({ title: text, level: token.depth >= 3 ? 3 : 2, line, blocks: [], directives });
  }

  addToken(token: Token, line: number, directives: Directives): void {
    if (this.inReferences) {
      this.addReferences(token, line);
      return;
    }
    const parsed = toBlock(token, line, directives);
    if (!parsed) {
      this.diagnostics.push({ severity: 'warning', file: this.file, line, message: `ignored Markdown of kind "${token.type}"` });
      return;
    }
    const depth = nestingDepth(token);
    if (depth > maxNesting) {
      const kind = token.type === 'list' ? 'list' : 'quotes';
      this.diagnostics.push({
        severity: 'warning',
        file: this.file,
        line,
        message: `${kind} nested ${depth} levels deep: a slide shows ${maxNesting}, the deeper ones run on in the third; nest ${token.type === 'list' ? 'lists' : 'quotes'} at most ${maxNesting} levels`,
      });
    }
    const checked = this.leaveOutUnsafeImages(parsed);
    if (!checked) return;
    const block = this.checkMath(checked);
    if (this.keyPointsAt !== undefined) {
      this.attachKeyPoints(block);
      return;
    }
    const current = this.sections.at(-1);
    (current ? current.blocks : this.preamble).push(block);
  }

  /** Images whose address could run code are left out with a warning; a block with nothing else left goes too. */
  private leaveOutUnsafeImages(block: Block): Block | undefined {
    const warn = (alt: string, scheme: string) =>
      this.diagnostics.push({ severity: 'warning', file: this.file, line: block.line, message: `image "${alt}" has an unsafe address (${scheme}:): it was left out` });
    const clean = (text: string): string => {
      const { text: rest, removed } = withoutUnsafeImages(text);
      for (const image of removed) warn(image.alt, image.scheme);
      // A nested item keeps its dash; with nothing after it, it is empty.
      return rest.replace(/^–\s*$/, '');
    };
    switch (block.kind) {
      case 'image': {
        const scheme = unsafeImageScheme(block.src);
        if (!scheme) return block;
        warn(block.alt, scheme);
        return undefined;
      }
      case 'paragraph':
      case 'quote': {
        const text = clean(block.text);
        return text ? { ...block, text } : undefined;
      }
      case 'list': {
        const items = block.items.map(clean).filter(Boolean);
        return items.length > 0 ? { ...block, items } : undefined;
      }
      default:
        return block;
    }
  }

  /** Formulas that KaTeX cannot read: a warning with the line, and the source shown as code instead. */
  private checkMath(block: Block): Block {
    const warn = (tex: string, error: string) =>
      this.diagnostics.push({ severity: 'warning', file: this.file, line: block.line, message: `formula "${shorten(tex)}" does not parse (${error}): it is shown as code; fix the TeX` });
    const inline = (text: string): string => {
      let out = text;
      for (const span of findInlineMath(text).reverse()) {
        const error = mathError(span.tex, span.display);
        if (!error) continue;
        warn(span.tex, error);
        out = `${out.slice(0, span.start)}${codeSpan(text.slice(span.start, span.end))}${out.slice(span.end)}`;
      }
      return out;
    };
    switch (block.kind) {
      case 'math': {
        const error = mathError(block.tex, true);
        if (!error) return block;
        warn(block.tex, error);
        return { kind: 'code', line: block.line, directives: block.directives, text: block.tex };
      }
      case 'code':
        if (block.lang && !knownLanguage(block.lang) && !['text', 'plain', 'plaintext', 'mermaid'].includes(block.lang.toLowerCase())) {
          this.diagnostics.push({ severity: 'warning', file: this.file, line: block.line, message: `code language "${block.lang}" is not known: the code is shown without colours; use a highlight.js name such as python, javascript, r, sql or text` });
        }
        return block;
      case 'paragraph':
      case 'quote':
        return block.text.includes('$') ? { ...block, text: inline(block.text) } : block;
      case 'list':
        return { ...block, items: block.items.map((item) => (item.includes('$') ? inline(item) : item)) };
      case 'table':
        return { ...block, header: block.header.map(inline), rows: block.rows.map((row) => row.map(inline)) };
      default:
        return block;
    }
  }

  /** `<!-- paparan: points -->`: the next list gives the key points of the paragraph before it. */
  expectKeyPoints(line: number): void {
    this.keyPointsAt = line;
  }

  finishKeyPoints(): void {
    if (this.keyPointsAt === undefined) return;
    this.diagnostics.push({
      severity: 'warning',
      file: this.file,
      line: this.keyPointsAt,
      message: '"paparan: points" must stand between a paragraph and a list of its key points',
    });
    this.keyPointsAt = undefined;
  }

  private attachKeyPoints(block: Block): void {
    const blocks = this.sections.at(-1)?.blocks ?? this.preamble;
    const previous = blocks.at(-1);
    if (block.kind === 'list' && previous?.kind === 'paragraph') {
      previous.keyPoints = block.items;
      this.keyPointsAt = undefined;
      return;
    }
    this.finishKeyPoints();
    blocks.push(block);
  }

  private addReferences(token: Token, line: number): void {
    if (token.type === 'list') {
      let itemLine = line;
      for (const item of (token as Tokens.List).items) {
        this.references.push({ text: item.text.replace(/\s*\n\s*/g, ' ').trim(), line: itemLine });
        itemLine += countNewlines(item.raw);
      }
    } else if (token.type === 'paragraph') {
      // References written one per line without list markers.
      (token as Tokens.Paragraph).text.split('\n').forEach((text, i) => {
        if (text.trim()) this.references.push({ text: text.trim(), line: line + i });
      });
    }
  }
}

/** Reads `<!-- paparan: keep break class=x background=y -->`; 'points' is returned as a marker. */
function readDirective(token: Token): Directives | 'points' | undefined {
  if (token.type !== 'html') return undefined;
  const match = /^\s*<!--\s*paparan:\s*([\s\S]*?)\s*-->\s*$/.exec(token.raw);
  if (!match) return undefined;
  const words: string[] = (match[1] ?? "").match(/\S+="[^"]*"|\S+='[^']*'|\S+/g) ?? [];
  if (words.includes('points')) return 'points';
  const directives: Directives = {};
  for (const word of words) {
    const [key, ...rest] = word.split('=');
    const value = rest.join('=').replace(/^["']|["']$/g, '');
    if (key === 'keep') directives.keep = true;
    else if (key === 'break') directives.breakBefore = true;
    else if (key === 'class' && /^[\w\s-]+$/.test(value)) directives.className = value;
    else if (key === 'background' && value) directives.background = value;
    else if (key === 'timing' && Number(value) > 0) directives.timing = Number(value);
    else if (key === 'layout' && /^[a-z]+$/.test(value)) directives.layout = value;
    else if (key === 'chart' && /^[a-z]+$/.test(value)) directives.chart = value;
  }
  return directives;
}

function toBlock(token: Token, line: number, directives: Directives): Block | undefined {
  switch (token.type) {
    case 'paragraph': {
      // A paragraph that is one `$$…$$` formula is a display formula.
      const display = /^\s*\$\$([\s\S]+?)\$\$\s*$/.exec((token as Tokens.Paragraph).text);
      if (display && !display[1]!.includes('$$')) return { kind: 'math', line, directives, tex: display[1]!.trim() };
      const text = (token as Tokens.Paragraph).text.replace(/\s*\n\s*/g, ' ').trim();
      const image = /^!\[([^\]]*)\]\(\s*<?([^\s)>]+)>?(?:\s+"([^"]*)")?\s*\)$/.exec(text);
      if (image) return { kind: 'image', line, directives, alt: image[1] ?? '', src: image[2] ?? '', title: image[3] };
      return { kind: 'paragraph', line, directives, text };
    }
    case 'list': {
      const list = token as Tokens.List;
      return {
        kind: 'list',
        line,
        directives,
        ordered: list.ordered,
        start: typeof list.start === 'number' ? list.start : 1,
        items: list.items.flatMap((item) => listItemTexts(item)),
      };
    }
    case 'blockquote':
      return { kind: 'quote', line, directives, text: quoteText(token as Tokens.Blockquote) };
    case 'table': {
      const table = token as Tokens.Table;
      return {
        kind: 'table',
        line,
        directives,
        header: table.header.map((cell) => cell.text),
        align: table.align,
        rows: table.rows.map((row) => row.map((cell) => cell.text)),
      };
    }
    case 'code': {
      const code = token as Tokens.Code;
      const info = parseCodeInfo(code.lang);
      if (info.lang?.toLowerCase() === 'mermaid') return { kind: 'diagram', line, directives, source: code.text };
      if (info.lang?.toLowerCase() === 'math') return { kind: 'math', line, directives, tex: code.text.trim() };
      return { kind: 'code', line, directives, text: code.text, lang: info.lang, ...(info.marked.length > 0 ? { marked: info.marked } : {}) };
    }
    case 'html':
      return { kind: 'html', line, directives, html: (token as Tokens.HTML).raw.trim() };
    default:
      return undefined;
  }
}

/** A list item's own text, then its nested items, a dash per level; levels past the third keep the third's dashes. */
function listItemTexts(item: Tokens.ListItem, depth = 1): string[] {
  const own: string[] = [];
  const nested: string[] = [];
  for (const child of item.tokens) {
    if (child.type === 'list') {
      const items = (child as Tokens.List).items.flatMap((i) => listItemTexts(i, depth + 1));
      nested.push(...(depth < maxNesting ? items.map((t) => `– ${t}`) : items));
    } else if ('text' in child && typeof child.text === 'string' && child.type !== 'space') own.push(child.text);
  }
  return [own.join(' ').replace(/\s*\n\s*/g, ' ').trim(), ...nested].filter(Boolean);
}

/** A quote's text: a quote inside it is set in quotation marks (“ ”, then ‘ ’); levels past the third run on in the third. */
function quoteText(quote: Tokens.Blockquote, depth = 1): string {
  // A quote holding nothing but another quote (`> > text`) is that quote, not a quote of a quote.
  const content = quote.tokens.filter((child) => child.type !== 'space');
  if (content.length === 1 && content[0]!.type === 'blockquote') return quoteText(content[0] as Tokens.Blockquote, depth);
  const parts = quote.tokens.map((child) => {
    if (child.type === 'blockquote') {
      const inner = quoteText(child as Tokens.Blockquote, depth + 1);
      if (depth >= maxNesting) return inner;
      return depth === 1 ? `“${inner}”` : `‘${inner}’`;
    }
    if (child.type === 'list') return (child as Tokens.List).items.map((item) => item.text).join(' ');
    return 'text' in child && typeof child.text === 'string' && child.type !== 'space' ? child.text : '';
  });
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** How many levels deep quotes nest in a quote, or lists in a list, counting the token itself. */
function nestingDepth(token: Token): number {
  const children =
    token.type === 'blockquote' ? (token as Tokens.Blockquote).tokens : token.type === 'list' ? (token as Tokens.List).items.flatMap((item) => item.tokens) : [];
  let deepest = 0;
  for (const child of children) if (child.type === token.type) deepest = Math.max(deepest, nestingDepth(child));
  return 1 + deepest;
}

/** Markdown to tokens; marked reads nesting by recursion, so thousands of levels overflow its stack. */
function lex(markdown: string, file: string): Token[] {
  try {
    return new Lexer({ gfm: true }).lex(markdown);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new ContentError(`Markdown nested too deep to read (quotes or lists thousands of levels inside each other): nest them at most ${maxNesting} levels`, { file, cause: error });
  }
}

/** Heading text without Markdown emphasis or links, for titles and the outline. */
export function plainInline(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/\\([\\`*_{}\[\]()#+\-.!<>])/g, '$1')
    .trim();
}

/** A TeX source cut short for a message. */
function shorten(tex: string): string {
  const flat = tex.replace(/\s+/g, ' ').trim();
  return flat.length > 40 ? `${flat.slice(0, 39)}…` : flat;
}

/** Markdown code span holding text as written, whatever backticks it has. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text}${fence}`;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** `kerja-sama-selatan-selatan` → `Kerja Sama Selatan Selatan`. */
export function titleFromSlug(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

// Where it always was for callers; it lives with the other slug rules, which the CLI loads without the parser.
export { slugFromPath } from './slug.js';
