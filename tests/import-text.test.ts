import { readFileSync } from 'node:fs';
import { marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { decodeEssayBytes } from '../src/decode.js';
import { importPlainText } from '../src/import-text.js';

const essayFile = 'kerja-sama-selatan-selatan.txt';
const essayBytes = readFileSync(new URL(`../../shared/essays/${essayFile}`, import.meta.url));
const fixture = (name: string): string =>
  decodeEssayBytes(readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url)), name).text;

/** Splits the output into its front matter (parsed) and its Markdown body. */
function split(markdown: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  if (!match) throw new Error(`no front matter in:\n${markdown}`);
  return { front: parseYaml(match[1] ?? '') as Record<string, unknown>, body: match[2] ?? '' };
}

const headings = (body: string): string[] => body.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3));
const html = (body: string): string => marked.parse(body, { async: false });

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [word] of text.matchAll(/[\p{L}\p{N}]+/gu)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

describe('importPlainText on the shared essay', () => {
  const decoded = decodeEssayBytes(essayBytes, essayFile);
  const result = importPlainText(decoded.text, { file: `essays/${essayFile}` });
  const { front, body } = split(result.markdown);

  it('finds exactly the three headings of the essay', () => {
    expect(headings(body)).toEqual([
      'Terbentuknya Kerja Sama Selatan-Selatan Indonesia',
      'Keterkaitan Kerja Sama Selatan-Selatan dan Diplomasi Ekonomi Indonesia',
      'Potensi dan Tantangan dalam Membangun Kerja Sama Selatan-Selatan yang Efektif bagi Indonesia',
    ]);
  });

  it('keeps the two opening paragraphs before the first heading, without inventing a heading', () => {
    const intro = body.slice(0, body.indexOf('\n## ')).trim().split('\n\n');
    expect(intro).toHaveLength(2);
    expect(intro[0]).toMatch(/^Di tengah dinamika global/);
    expect(intro[1]).toMatch(/^Adanya KSS ini/);
  });

  it('keeps every word of the essay except the stray "Â", and adds no "Â"', () => {
    const original = wordCounts(essayBytes.toString('utf8'));
    original.delete('Â');
    const output = wordCounts(body);
    const missing = [...original].filter(([word, count]) => (output.get(word) ?? 0) < count);
    expect(missing).toEqual([]);
    expect(result.markdown).not.toContain('Â');
  });

  it('makes each line of the essay its own paragraph', () => {
    expect(body.split('\n\n')).toHaveLength(10 - 1);
    expect(html(body).match(/<p>/g)).toHaveLength(6);
  });

  it('writes only what it knows into the front matter, and derives the title from the file name', () => {
    expect(front).toEqual({ title: 'Kerja Sama Selatan-Selatan', lang: 'id', source: essayFile });
    expect(result.title).toBe('Kerja Sama Selatan-Selatan');
    expect(result.lang).toBe('id');
  });

  it('tells the user that the title came from the file name and the language was guessed', () => {
    const messages = result.warnings.map((w) => w.message);
    expect(messages.some((m) => m.includes('file name') && m.includes('--title'))).toBe(true);
    expect(messages.some((m) => m.includes('guessed') && m.includes('"id"'))).toBe(true);
  });
});

describe('importPlainText on other essays', () => {
  it('uses the first short line of an English essay as its title and does not repeat it', () => {
    const result = importPlainText(fixture('english-crlf-bom.txt'), { file: 'small-grants.txt' });
    const { front, body } = split(result.markdown);
    expect(front).toEqual({ title: 'The Quiet Power of Small Grants', lang: 'en', source: 'small-grants.txt' });
    expect(body).not.toContain('The Quiet Power');
    expect(headings(body)).toEqual(['Why they work', 'What donors can do', 'References']);
    expect(result.warnings.some((w) => w.message.includes('file name'))).toBe(false);
  });

  it('keeps list lines as a list and turns the references into one list entry per line', () => {
    const { body } = split(importPlainText(fixture('english-crlf-bom.txt'), { file: 'g.txt' }).markdown);
    expect(body).toContain('- Fund local organisations directly\n- Accept reports in the local language\n- Wait longer for results');
    expect(body).toContain(
      '## References\n- Smith, J. (2019). Small grants, big changes. Journal of Aid Studies, 4(2), 10–25.\n- Lee, K. & Park, S. (2021).',
    );
    expect(html(body).match(/<li>/g)).toHaveLength(5);
  });

  it('never lets raw text become HTML', () => {
    const { body } = split(importPlainText(fixture('english-crlf-bom.txt'), { file: 'g.txt' }).markdown);
    expect(body).toContain('&lt;b>Note&lt;/b> that the money');
    expect(html(body)).not.toContain('<b>');
  });

  it('imports a Windows-1252 essay with its quotes and accents', () => {
    const result = importPlainText(fixture('windows-1252.txt'), { file: 'kopi.txt' });
    const { front, body } = split(result.markdown);
    expect(front.title).toBe('Kopi dan Diplomasi');
    expect(front.lang).toBe('id');
    expect(body).toContain('kafe “Merdeka” yang terkenal');
    expect(body).toContain('caf\u00e9 dengan huruf \u00e9');
  });

  it('joins hard-wrapped lines into paragraphs and finds a heading placed right above its text', () => {
    const result = importPlainText(fixture('wrapped.txt'), { file: 'rivers.txt' });
    const { front, body } = split(result.markdown);
    expect(front.title).toBe('Rivers and Cities');
    expect(headings(body)).toEqual(['Floods', 'References']);
    expect(body).toContain(
      'Most great cities grew up beside a river. The water carried goods and people, turned mills, and took away what the city did not want. For centuries this was simply how a town worked.',
    );
    expect(body).toContain('that walls only moved the problem down-stream.');
    expect(html(body).match(/<p>/g)).toHaveLength(3);
  });

  it('keeps a hanging-indented reference together as one entry', () => {
    const { body } = split(importPlainText(fixture('wrapped.txt'), { file: 'rivers.txt' }).markdown);
    expect(body).toContain(
      '## References\n- Smith, A. (2010). Rivers of the world. London: Water Press.\n- Jones, B. (2015). Cities and floods. New York: Harbor Books.',
    );
  });
});

describe('importPlainText structure rules', () => {
  const bodyOf = (text: string, options: { title?: string; lang?: string } = {}): string =>
    split(importPlainText(text, { file: 'esai.txt', title: 'Esai', lang: 'id', ...options }).markdown).body;

  it('treats numbered and chapter lines as headings and keeps their text', () => {
    const body = bodyOf('1. Pendahuluan\nTeks pertama.\nII. METODE PENELITIAN\nTeks kedua.\nBAB III\nTeks ketiga.');
    expect(headings(body)).toEqual(['1. Pendahuluan', 'II. METODE PENELITIAN', 'BAB III']);
    expect(html(body)).not.toContain('<ol');
  });

  it('joins a chapter label with the name on the next line', () => {
    expect(headings(bodyOf('BAB II\nTINJAUAN PUSTAKA\nTeks bab ini.'))).toEqual(['BAB II — TINJAUAN PUSTAKA']);
  });

  it('keeps a run of numbered lines as a numbered list', () => {
    const body = bodyOf('Langkahnya sebagai berikut:\n1. Buka pintu\n2. Masuk\n3. Tutup pintu\nSelesai sudah.');
    expect(headings(body)).toEqual([]);
    expect(body).toContain('1. Buka pintu\n2. Masuk\n3. Tutup pintu');
    expect(html(body).match(/<li>/g)).toHaveLength(3);
  });

  it('turns bullets into Markdown list items', () => {
    expect(bodyOf('Daftar:\n• satu\n* dua\n- tiga')).toContain('- satu\n- dua\n- tiga');
  });

  it('accepts headings of up to fifteen words, and no longer', () => {
    const words = (n: number): string => Array.from({ length: n }, (_, i) => (i === 0 ? 'Kata' : `kata${i}`)).join(' ');
    expect(headings(bodyOf(`Teks.\n${words(15)}\nTeks.`))).toEqual([words(15)]);
    expect(headings(bodyOf(`Teks.\n${words(16)}\nTeks.`))).toEqual([]);
  });

  it('does not make a heading of a short line with no text after it', () => {
    const body = bodyOf('Teks utama di sini.\nTerima kasih');
    expect(headings(body)).toEqual([]);
    expect(body).toContain('Terima kasih');
  });

  it('does not make a heading of a line ending in punctuation or starting in lowercase', () => {
    expect(headings(bodyOf('Singkat saja.\nTeks.\ndan lain-lain\nTeks.\nApa itu KSS?\nTeks.'))).toEqual([]);
  });

  it('names the references section in the essay language and lists what follows', () => {
    const body = bodyOf('Teks.\nDaftar Pustaka:\n1. Pujayanti, A. (2015). Kerja sama.\nHelmys & Irawan (2023). Diplomasi.');
    expect(body).toContain('## Referensi\n- Pujayanti, A. (2015). Kerja sama.\n- Helmys & Irawan (2023). Diplomasi.');
  });

  it('escapes paragraph starts that Markdown would read as structure', () => {
    const body = bodyOf('#tagar adalah penanda.\n> bukan kutipan.\n+ bukan daftar.\n2023. Tahun yang sibuk.\n[1]: bukan tautan.\n--- garis');
    const rendered = html(body);
    expect(rendered).not.toMatch(/<h\d|<blockquote|<ul|<ol|<hr/);
    for (const text of ['#tagar', '&gt; bukan kutipan', '+ bukan daftar', '2023. Tahun', '[1]: bukan tautan', '--- garis']) {
      expect(rendered).toContain(text);
    }
  });

  it('leaves {{ }} as written', () => {
    expect(bodyOf('Nilai {{ nama }} tetap tertulis.')).toContain('Nilai {{ nama }} tetap tertulis.');
  });

  it('uses a given title safely in YAML and does not repeat it as a heading', () => {
    const title = 'Diplomasi: "Kerja Sama" #1';
    const result = importPlainText(`${title}\nTeks pembuka.`, { file: 'x.txt', title, lang: 'id' });
    const { front, body } = split(result.markdown);
    expect(front.title).toBe(title);
    expect(body.trim()).toBe('Teks pembuka.');
  });

  it('keeps a given language tag and does not warn about guessing', () => {
    const result = importPlainText('Some text here.', { file: 'x.txt', title: 'T', lang: 'en-GB' });
    expect(split(result.markdown).front.lang).toBe('en-GB');
    expect(result.lang).toBe('en');
    expect(result.warnings.some((w) => w.message.includes('guessed'))).toBe(false);
  });

  it('warns when it finds no headings at all', () => {
    const result = importPlainText('Satu paragraf saja.\nDan satu lagi.', { file: 'x.txt', title: 'T', lang: 'id' });
    expect(result.warnings.some((w) => w.message.includes('no headings'))).toBe(true);
  });

  it('makes a readable title from a file name, keeping reduplicated words hyphenated', () => {
    const result = importPlainText('Teks yang panjang dan tidak punya judul sama sekali.', { file: 'dir/negara-negara_dan-diplomasi.txt' });
    expect(result.title).toBe('Negara-Negara dan Diplomasi');
  });
});
