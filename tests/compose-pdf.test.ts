/**
 * Composing: the printed slides drawn into the slots of a paper page, read
 * back as a reader would (poppler's pdftotext, pdfimages). No browser: the
 * "printed" PDFs are made here with pdf-lib, slots as Chrome writes them
 * (a link to a named destination, tagged with a Link element).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// From paparan's pdf-lib (its one-file build): objects handed to composeSlides must be of its classes.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFString, StandardFonts } from '../src/pdf-lib.js';
import { afterAll, describe, expect, it } from 'vitest';
import { composeSlides, slideForms } from '../src/compose-pdf.js';
import { slotMarkup } from '../src/print-slot.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'paparan-compose-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A slides PDF: one 960×540 page per title, the title written on it, slide 2 linking to example.org. */
async function slidesPdf(titles: string[]): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const [i, title] of titles.entries()) {
    const page = doc.addPage([960, 540]);
    page.drawRectangle({ x: 0, y: 0, width: 960, height: 540, color: { type: 'RGB', red: 0.9, green: 0.95, blue: 1 } as never });
    page.drawText(title, { x: 100, y: 400, size: 40, font });
    if (i === 1) {
      const link = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [100, 100, 400, 150], A: { S: 'URI', URI: PDFString.of('https://example.org/') } });
      page.node.addAnnot(doc.context.register(link));
    }
  }
  // Saved and read again, as the exporter does with Chrome's bytes.
  return PDFDocument.load(await doc.save());
}

interface SlotSpec {
  slide: number;
  /** Left, bottom, right, top. */
  rect: [number, number, number, number];
}

/** A paper PDF with a line of its own text and a slot link per spec, tagged like Chrome's (Link elements). */
async function paperPdf(pages: SlotSpec[][], tagged = true): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const { context } = doc;
  const nums = context.obj([]);
  const documentElement = context.obj({ Type: 'StructElem', S: 'Document', K: [] });
  const documentRef = context.register(documentElement);
  const dests = context.obj({});
  let key = 0;
  for (const slots of pages) {
    const page = doc.addPage([595, 842]);
    page.drawText('Paper text', { x: 40, y: 800, size: 12, font });
    for (const { slide, rect } of slots) {
      const name = /id="([^"]+)"/.exec(slotMarkup(slide))![1]!;
      const annot = context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Dest: PDFName.of(name), StructParent: key });
      const annotRef = context.register(annot);
      page.node.addAnnot(annotRef);
      dests.set(PDFName.of(name), context.obj([page.ref, 'XYZ', rect[0], rect[3], 0]));
      const link = context.register(context.obj({ Type: 'StructElem', S: 'Link', P: documentRef, K: { Type: 'OBJR', Obj: annotRef, Pg: page.ref } }));
      (documentElement.get(PDFName.of('K')) as PDFArray).push(link);
      nums.push(PDFNumber.of(key++));
      nums.push(link);
    }
  }
  doc.catalog.set(PDFName.of('Dests'), context.register(dests));
  if (tagged) {
    const root = context.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: { Nums: nums }, ParentTreeNextKey: key });
    doc.catalog.set(PDFName.of('StructTreeRoot'), context.register(root));
    documentElement.set(PDFName.of('P'), doc.catalog.get(PDFName.of('StructTreeRoot'))!);
  }
  return PDFDocument.load(await doc.save());
}

interface Word {
  text: string;
  page: number;
  x: number;
  /** From the bottom of the page, in points, as PDF coordinates go. */
  y: number;
}

/** Every word with its page and place, through pdftotext -bbox. */
function words(bytes: Uint8Array, name: string): Word[] {
  const file = path.join(tmp, `${name}.pdf`);
  writeFileSync(file, bytes);
  const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const out: Word[] = [];
  let page = 0;
  let height = 0;
  for (const line of html.split('\n')) {
    const pageMatch = /<page width="[\d.]+" height="([\d.]+)"/.exec(line);
    if (pageMatch) (page++, (height = Number(pageMatch[1])));
    const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (word) out.push({ text: word[4]!, page, x: Number(word[1]), y: height - Number(word[3]) });
  }
  return out;
}

/** Figure elements of the structure, with their alternative text and marked-content id. */
function figures(doc: PDFDocument): { alt: string; mcid: number }[] {
  return doc.context
    .enumerateIndirectObjects()
    .map(([, object]) => object)
    .filter((object): object is PDFDict => object instanceof PDFDict && object.get(PDFName.of('S')) === PDFName.of('Figure'))
    .map((figure) => ({ alt: figure.lookup(PDFName.of('Alt'), PDFHexString).decodeText(), mcid: figure.lookup(PDFName.of('K'), PDFNumber).asNumber() }));
}

describe('composing the slides into the paper', () => {
  it('draws each slide in its slot, scaled, as text a reader can find there', async () => {
    const slides = slideForms(await slidesPdf(['Alpha', 'Bravo', 'Charlie']));
    // Page 1: slides 1 and 2 (half size); page 2: slide 3 (a third).
    const paper = await paperPdf([
      [{ slide: 1, rect: [40, 500, 520, 770] }, { slide: 2, rect: [40, 200, 520, 470] }],
      [{ slide: 3, rect: [100, 300, 420, 480] }],
    ]);
    expect(composeSlides(paper, slides, (n) => `Slide ${n}`)).toBe(3);
    const found = words(await paper.save(), 'placed');
    const at = (text: string) => found.find((word) => word.text === text)!;
    // Written at (100, 400) on a 960×540 slide: 0.5 × that from the slot's corner, a third on page 2.
    expect(at('Alpha')).toMatchObject({ page: 1 });
    expect(at('Alpha').x).toBeCloseTo(40 + 100 * 0.5, 0);
    expect(at('Alpha').y).toBeGreaterThan(500 + 390 * 0.5);
    expect(at('Alpha').y).toBeLessThan(770);
    expect(at('Bravo')).toMatchObject({ page: 1 });
    expect(at('Bravo').y).toBeLessThan(470);
    expect(at('Charlie')).toMatchObject({ page: 2 });
    expect(at('Charlie').x).toBeCloseTo(100 + 100 / 3, 0);
    // The paper's own text is still there, once.
    expect(found.filter((word) => word.text === 'Paper')).toHaveLength(2);
  });

  it('keeps the slides vector: no picture in the PDF', async () => {
    const slides = slideForms(await slidesPdf(['Alpha']));
    const paper = await paperPdf([[{ slide: 1, rect: [40, 500, 520, 770] }]]);
    composeSlides(paper, slides, () => '');
    const file = path.join(tmp, 'vector.pdf');
    writeFileSync(file, await paper.save());
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2); // the header lines only
  });

  it('removes the slot links and their destinations, and carries the slide\'s web links to where the slide is', async () => {
    const slides = slideForms(await slidesPdf(['Alpha', 'Bravo']));
    const paper = await paperPdf([[{ slide: 1, rect: [40, 500, 520, 770] }, { slide: 2, rect: [40, 200, 520, 470] }]]);
    composeSlides(paper, slides, () => '');
    const reread = await PDFDocument.load(await paper.save());
    expect(reread.catalog.get(PDFName.of('Dests'))).toBeUndefined();
    const annots = reread.getPage(0).node.Annots()!;
    expect(annots.size()).toBe(1);
    const link = annots.lookup(0, PDFDict);
    expect(link.lookup(PDFName.of('A'), PDFDict).lookup(PDFName.of('URI'), PDFString).decodeText()).toBe('https://example.org/');
    // (100, 100)–(400, 150) on slide 2, at half size from (40, 200).
    const rect = link.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber());
    expect(rect).toEqual([90, 250, 240, 275]);
  });

  it('makes each slot a Figure read out as the slide, in the place of its link', async () => {
    const slides = slideForms(await slidesPdf(['Alpha', 'Bravo']));
    const paper = await paperPdf([[{ slide: 1, rect: [40, 500, 520, 770] }, { slide: 2, rect: [40, 200, 520, 470] }]]);
    composeSlides(paper, slides, (n) => `Slide ${n}: ${['Alpha', 'Bravo'][n - 1]}`);
    const reread = await PDFDocument.load(await paper.save());
    expect(figures(reread)).toEqual([
      { alt: 'Slide 1: Alpha', mcid: 0 },
      { alt: 'Slide 2: Bravo', mcid: 1 },
    ]);
    // No Link element is left pointing at a removed link.
    const links = reread.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFDict && o.get(PDFName.of('S')) === PDFName.of('Link'));
    expect(links).toEqual([]);
  });

  it('tags a page Chrome left untagged (lines and empty frames only)', async () => {
    const slides = slideForms(await slidesPdf(['Alpha']));
    const paper = await paperPdf([[{ slide: 1, rect: [40, 500, 520, 770] }]], false);
    composeSlides(paper, slides, () => 'Slide 1: Alpha');
    const file = path.join(tmp, 'untagged.pdf');
    writeFileSync(file, await paper.save());
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
    expect(figures(await PDFDocument.load(await paper.save()))).toEqual([{ alt: 'Slide 1: Alpha', mcid: 0 }]);
  });

  it('refuses a slot for a slide that was not printed', async () => {
    const slides = slideForms(await slidesPdf(['Alpha']));
    const paper = await paperPdf([[{ slide: 2, rect: [40, 500, 520, 770] }]]);
    expect(() => composeSlides(paper, slides, () => '')).toThrow('slide 2 has a frame, but only 1 slides were printed');
  });
});

describe("saving with pdf-lib (its object streams deflated by Node's zlib)", () => {
  it('packs the objects into compressed object streams that readers open: smaller than without, text intact', async () => {
    const doc = await slidesPdf(Array.from({ length: 12 }, (_, i) => `Slide number ${i + 1}`));
    const packed = await doc.save();
    const plain = await doc.save({ useObjectStreams: false });
    const latin = Buffer.from(packed).toString('latin1');
    expect(latin).toMatch(/\/Type \/ObjStm/);
    expect(latin).toMatch(/\/Type \/XRef/);
    expect(latin).toMatch(/\/Filter \/FlateDecode/);
    expect(packed.length).toBeLessThan(plain.length);
    const file = path.join(tmp, 'packed.pdf');
    writeFileSync(file, packed);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Slide number 1');
    expect(text).toContain('Slide number 12');
    expect((await PDFDocument.load(packed)).getPageCount()).toBe(12);
  });
});
