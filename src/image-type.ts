/**
 * What kind of image a file is, by its first bytes rather than its name: a
 * deck copies and inlines only real images, never a text file (or a link to
 * one) that merely ends in .png.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export type ImageType = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif' | 'svg' | 'bmp' | 'ico';

/** The formats imageTypeOf knows, for messages. */
export const imageTypeNames = 'PNG, JPEG, GIF, WebP, AVIF, SVG, BMP or ICO';

/** Enough of a file to see past an SVG's XML prolog and licence comments. */
const headBytes = 64 * 1024;

/** The image format of a file's first bytes, or undefined when they are not one paparan shows. */
export function imageTypeOf(bytes: Uint8Array): ImageType | undefined {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const ascii = (start: number, end: number) => head.toString('latin1', start, end);
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (/^GIF8[79]a$/.test(ascii(0, 6))) return 'gif';
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return 'webp';
  if (isAvif(head)) return 'avif';
  // BMP's "BM" is short, so the DIB header size must be one of the known ones too.
  if (ascii(0, 2) === 'BM' && head.length >= 18 && [12, 40, 52, 56, 64, 108, 124].includes(head.readUInt32LE(14))) return 'bmp';
  if (head.length >= 6 && head.readUInt32BE(0) === 0x00000100 && head.readUInt16LE(4) > 0) return 'ico';
  if (isSvg(head)) return 'svg';
  return undefined;
}

/** The image format of a file on disk (its first bytes only), or undefined. */
export function readImageType(file: string): ImageType | undefined {
  return imageTypeOf(readHead(file, headBytes));
}

/** The first `bytes` bytes of a file (fewer when it is shorter): what a format's signature or header needs. */
export function readHead(file: string, bytes: number): Buffer {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, readSync(fd, buffer, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
}

/** An ISO media file (`ftyp` box) whose major or compatible brands say AVIF. */
function isAvif(head: Buffer): boolean {
  if (head.length < 16 || head.toString('latin1', 4, 8) !== 'ftyp') return false;
  const boxEnd = Math.min(head.readUInt32BE(0), head.length);
  const brands = [head.toString('latin1', 8, 12)];
  for (let at = 16; at + 4 <= boxEnd; at += 4) brands.push(head.toString('latin1', at, at + 4));
  return brands.some((brand) => brand === 'avif' || brand === 'avis');
}

/** Text that is an <svg> element after an optional BOM, XML prolog, comments and doctype. */
function isSvg(head: Buffer): boolean {
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  return /^\s*(<\?xml[^>]*\?>\s*)?((<!--[\s\S]*?-->|<!DOCTYPE\s[^[>]*(\[[\s\S]*?\])?\s*>)\s*)*<svg[\s/>]/.test(text);
}
