/**
 * Plain-text essay → paparan Markdown. Plain text has no markup, so structure is
 * inferred from layout: short lines without final punctuation are headings, a
 * references heading turns what follows into a list, and everything else is prose
 * that must reach the slides word for word.
 */
import path from 'node:path';
import { stringify } from 'yaml';
import { guessLanguage, labelsFor } from './language.js';

export interface ImportResult {
  markdown: string;
  title: string;
  lang: 'id' | 'en';
  warnings: { message: string; line?: number }[];
}

/** A paragraph-sized piece of the source: one line, or a block of wrapped lines joined. */
interface Unit {
  text: string;
  /** 1-based line where the unit starts. */
  line: number;
  /** The source lines it was joined from, so reference entries can be split again. */
  lines: SourceLine[];
}

interface SourceLine {
  text: string;
  line: number;
  indented: boolean;
}

type Piece =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; marker: string; text: string }
  | { kind: 'references'; entries: string[] };

/** Headings are short: a line longer than this is prose even without a full stop. */
const MAX_HEADING_CHARS = 120;
const MAX_HEADING_WORDS = 15;
/** Hard-wrapped text stays under ~100 columns; lines this long mean one paragraph per line. */
const LONG_LINE_CHARS = 150;

const BULLET = /^([-*•◦‣▪])\s+/u;
/** `1. ` or `1) `; at most three digits so a year opening a sentence ("2023. ...") stays prose. */
const LIST_NUMBER = /^(\d{1,3})([.)])\s+/;
/** Outline numbering that only headings use: `1.1 `, `2.3.1. `, `IV. `. */
const SECTION_NUMBER = /^(?:\d+(?:\.\d+)+\.?|[IVXLCDM]+[.)])\s+/;
/** `BAB II`, `Chapter 3`: a chapter label that may sit on its own line above the heading. */
const CHAPTER_LABEL = /^(?:bab|bagian|chapter|part)\s+(?:[ivxlcdm]+|\d+)\.?$/i;
const REFERENCES_HEADING =
  /^(?:referensi|daftar referensi|daftar pustaka|pustaka|kepustakaan|sumber|sumber referensi|rujukan|daftar rujukan|references|reference list|bibliography|works cited|sources|literature cited)$/i;
/** Sections that may follow the references and must not be swallowed into the list. */
const AFTER_REFERENCES = /^(?:lampiran|appendix|appendices)\b/i;
/** Words kept lowercase inside a title made from a file name. */
const TITLE_SMALL_WORDS = new Set([
  'a', 'an', 'and', 'as', 'at', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to', 'with',
  'atau', 'bagi', 'dalam', 'dan', 'dari', 'dengan', 'di', 'ke', 'oleh', 'pada', 'serta', 'untuk', 'yang',
]);

/** Converts a decoded plain-text essay into paparan Markdown with YAML front matter. */
export function importPlainText(text: string, options: { file: string; title?: string; lang?: string }): ImportResult {
  const warnings: ImportResult['warnings'] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const units = detectStyle(lines) === 'wrapped' ? splitWrapped(lines) : splitByLine(lines);

  const lang = options.lang ? familyOf(options.lang) : guessLanguage(text);
  if (!options.lang) {
    const name = lang === 'id' ? 'Indonesian' : 'English';
    warnings.push({ message: `language guessed as ${name} ("${lang}") from the text; pass --lang if that is wrong` });
  }

  let title = options.title?.trim();
  let body = units;
  const first = units[0];
  if (first && title && sameText(first.text, title)) {
    body = units.slice(1);
  } else if (first && !title && canBeTitle(first.text)) {
    title = first.text;
    body = units.slice(1);
  }
  if (!title) {
    title = titleFromFileName(options.file);
    warnings.push({
      message: `no title line found, so the title "${title}" was made from the file name; pass --title "..." to choose another`,
    });
  }

  const pieces = classifyUnits(body);
  if (!pieces.some((piece) => piece.kind === 'heading' || piece.kind === 'references') && body.length > 0) {
    warnings.push({
      message: 'no headings found, so the slides will follow the paragraphs in order; put each heading on its own short line without a final full stop',
    });
  }

  const labels = labelsFor(lang);
  const front = stringify({ title, lang: options.lang ?? lang, source: path.basename(options.file) }, { lineWidth: 0 });
  const markdownBody = renderPieces(pieces, labels.references);
  const markdown = `---\n${front}---\n${markdownBody ? `\n${markdownBody}\n` : ''}`;
  return { markdown, title, lang, warnings };
}

/**
 * One paragraph per line (what word processors export) or blank-line-separated blocks of
 * hard-wrapped lines (what editors and e-mail produce). Wrapped lines are short and mostly
 * end mid-sentence; one-per-line paragraphs are long or end with punctuation.
 */
function detectStyle(lines: string[]): 'line' | 'wrapped' {
  const nonEmpty = lines.filter((line) => line.trim() !== '');
  if (nonEmpty.length === 0) return 'line';
  const firstText = lines.findIndex((line) => line.trim() !== '');
  const lastText = lines.length - 1 - [...lines].reverse().findIndex((line) => line.trim() !== '');
  const hasBlankBetween = lines.slice(firstText, lastText).some((line) => line.trim() === '');
  if (!hasBlankBetween) return 'line';

  const long = nonEmpty.filter((line) => line.trim().length > LONG_LINE_CHARS).length;
  if (long / nonEmpty.length >= 0.25) return 'line';

  let followed = 0;
  let continuing = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const current = (lines[i] ?? '').trim();
    const next = (lines[i + 1] ?? '').trim();
    // List lines end without punctuation in either style, so they say nothing about wrapping.
    if (current === '' || next === '' || isListLine(current)) continue;
    followed++;
    if (!endsSentence(current) && !isListLine(next)) continuing++;
  }
  return followed > 0 && continuing / followed >= 0.5 ? 'wrapped' : 'line';
}

function splitByLine(lines: string[]): Unit[] {
  const units: Unit[] = [];
  lines.forEach((raw, index) => {
    const source = toSourceLine(raw, index + 1);
    if (source.text !== '') units.push({ text: source.text, line: source.line, lines: [source] });
  });
  return units;
}

function splitWrapped(lines: string[]): Unit[] {
  const units: Unit[] = [];
  for (const block of splitBlocks(lines)) {
    const longest = Math.max(...block.map((line) => line.text.length));
    let current: Unit | undefined;
    block.forEach((source, index) => {
      const next = block[index + 1];
      // A short capitalised first line above wrapped text is a heading with no blank line after it.
      const headingOnTop =
        index === 0 && next !== undefined && isHeadingLike(source.text) &&
        source.text.length < longest * 0.6 && /^[\p{Lu}\p{N}]/u.test(next.text);
      if (headingOnTop || isListLine(source.text) || current === undefined) {
        if (current) units.push(current);
        current = { text: source.text, line: source.line, lines: [source] };
        if (headingOnTop) {
          units.push(current);
          current = undefined;
        }
        return;
      }
      current.text = joinWrapped(current.text, source.text);
      current.lines.push(source);
    });
    if (current) units.push(current);
  }
  return units;
}

function splitBlocks(lines: string[]): SourceLine[][] {
  const blocks: SourceLine[][] = [];
  let block: SourceLine[] = [];
  lines.forEach((raw, index) => {
    const source = toSourceLine(raw, index + 1);
    if (source.text === '') {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else {
      block.push(source);
    }
  });
  if (block.length > 0) blocks.push(block);
  return blocks;
}

function toSourceLine(raw: string, line: number): SourceLine {
  // Runs of spaces (often from a non-breaking space next to a normal one) carry no meaning in prose.
  return { text: raw.trim().replace(/\s+/g, ' '), line, indented: /^\s/.test(raw) };
}

/** A word hyphenated at the end of a line ("negara-" / "negara") is rejoined without a space. */
function joinWrapped(before: string, after: string): string {
  return /\p{L}-$/u.test(before) ? `${before}${after}` : `${before} ${after}`;
}

function classifyUnits(units: Unit[]): Piece[] {
  const pieces: Piece[] = [];
  let references: { kind: 'references'; entries: string[] } | undefined;

  for (let i = 0; i < units.length; i++) {
    const unit = units[i];
    if (!unit) continue;
    const text = unit.text;

    if (references) {
      if (!(isHeadingLike(text) && AFTER_REFERENCES.test(stripSectionNumber(text)))) {
        references.entries.push(...splitReferenceEntries(unit));
        continue;
      }
      references = undefined;
    }

    if (isReferencesHeading(text)) {
      references = { kind: 'references', entries: [] };
      pieces.push(references);
      continue;
    }

    const bullet = BULLET.exec(text);
    if (bullet) {
      pieces.push({ kind: 'item', marker: '-', text: text.slice(bullet[0].length) });
      continue;
    }

    const number = LIST_NUMBER.exec(text);
    if (number) {
      const previous = units[i - 1];
      const inList = (previous !== undefined && LIST_NUMBER.test(previous.text)) || isListLine(units[i + 1]?.text ?? '');
      // "1. Pendahuluan" above a paragraph is a numbered heading; inside a run of items it is an item.
      if (!inList && isHeadingLike(text) && isContent(units[i + 1])) {
        pieces.push({ kind: 'heading', text });
      } else {
        pieces.push({ kind: 'item', marker: `${number[1]}${number[2]}`, text: text.slice(number[0].length) });
      }
      continue;
    }

    const next = units[i + 1];
    if (CHAPTER_LABEL.test(text) && next && isHeadingLike(next.text) && !isListLine(next.text) && isContent(units[i + 2])) {
      // "BAB II" on one line and its name on the next read as one heading.
      pieces.push({ kind: 'heading', text: `${text} — ${next.text}` });
      i++;
      continue;
    }

    if (isHeadingLike(text) && isContent(next)) {
      pieces.push({ kind: 'heading', text });
      continue;
    }
    pieces.push({ kind: 'paragraph', text });
  }
  return pieces;
}

/** Content that can sit under a heading: prose or a list, not another heading-like line. */
function isContent(unit: Unit | undefined): boolean {
  if (!unit || isReferencesHeading(unit.text)) return false;
  return isListLine(unit.text) || !isHeadingLike(unit.text);
}

/**
 * In wrapped text one block may hold several references, one per line, with continuation
 * lines indented (a hanging indent) or following a line that does not end a sentence.
 */
function splitReferenceEntries(unit: Unit): string[] {
  const entries: string[] = [];
  unit.lines.forEach((source, index) => {
    const previous = entries[entries.length - 1];
    const continues = index > 0 && previous !== undefined && (source.indented || !endsSentence(previous));
    if (continues) entries[entries.length - 1] = joinWrapped(previous, source.text);
    else entries.push(source.text);
  });
  return entries.map(stripListMarker).filter((entry) => entry !== '');
}

function stripListMarker(text: string): string {
  return text.replace(BULLET, '').replace(LIST_NUMBER, '');
}

function stripSectionNumber(text: string): string {
  return text.replace(SECTION_NUMBER, '').replace(LIST_NUMBER, '');
}

/** Short, no final sentence punctuation, not a bullet, and not starting in lowercase. */
function isHeadingLike(text: string): boolean {
  if (text === '' || text.length > MAX_HEADING_CHARS || BULLET.test(text)) return false;
  if (text.split(' ').length > MAX_HEADING_WORDS) return false;
  const firstLetter = /\p{L}/u.exec(stripSectionNumber(text));
  if (!firstLetter || /\p{Ll}/u.test(firstLetter[0])) return false;
  return !/[.,;:!?…]$/.test(text.replace(/["'”’»)\]]+$/u, ''));
}

/** "Daftar Pustaka", "References", "3. Referensi:": a heading over the reference list. */
export function isReferencesHeading(text: string): boolean {
  if (text.length > MAX_HEADING_CHARS) return false;
  // A colon is fine here ("Daftar Pustaka:"): the list that follows explains it.
  return REFERENCES_HEADING.test(stripSectionNumber(text).replace(/\s*:$/, '').trim());
}

/** The first line becomes the title only when it reads like one, not like "1. Pendahuluan". */
function canBeTitle(text: string): boolean {
  return (
    isHeadingLike(text) && !LIST_NUMBER.test(text) && !SECTION_NUMBER.test(text) &&
    !CHAPTER_LABEL.test(text) && !isReferencesHeading(text)
  );
}

function isListLine(text: string): boolean {
  return BULLET.test(text) || LIST_NUMBER.test(text);
}

function endsSentence(text: string): boolean {
  return /[.!?:;]["'”’»)\]]*$/u.test(text);
}

function sameText(a: string, b: string): boolean {
  const normalise = (s: string): string => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return normalise(a) === normalise(b);
}

/** The label family a BCP 47 tag maps to; `in` is the withdrawn code for Indonesian. */
export function familyOf(lang: string): 'id' | 'en' {
  return /^(?:id|in)(?:[-_]|$)/i.test(lang.trim()) ? 'id' : 'en';
}

/** `kerja-sama-selatan-selatan.txt` → "Kerja Sama Selatan-Selatan": repeated words are Indonesian reduplication. */
export function titleFromFileName(file: string): string {
  const words = path.basename(file).replace(/\.[^.]*$/, '').split(/[-_\s.]+/).filter(Boolean);
  const out: string[] = [];
  words.forEach((word, index) => {
    const previous = words[index - 1];
    const cased = index > 0 && TITLE_SMALL_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : capitalise(word);
    if (previous !== undefined && previous.toLowerCase() === word.toLowerCase() && out.length > 0) {
      out[out.length - 1] += `-${capitalise(word)}`;
    } else {
      out.push(cased);
    }
  });
  return out.join(' ') || 'Untitled';
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function renderPieces(pieces: Piece[], referencesTitle: string): string {
  const blocks: string[] = [];
  let previous: Piece | undefined;
  for (const piece of pieces) {
    const rendered = renderPiece(piece, referencesTitle);
    // Consecutive items form one tight list; every other block stands apart.
    if (piece.kind === 'item' && previous?.kind === 'item' && blocks.length > 0) {
      blocks[blocks.length - 1] += `\n${rendered}`;
    } else {
      blocks.push(rendered);
    }
    previous = piece;
  }
  return blocks.join('\n\n');
}

function renderPiece(piece: Piece, referencesTitle: string): string {
  switch (piece.kind) {
    case 'heading':
      // A trailing ` #` would be eaten as a closing sequence of the ATX heading.
      return `## ${escapeInline(piece.text).replace(/(\s)(#+)$/, '$1\\$2')}`;
    case 'paragraph':
      return escapeBlockStart(escapeInline(piece.text));
    case 'item':
      return `${piece.marker} ${escapeBlockStart(escapeInline(piece.text))}`;
    case 'references':
      return [`## ${referencesTitle}`, ...piece.entries.map((entry) => `- ${escapeBlockStart(escapeInline(entry))}`)].join(
        '\n',
      );
  }
}

/**
 * Plain text has no markup, so nothing in it may turn into HTML: `<` is escaped, and so are
 * `&` before an entity name and a backslash before punctuation, which Markdown would consume.
 * `{{ }}` is left alone because the renderer already shows it literally.
 */
function escapeInline(text: string): string {
  return text
    .replace(/\\(?=[!-/:-@[-`{-~])/g, '\\\\')
    .replace(/&(?=#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;');
}

/** Escapes what would make a line start a heading, quote, list, rule, fence or link definition. */
export function escapeBlockStart(text: string): string {
  if (/^(?:#|>|[-+]|\*(?:\s|$|\*\*)|_{3,}|`{3,}|~{3,}|=+$|\|)/.test(text)) return `\\${text}`;
  if (/^\[[^\]]*\]:/.test(text)) return `\\${text}`;
  return text.replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}
