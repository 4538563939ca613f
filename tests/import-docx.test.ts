/**
 * Word essays in: `paparan import essay.docx` and `paparan build essay.docx`, on
 * .docx files made as Word makes them (the `docx` package, LibreOffice), checked as
 * the user sees the result: the Markdown written, the deck built, the messages.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { marked } from 'marked';
import { PDFDocument } from 'pdf-lib';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileEssay } from '../src/build.js';
import { convertWithLibreOffice, wordsOf } from './helpers/office.js';
import { runCapturing } from './helpers/run-cli.js';
import { englishEssay, essayWithExtras, handFormattedEssay, indonesianEssay, passwordProtectedFile } from './helpers/word.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'paparan-docx-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Runs the CLI in a folder of its own, as a user would there. */
async function runIn(dir: string, ...args: string[]): Promise<Awaited<ReturnType<typeof runCapturing>>> {
  const before = process.cwd();
  process.chdir(dir);
  try {
    return await runCapturing(...args);
  } finally {
    process.chdir(before);
  }
}

function split(markdown: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  if (!match) throw new Error(`no front matter in:\n${markdown}`);
  return { front: parseYaml(match[1]!) as Record<string, unknown>, body: match[2]! };
}

/** A folder holding one Word file, named as given. */
function folderWith(name: string, bytes: Uint8Array): string {
  const dir = mkdtempSync(path.join(tmp, 'essay-'));
  writeFileSync(path.join(dir, name), bytes);
  return dir;
}

const warningLines = (stderr: string) => stderr.split('\n').filter((line) => line.includes(': warning: '));

describe('an Indonesian Word essay: headings, lists, a table, a picture, footnotes, references', () => {
  let dir: string;
  let markdown: string;
  let imported: Awaited<ReturnType<typeof runCapturing>>;

  beforeAll(async () => {
    dir = folderWith('esai.docx', await indonesianEssay());
    imported = await runIn(dir, 'import', 'esai.docx');
    markdown = readFileSync(path.join(dir, 'content', 'esai.md'), 'utf8');
  });

  it('is imported to content/esai.md, its picture to content/esai-images/', () => {
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('✓ content/esai.md (id): "Kerja Sama Selatan-Selatan", 1 picture in content/esai-images');
    const picture = readFileSync(path.join(dir, 'content', 'esai-images', 'image-1.png'));
    expect(picture.equals(readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'essays', 'chart.png')))).toBe(true);
  });

  it('takes the title from the Title style and the author from the document properties', () => {
    expect(split(markdown).front).toEqual({ title: 'Kerja Sama Selatan-Selatan', author: 'Siti Rahma', lang: 'id', source: 'esai.docx' });
  });

  it('makes Heading 1 sections and Heading 2 sub-sections, keeps bold, italics, lists, the table, the link', () => {
    const { body } = split(markdown);
    expect(body.split('\n').filter((line) => line.startsWith('#'))).toEqual(['## Pendahuluan', '### Sejarah Singkat', '## Potensi', '## Daftar Pustaka']);
    expect(body).toContain('Kerja sama ini **sangat penting** bagi negara *berkembang* di belahan bumi selatan (Pujayanti, 2015).');
    expect(body).toContain('- Pelatihan tenaga kerja\n- Bantuan teknologi\n  - Pertanian dan perikanan');
    expect(body).toContain('1. Penguatan demokrasi\n2. Pembangunan berkelanjutan');
    expect(body).toContain('| Negara | Tahun | Bentuk |\n| --- | --- | --- |\n| Mesir | 1945 | Pengakuan kedaulatan |\n| India | 1951 | Perjanjian persahabatan |');
    expect(body).toContain('[Kementerian Luar Negeri](https://kemlu.go.id)');
  });

  it('puts the picture on its own line with its alt text and Word caption, referenced relatively', () => {
    expect(split(markdown).body).toContain('![Grafik pangsa bantuan per kawasan](esai-images/image-1.png "Gambar 1. Pangsa bantuan Indonesia per kawasan")');
  });

  it('writes footnotes and endnotes as Markdown footnotes after the sentence they belong to', () => {
    const { body } = split(markdown);
    expect(body).toContain('pada tahun 1955.[^1] Kerja sama ini');
    expect(body).toContain('sejak 2010.[^e1] Informasi');
    expect(body).toMatch(/\[\^1\]: Konferensi Asia Afrika berlangsung 18–24 April 1955 di Gedung Merdeka\.\n\[\^e1\]: Data Kementerian Luar Negeri, 2023\.\n$/);
  });

  it('builds directly: the picture on a slide, each footnote in the notes of its slide, the references matched', async () => {
    const built = await runIn(dir, 'build', 'esai.docx', '--no-pdf', '--out', 'dist');
    expect(built.code).toBe(0);
    expect(built.stdout).toMatch(/^✓ esai: \d+ slides, 1 warning, /);
    expect(warningLines(built.stderr)).toEqual(['esai.docx: warning: language guessed as Indonesian ("id") from the text; pass --lang if that is wrong']);
    const html = readFileSync(path.join(dir, 'dist', 'esai', 'index.html'), 'utf8');
    const picture = /<img src="(media\/[^"]+)" alt="Grafik pangsa bantuan per kawasan">/.exec(html);
    expect(picture).not.toBeNull();
    expect(existsSync(path.join(dir, 'dist', 'esai', picture![1]!))).toBe(true);
    const sections = html.split('<section').slice(1);
    const withNote = (note: string) => sections.filter((s) => s.includes(note));
    expect(withNote('Catatan kaki 1: Konferensi Asia Afrika berlangsung')[0]).toContain('Konferensi Asia Afrika di Bandung pada tahun 1955');
    expect(withNote('Catatan kaki 2: Data Kementerian Luar Negeri, 2023.')[0]).toContain('anggaran kerja sama naik');
    expect(html.replace(/<span class="nobreak">|<\/span>/g, '')).toContain('Pujayanti, A. (2015). Kerja sama Selatan-Selatan dan manfaatnya bagi Indonesia.');
    expect(html).not.toContain('[^');
  });
});

describe('an English Word essay whose first heading is its title', () => {
  it('takes the first heading as the title, Heading 2 as sections, the References as entries, English as the language', async () => {
    const dir = folderWith('islands.docx', await englishEssay());
    const result = await runIn(dir, 'import', 'islands.docx');
    expect(result.code).toBe(0);
    const { front, body } = split(readFileSync(path.join(dir, 'content', 'islands.md'), 'utf8'));
    expect(front).toEqual({ title: 'Renewable Energy in Small Island States', author: 'Jane Doe', lang: 'en', source: 'islands.docx' });
    expect(body.split('\n').filter((line) => line.startsWith('#'))).toEqual(['## Why islands are different', '## What works', '## References']);
    expect(body).toContain('## References\n\n- Smith, J. (2019). Islands and power. Oxford University Press.');
    const { deck, diagnostics } = compileEssay(readFileSync(path.join(dir, 'content', 'islands.md'), 'utf8'), { file: path.join(dir, 'content', 'islands.md') });
    expect(deck.slides.find((s) => s.kind === 'references')?.body).toEqual({ layout: 'references', entries: ['Smith, J. (2019). Islands and power. Oxford University Press.'] });
    expect(diagnostics.filter((d) => d.message.startsWith('citation'))).toEqual([]);
  });
});

describe('a Word essay formatted by hand, with no styles', () => {
  it('reads a centred first line as the title, short bold lines as headings, typed numbers and bullets as lists', async () => {
    const dir = folderWith('umkm.docx', await handFormattedEssay());
    expect((await runIn(dir, 'import', 'umkm.docx')).code).toBe(0);
    const { front, body } = split(readFileSync(path.join(dir, 'content', 'umkm.md'), 'utf8'));
    expect(front.title).toBe('Peran UMKM dalam Ekonomi Digital');
    expect(body.split('\n').filter((line) => line.startsWith('#'))).toEqual(['## Latar Belakang', '## Peluang']);
    expect(body).toContain('Ada tiga tantangan utama yang dihadapi pelaku usaha:\n\n1. Akses internet yang belum merata\n2. Perangkat yang terbatas\n3. Kemampuan digital yang masih rendah');
    expect(body).toContain('- Pelatihan pemasaran daring\n- Pendampingan ekspor');
    // A bold sentence is emphasis, not a heading.
    expect(body).toContain('**Pemerintah menyediakan pelatihan gratis bagi pelaku usaha.**');
    expect(body).toContain('Oleh: Budi Santoso');
    const html = marked.parse(body, { async: false });
    expect(html).toContain('<ol>\n<li>Akses internet yang belum merata</li>');
  });
});

describe('what Word has and slides do not', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof runCapturing>>;
  let body: string;

  beforeAll(async () => {
    dir = folderWith('surya.docx', await essayWithExtras());
    result = await runIn(dir, 'import', 'surya.docx', '--lang', 'id');
    body = split(readFileSync(path.join(dir, 'content', 'surya.md'), 'utf8')).body;
  });

  it('gives one warning each, saying where it was', () => {
    expect(result.code).toBe(0);
    expect(warningLines(result.stderr)).toEqual([
      'surya.docx: warning: a SmartArt graphic under "Perhitungan", after the paragraph "Daya panel dihitung dengan rumus" cannot be carried over: its text "Survei lokasi; Pemasangan panel; Uji sistem" is kept as a paragraph; draw it again on the slide, or save it as a picture',
      'surya.docx: warning: an equation under "Perhitungan", in the paragraph "Daya panel dihitung dengan rumus" cannot be carried over: it is kept as the text "P = V × I"; write it in words, or insert it as a picture with alt text',
      'surya.docx: warning: a text box under "Perhitungan", after the paragraph "Daya panel dihitung dengan rumus P = V ×…" cannot be carried over as a box: its text "Satu panel menghasilkan sekitar 400 watt." is kept as a paragraph after it; put it in the text if it belongs there',
      'surya.docx: warning: a comment by Dosen ("Tambahkan sumber untuk klaim ini") under "Latar Belakang", in the paragraph "Tenaga surya kini lebih murah daripada d…" is left out: comments are notes to the writer, not part of the essay',
      'surya.docx: warning: tracked changes under "Latar Belakang", in the paragraph "Harga panel turun hampir separuh dalam s…" are read as if accepted (1 insertion kept, 1 deletion left out): accept or reject them in Word (Review → Accept) to be sure',
    ]);
  });

  it('keeps the text it can read: the text box, the SmartArt, the equation, the accepted change', () => {
    expect(body).toContain('Satu panel menghasilkan sekitar 400 watt.');
    expect(body).toContain('Survei lokasi; Pemasangan panel; Uji sistem');
    expect(body).toContain('Daya panel dihitung dengan rumus P = V × I');
    expect(body).toContain('Harga panel turun hampir separuh dalam sepuluh tahun.');
    expect(body).not.toContain('sedikit');
    expect(body).not.toContain('Tambahkan sumber');
  });
});

describe('a file that is not a readable .docx', () => {
  const cases: [string, string, () => Promise<Uint8Array>, RegExp][] = [
    ['a Word 97–2003 .doc', 'esai.doc', async () => readFileSync(convertWithLibreOffice(await htmlEssay(), tmp, 'doc:MS Word 97')), /^esai\.doc: error: is a Word 97–2003 document \(\.doc\), which paparan cannot read: open it in Word \(or LibreOffice Writer\) and save it as a Word document \(\.docx\), then build that$/],
    ['a PDF renamed to .docx', 'esai.docx', pdfBytes, /^esai\.docx: error: is a PDF, not a Word document: .*save it as a Word document \(\.docx\), then build that$/],
    ['a damaged .docx', 'esai.docx', async () => (await indonesianEssay()).subarray(0, 3000), /^esai\.docx: error: is damaged: it cannot be read as a \.docx \(.+\); open it in Word .* save it as a Word document \(\.docx\), then build that again$/],
    ['a password-protected .docx', 'esai.docx', async () => passwordProtectedFile(), /^esai\.docx: error: is protected with a password, so its text cannot be read: open it in Word, remove the password .*, save it and build again$/],
    ['a text file renamed to .docx', 'esai.docx', async () => Buffer.from('Judul\n\nIsi esai.\n'), /^esai\.docx: error: is not a Word document \(\.docx\): .* or save the essay as plain text \(\.txt\)$/],
  ];
  for (const [what, name, make, message] of cases) {
    it(`${what}: one error line naming the file and saying to save it as .docx, the last good deck kept`, async () => {
      const dir = mkdtempSync(path.join(tmp, 'bad-'));
      // A good deck of the same name, from before.
      writeFileSync(path.join(dir, name.replace(/\.\w+$/, '.md')), '---\ntitle: Esai\n---\n\nSatu paragraf yang baik.\n');
      expect((await runIn(dir, 'build', name.replace(/\.\w+$/, '.md'), '--no-pdf', '--out', 'dist')).code).toBe(0);
      const good = readFileSync(path.join(dir, 'dist', 'esai', 'index.html'), 'utf8');
      writeFileSync(path.join(dir, name), await make());
      const result = await runIn(dir, 'build', name, '--no-pdf', '--out', 'dist');
      expect(result.code).toBe(1);
      const lines = result.stderr.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      expect(readFileSync(path.join(dir, 'dist', 'esai', 'index.html'), 'utf8')).toBe(good);
      const imported = await runIn(dir, 'import', name);
      expect(imported.code).toBe(1);
      expect(imported.stderr).toMatch(message);
      expect(existsSync(path.join(dir, 'content'))).toBe(false);
    });
  }
});

describe('paparan import of a Word file over an earlier import', () => {
  it('writes nothing without --force, and replaces the essay and its pictures with it', async () => {
    const dir = folderWith('esai.docx', await indonesianEssay());
    expect((await runIn(dir, 'import', 'esai.docx')).code).toBe(0);
    writeFileSync(path.join(dir, 'content', 'esai-images', 'image-1.png'), 'edited by hand');
    const again = await runIn(dir, 'import', 'esai.docx');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('esai.docx: error: content/esai.md already exists: pass --force to overwrite it');
    expect(readFileSync(path.join(dir, 'content', 'esai-images', 'image-1.png'), 'utf8')).toBe('edited by hand');
    expect((await runIn(dir, 'import', 'esai.docx', '--force')).code).toBe(0);
    expect(readFileSync(path.join(dir, 'content', 'esai-images', 'image-1.png')).subarray(1, 4).toString()).toBe('PNG');
  });
});

describe('the shared essay saved as .docx by LibreOffice', () => {
  it('builds to the deck its Markdown builds to, every sentence on a slide or in the notes', async () => {
    const dir = mkdtempSync(path.join(tmp, 'shared-'));
    const html = path.join(dir, 'kerja-sama-selatan-selatan.html');
    const source = readFileSync(path.join(repoRoot, 'content', 'kerja-sama-selatan-selatan.md'), 'utf8');
    const { title } = split(source).front as { title: string };
    writeFileSync(html, `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${marked.parse(split(source).body, { async: false })}</body></html>`);
    const docxFile = convertWithLibreOffice(html, dir, 'docx:MS Word 2007 XML');
    rmSync(html);
    const result = await runIn(dir, 'build', path.basename(docxFile), '--no-pdf', '--out', 'dist');
    expect(result.code).toBe(0);
    expect(warningLines(result.stderr)).toEqual(['kerja-sama-selatan-selatan.docx: warning: language guessed as Indonesian ("id") from the text; pass --lang if that is wrong']);
    const fromMarkdown = compileEssay(source, { file: 'content/kerja-sama-selatan-selatan.md' }).deck;
    const built = readFileSync(path.join(dir, 'dist', 'kerja-sama-selatan-selatan', 'index.html'), 'utf8');
    // Titles as text: hyphenated words sit in a nobreak span.
    const titles = [...built.matchAll(/<h[12] class="(?:slide-title|section-title|deck-title|closing-title)">([\s\S]*?)<\/h[12]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').trim());
    expect(titles).toEqual(fromMarkdown.slides.map((s) => s.title));
    const shown = new Set(wordsOf(built.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&')));
    expect(wordsOf(source.replace(/^---[\s\S]*?---/, '')).filter((word) => !shown.has(word))).toEqual([]);
  });
});

/** A short essay as HTML, for LibreOffice to save as a .doc. */
async function htmlEssay(): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmp, 'html-')), 'esai.html');
  writeFileSync(file, '<!doctype html><html><body><h1>Esai</h1><p>Satu paragraf.</p></body></html>');
  return file;
}

async function pdfBytes(): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage().drawText('Esai');
  return pdf.save();
}
