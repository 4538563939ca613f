/**
 * The planner never throws, whatever the prose: scrambled words of real essays with figures, pairs,
 * lists and citations mixed in (a fixed seed, so a failure can be replayed), in both languages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEssay } from '../../src/parse.js';
import { planDeck } from '../../src/plan/deck.js';

const root = path.resolve(import.meta.dirname, '../..');
const essays = ['content/kerja-sama-selatan-selatan.md', 'tests/fixtures/essays/digitalisasi-umkm.md', 'tests/fixtures/essays/urban-heat.md'];
const words = essays
  .map((file) => readFileSync(path.join(root, file), 'utf8').replace(/^---[\s\S]*?---/u, ''))
  .join(' ')
  .split(/\s+/u)
  .filter((w) => w && !w.startsWith('#') && !w.startsWith('-'));
const extras = ['5 dolar', '500%', 'Rp 8.573 triliun', 'pada 1955', 'bukan hanya', 'namun juga', 'adalah', 'whereas', 'seperti', 'dan', ',', '(KSS)', '(Smith, 2019)', 'sedangkan', 'dulu', 'sekarang', ':', '1)', '2)', 'dan 3)', 'that', 'bahwa'];

describe('the planner on any prose', () => {
  it('never throws, and makes a content slide of it', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    for (let i = 0; i < 150; i++) {
      const sentence = `${Array.from({ length: 3 + Math.floor(random() * 50) }, () => (random() < 0.15 ? pick(extras) : pick(words))).join(' ')}.`;
      const body = `## Bagian\n\n${sentence}\n\nParagraf kedua yang pendek. ${sentence.split(' ').reverse().join(' ')}`;
      for (const lang of ['id', 'en']) {
        const source = `---\ntitle: T\nlang: ${lang}\n---\n\n${body}\n`;
        const deck = planDeck(parseEssay({ source, file: 'e.md', baseDir: root, slug: 'e' }));
        expect(deck.slides.some((s) => s.kind === 'content'), sentence).toBe(true);
      }
    }
  });
});
