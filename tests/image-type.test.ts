/** Images are recognised by their bytes: each format paparan shows, and look-alikes that are not images. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { imageTypeOf } from '../src/image-type.js';

const bytes = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const u32be = (n: number) => [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255];

describe('imageTypeOf', () => {
  it.each([
    ['png', readFileSync(path.resolve(import.meta.dirname, 'fixtures/essays/chart.png'))],
    ['jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF')],
    ['gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['gif', bytes('GIF87a', [1, 0, 1, 0])],
    ['webp', bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 ')],
    ['avif', bytes(u32be(28), 'ftypavif', [0, 0, 0, 0], 'avifmif1miaf')],
    ['avif', bytes(u32be(24), 'ftypmif1', [0, 0, 0, 0], 'mif1avif')],
    ['bmp', bytes('BM', [0x36, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 40, 0, 0, 0])],
    ['ico', bytes([0, 0, 1, 0, 1, 0, 16, 16])],
    ['svg', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['svg', bytes('\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- Made by hand -->\n<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "x.dtd" [ <!ENTITY a "b"> ]>\n<svg\n viewBox="0 0 1 1"></svg>')],
  ])('recognises %s', (type, data) => {
    expect(imageTypeOf(data)).toBe(type);
  });

  it.each([
    ['a password file', bytes('root:x:0:0:root:/root:/bin/bash\n')],
    ['an HTML page', bytes('<!doctype html><html><svg></svg></html>')],
    ['a text that mentions svg later', bytes('hello <svg>')],
    ['a HEIC photo', bytes(u32be(24), 'ftypheic', [0, 0, 0, 0], 'mif1heic')],
    ['a RIFF that is a WAV', bytes('RIFF', [36, 0, 0, 0], 'WAVEfmt ')],
    ['two bytes of "BM"', bytes('BMxx')],
    ['a cursor', bytes([0, 0, 2, 0, 1, 0])],
    ['an empty file', bytes()],
    ['a PDF', bytes('%PDF-1.7\n')],
  ])('refuses %s', (_, data) => {
    expect(imageTypeOf(data)).toBeUndefined();
  });
});
