/**
 * pdf-lib, loaded from its one-file ES build: the same library and version as
 * `import 'pdf-lib'`, whose CommonJS build Node loads as some 150 files (each
 * read, wrapped and scanned for its exports), several times slower: about
 * 0.2 s of every build that prints (measured). Typed as 'pdf-lib'. Code that
 * hands pdf-lib objects to paparan's must import them from here, not from
 * 'pdf-lib': the two builds' classes are not the same to `instanceof`.
 */
import type * as PdfLib from 'pdf-lib';
// @ts-expect-error: the bundle ships no declarations of its own; it is typed as 'pdf-lib' below.
import * as bundle from 'pdf-lib/dist/pdf-lib.esm.min.js';

const lib = bundle as typeof PdfLib;

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
