/**
 * The pixel size of a PNG, JPEG, GIF or BMP, read from its header: the
 * PowerPoint writer scales each picture to fit its slide without distorting it.
 */
import { readHead } from './image-type.js';

export interface PixelSize {
  width: number;
  height: number;
}

/** Enough of a JPEG to reach its frame header past EXIF data and thumbnails. */
const headBytes = 512 * 1024;

/** The width and height of an image file, or undefined when its header cannot be read. */
export function readImageSize(file: string): PixelSize | undefined {
  return imageSize(readHead(file, headBytes));
}

/** The width and height in an image's first bytes, or undefined. */
export function imageSize(head: Buffer): PixelSize | undefined {
  if (head.length >= 24 && head.readUInt32BE(0) === 0x89504e47 && head.toString('latin1', 12, 16) === 'IHDR') {
    return valid(head.readUInt32BE(16), head.readUInt32BE(20));
  }
  if (head.length >= 10 && /^GIF8[79]a$/.test(head.toString('latin1', 0, 6))) return valid(head.readUInt16LE(6), head.readUInt16LE(8));
  if (head.length >= 26 && head.toString('latin1', 0, 2) === 'BM') return valid(head.readInt32LE(18), Math.abs(head.readInt32LE(22)));
  if (head[0] === 0xff && head[1] === 0xd8) return jpegSize(head);
  return undefined;
}

/** A JPEG's size is in its first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC). */
function jpegSize(head: Buffer): PixelSize | undefined {
  let at = 2;
  while (at + 9 < head.length) {
    if (head[at] !== 0xff) return undefined;
    const marker = head[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = head.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return valid(head.readUInt16BE(at + 7), head.readUInt16BE(at + 5));
    }
    at += 2 + length;
  }
  return undefined;
}

function valid(width: number, height: number): PixelSize | undefined {
  return width > 0 && height > 0 ? { width, height } : undefined;
}
