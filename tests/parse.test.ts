import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseEssay } from '../src/parse.js';

const parse = (source: string, file = 'content/essay.md') => parseEssay({ source, file, baseDir: '.', slug: 'essay' });
const fixture = (name: string) => readFileSync(new URL(`./fixtures/essays/${name}`, import.meta.url), 'utf8');

describe('parseEssay', () => {
  it('splits the shared essay into its introduction, three sections and references', () => {
    const doc = parse(readFileSync(new URL('../content/kerja-sama-selatan-selatan.md', import.meta.url), 'utf8'));
    expect(doc.meta.lang).toBe('id');
    expect(doc.preamble).toHaveLength(2);
    expect(doc.sections.map((s) => s.title)).toEqual([
      'Terbentuknya Kerja Sama Selatan-Selatan Indonesia',
      'Keterkaitan Kerja Sama Selatan-Selatan dan Diplomasi Ekonomi Indonesia',
      'Potensi dan Tantangan dalam Membangun Kerja Sama Selatan-Selatan yang Efektif bagi Indonesia',
    ]);
    expect(doc.references.length).toBe(5);
  });

  it('keeps the source line of every block', () => {
    const doc = parse(fixture('english.md'));
    const lines = fixture('english.md').split('\n');
    for (const block of [...doc.preamble, ...doc.sections.flatMap((s) => s.blocks)]) {
      const line = lines[block.line - 1] ?? '';
      expect(line.trim(), `block ${block.kind} at line ${block.line}`).not.toBe('');
    }
    expect(doc.sections[0]!.blocks.map((b) => [b.kind, b.line])).toEqual([
      ['paragraph', 15],
      ['list', 17],
    ]);
  });

  it('collects references from the section and from the front matter', () => {
    const doc = parse(fixture('english.md'));
    expect(doc.references.map((r) => r.text)).toEqual([
      'Doe, J. (2021). Wind at sea. Cambridge.',
      'Smith, J. (2019). Islands and power. Oxford University Press.',
    ]);
    expect(doc.sections.map((s) => s.title)).not.toContain('References');
  });

  it('reads quotes and tables as their own blocks', () => {
    const blocks = parse(fixture('english.md')).sections[1]!.blocks;
    expect(blocks[0]).toMatchObject({ kind: 'quote', text: 'Energy independence is a matter of survival for us.' });
    expect(blocks[1]).toMatchObject({ kind: 'table', header: ['Island', 'Solar share', 'Year'], rows: [['Tokelau', '93%', '2012'], ['Samoa', '30%', '2020']] });
  });

  it('honours the author’s directives: keep, key points and slide breaks', () => {
    const doc = parse(fixture('indonesian.md'));
    const [background, challenges] = doc.sections;
    expect(background!.blocks[1]!.directives.keep).toBe(true);
    expect(challenges!.blocks[0]).toMatchObject({ kind: 'paragraph', keyPoints: ['Akses internet', 'Perangkat', 'Kesiapan guru'] });
    expect(challenges!.blocks[1]!.directives.breakBefore).toBe(true);
  });

  it('takes the title from a leading # heading when the front matter has none', () => {
    const doc = parse('# My Essay\n\nSome text here.\n');
    expect(doc.meta.title).toBe('My Essay');
    expect(doc.diagnostics).toEqual([]);
  });

  it('falls back to the file name for a title, with a warning', () => {
    const doc = parse('Just a paragraph.\n', 'content/essay.md');
    expect(doc.meta.title).toBe('Essay');
    expect(doc.diagnostics[0]!.message).toMatch(/no title/);
  });

  it('rejects an empty essay with a message that says what to do', () => {
    expect(() => parse('')).toThrowError(/empty: write a title and some paragraphs/);
    expect(() => parse('---\ntitle: Only a title\n---\n')).toThrowError(/no paragraphs/);
  });

  it('keeps template-looking text as plain text', () => {
    const doc = parse('---\ntitle: T\n---\n\nHarga {{price}} naik.\n');
    expect(doc.preamble[0]).toMatchObject({ kind: 'paragraph', text: 'Harga {{price}} naik.' });
  });
});
