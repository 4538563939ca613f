/**
 * Who wrote the essay and for which class, as the title slide, the PDFs and
 * `paparan check` show it: the authors with their student numbers (NIM), the
 * lecturers, from the front matter's several forms.
 */
import type { Author, EssayMeta } from './front-matter.js';

/** The authors in the order written, each a name with an optional student number; empty without `author:`. */
export function authorList(meta: Pick<EssayMeta, 'author'>): Author[] {
  const { author } = meta;
  if (author === undefined) return [];
  const items = Array.isArray(author) ? author : [author];
  return items.map((item) => (typeof item === 'string' ? { name: item } : item)).filter((item) => item.name.trim() !== '');
}

/** The author names as one line ("A", "A & B", "A, B & C"), without student numbers; undefined without authors. */
export function authorLine(meta: Pick<EssayMeta, 'author'>): string | undefined {
  const names = authorList(meta).map((a) => a.name);
  if (names.length <= 1) return names[0];
  return `${names.slice(0, -1).join(', ')} & ${names.at(-1)}`;
}

/** The lecturers in the order written; empty without `lecturer:`. */
export function lecturerList(meta: Pick<EssayMeta, 'lecturer'>): string[] {
  const { lecturer } = meta;
  if (lecturer === undefined) return [];
  return (Array.isArray(lecturer) ? lecturer : [lecturer]).filter((name) => name.trim() !== '');
}
