/**
 * Tables wider than a slide. Their columns are shown a few at a time over
 * several slides, the first column (what names each row) repeated on every
 * one. Shrinking the text would leave 200 columns unreadable long before they
 * fit, and turning rows into lists would lose what a table is for, reading a
 * column down its rows; this way each part still reads as a table at 24px, and
 * every cell is on some slide.
 *
 * The cells never break a word (paparan.css), so a part also takes only as
 * many columns as their longest words fit side by side on a line.
 */
import type { SlideBudget } from './layout.js';
import type { Block } from './model.js';
import { plainInline } from './parse.js';

export type TableBlock = Extract<Block, { kind: 'table' }>;

/** A column narrower than this many characters of a table line breaks most words. */
const minColumnChars = 12;
/** A cell's padding (12px each side at 24px), in characters. */
const cellPaddingChars = 2;

/** Columns that fit side by side on a slide: 7 at 16:9, 5 at 4:3. */
export function maxTableColumns(budget: Pick<SlideBudget, 'tableCharsPerLine'>): number {
  return Math.max(2, Math.floor(budget.tableCharsPerLine / minColumnChars));
}

/** Characters of a table line that whole words may fill: the budget's, less a margin for wide letters and bold headers. */
export function tableLineChars(budget: Pick<SlideBudget, 'tableCharsPerLine'>): number {
  return Math.floor(budget.tableCharsPerLine * 0.85);
}

/** The longest word of a cell, in characters as shown. */
export function longestWord(cell: string): number {
  return Math.max(0, ...plainInline(cell).split(/\s+/).map((word) => [...word].length));
}

/** Splits a table into tables whose columns fit a slide, each starting with the first column; a table that fits comes back alone. */
export function splitTableColumns(table: TableBlock, budget: Pick<SlideBudget, 'tableCharsPerLine'>): TableBlock[] {
  const width = table.header.length;
  const widths = Array.from({ length: width }, (_, c) => cellPaddingChars + Math.max(...[table.header, ...table.rows].map((row) => longestWord(row[c] ?? ''))));
  // A first column of very long words is shortened later (columnWordLimits): it may take a third of the line.
  const room = tableLineChars(budget) - Math.min(widths[0] ?? 0, Math.floor(tableLineChars(budget) / 3));
  const group = (most: number) => {
    const groups: number[][] = [];
    let used = Infinity;
    for (let c = 1; c < width; c++) {
      const current = groups.at(-1);
      if (!current || current.length >= most || used + widths[c]! > room) {
        groups.push([c]);
        used = widths[c]!;
      } else {
        current.push(c);
        used += widths[c]!;
      }
    }
    return groups;
  };
  const greedy = group(maxTableColumns(budget) - 1);
  if (greedy.length <= 1) return [table];
  // Even groups where the words allow (9 columns as 5 + 4, not 6 + 3), so no slide holds one lonely column.
  const groups = group(Math.ceil((width - 1) / greedy.length));
  return groups.map((others) => {
    const columns = [0, ...others];
    return {
      ...table,
      header: columns.map((c) => table.header[c] ?? ''),
      align: columns.map((c) => table.align[c] ?? null),
      rows: table.rows.map((row) => columns.map((c) => row[c] ?? '')),
    };
  });
}

/**
 * The longest word each column of a table may show so that all of them fit a
 * line side by side (the longest are shortened first); Infinity where no word needs shortening.
 */
export function columnWordLimits(table: Pick<TableBlock, 'header' | 'rows'>, budget: Pick<SlideBudget, 'tableCharsPerLine'>): number[] {
  const widths = table.header.map((_, c) => Math.max(...[table.header, ...table.rows].map((row) => longestWord(row[c] ?? ''))));
  const room = tableLineChars(budget) - cellPaddingChars * widths.length;
  const total = (limit: number) => widths.reduce((sum, w) => sum + Math.min(w, limit), 0);
  if (total(Infinity) <= room) return widths.map(() => Infinity);
  let limit = Math.max(...widths);
  while (limit > minColumnChars && total(limit) > room) limit--;
  return widths.map((w) => (w > limit ? limit : Infinity));
}
