/**
 * pdf-lib, loaded from its one-file ES build: the same library and version as
 * `import 'pdf-lib'`, whose CommonJS build Node loads as some 150 files (each
 * read, wrapped and scanned for its exports), several times slower: about
 * 0.2 s of every build that prints (measured). Typed as 'pdf-lib'. Code that
 * hands pdf-lib objects to paparan's must import them from here, not from
 * 'pdf-lib': the two builds' classes are not the same to `instanceof`.
 */
import { deflateSync } from 'node:zlib';
import type * as PdfLib from 'pdf-lib';
// @ts-expect-error: the bundle ships no declarations of its own; it is typed as 'pdf-lib' below.
import * as bundle from 'pdf-lib/dist/pdf-lib.esm.min.js';

const lib = bundle as typeof PdfLib;

/**
 * pdf-lib packs a saved PDF's objects into compressed object streams (a third smaller than Chrome's own PDFs) and
 * compresses the page content it writes, with pako, a deflate written in JavaScript: some 35 ms of Node's time in a
 * build of the shared essay, on two cores shared with Chrome. Node's zlib makes the same FlateDecode data natively.
 * pdf-lib gets those streams from three factories, and a stream computes its contents once, on first access,
 * through its cache: the cache is swapped for one that deflates with zlib. Text strings (titles, bookmarks, the
 * slides' descriptions) are encoded to UTF-16 hex by Buffer instead of one code unit at a time. (pdf-lib 1.17 has
 * not changed since 2021; tests/compose-pdf.test.ts checks the saved PDFs read back.)
 */
interface DeflatedStream {
  encode: boolean;
  getUnencodedContents(): Uint8Array;
  contentsCache: { access(): Uint8Array };
}
type StreamFactory = (...args: unknown[]) => DeflatedStream;
const factories = [
  ['PDFObjectStream', 'withContextAndObjects'],
  ['PDFCrossRefStream', 'create'],
  ['PDFContentStream', 'of'],
] as const;
for (const [owner, factory] of factories) {
  const cls = (lib as unknown as Record<string, Record<string, StreamFactory>>)[owner]!;
  const original = cls[factory]!.bind(cls);
  cls[factory] = (...args) => {
    const stream = original(...args);
    if (stream.encode) stream.contentsCache = lib.Cache.populatedBy(() => deflateSync(stream.getUnencodedContents()));
    return stream;
  };
}
lib.PDFHexString.fromText = (text: string) =>
  lib.PDFHexString.of(Buffer.from(`\uFEFF${text}`, 'utf16le').swap16().toString('hex').toUpperCase());

export const {
  concatTransformationMatrix,
  decodePDFRawStream,
  drawObject,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObjectCopier,
  PDFOperator,
  PDFOperatorNames,
  PDFRawStream,
  PDFRef,
  PDFString,
  popGraphicsState,
  pushGraphicsState,
  StandardFonts,
} = lib;

export type PDFArray = PdfLib.PDFArray;
export type PDFDict = PdfLib.PDFDict;
export type PDFDocument = PdfLib.PDFDocument;
export type PDFHexString = PdfLib.PDFHexString;
export type PDFName = PdfLib.PDFName;
export type PDFNumber = PdfLib.PDFNumber;
export type PDFPage = PdfLib.PDFPage;
export type PDFRawStream = PdfLib.PDFRawStream;
export type PDFRef = PdfLib.PDFRef;
export type PDFString = PdfLib.PDFString;
