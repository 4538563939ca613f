/**
 * LibreOffice and poppler as a user's office suite would read our files: convert with
 * `soffice --headless` (each run with its own fresh profile, so parallel tests never share
 * one, removed afterwards) and read PDFs back word by word with `pdftotext -bbox`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Converts `file` with LibreOffice into `outDir`; `format` as soffice takes it (`pdf`, `docx:"MS Word 2007 XML"`). Returns the new file. */
export function convertWithLibreOffice(file: string, outDir: string, format = 'pdf'): string {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'paparan-lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--convert-to', format, '--outdir', outDir, file], {
      stdio: 'pipe',
      timeout: 180_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const extension = format.split(':')[0]!;
  return path.join(outDir, `${path.basename(file).replace(/\.[^.]+$/, '')}.${extension}`);
}

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

/** Every page of a PDF with its size (points) and its words with their boxes, from `pdftotext -bbox`. */
export function readPdfWords(file: string): PdfPage[] {
  const xml = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return [...xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
    width: Number(page[1]),
    height: Number(page[2]),
    words: [...page[3]!.matchAll(/<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g)].map((word) => ({
      xMin: Number(word[1]),
      yMin: Number(word[2]),
      xMax: Number(word[3]),
      yMax: Number(word[4]),
      text: unescapeXml(word[5]!),
    })),
  }));
}

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

/** Words of a text, lower-case, letters and digits only: for "is this text on that page". */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
}
