/**
 * Footnotes (`text[^1]` with `[^1]: the note` below, as in Pandoc and GitHub
 * Markdown, and as `paparan import` writes Word's footnotes and endnotes).
 * A footnote is for the reader, not the audience: its marker leaves the
 * slide, and its text goes to the speaker notes of the slide that shows the
 * sentence it belongs to.
 */
import type { Diagnostic } from './errors.js';
import type { Deck } from './model.js';

export interface Footnote {
  /** The label as written (`1`, `kaa`). */
  label: string;
  /** Markdown inline text. */
  text: string;
  /** Line of the sentence that refers to it (or of the definition, when nothing does). */
  line: number;
  /** The text just before the marker: it finds the slide whose notes hold that sentence. */
  anchor: string;
}

const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:[ \t]*(.*)$/;
const REFERENCE = /\[\^([^\]\s]+)\](?!:)/g;

/**
 * Takes the footnote definitions out of a Markdown body (each line becomes empty, so line
 * numbers stay) and the markers out of the text; returns the body and the footnotes in the
 * order they are referred to.
 */
export function extractFootnotes(body: string, firstLine: number, file: string, diagnostics: Diagnostic[]): { body: string; footnotes: Footnote[] } {
  const lines = body.split('\n');
  const definitions = new Map<string, { text: string; line: number }>();
  for (let i = 0; i < lines.length; i++) {
    const match = DEFINITION.exec(lines[i]!);
    if (!match) continue;
    const parts = [match[2]!.trim()];
    lines[i] = '';
    // Continuation lines are indented, as in Pandoc.
    while (i + 1 < lines.length && /^(?: {2,}|\t)\S/.test(lines[i + 1]!)) {
      parts.push(lines[i + 1]!.trim());
      lines[++i] = '';
    }
    definitions.set(match[1]!, { text: parts.join(' '), line: firstLine + i });
  }
  if (definitions.size === 0) return { body, footnotes: [] };

  const footnotes: Footnote[] = [];
  const used = new Set<string>();
  const stripped = lines.map((text, i) =>
    text.replace(REFERENCE, (marker, label: string, offset: number) => {
      const definition = definitions.get(label);
      if (!definition) return marker;
      if (!used.has(label)) {
        used.add(label);
        footnotes.push({ label, text: definition.text, line: firstLine + i, anchor: text.slice(Math.max(0, offset - 120), offset).replace(REFERENCE, '') });
      }
      return '';
    }),
  );
  for (const [label, definition] of definitions) {
    if (used.has(label)) continue;
    diagnostics.push({ severity: 'warning', file, line: definition.line, message: `footnote [^${label}] is never referred to: its text goes to the notes of the slide before it; put [^${label}] after the sentence it belongs to` });
    footnotes.push({ label, text: definition.text, line: definition.line, anchor: '' });
  }
  return { body: stripped.join('\n'), footnotes };
}

/** Adds each footnote to the speaker notes of the slide that shows its sentence ("Catatan kaki 1: …"). */
export function attachFootnotes(deck: Deck, footnotes: Footnote[]): void {
  const label = /^(id|in)\b/i.test(deck.lang) ? 'Catatan kaki' : 'Footnote';
  const slides = deck.slides;
  const notesText = slides.map((slide) => compact(slide.notes.join(' ')));
  footnotes.forEach((footnote, index) => {
    const anchor = compact(footnote.anchor).slice(-40);
    let target = anchor.length >= 8 ? notesText.findIndex((text) => text.includes(anchor)) : -1;
    // A sentence shown nowhere in the notes (a list, a table): the last slide made from what comes before the footnote.
    if (target === -1) {
      target = 0;
      slides.forEach((slide, i) => {
        if (slide.kind === 'content' && slide.line !== undefined && slide.line <= footnote.line) target = i;
      });
    }
    slides[target]!.notes.push(`${label} ${index + 1}: ${footnote.text}`);
  });
}

/** Letters and digits only, lower-case: Markdown marks and spacing do not hide a sentence. */
function compact(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
