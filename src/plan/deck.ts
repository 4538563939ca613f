/**
 * Plans the deck: title, outline, sections, references, closing, and the
 * content slides between them. Prose is summarised by ./summarize.ts (the
 * default, `detail: summary`) or shown sentence by sentence (`detail: full`);
 * either way the essay's sentences go to the speaker notes, so nothing is
 * lost, and every slide stays inside the budget of lines that fit on it.
 */
import { findCitations, formatCitationLabel, matchReference, stripCitations } from '../citations.js';
import type { Diagnostic } from '../errors.js';
import { fitTitle, maxTitleLines, titleCharsPerLine, type FittedTitle } from '../fit-title.js';
import { guessLanguage, labelsFor, type Labels } from '../language.js';
import { budgetFor, estimateLines, slideSizeFor, type SlideBudget } from '../layout.js';
import { fitLongWords } from '../long-words.js';
import type { Block, Deck, Directives, Point, Slide, SlideBody, SourceDoc } from '../model.js';
import { plainInline } from '../parse.js';
import { countWords, splitClauses, splitEnumeration, splitSentences } from '../sentences.js';
import { splitTableColumns } from '../wide-table.js';
import type { Detail } from '../config.js';
import { CHART_KINDS, chartData, offeredChart, type ChartData, type ChartKind } from '../chart.js';
import { findAcronyms } from './acronyms.js';
import { maskFormulas } from './formulas.js';
import type { CondenseContext } from './condense.js';
import { normalizeTitle } from './claim-title.js';
import { LAYOUT_NAMES, summarizeProse, type ProseParagraph } from './summarize.js';
import { planLang } from './words.js';

export interface PlanOptions {
  /** `summary` (default): short points and claim titles; `full`: every sentence on a slide. */
  detail?: Detail;
}

/** Plans the whole deck: title, outline, sections with their content, references, closing. */
export function planDeck(source: SourceDoc, options: PlanOptions = {}): Deck {
  // Inline formulas are planned as single words and put back in the slides (see formulas.ts).
  const { doc, unmask } = maskFormulas(source);
  const text = essayText(doc);
  const lang = doc.meta.lang ?? guessLanguage(text);
  const context: CondenseContext = { lang: planLang(lang), acronyms: findAcronyms(text), introduced: new Set() };
  const budget = budgetFor(slideSizeFor(doc.meta.aspect));
  const planner = new Planner(doc, labelsFor(lang), budget, options.detail ?? 'summary', context);
  return {
    file: doc.file,
    slug: doc.slug,
    meta: doc.meta,
    lang,
    // Words too long for any slide are shortened last, whatever the plan (see long-words.ts).
    slides: unmask(fitLongWords(planner.plan(), budget)),
    assets: [],
    diagnostics: [...doc.diagnostics, ...planner.diagnostics],
  };
}

/** A point with what the packer needs to know about it. */
interface Piece {
  point: Point;
  lines: number;
  words: number;
  /** The full sentence (or paragraph) this piece shows, for the notes of every slide it lands on. */
  note?: string;
  sources: string[];
  /** Starts a new paragraph in the notes. */
  paragraphStart: boolean;
}

interface SlideDraft {
  title: string;
  /** The heading a summary slide shows above its own claim title. */
  kicker?: string;
  section: number;
  line: number;
  directives: Directives;
}

class Planner {
  readonly diagnostics: Diagnostic[] = [];
  private readonly slides: Slide[] = [];
  private readonly usedIds = new Set<string>();
  private readonly warnedWorks = new Set<string>();
  private readonly referenceTexts: string[];
  /** Content titles so far, and the section headings: a summary title must differ from all of them. */
  private readonly usedTitles = new Set<string>();
  private readonly notedKickers = new Set<string>();

  constructor(
    private readonly doc: SourceDoc,
    private readonly labels: Labels,
    private readonly budget: SlideBudget,
    private readonly detail: Detail,
    private readonly context: CondenseContext,
  ) {
    this.referenceTexts = doc.references.map((r) => r.text);
    for (const section of doc.sections) this.usedTitles.add(normalizeTitle(section.title));
    this.usedTitles.add(normalizeTitle(labels.introduction));
  }

  plan(): Slide[] {
    const { meta, sections } = this.doc;
    this.add({
      kind: 'title',
      title: meta.title,
      subtitle: meta.subtitle,
      notes: meta.description ? [meta.description] : [],
      section: -1,
    });
    const outlined = sections.filter((s) => s.level === 2).map((s) => s.title);
    if (outlined.length >= 2) this.planOutline(outlined);
    if (this.doc.preamble.length > 0) {
      this.planBlocks(this.doc.preamble, { title: this.labels.introduction, section: -1, line: this.doc.preamble[0]!.line, directives: {} });
    }
    sections.forEach((section, index) => {
      if (section.level === 2) {
        this.add({ kind: 'section', title: section.title, notes: [], section: index, line: section.line, ...styleOf(section.directives) });
      }
      this.planBlocks(section.blocks, { title: section.title, section: index, line: section.line, directives: section.directives });
    });
    if (this.doc.references.length > 0) this.planReferences();
    this.add({ kind: 'closing', title: this.labels.thanks, subtitle: this.labels.questions, notes: [], section: sections.length });
    return this.slides;
  }

  private planOutline(titles: string[]): void {
    const { charsPerLine, bodyLines, maxOutlineEntries } = this.budget;
    // An entry shows at most two lines (its section slide has the whole title), and a slide holds as many as fit.
    const entries = titles.map((title) => fitTitle(title, charsPerLine - 3, 2).shown);
    const groups = packByLines(entries, (entry) => estimateLines(entry, charsPerLine - 3) + 0.3, bodyLines).flatMap((group) => chunks(group, maxOutlineEntries));
    let start = 1;
    for (const [i, chunk] of groups.entries()) {
      this.add({
        kind: 'outline',
        title: this.labels.outline,
        continued: i > 0,
        body: { layout: 'bullets', ordered: true, start, points: chunk.map((text) => ({ text: escapeMarkdown(text) })) },
        notes: [],
        section: -1,
      });
      start += chunk.length;
    }
  }

  private planReferences(): void {
    const perLine = this.budget.referenceCharsPerLine;
    const groups = packByLines(this.doc.references, (r) => estimateLines(plainInline(r.text), perLine) + 0.3, this.budget.referenceLines);
    groups.forEach((group, i) => {
      this.add({
        kind: 'references',
        title: this.labels.references,
        continued: i > 0,
        body: { layout: 'references', entries: group.map((r) => r.text) },
        notes: [],
        section: this.doc.sections.length,
        line: group[0]?.line,
      });
    });
  }

  /** Plans a run of blocks under one heading; consecutive prose shares slides when it fits. */
  private planBlocks(blocks: Block[], draft: SlideDraft): void {
    let pending: Piece[][] = [];
    let prose: ProseParagraph[] = [];
    let pendingStyle: Directives = draft.directives;
    const flush = () => {
      if (pending.length > 0) this.packPieces(pending, { ...draft, directives: pendingStyle });
      if (prose.length > 0) this.summarize(prose, { ...draft, directives: pendingStyle });
      pending = [];
      prose = [];
    };
    for (const block of blocks) {
      const styled = block.directives.className || block.directives.background || block.directives.timing;
      if (block.directives.breakBefore || styled) flush();
      if (styled) pendingStyle = { ...draft.directives, ...block.directives };
      else if (pending.length === 0 && prose.length === 0) pendingStyle = draft.directives;
      if (this.detail === 'summary' && block.kind === 'paragraph' && !block.keyPoints && !block.directives.keep) {
        // Summaries read across paragraphs; author-chosen points and kept blocks are packed as written.
        if (pending.length > 0) flush();
        prose.push({ text: block.text, line: block.line, layout: this.layoutMarker(block) });
        continue;
      }
      if (this.detail === 'summary' && block.kind === 'image' && prose.length > 0 && !prose.at(-1)!.image && !block.directives.breakBefore) {
        // A picture right after a paragraph is shown beside that paragraph's points.
        prose[prose.length - 1] = { ...prose.at(-1)!, image: { src: block.src, alt: block.alt, caption: block.title ?? (block.alt || undefined), line: block.line } };
        continue;
      }
      if (this.detail === 'summary' && block.kind === 'list' && !block.directives.keep && !block.directives.breakBefore && prose.length > 0 && block.items.length <= 8) {
        // A list right after a paragraph is that paragraph's points, in the author's own words: it joins its slide.
        prose[prose.length - 1] = { ...prose.at(-1)!, list: block.items, ordered: block.ordered };
        continue;
      }
      if (prose.length > 0) flush();
      const pieces = this.piecesOf(block);
      if (pieces) {
        if (block.directives.keep) {
          flush();
          this.packPieces([pieces], { ...draft, line: block.line, directives: { ...pendingStyle, keep: true } }, block.line);
        } else {
          pending.push(pieces);
        }
        continue;
      }
      flush();
      this.planSpecialBlock(block, { ...draft, line: block.line, directives: { ...draft.directives, ...block.directives } });
    }
    flush();
  }

  /** Paragraphs and lists become pieces for bullet slides; other blocks return undefined. */
  private piecesOf(block: Block): Piece[] | undefined {
    if (block.kind === 'paragraph') return this.paragraphPieces(block.text, block.line, block.keyPoints);
    if (block.kind === 'list') {
      return block.items.flatMap((item, i) => {
        const pieces = this.pointPieces(item, block.line, i === 0);
        // An item cut into clauses is not shown word for word: keep it whole in the notes.
        if (pieces.length > 1) for (const piece of pieces) piece.note = item;
        return pieces;
      });
    }
    return undefined;
  }

  private paragraphPieces(text: string, line: number, keyPoints?: string[]): Piece[] {
    if (keyPoints) {
      // The author chose the points; the paragraph itself goes to the notes.
      const sources = this.sourcesOf(text, line);
      const pieces = keyPoints.flatMap((point) => this.pointPieces(point, line, false));
      pieces.forEach((piece, i) => {
        piece.note = text;
        piece.sources = sources;
        piece.paragraphStart = i === 0;
      });
      return pieces;
    }
    return splitSentences(text, this.doc.meta.lang).flatMap((sentence, i) => {
      const sources = this.sourcesOf(sentence, line);
      const enumeration = splitEnumeration(sentence);
      const pieces = enumeration
        ? this.enumerationPieces(enumeration.lead, enumeration.items, line)
        : this.pointPieces(stripCitations(sentence), line, false);
      if (pieces.length === 0) return [];
      pieces[0]!.paragraphStart = i === 0;
      for (const piece of pieces) {
        piece.note = sentence;
        piece.sources = sources;
      }
      return pieces;
    });
  }

  /** One sentence or list item as one or more points of readable length. */
  private pointPieces(text: string, line: number, paragraphStart: boolean): Piece[] {
    const trimmed = text.trim();
    if (!trimmed) return [];
    const { maxPointWords } = this.budget;
    const clauses = countWords(trimmed) > maxPointWords ? splitClauses(trimmed, maxPointWords - 4) : [trimmed];
    const parts = joinShortClauses(clauses, this.budget.minPointWords).flatMap((part) => hardSplit(part, maxPointWords));
    return parts.map((part, i, all) => {
      const shown = all.length > 1 ? tidyClause(part, i === 0, i === all.length - 1) : part;
      return this.piece({ text: shown }, line, paragraphStart && i === 0);
    });
  }

  /** "... diantaranya ialah: 1) a; 2) b; dan 3) c" becomes a lead point with sub-points. */
  private enumerationPieces(lead: string, items: string[], line: number): Piece[] {
    const leadPieces = this.pointPieces(stripCitations(lead), line, false);
    const last = leadPieces.at(-1);
    if (!last) return items.flatMap((item) => this.pointPieces(stripCitations(item), line, false));
    const sub = items.map((item) => stripCitations(item).trim()).filter(Boolean);
    last.point = { ...last.point, subpoints: sub.map((text) => ({ text })) };
    last.lines += sub.reduce((sum, text) => sum + estimateLines(plainInline(text), this.budget.charsPerLine - 6) + 0.2, 0);
    last.words += sub.reduce((sum, text) => sum + countWords(text), 0);
    return leadPieces;
  }

  private piece(point: Point, line: number, paragraphStart: boolean): Piece {
    const plain = plainInline(point.text);
    return {
      point,
      lines: estimateLines(plain, this.budget.charsPerLine - 3) + 0.3,
      words: countWords(plain),
      sources: [],
      paragraphStart,
    };
  }

  /** Labels for the source line; warns once per cited work that has no reference. */
  private sourcesOf(text: string, line: number): string[] {
    const labels: string[] = [];
    for (const citation of findCitations(text)) {
      for (const work of citation.works) {
        labels.push(formatCitationLabel({ ...work, raw: citation.raw }));
        const key = `${work.author}|${work.year}`;
        if (matchReference(work, this.referenceTexts) === -1 && !this.warnedWorks.has(key)) {
          this.warnedWorks.add(key);
          this.diagnostics.push({
            severity: 'warning',
            file: this.doc.file,
            line,
            message: `citation "${formatCitationLabel(work)}" has no matching reference: add it to the references section or "references:" in the front matter`,
          });
        }
      }
    }
    return [...new Set(labels)];
  }

  /** The `layout=` marker of a block, checked: an unknown name is a warning and counts as none. */
  private layoutMarker(block: Block): string | undefined {
    const name = block.directives.layout;
    if (name === undefined || (LAYOUT_NAMES as readonly string[]).includes(name)) return name;
    this.warn(block.line, `unknown layout "${name}": use one of ${LAYOUT_NAMES.join(', ')}`);
    return undefined;
  }

  /** Consecutive paragraphs as summary slides: a claim title, a few short points, the paragraphs in the notes. */
  private summarize(paragraphs: ProseParagraph[], draft: SlideDraft): void {
    for (const planned of summarizeProse(paragraphs, this.context, this.usedTitles)) {
      const body = planned.body;
      this.addContent({ ...draft, title: planned.title, kicker: draft.title, line: planned.line }, body, planned.notes, this.sourcesOf(planned.text, planned.line));
    }
  }

  /** Packs pieces of consecutive paragraphs into bullet slides within the budget. */
  private packPieces(paragraphs: Piece[][], draft: SlideDraft, keepLine?: number): void {
    const keep = draft.directives.keep === true;
    let current: Piece[] = [];
    const emit = () => {
      if (current.length === 0) return;
      this.addBulletSlide(current, draft);
      current = [];
    };
    for (const paragraph of paragraphs) {
      // A paragraph starts on a fresh slide unless all of it fits beside what is there.
      if (current.length > 0 && !this.fits([...current, ...paragraph], draft, keep)) emit();
      for (const piece of paragraph) {
        if (current.length > 0 && !this.fits([...current, piece], draft, keep)) emit();
        current.push(piece);
      }
    }
    const before = this.slides.length;
    emit();
    if (keep && keepLine !== undefined && this.slides.length - before > 1) {
      this.warn(keepLine, `"paparan: keep" paragraph does not fit on one slide; it was split over ${this.slides.length - before} slides`);
    }
  }

  private fits(pieces: Piece[], draft: SlideDraft, keep: boolean): boolean {
    const lines = pieces.reduce((sum, p) => sum + p.lines, 0);
    const words = pieces.reduce((sum, p) => sum + p.words, 0);
    const withinGuide = keep || (pieces.length <= this.budget.maxPoints && words <= this.budget.maxWords);
    return withinGuide && lines <= this.availableLines(draft.title);
  }

  /** Body lines left under a heading, which may wrap; measured as a continuation heading, the longer of the two. */
  private availableLines(title: string): number {
    const heading = `${title} (${this.labels.continued})`;
    const extra = Math.min(maxTitleLines, estimateLines(heading, this.budget.titleCharsPerLine)) - 1;
    return this.budget.bodyLines - extra * this.budget.linesPerTitleLine;
  }

  private addBulletSlide(pieces: Piece[], draft: SlideDraft): void {
    const notes: string[] = [];
    let previous: string | undefined;
    for (const piece of pieces) {
      // Pieces of one sentence share its note: write it once per slide.
      if (!piece.note || piece.note === previous) continue;
      if (piece.paragraphStart || notes.length === 0) notes.push(piece.note);
      else notes[notes.length - 1] += ` ${piece.note}`;
      previous = piece.note;
    }
    this.addContent(draft, { layout: 'bullets', points: pieces.map((p) => p.point) }, notes, [...new Set(pieces.flatMap((p) => p.sources))]);
  }

  /** Quotes, tables, images, code and raw HTML: each gets its own layout and splits in its own way. */
  private planSpecialBlock(block: Block, draft: SlideDraft): void {
    switch (block.kind) {
      case 'quote': {
        // "> … \n> — Soekarno": the closing dash line names who said it, shown under the quote.
        // (Only after a full stop, and a name with a capital: a dash inside the quote is not a signature.)
        const signed = /^([\s\S]*?[.!?"”'’])\s+(?:—|–|--|~)\s*(\p{Lu}[^.!?—–\n]{1,80})$/u.exec(block.text.trim());
        const quoted = signed?.[1]?.trim() ? signed[1].trim() : block.text;
        const attribution = signed?.[1]?.trim() ? signed[2]!.trim() : undefined;
        // Quotes are shown larger than body text: fewer characters a line.
        const perLine = Math.floor((this.budget.charsPerLine - 6) * 0.85);
        const parts = packByLines(splitSentences(quoted), (s) => estimateLines(plainInline(s), perLine), this.budget.bodyLines - 3);
        parts.forEach((part, i) => {
          const text = part.join(' ');
          const body: SlideBody = { layout: 'quote', text, attribution: i === parts.length - 1 ? attribution : undefined };
          this.addContent(draft, body, [attribution && i === parts.length - 1 ? `${text} — ${attribution}` : text], this.sourcesOf(text, block.line));
        });
        return;
      }
      case 'table': {
        if (this.planChart(block, draft)) return;
        // Too wide for a slide: a few columns at a time (see wide-table.ts).
        const parts = splitTableColumns(block, this.budget);
        if (parts.length > 1) {
          this.warn(block.line, `table of ${block.header.length} columns is too wide for a slide: it is shown in ${parts.length} parts, the first column in each; leave out columns to keep it whole`);
          for (const part of parts) this.planSpecialBlock(part, draft);
          return;
        }
        const perCell = Math.max(8, Math.floor(this.budget.tableCharsPerLine / Math.max(1, block.header.length)));
        const rowLines = (row: string[]) => Math.max(1, ...row.map((cell) => estimateLines(plainInline(cell), perCell)));
        const room = this.budget.maxTableRows - (rowLines(block.header) - 1);
        for (const rows of packByLines(block.rows, rowLines, room)) {
          this.addContent(draft, { layout: 'table', header: block.header, align: block.align, rows }, [], []);
        }
        return;
      }
      case 'image': {
        const caption = block.title ?? (block.alt || undefined);
        // A summary slide of a picture is titled by what it shows; its section goes above, as on every summary slide.
        const titled = this.detail === 'summary' && caption ? { ...draft, title: plainInline(caption), kicker: draft.title } : draft;
        this.addContent(titled, { layout: 'image', src: block.src, alt: block.alt, caption }, block.alt ? [block.alt] : [], []);
        return;
      }
      case 'code': {
        // Never re-flowed or summarised: split at line boundaries into even parts (a long line counts for
        // the rows it wraps to), the numbering going on from slide to slide.
        const lines = block.text.split('\n');
        const rows = (line: string) => Math.max(1, Math.ceil([...line].length / codeCharsPerLine(this.budget)));
        const total = lines.reduce((sum, line) => sum + rows(line), 0);
        const parts = Math.ceil(total / this.budget.maxCodeLines);
        let start = 1;
        for (const part of packByLines(lines, rows, Math.ceil(total / parts))) {
          const marked = block.marked?.filter((n) => n >= start && n < start + part.length);
          this.addContent(draft, { layout: 'code', text: part.join('\n'), lang: block.lang, start, ...(marked?.length ? { marked } : {}) }, [], []);
          start += part.length;
        }
        return;
      }
      case 'diagram':
        // A diagram has a slide of its own, drawn when the page loads (see templates/assets/diagrams.js).
        this.addContent(draft, { layout: 'diagram', source: block.source, line: block.line }, [], []);
        return;
      case 'math':
        // A display formula has a slide of its own (it scales down to the width there); the notes keep its TeX.
        this.addContent(draft, { layout: 'math', tex: block.tex }, [`$$${block.tex}$$`], []);
        return;
      case 'html':
        this.addContent(draft, { layout: 'html', html: block.html }, [], []);
        return;
      default:
        return;
    }
  }

  /** A table shown as a chart (`chart=bar`, or offered for a small table of numbers); false when it stays a table. */
  private planChart(block: Extract<Block, { kind: 'table' }>, draft: SlideDraft): boolean {
    const asked = block.directives.chart;
    if (asked === 'none') return false;
    const lang = this.context.lang;
    let chart: ChartData | undefined;
    if (asked !== undefined) {
      if (!(CHART_KINDS as readonly string[]).includes(asked)) {
        this.warn(block.line, `unknown chart "${asked}": use chart=bar, chart=line or chart=pie (chart=none keeps the table)`);
        return false;
      }
      chart = chartData(block, asked as ChartKind, lang);
      if (!chart) {
        this.warn(block.line, `table cannot be shown as a chart: its first column must be labels and every other column numbers; it is shown as a table`);
        return false;
      }
    } else {
      chart = offeredChart(block, lang);
      if (!chart) return false;
    }
    // The table itself stays in the notes, a row a paragraph, for the speaker view and notes.pdf.
    const notes = [block.header, ...block.rows].map((row) => row.join(' | '));
    this.addContent(draft, { layout: 'chart', chart, table: { header: block.header, rows: block.rows, align: block.align } }, notes, []);
    return true;
  }

  private addContent(draft: SlideDraft, body: SlideBody, notes: string[], sources: string[]): void {
    const previous = this.slides.at(-1);
    const continued = previous?.kind === 'content' && previous.title === this.fitTitle('content', draft.title).shown && previous.section === draft.section;
    this.add({
      kind: 'content',
      title: draft.title,
      kicker: draft.kicker,
      continued,
      body,
      notes,
      sources: sources.length > 0 ? sources : undefined,
      section: draft.section,
      line: draft.line,
      ...styleOf(draft.directives),
    });
  }

  private add(slide: Omit<Slide, 'id'>): void {
    // Ids follow the section ("two-2"), not a summary title that changes with every edit: the live preview keeps its slide.
    const id = this.uniqueId(slide.kind === 'title' ? 'title' : slugify(slide.kicker ?? slide.title) || slide.kind);
    // A heading longer than three lines is shortened; the notes give it whole.
    const { shown, rest } = this.fitTitle(slide.kind, slide.title);
    // The section line above a summary title is small and keeps to one line (its whole heading is on the section slide).
    const kicker = slide.kicker === undefined ? undefined : fitTitle(slide.kicker, Math.floor(this.budget.titleCharsPerLine * 1.7), 1);
    // A shortened section line is given whole once, in the notes of the section's first slide that shows it.
    const kickerNote = kicker?.rest && !this.notedKickers.has(slide.kicker!) ? [escapeMarkdown(slide.kicker!)] : [];
    if (kickerNote.length > 0) this.notedKickers.add(slide.kicker!);
    const whole = [...(rest ? [escapeMarkdown(slide.title)] : []), ...kickerNote];
    this.slides.push({ id, ...slide, kicker: kicker?.shown, title: shown, notes: [...whole, ...slide.notes] });
  }

  /** A slide's heading as shown; a content heading keeps room for "(continued)", so every slide of a run shows the same. */
  private fitTitle(kind: Slide['kind'], title: string): FittedTitle {
    const suffix = kind === 'content' ? ` (${this.labels.continued})` : '';
    return fitTitle(title, titleCharsPerLine(kind, this.budget), maxTitleLines, suffix);
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.usedIds.has(id); n++) id = `${base}-${n}`;
    this.usedIds.add(id);
    return id;
  }

  private warn(line: number, message: string): void {
    this.diagnostics.push({ severity: 'warning', file: this.doc.file, line, message });
  }
}

function styleOf(directives: Directives): Pick<Slide, 'className' | 'background' | 'timing'> {
  return { className: directives.className, background: directives.background, timing: directives.timing };
}

/** Groups items in order so that each group's total size stays within `room` (an oversize item stands alone). */
export function packByLines<T>(items: T[], size: (item: T) => number, room: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let used = 0;
  for (const item of items) {
    const lines = size(item);
    if (current.length > 0 && used + lines > room) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += lines;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/** Characters of code a slide line holds (monospace at 22 px beside the line numbers). */
function codeCharsPerLine(budget: SlideBudget): number {
  return budget.charsPerLine + 12;
}

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

/** A clause cut from a longer sentence: drop the dangling comma, mark that it goes on. */
function tidyClause(text: string, first: boolean, last: boolean): string {
  let shown = text.replace(/[,;:]\s*$/, '');
  if (!last && !/[.!?…]$/.test(shown)) shown += ' …';
  if (!first) shown = `… ${shown}`;
  return shown;
}

/** Joins a clause too short to stand as a point ("Menurut X (2015),") to its neighbour. */
function joinShortClauses(clauses: string[], minWords: number): string[] {
  const joined: string[] = [];
  let carry = '';
  for (const clause of clauses) {
    const text = carry ? `${carry} ${clause}` : clause;
    if (countWords(text) < minWords) carry = text;
    else {
      joined.push(text);
      carry = '';
    }
  }
  if (carry) {
    if (joined.length > 0) joined[joined.length - 1] += ` ${carry}`;
    else joined.push(carry);
  }
  return joined;
}

/** Cuts a piece with no clause boundary (one very long run of words) into chunks that fit. */
function hardSplit(text: string, maxWords: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  if (words.length <= maxWords * 1.5) return [text];
  return chunks(words, maxWords).map((chunk) => chunk.join(' '));
}

/** Escapes text so Markdown shows it literally (section titles in the outline). */
function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>])/g, '\\$1');
}

/** A URL-hash-safe id from a title: lower case, ASCII letters and digits, dashes. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
}

/** All prose of the essay, for language guessing. */
export function essayText(doc: SourceDoc): string {
  const blocks = [...doc.preamble, ...doc.sections.flatMap((s) => s.blocks)];
  return blocks
    .map((b) => (b.kind === 'paragraph' || b.kind === 'quote' ? b.text : b.kind === 'list' ? b.items.join(' ') : ''))
    .join(' ');
}
