import { describe, expect, it } from 'vitest';
import { budgetFor, slideSizeFor } from '../src/layout.js';
import { columnWordLimits, maxTableColumns, splitTableColumns, tableLineChars, type TableBlock } from '../src/wide-table.js';

const wide = budgetFor(slideSizeFor('16:9'));

function table(columns: number, rows = 2, cell = (r: number, c: number) => `r${r}c${c}`): TableBlock {
  return {
    kind: 'table',
    line: 7,
    directives: {},
    header: Array.from({ length: columns }, (_, c) => `H${c + 1}`),
    align: Array.from({ length: columns }, (_, c) => (c === 1 ? 'right' : null)),
    rows: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => cell(r + 1, c + 1))),
  };
}

describe('splitTableColumns', () => {
  it('leaves a table that fits alone', () => {
    const narrow = table(7);
    expect(splitTableColumns(narrow, wide)).toEqual([narrow]);
  });

  it('splits the columns evenly, repeating the first column with its alignment', () => {
    const parts = splitTableColumns(table(10), wide);
    expect(parts.map((p) => p.header)).toEqual([
      ['H1', 'H2', 'H3', 'H4', 'H5', 'H6'],
      ['H1', 'H7', 'H8', 'H9', 'H10'],
    ]);
    expect(parts[0]!.align).toEqual([null, 'right', null, null, null, null]);
    expect(parts[1]!.rows[1]).toEqual(['r2c1', 'r2c7', 'r2c8', 'r2c9', 'r2c10']);
    expect(parts.every((p) => p.line === 7 && p.kind === 'table')).toBe(true);
  });

  it('puts every cell of a 200-column table on some part, none wider than a slide holds', () => {
    const parts = splitTableColumns(table(200, 3), wide);
    expect(parts.length).toBe(34);
    expect(Math.max(...parts.map((p) => p.header.length))).toBeLessThanOrEqual(maxTableColumns(wide));
    const cells = new Set(parts.flatMap((p) => [...p.header, ...p.rows.flat()]));
    for (let c = 1; c <= 200; c++) {
      expect(cells.has(`H${c}`)).toBe(true);
      for (let r = 1; r <= 3; r++) expect(cells.has(`r${r}c${c}`)).toBe(true);
    }
  });

  it('takes fewer columns when their longest words do not fit side by side', () => {
    const words = ['Kementerian', 'Internasional', 'Pembangunannya', 'Infrastruktur', 'Pertanggungjawaban', 'Kesejahteraan', 'Perekonomian'];
    const parts = splitTableColumns(table(7, 1, (_, c) => `${words[c - 1]} dan lain-lain`), wide);
    expect(parts.length).toBe(2);
    for (const part of parts) {
      const longest = part.rows[0]!.map((cell) => cell.split(' ')[0]!.length + 2);
      expect(longest.reduce((a, b) => a + b)).toBeLessThanOrEqual(tableLineChars(wide));
    }
  });

  it('fills a ragged row with empty cells', () => {
    const ragged = { ...table(9), rows: [['only', 'two']] };
    expect(splitTableColumns(ragged, wide).map((p) => p.rows[0])).toEqual([
      ['only', 'two', '', '', ''],
      ['only', '', '', '', ''],
    ]);
  });
});

describe('columnWordLimits', () => {
  it('needs no limit when the longest words fit side by side', () => {
    expect(columnWordLimits({ header: ['No', 'Negara'], rows: [['1', 'Pertanggungjawaban bersama']] }, wide)).toEqual([Infinity, Infinity]);
  });

  it('limits only the column whose word is too long, to what the line leaves it', () => {
    const limits = columnWordLimits({ header: ['Term', 'Meaning'], rows: [['Long', 'x'.repeat(5000)]] }, wide);
    expect(limits[0]).toBe(Infinity);
    // The line less both cells' padding (2 characters each) and the first column's longest word.
    expect(limits[1]).toBe(tableLineChars(wide) - 2 * 2 - 'Term'.length);
  });
});

describe('maxTableColumns', () => {
  it('fits 7 columns on a 16:9 slide and 5 on a 4:3 one', () => {
    expect(maxTableColumns(wide)).toBe(7);
    expect(maxTableColumns(budgetFor(slideSizeFor('4:3')))).toBe(5);
  });
});
