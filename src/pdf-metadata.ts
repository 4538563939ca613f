/**
 * What a PDF says about itself: title, author, subject, language and creator in
 * its info dictionary, and bookmarks (the outline a PDF reader shows in its
 * sidebar). Chrome writes the pages; pdf-lib adds this afterwards.
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef, PDFString } from './pdf-lib.js';

export interface PdfInfo {
  title: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  /** BCP 47 language tag, e.g. `id`. */
  lang: string;
}

/** A bookmark: its text and the 0-based page it opens. */
export interface Bookmark {
  title: string;
  page: number;
}

/** Sets the document info and language and writes top-level bookmarks; returns the new bytes and the page count. */
export async function finishPdf(bytes: Uint8Array, info: PdfInfo, bookmarks: Bookmark[] = []): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await loadPdf(bytes);
  const pages = describePdf(doc, info, bookmarks);
  return { bytes: await savePdf(doc), pages };
}

/**
 * A PDF's bytes. pdf-lib pauses for the event loop every 50 objects by default, a browser's habit that here only
 * adds waits; `yielding` pauses every 1500, so that a browser tab driven meanwhile is not kept waiting long.
 */
export function savePdf(doc: PDFDocument, yielding = false): Promise<Uint8Array> {
  return doc.save({ objectsPerTick: yielding ? 1500 : Infinity });
}

/** Reads a PDF Chrome printed, to finish it (pausing for the event loop as savePdf does). */
export function loadPdf(bytes: Uint8Array, yielding = false): Promise<PDFDocument> {
  // updateMetadata: false keeps Chrome's producer and dates instead of pdf-lib's.
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: yielding ? 1500 : Infinity });
}

/** Sets the document info and language of a loaded PDF and writes top-level bookmarks; returns its page count. */
export function describePdf(doc: PDFDocument, info: PdfInfo, bookmarks: Bookmark[] = []): number {
  doc.setTitle(info.title, { showInWindowTitleBar: true });
  if (info.author) doc.setAuthor(info.author);
  if (info.subject) doc.setSubject(info.subject);
  if (info.keywords?.length) doc.setKeywords(info.keywords);
  doc.setLanguage(info.lang);
  doc.setCreator('paparan');
  const pages = doc.getPageCount();
  writeOutline(doc, bookmarks.filter((b) => b.page >= 0 && b.page < pages));
  return pages;
}

/** Writes /Outlines: a flat list of entries, each opening its page fitted to the window. */
function writeOutline(doc: PDFDocument, bookmarks: Bookmark[]): void {
  if (bookmarks.length === 0) return;
  const { context } = doc;
  const pageRefs = doc.getPages().map((page) => page.ref);
  const rootRef = context.nextRef();
  const itemRefs: PDFRef[] = bookmarks.map(() => context.nextRef());
  bookmarks.forEach((bookmark, i) => {
    const item = context.obj({
      Title: PDFHexString.fromText(bookmark.title),
      Parent: rootRef,
      Dest: [pageRefs[bookmark.page]!, PDFName.of('Fit')],
    });
    if (i > 0) item.set(PDFName.of('Prev'), itemRefs[i - 1]!);
    if (i < bookmarks.length - 1) item.set(PDFName.of('Next'), itemRefs[i + 1]!);
    context.assign(itemRefs[i]!, item);
  });
  context.assign(
    rootRef,
    context.obj({ Type: 'Outlines', First: itemRefs[0]!, Last: itemRefs.at(-1)!, Count: PDFNumber.of(bookmarks.length) }),
  );
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  // Open with the bookmarks showing, so the sections are one click away.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** Reads the top-level bookmark titles and their 0-based pages (for tests and checks). */
export async function readOutline(bytes: Uint8Array): Promise<Bookmark[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pageIndex = new Map(doc.getPages().map((page, i) => [page.ref.toString(), i]));
  const root = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const out: Bookmark[] = [];
  let item = root?.lookupMaybe(PDFName.of('First'), PDFDict);
  while (item) {
    const title = item.lookup(PDFName.of('Title'));
    const text = title instanceof PDFHexString || title instanceof PDFString ? title.decodeText() : '';
    const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
    const target = dest?.get(0);
    out.push({ title: text, page: target ? (pageIndex.get(target.toString()) ?? -1) : -1 });
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
  }
  return out;
}
