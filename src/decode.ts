/**
 * Raw bytes → clean text. Essays arrive from word processors, e-mail and web forms,
 * so we honour byte-order marks (or sniff UTF-16 without one), fall back to Windows-1252 when the bytes are not UTF-8,
 * and repair the mojibake that round trip leaves behind (`Â`, `â€™`, `Ã©`).
 */
import { ContentError } from './errors.js';

export interface DecodedText {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  warnings: string[];
}

export interface MojibakeRepair {
  /** 1-based line of the repaired text. */
  line: number;
  from: string;
  to: string;
}

/** Binary sniffing only looks at the start, as `git` and `file` do. */
const SNIFF_BYTES = 8192;
/** Real prose has almost no control characters; binary data has about one byte in nine. */
const MAX_CONTROL_SHARE = 0.05;
/** Binary data has a NUL in about one byte of 256 at least; text may hold a stray one or two. */
const MAX_STRAY_NULS = 2;
const MAX_NUL_SHARE = 0.002;

/**
 * Windows-1252 bytes 0x80–0x9F. Node's TextDecoder maps these to C1 controls (as Latin-1
 * does), which would turn curly quotes and dashes into invisible characters.
 * `undefined` marks the five bytes the code page leaves unassigned.
 */
const CP1252_HIGH: readonly (string | undefined)[] = [
  '€', undefined, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', undefined, 'Ž', undefined,
  undefined, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', undefined, 'ž', 'Ÿ',
];

/** Character → the byte it came from, for text that was decoded as Windows-1252 or Latin-1. */
const CP1252_BYTE = buildReverseCp1252();

/** Turns the raw bytes of an essay into clean text, or throws ContentError naming the file. */
export function decodeEssayBytes(bytes: Uint8Array, file: string): DecodedText {
  if (isBlankBytes(bytes)) throw emptyFileError(file);

  const warnings: string[] = [];
  const { text: raw, encoding } = decodeByBom(bytes, file, warnings);
  const normalised = removeNuls(normaliseNewlines(raw), warnings);

  const { text: repaired, repairs } = repairMojibake(normalised);
  for (const repair of repairs) warnings.push(describeRepair(repair));

  const text = removeInvisibles(repaired);
  if (text.trim() === '') throw emptyFileError(file);
  return { text, encoding, warnings };
}

/** Repairs common mojibake (UTF-8 read as Windows-1252/Latin-1) and reports each repair with its line. */
export function repairMojibake(text: string): { text: string; repairs: MojibakeRepair[] } {
  const repairs: MojibakeRepair[] = [];
  const lines = text.split('\n').map((line, index) => repairLine(line, index + 1, repairs));
  return { text: lines.join('\n'), repairs };
}

function repairLine(line: string, lineNumber: number, repairs: MojibakeRepair[]): string {
  // Each distinct repair is reported once per line: twenty `â€™` on one line are one problem.
  const seen = new Set<string>();
  const record = (from: string, to: string): void => {
    const key = `${from}\u0000${to}`;
    if (seen.has(key)) return;
    seen.add(key);
    repairs.push({ line: lineNumber, from, to });
  };

  // A line holding only `Â` is what is left of a non-breaking space on an otherwise empty line.
  if (/^[ \u00A0]*Â[ \u00A0Â]*$/.test(line)) {
    record('Â', '');
    return '';
  }

  let out = decodeMisreadUtf8(line, record);

  // `Â` before a space is a non-breaking space whose second byte was already normalised away.
  out = out.replace(/Â(?=[ \u00A0])/g, () => {
    record('Â', '');
    return '';
  });

  // Windows-1252 has no character for 0x9D, so the tail of `”` (E2 80 9D) is often lost.
  return out.replace(/â€/g, () => {
    record('â€', '”');
    return '”';
  });
}

/**
 * Finds runs of characters that, turned back into Windows-1252 bytes, form one valid
 * multi-byte UTF-8 character, and replaces them with that character. A lone `é` in
 * "café" is never touched: a lead byte needs its continuation bytes.
 */
function decodeMisreadUtf8(line: string, record: (from: string, to: string) => void): string {
  const chars = Array.from(line);
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const lead = chars[i] ?? '';
    const width = utf8Width(CP1252_BYTE.get(lead));
    if (width > 1 && i + width <= chars.length) {
      const run = chars.slice(i, i + width);
      const decoded = decodeRun(run);
      if (decoded === '\u00A0') {
        // `Â` + NBSP is a non-breaking space: report the stray `Â`, keep a plain space.
        record(lead, '');
        out += ' ';
        i += width;
        continue;
      }
      if (decoded !== undefined) {
        record(run.join(''), decoded);
        out += decoded;
        i += width;
        continue;
      }
    }
    out += lead;
    i += 1;
  }
  return out;
}

/** How many bytes a UTF-8 sequence starting with this byte has (1 when it cannot start one). */
function utf8Width(byte: number | undefined): number {
  if (byte === undefined) return 1;
  if (byte >= 0xc2 && byte <= 0xdf) return 2;
  if (byte >= 0xe0 && byte <= 0xef) return 3;
  if (byte >= 0xf0 && byte <= 0xf4) return 4;
  return 1;
}

function decodeRun(run: string[]): string | undefined {
  const bytes: number[] = [];
  for (const char of run) {
    const byte = CP1252_BYTE.get(char);
    if (byte === undefined) return undefined;
    bytes.push(byte);
  }
  try {
    // `fatal` rejects overlong forms and surrogates, so only genuine characters come back.
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return undefined;
  }
}

function buildReverseCp1252(): Map<string, number> {
  const map = new Map<string, number>();
  // Latin-1 readings (C1 controls) and Windows-1252 readings both point back to the byte.
  for (let byte = 0x80; byte <= 0xff; byte++) map.set(String.fromCharCode(byte), byte);
  CP1252_HIGH.forEach((char, index) => {
    if (char !== undefined) map.set(char, 0x80 + index);
  });
  return map;
}

function describeRepair(repair: MojibakeRepair): string {
  if (repair.to === '') {
    return `line ${repair.line}: removed stray ${quote(repair.from)} (an encoding artifact)`;
  }
  return `line ${repair.line}: replaced ${quote(repair.from)} with ${quote(repair.to)} (UTF-8 text that had been read as Windows-1252)`;
}

/** Quotes a fragment for a message, spelling out invisible characters so the user can find them. */
function quote(fragment: string): string {
  const visible = fragment.replace(/[\u0000-\u001F\u007F-\u00A0]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return `"${visible}"`;
}

function decodeByBom(bytes: Uint8Array, file: string, warnings: string[]): Pick<DecodedText, 'text' | 'encoding'> {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: decodeUtf16(bytes.subarray(2), 'le', file, warnings), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: decodeUtf16(bytes.subarray(2), 'be', file, warnings), encoding: 'utf-16be' };
  }
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (hasBinarySignature(body)) throw notTextError(file);
  const order = sniffUtf16(body);
  if (order) return { text: decodeUtf16(body, order, file, warnings), encoding: order === 'le' ? 'utf-16le' : 'utf-16be' };
  if (looksBinary(body)) throw notTextError(file);

  const invalidAt = findInvalidUtf8(body);
  if (invalidAt < 0) return { text: new TextDecoder('utf-8').decode(body), encoding: 'utf-8' };

  const line = lineOfByte(body, invalidAt);
  warnings.push(
    `line ${line}: the file is not valid UTF-8, so it was read as Windows-1252; check accented letters and quotes, and save the essay as UTF-8`,
  );
  return { text: decodeWindows1252(body, warnings), encoding: 'windows-1252' };
}

function decodeUtf16(body: Uint8Array, order: 'le' | 'be', file: string, warnings: string[]): string {
  // Swap big-endian pairs ourselves: Node builds without full ICU only know UTF-16LE.
  const le = order === 'le' ? body : swapPairs(body);
  const text = new TextDecoder('utf-16le').decode(le);
  if (controlShare(text.slice(0, SNIFF_BYTES / 2)) > MAX_CONTROL_SHARE) throw notTextError(file);
  if (text.includes('\uFFFD')) {
    warnings.push('some bytes are not valid UTF-16 and were replaced with "\uFFFD"; save the essay as UTF-8');
  }
  return text;
}

function swapPairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1] ?? 0;
    swapped[i + 1] = bytes[i] ?? 0;
  }
  if (bytes.length % 2 === 1) swapped[bytes.length - 1] = bytes[bytes.length - 1] ?? 0;
  return swapped;
}

function decodeWindows1252(bytes: Uint8Array, warnings: string[]): string {
  let text = '';
  const undefinedLines = new Set<number>();
  let line = 1;
  for (const byte of bytes) {
    if (byte === 0x0a) line++;
    if (byte < 0x80 || byte >= 0xa0) {
      text += String.fromCharCode(byte);
      continue;
    }
    const char = CP1252_HIGH[byte - 0x80];
    if (char === undefined) undefinedLines.add(line);
    text += char ?? '\uFFFD';
  }
  for (const at of undefinedLines) {
    warnings.push(`line ${at}: a byte has no meaning in Windows-1252 and was replaced with "\uFFFD"`);
  }
  return text;
}

/** Index of the first byte that breaks UTF-8, or -1 when the whole buffer is valid. */
function findInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i] ?? 0;
    if (byte < 0x80) {
      i++;
      continue;
    }
    const width = utf8Width(byte);
    if (width === 1 || i + width > bytes.length) return i;
    const second = bytes[i + 1] ?? 0;
    // Ranges from RFC 3629: they exclude overlong forms, surrogates and code points past U+10FFFF.
    const secondMin = byte === 0xe0 ? 0xa0 : byte === 0xf0 ? 0x90 : 0x80;
    const secondMax = byte === 0xed ? 0x9f : byte === 0xf4 ? 0x8f : 0xbf;
    if (second < secondMin || second > secondMax) return i;
    for (let k = 2; k < width; k++) {
      const next = bytes[i + k] ?? 0;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += width;
  }
  return -1;
}

function lineOfByte(bytes: Uint8Array, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * UTF-16 without a byte-order mark: Latin-script text has a NUL in nearly every pair of
 * bytes, always on the same side (the second byte in little-endian, the first in big-endian).
 */
function sniffUtf16(bytes: Uint8Array): 'le' | 'be' | undefined {
  const head = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES) & ~1);
  const pairs = head.length / 2;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < head.length; i += 2) {
    if (head[i] === 0) evenZeros++;
    if (head[i + 1] === 0) oddZeros++;
  }
  // More NULs than a damaged text file holds, and on at least half the pairs.
  const many = Math.max(MAX_STRAY_NULS + 1, pairs * 0.5);
  const few = pairs * 0.05;
  if (oddZeros >= many && evenZeros <= few) return 'le';
  if (evenZeros >= many && oddZeros <= few) return 'be';
  return undefined;
}

/** File formats whose first bytes can pass for text; a NUL byte alone no longer marks them. */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x50, 0x4b, 0x03, 0x04], // ZIP: .docx, .odt, .pages
  [0xd0, 0xcf, 0x11, 0xe0], // OLE: .doc
];

function hasBinarySignature(bytes: Uint8Array): boolean {
  return BINARY_SIGNATURES.some((signature) => signature.every((byte, i) => bytes[i] === byte));
}

/** Many control characters or NUL bytes near the start mean an image, PDF, archive or word-processor file. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, SNIFF_BYTES);
  if (head.length === 0) return false;
  let controls = 0;
  let nuls = 0;
  for (const byte of head) {
    if (byte === 0) nuls++;
    else if (isControlCode(byte)) controls++;
  }
  // A NUL or two is damage in a text file (removed with a warning); many are binary data.
  return controls / head.length > MAX_CONTROL_SHARE || (nuls > MAX_STRAY_NULS && nuls / head.length > MAX_NUL_SHARE);
}

function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isControlCode(text.charCodeAt(i))) controls++;
  return controls / text.length;
}

/** Control codes that never appear in prose; tab, newlines and form feed do. */
function isControlCode(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0b && code !== 0x0c && code !== 0x0d) || code === 0x7f;
}

function isBlankBytes(bytes: Uint8Array): boolean {
  return bytes.every((byte) => byte === 0x20 || (byte >= 0x09 && byte <= 0x0d));
}

/** A few NUL bytes in otherwise good text (a broken copy or save) are removed, with a warning per line. */
function removeNuls(text: string, warnings: string[]): string {
  if (!text.includes('\u0000')) return text;
  return text
    .split('\n')
    .map((line, index) => {
      const count = line.split('\u0000').length - 1;
      if (count === 0) return line;
      const what = count === 1 ? 'a NUL byte (an invisible character' : `${count} NUL bytes (invisible characters`;
      warnings.push(`line ${index + 1}: removed ${what} a text file should not hold)`);
      return line.replaceAll('\u0000', '');
    })
    .join('\n');
}

function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Non-breaking spaces become plain spaces, and invisible characters go: they only confuse
 * line breaking and search. ZWJ/ZWNJ stay because emoji and some scripts need them.
 */
function removeInvisibles(text: string): string {
  return text.replace(/[\u00A0\u2007\u202F]/g, ' ').replace(/[\u00AD\u200B\u2060\uFEFF]/g, '');
}

function emptyFileError(file: string): ContentError {
  return new ContentError(
    'the essay file is empty: write the essay in Markdown (or plain text, one paragraph per line) and build again',
    { file },
  );
}

function notTextError(file: string): ContentError {
  return new ContentError(
    'this is not a text file (it looks like an image, PDF or word-processor document): save the essay as plain text or Markdown (.txt or .md) and build again',
    { file },
  );
}
