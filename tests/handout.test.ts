/**
 * Handout geometry: every layout fits its paper, leaves room to write where it
 * promises to, and scales the slide without distorting it. Pure: no browser.
 */
import { describe, expect, it } from 'vitest';
import { handoutGeometry, marginsFor, notesFrame, type Paper, type PerPage, paperSize } from '../src/handout.js';

const PX_PER_MM = 96 / 25.4;
const papers: Paper[] = ['a4', 'letter', 'a5'];
const layouts: PerPage[] = [1, 2, 3, 4, 6, 9];
const slide = { width: 1280, height: 720 };

describe('handout geometry', () => {
  for (const paper of papers) {
    for (const landscape of [false, true]) {
      for (const perPage of layouts) {
        it(`${perPage} a page on ${paper}${landscape ? ' landscape' : ''} fits the printable area`, () => {
          const g = handoutGeometry(perPage, { paper, landscape }, slide);
          const size = paperSize({ paper, landscape });
          const m = marginsFor(paper);
          expect(g.cols * g.rows).toBeGreaterThanOrEqual(perPage);
          expect(g.sheetWidth).toBeLessThanOrEqual((size.width - 2 * m.side) * PX_PER_MM);
          expect(g.sheetHeight).toBeLessThan((size.height - m.top - m.bottom) * PX_PER_MM);
          expect(g.cols * g.cellWidth + (g.cols - 1) * g.gapX).toBeLessThanOrEqual(g.sheetWidth + 0.01);
          expect(g.rows * g.cellHeight + (g.rows - 1) * g.gapY).toBeLessThanOrEqual(g.sheetHeight + 0.01);
          expect(g.frameWidth).toBeLessThanOrEqual(g.cellWidth);
          const used = g.notes === 'below' ? g.frameHeight + g.notesGap + g.lines * g.lineGap : g.frameHeight;
          expect(used).toBeLessThanOrEqual(g.cellHeight + 0.01);
          if (g.notes === 'beside') expect(g.frameWidth + g.notesGap).toBeLessThan(g.cellWidth);
          // The slide keeps its shape.
          expect(g.frameWidth / g.frameHeight).toBeCloseTo(16 / 9, 1);
          expect(g.scale).toBeCloseTo(g.frameWidth / 1280, 6);
        });
      }
    }
  }

  it('leaves writing lines for 1–3 slides a page and fills the page with 4–9', () => {
    for (const landscape of [false, true]) {
      for (const perPage of [1, 2, 3] as const) {
        const g = handoutGeometry(perPage, { paper: 'a4', landscape }, slide);
        expect(g.notes).not.toBe('none');
        expect(g.lines, `${perPage} a page`).toBeGreaterThanOrEqual(4);
      }
      for (const perPage of [4, 6, 9] as const) expect(handoutGeometry(perPage, { paper: 'a4', landscape }, slide).notes).toBe('none');
    }
    // The classic: three slides down the page, lines beside each.
    expect(handoutGeometry(3, { paper: 'a4', landscape: false }, slide)).toMatchObject({ cols: 1, rows: 3, notes: 'beside' });
  });

  it('works for 4:3 slides too', () => {
    const g = handoutGeometry(3, { paper: 'a4', landscape: false }, { width: 1024, height: 768 });
    expect(g.frameWidth / g.frameHeight).toBeCloseTo(4 / 3, 1);
  });
});

describe('notes page', () => {
  it('keeps the slide to part of the page, so the notes have the rest', () => {
    for (const paper of papers) {
      for (const landscape of [false, true]) {
        const frame = notesFrame({ paper, landscape }, slide);
        const size = paperSize({ paper, landscape });
        const m = marginsFor(paper);
        expect(frame.width).toBeLessThan((size.width - 2 * m.side) * PX_PER_MM);
        expect(frame.height).toBeLessThan((size.height - m.top - m.bottom) * PX_PER_MM * 0.5);
      }
    }
  });
});
