import { describe, expect, it } from 'vitest';
import { compileEssay } from '../src/build.js';

const essay = `---
title: Diplomasi Ekonomi
lang: id
---

## Awal Mula

Kerja Sama Selatan-Selatan bermula sejak Konferensi Asia Afrika di Bandung pada tahun 1955.[^kaa] Konferensi itu dihadiri oleh dua puluh sembilan negara dari Asia dan Afrika. Indonesia menjadi tuan rumah dan penggagas utama.

## Perkembangan

Pada tahun 2010 Kerja Sama Selatan-Selatan masuk ke dalam rencana pembangunan nasional.[^2] Sejak itu anggarannya naik setiap tahun.

[^kaa]: Konferensi Asia Afrika berlangsung 18–24 April 1955 di Gedung Merdeka.
[^2]: RPJMN 2010–2014,
    bab tentang politik luar negeri.
[^lepas]: Catatan yang tidak dirujuk.
`;

describe('footnotes', () => {
  for (const detail of ['summary', 'full'] as const) {
    it(`leave the slides and go to the notes of the slide showing their sentence (${detail})`, () => {
      const { deck, html, diagnostics } = compileEssay(essay, { file: 'esai.md', cli: { detail, pdf: false } });
      expect(html).not.toContain('[^');
      expect(deck.slides.filter((s) => JSON.stringify(s.body ?? {}).includes('Gedung Merdeka'))).toEqual([]);
      const withNote = (text: string) => deck.slides.filter((s) => s.notes.some((n) => n.includes(text)));
      const kaa = withNote('Catatan kaki 1: Konferensi Asia Afrika berlangsung 18–24 April 1955 di Gedung Merdeka.');
      expect(kaa).toHaveLength(1);
      expect(kaa[0]!.notes.join(' ')).toContain('Konferensi Asia Afrika di Bandung');
      const rpjmn = withNote('Catatan kaki 2: RPJMN 2010–2014, bab tentang politik luar negeri.');
      expect(rpjmn).toHaveLength(1);
      expect(rpjmn[0]!.notes.join(' ')).toContain('rencana pembangunan nasional');
      expect(diagnostics.map((d) => `${d.line}: ${d.message}`)).toContain(
        '17: footnote [^lepas] is never referred to: its text goes to the notes of the slide before it; put [^lepas] after the sentence it belongs to',
      );
    });
  }

  it('leave a marker with no footnote text as it is', () => {
    const { html } = compileEssay('---\ntitle: T\n---\n\nTeks dengan [^x] tanpa catatan.\n', { file: 'esai.md' });
    expect(html).toContain('[^x]');
  });
});
