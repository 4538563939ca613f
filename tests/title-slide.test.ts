/**
 * The title slide a class expects: authors with their student numbers, the
 * course, the lecturer, the institution, the date and the campus logo, labelled
 * in the essay's language; section dividers that preview their slides; and
 * `paparan check` reminding an essay without an author to name one.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEssay, compileEssay } from '../src/build.js';
import { splitFrontMatter, validateMeta } from '../src/front-matter.js';
import { renderMargins } from '../src/handout.js';
import { authorsOf } from '../src/render.js';
import { runCapturing } from './helpers/run-cli.js';
import { thrown } from './helpers/thrown.js';

const root = path.resolve(import.meta.dirname, '..');
const fixtures = path.join(root, 'tests/fixtures/essays');
const kelas = path.join(fixtures, 'kelas.md');

/** The visible text of one slide of the deck's HTML (its notes left out), tags stripped, spaces collapsed. */
function slideText(html: string, kind: string, nth = 0): string {
  const sections = [...html.matchAll(/<section id="[^"]*" class="[^"]*" data-kind="([^"]+)"[\s\S]*?<\/section>/g)].filter((m) => m[1] === kind);
  const section = sections[nth]?.[0] ?? '';
  return section
    .replace(/<aside class="notes">[\s\S]*?<\/aside>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

function compileFile(file: string) {
  return compileEssay(readFileSync(file, 'utf8'), { file, projectDir: root });
}

const essay = (front: string) => `---\ntitle: Judul\nlang: id\n${front}\n---\n\nIni paragraf pertama yang cukup panjang untuk satu slide.\n\n## Bagian\n\nIni paragraf kedua.\n`;

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'paparan-title-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('the title slide', () => {
  it('shows every author with their NIM, the course, the lecturer, the institution, the date and the logo, labelled in Indonesian', () => {
    const { html, deck, diagnostics } = compileFile(kelas);
    expect(diagnostics).toEqual([]);
    const text = slideText(html, 'title');
    expect(text).toContain('Bank Sampah dan Ekonomi Sirkular di Kota Bandung');
    for (const [name, nim] of [
      ['Siti Rahma', '2201234'],
      ['Budi Santoso', '2201235'],
      // Unquoted in the YAML, with a leading zero: kept as written.
      ['Citra Dewi Lestari', '0201236'],
      ['Dimas Pratama', '2201237'],
    ]) {
      expect(text).toMatch(new RegExp(`${name} NIM ${nim}`));
    }
    expect(text).toContain('Mata Kuliah Ekonomi Pembangunan');
    expect(text).toContain('Dosen Pengampu Dr. Andi Wijaya, M.Si.');
    expect(text).toContain('Program Studi Ilmu Ekonomi, Universitas Padjadjaran');
    expect(text).toContain('12 Mei 2026');
    // The essay's logo, copied next to the deck and shown on the title slide.
    expect(deck.assets).toEqual([{ from: path.join(fixtures, 'logo-kampus.svg'), to: expect.stringMatching(/^media\/\d+-logo-kampus\.svg$/) }]);
    const title = /<section id="title"[\s\S]*?<\/section>/.exec(html)![0];
    expect(title).toMatch(/<img class="title-logo essay-logo" src="media\/\d+-logo-kampus\.svg" alt="">/);
  });

  it('labels them in English for an English essay', () => {
    const source = `---\ntitle: Island Power\nlang: en\nauthor: [{name: Jane Doe, nim: "A123"}, John Smith]\ncourse: Energy Policy\nlecturer: [Prof. Ann Lee, Dr. Bo Kim]\n---\n\nIslands import most of their fuel at a high cost.\n`;
    const text = slideText(compileEssay(source, { file: path.join(work, 'en.md'), projectDir: work }).html, 'title');
    expect(text).toContain('Jane Doe Student ID A123');
    expect(text).toContain('John Smith');
    expect(text).not.toContain('NIM');
    expect(text).toContain('Course Energy Policy');
    expect(text).toContain('Lecturers Prof. Ann Lee Dr. Bo Kim');
  });

  it('keeps the old forms of author: one name, or a list of names', () => {
    const one = slideText(compileEssay(essay('author: Siti Rahma'), { file: path.join(work, 'a.md'), projectDir: work }).html, 'title');
    expect(one).toBe('Judul Siti Rahma');
    const two = slideText(compileEssay(essay('author: [Siti Rahma, Budi Santoso]'), { file: path.join(work, 'b.md'), projectDir: work }).html, 'title');
    expect(two).toBe('Judul Siti Rahma Budi Santoso');
  });

  it('gives the handout footer and the PDF properties the names alone', () => {
    const { deck } = compileFile(kelas);
    expect(authorsOf(deck)).toBe('Siti Rahma, Budi Santoso, Citra Dewi Lestari & Dimas Pratama');
    const { footerTemplate } = renderMargins(deck, { paper: 'a4', landscape: false }, undefined);
    expect(footerTemplate).toContain('Siti Rahma, Budi Santoso, Citra Dewi Lestari &amp; Dimas Pratama · 12 Mei 2026');
    expect(footerTemplate).not.toContain('2201234');
  });
});

describe('front matter for a class', () => {
  const read = (front: string) => validateMeta(splitFrontMatter(essay(front), 'essay.md'), 'essay.md', []);

  it('takes a single author with a NIM, and lecturers as a list', () => {
    expect(read('author: {name: Siti Rahma, nim: 2201234}\nlecturer: [A, B]')).toMatchObject({ author: { name: 'Siti Rahma', nim: '2201234' }, lecturer: ['A', 'B'] });
  });

  it('names the key and its line when an author has no name', () => {
    expect(String(thrown(() => read('author:\n  - nim: "2201234"')))).toBe('essay.md:4: front matter "author" (item 1): an author needs a name: write "- name: Siti Rahma" (and "nim: ..." if you like)');
  });

  it('names an unknown key inside an author', () => {
    expect(String(thrown(() => read('author: [{name: Siti, npm: "123"}]')))).toBe('essay.md:4: front matter "author" (item 1): unknown key "npm": an author has "name" and "nim"');
  });
});

describe('the logo', () => {
  const png = readFileSync(path.join(fixtures, 'chart.png'));
  async function buildWithLogo(logo: string) {
    const dir = path.join(work, 'essay');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'essay.md'), essay(`author: Siti\nlogo: ${logo}`));
    return buildEssay(path.join(dir, 'essay.md'), { outDir: path.join(work, 'dist'), projectDir: work });
  }

  it('is copied next to the deck when it is an image in the essay folder', async () => {
    mkdirSync(path.join(work, 'essay'));
    writeFileSync(path.join(work, 'essay', 'logo.png'), png);
    const result = await buildWithLogo('logo.png');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const html = readFileSync(path.join(result.outDir, 'index.html'), 'utf8');
    const src = /<img class="title-logo essay-logo" src="([^"]+)"/.exec(html)![1]!;
    expect(readFileSync(path.join(result.outDir, src))).toEqual(png);
  });

  it.each([
    ['missing.png', (file: string) => `${file}:5: logo "missing.png" not found: put the file at ${path.join(work, 'essay', 'missing.png')} or fix the path`],
    ['../outside.png', (file: string) => `${file}:5: logo "../outside.png" is outside the essay's folder: move it next to the essay and use a relative path`],
    ['notes.png', (file: string) => `${file}:5: logo "notes.png" is not an image file (not PNG, JPEG, GIF, WebP, AVIF, SVG, BMP or ICO): export it as PNG or JPEG, or fix the path`],
    ['link.png', (file: string) => `${file}:5: logo "link.png" is a link to ${path.join(work, 'outside.png')}, outside the essay's folder: copy the file next to the essay instead of linking it`],
  ])('refuses %s with one line naming the essay and the line of "logo:"', async (logo, message) => {
    mkdirSync(path.join(work, 'essay'));
    writeFileSync(path.join(work, 'outside.png'), png);
    writeFileSync(path.join(work, 'essay', 'notes.png'), 'not a picture');
    symlinkSync(path.join(work, 'outside.png'), path.join(work, 'essay', 'link.png'));
    const result = await buildWithLogo(logo);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.toString()).toBe(message(path.join(work, 'essay', 'essay.md')));
  });
});

describe('a section divider', () => {
  it('shows its number and the titles of its slides on one line', () => {
    const { html, deck } = compileFile(kelas);
    const sections = deck.slides.filter((s) => s.kind === 'section');
    expect(sections).toHaveLength(2);
    sections.forEach((section, i) => {
      const titles = [...new Set(deck.slides.filter((s) => s.kind === 'content' && s.section === section.section).map((s) => s.title))];
      const text = slideText(html, 'section', i);
      expect(text.startsWith(`${i + 1} / 2 ${section.title}`)).toBe(true);
      const preview = text.slice(`${i + 1} / 2 ${section.title} `.length);
      expect(preview.length).toBeLessThanOrEqual(84);
      // The titles in order, whole while they fit, then cut at a word with "…".
      const whole = titles.join(' · ');
      if (whole.length <= 84) expect(preview).toBe(whole);
      else {
        expect(preview.endsWith('…')).toBe(true);
        expect(whole.startsWith(preview.slice(0, -1))).toBe(true);
      }
    });
  });

  it('cuts a long preview at a word boundary with an ellipsis', () => {
    const { html, deck } = compileEssay(readFileSync(path.join(root, 'content/kerja-sama-selatan-selatan.md'), 'utf8'), { file: 'kss.md', projectDir: root });
    const heading = deck.slides.find((s) => s.kind === 'section')!.title;
    const text = slideText(html, 'section', 0);
    const preview = text.slice(text.indexOf(heading) + heading.length + 1);
    expect(preview).toMatch(/ · /);
    // Whole titles, then the next cut at a word with "…", or " · …" when only a word or two of it would fit.
    expect(preview).toMatch(/(?:[\p{L}\p{N})] \S+ \S+…| · …)$/u);
    expect(preview.length).toBeLessThanOrEqual(84);
  });
});

describe('paparan check', () => {
  it('warns about a deck without an author, and still passes', async () => {
    const { code, stdout } = await runCapturing('check', '--no-browser', path.join(root, 'content/kerja-sama-selatan-selatan.md'));
    expect(stdout).toContain('\n  warning: no author: add "author:" to the front matter');
    expect(stdout).toMatch(/^✓ /mu);
    expect(code).toBe(0);
  });

  it('says nothing about authors when the essay names them', async () => {
    const { stdout } = await runCapturing('check', '--no-browser', kelas);
    // Checked: its figures are printed, and no warning with them.
    expect(stdout).toMatch(/^. .*kelas\.md\n {2}slides: \d+/mu);
    expect(stdout).not.toContain('warning');
  });
});
