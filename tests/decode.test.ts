import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeEssayBytes, repairMojibake } from '../src/decode.js';
import { ContentError } from '../src/errors.js';
import { thrown } from './helpers/thrown.js';

const essayPath = new URL('../../shared/essays/kerja-sama-selatan-selatan.txt', import.meta.url);
const fixture = (name: string): Uint8Array => readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** What an editor produces when it reads UTF-8 as Windows-1252 and saves the result as UTF-8. */
function doubleEncode(text: string): string {
  const cp1252: Record<number, string> = { 0x80: '€', 0x93: '“', 0x94: '”', 0x96: '–', 0x97: '—', 0x99: '™', 0x9c: 'œ' };
  return Array.from(utf8(text), (byte) => cp1252[byte] ?? String.fromCharCode(byte)).join('');
}

describe('decodeEssayBytes', () => {
  it('reads the shared essay as UTF-8 and removes only the stray "Â" on line 8', () => {
    const bytes = readFileSync(essayPath);
    const decoded = decodeEssayBytes(bytes, 'kerja-sama-selatan-selatan.txt');

    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).not.toContain('Â');
    expect(decoded.text).not.toContain('\u00A0');
    expect(decoded.warnings).toEqual(['line 8: removed stray "Â" (an encoding artifact)']);
    const lines = decoded.text.split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[7]).toBe('');
    expect(lines[2]).toBe('Terbentuknya Kerja Sama Selatan-Selatan Indonesia');
  });

  it('strips a UTF-8 byte-order mark and turns CRLF and lone CR into LF', () => {
    const decoded = decodeEssayBytes(fixture('english-crlf-bom.txt'), 'essay.txt');
    expect(decoded.text.startsWith('The Quiet Power')).toBe(true);
    expect(decoded.text).not.toContain('\r');
    expect(decoded.warnings).toEqual([]);

    expect(decodeEssayBytes(utf8('one\rtwo\r\nthree'), 'a.txt').text).toBe('one\ntwo\nthree');
  });

  it('reads UTF-16 files that start with a little- or big-endian byte-order mark', () => {
    const text = 'Kerja “sama” — Selatan\r\nBaris dua';
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const be = Uint8Array.from([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);

    expect(decodeEssayBytes(le, 'le.txt')).toEqual({ text: 'Kerja “sama” — Selatan\nBaris dua', encoding: 'utf-16le', warnings: [] });
    expect(decodeEssayBytes(be, 'be.txt')).toEqual({ text: 'Kerja “sama” — Selatan\nBaris dua', encoding: 'utf-16be', warnings: [] });
  });

  it('turns Windows-1252 curly quotes into real quotes', () => {
    const decoded = decodeEssayBytes(Uint8Array.from([0x93, 0x48, 0x61, 0x69, 0x94]), 'quotes.txt');
    expect(decoded.text).toBe('“Hai”');
    expect(decoded.encoding).toBe('windows-1252');
  });

  it('maps every defined Windows-1252 byte from 0x80 to 0x9F to its real character, not a control code', () => {
    const expected = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
    const bytes = [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e];
    bytes.push(0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f);
    // A leading "x" keeps pairs like 0x80 0x82 from being re-read as mojibake.
    const decoded = decodeEssayBytes(Uint8Array.from(bytes.flatMap((b) => [0x78, b])), 'table.txt');
    expect(decoded.text).toBe(Array.from(expected, (c) => `x${c}`).join(''));
  });

  it('reads the Windows-1252 fixture with accents and quotes intact, and warns once with the line', () => {
    const decoded = decodeEssayBytes(fixture('windows-1252.txt'), 'kopi.txt');
    expect(decoded.encoding).toBe('windows-1252');
    expect(decoded.text).toContain('kafe “Merdeka” yang');
    expect(decoded.text).toContain('kopi – dan');
    expect(decoded.text).toContain('menulis café dengan huruf é');
    expect(decoded.text).toContain('‘ini warisan’');
    expect(decoded.warnings).toHaveLength(1);
    expect(decoded.warnings[0]).toMatch(/^line 2: .*not valid UTF-8.*Windows-1252/);
  });

  it('marks the five bytes Windows-1252 leaves undefined instead of dropping them', () => {
    const decoded = decodeEssayBytes(Uint8Array.from([0x61, 0x0a, 0x62, 0x81, 0x63]), 'odd.txt');
    expect(decoded.text).toBe('a\nb\uFFFDc');
    expect(decoded.warnings.some((w) => w.startsWith('line 2: ') && w.includes('\uFFFD'))).toBe(true);
  });

  it('repairs text that went through Windows-1252 twice and names each repaired line', () => {
    const broken = `Judul\n${doubleEncode('Dia berkata “halo” — lalu pergi')}\nakhir`;
    const decoded = decodeEssayBytes(utf8(broken), 'double.txt');
    expect(decoded.text).toBe('Judul\nDia berkata “halo” — lalu pergi\nakhir');
    expect(decoded.warnings).toHaveLength(3);
    expect(decoded.warnings.every((w) => w.startsWith('line 2: replaced'))).toBe(true);
  });

  it('refuses an empty file with a message that says what to do', () => {
    for (const bytes of [new Uint8Array(0), utf8('  \n\t\r\n  '), Uint8Array.from([0xef, 0xbb, 0xbf, 0x0a])]) {
      const error = thrown(() => decodeEssayBytes(bytes, 'kosong.txt'));
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).file).toBe('kosong.txt');
      expect((error as ContentError).message).toMatch(/is empty: write the essay/);
      expect((error as ContentError).message).not.toContain('\n');
    }
  });

  it('treats a file holding only a stray "Â" as empty', () => {
    expect(thrown(() => decodeEssayBytes(utf8('Â\n'), 'a.txt'))).toBeInstanceOf(ContentError);
  });

  it('refuses a binary file such as an image', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48]);
    const error = thrown(() => decodeEssayBytes(png, 'photo.txt'));
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toMatch(/not a text file/);
    expect((error as ContentError).file).toBe('photo.txt');
  });

  it('refuses a file full of control characters even without NUL bytes', () => {
    const bytes = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x01 + (i % 7) : 0x41 + (i % 26)));
    expect((thrown(() => decodeEssayBytes(bytes, 'blob.txt')) as Error).message).toMatch(/not a text file/);
  });

  it('does not mistake the NUL bytes of a UTF-16 file for binary data', () => {
    const bytes = Uint8Array.from([0xff, 0xfe, ...Buffer.from('Hello', 'utf16le')]);
    expect(decodeEssayBytes(bytes, 'u16.txt').text).toBe('Hello');
  });

  it('reads UTF-16 without a byte-order mark, little- and big-endian', () => {
    const text = 'Judul esai\nIni paragraf pertama tentang kafe dan café.\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [bytes, encoding] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
      const decoded = decodeEssayBytes(bytes, 'u16.txt');
      expect(decoded.text).toBe(text);
      expect(decoded.encoding).toBe(encoding);
    }
  });

  it('removes a lone NUL byte from text with a warning naming its line, instead of calling the file an image', () => {
    const decoded = decodeEssayBytes(utf8('Judul\n\nSatu paragraf\u0000 di sini.\n'), 'nul.txt');
    expect(decoded.text).toBe('Judul\n\nSatu paragraf di sini.\n');
    expect(decoded.warnings).toEqual(['line 3: removed a NUL byte (an invisible character a text file should not hold)']);
    expect(decodeEssayBytes(utf8('Hai\u0000\n'), 'short.md').warnings).toEqual(['line 1: removed a NUL byte (an invisible character a text file should not hold)']);
    // Past the first 8 KB, where binary sniffing does not look, too.
    const late = decodeEssayBytes(utf8(`${'Sebuah kalimat yang panjang.\n'.repeat(400)}akhir\u0000\u0000\n`), 'late.txt');
    expect(late.text).not.toContain('\u0000');
    expect(late.warnings).toEqual(['line 401: removed 2 NUL bytes (invisible characters a text file should not hold)']);
  });

  it('still refuses a PDF or a word-processor file whose start looks like text', () => {
    const pdf = utf8(`%PDF-1.4\n${'1 0 obj << /Type /Catalog >> endobj\n'.repeat(20)}\u0000`);
    expect((thrown(() => decodeEssayBytes(pdf, 'paper.md')) as Error).message).toMatch(/not a text file/);
    const docx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...utf8('[Content_Types].xml word/document.xml')]);
    expect((thrown(() => decodeEssayBytes(docx, 'essay.txt')) as Error).message).toMatch(/not a text file/);
  });

  it('refuses binary data whose NUL bytes fall on every other byte like UTF-16', () => {
    const samples = Uint8Array.from({ length: 400 }, (_, i) => (i % 2 === 1 ? 0 : (i * 7) % 32));
    expect((thrown(() => decodeEssayBytes(samples, 'samples.txt')) as Error).message).toMatch(/not a text file/);
  });

  it('turns non-breaking spaces into spaces and removes zero-width characters and soft hyphens without warnings', () => {
    const decoded = decodeEssayBytes(utf8('satu\u00A0dua\u200Btiga pem\u00ADbangunan\uFEFF'), 'x.txt');
    expect(decoded.text).toBe('satu duatiga pembangunan');
    expect(decoded.warnings).toEqual([]);
  });
});

describe('repairMojibake', () => {
  it('empties a line holding only "Â" and reports that line', () => {
    expect(repairMojibake('satu\nÂ\ndua')).toEqual({ text: 'satu\n\ndua', repairs: [{ line: 2, from: 'Â', to: '' }] });
    expect(repairMojibake('a\n \u00A0Â  \nb').text).toBe('a\n\nb');
  });

  it('turns "Â" followed by a space or non-breaking space into a plain space', () => {
    expect(repairMojibake('ekonomiÂ\u00A0ini').text).toBe('ekonomi ini');
    expect(repairMojibake('ekonomiÂ ini').text).toBe('ekonomi ini');
    expect(repairMojibake('x\nekonomiÂ ini').repairs).toEqual([{ line: 2, from: 'Â', to: '' }]);
  });

  it('restores quotes, dashes and accents from their Windows-1252 mojibake', () => {
    expect(repairMojibake('Itâ€™s â€œfineâ€ â€“ really â€” cafÃ©').text).toBe('It’s “fine” – really — café');
  });

  it('also repairs UTF-8 that was read as Latin-1, with C1 control characters', () => {
    expect(repairMojibake('don\u00E2\u0080\u0099t').text).toBe('don’t');
  });

  it('reports each kind of repair once per line, with the line number', () => {
    const { repairs } = repairMojibake('ok\nâ€™a â€™b\nnaÃ¯ve');
    expect(repairs).toEqual([
      { line: 2, from: 'â€™', to: '’' },
      { line: 3, from: 'Ã¯', to: 'ï' },
    ]);
  });

  it('leaves genuine Latin-1 text such as "café", "naïve" and "Â la carte" alone', () => {
    const text = 'Le café naïve à Paris, São Paulo, Ärger, Â-la';
    expect(repairMojibake(text)).toEqual({ text, repairs: [] });
  });
});
