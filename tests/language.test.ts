import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { guessLanguage, labelsFor } from '../src/language.js';

const essay = readFileSync(new URL('../../shared/essays/kerja-sama-selatan-selatan.txt', import.meta.url), 'utf8');

describe('guessLanguage', () => {
  it('recognises the shared Indonesian essay', () => {
    expect(guessLanguage(essay)).toBe('id');
  });

  it('recognises an English paragraph', () => {
    const text =
      'South-South cooperation is a way for developing countries to share knowledge and resources. It was shaped by the Bandung Conference of 1955, and it has grown into one of the tools of economic diplomacy.';
    expect(guessLanguage(text)).toBe('en');
  });

  it('recognises a short Indonesian sentence', () => {
    expect(guessLanguage('Ini adalah buku yang saya baca.')).toBe('id');
  });

  it('keeps Indonesian when an Indonesian text quotes English terms', () => {
    const text =
      'Indonesia kini menjadi negara donor (new emerging donor) dan juga penerima manfaat (recipient country) dalam kerja sama ini, yang diharapkan dapat mendukung sustainable development goals pada tahun 2030.';
    expect(guessLanguage(text)).toBe('id');
  });

  it('keeps English when an English text quotes an Indonesian phrase', () => {
    const text = 'The motto of the ministry, "kerja sama untuk semua", was printed on the cover of the report and on every page of the annex.';
    expect(guessLanguage(text)).toBe('en');
  });

  it('falls back to English when there is too little to go on', () => {
    expect(guessLanguage('')).toBe('en');
    expect(guessLanguage('Jakarta 2024')).toBe('en');
    expect(guessLanguage('Bandung, di')).toBe('en');
  });

  it('falls back to English when neither language clearly leads', () => {
    expect(guessLanguage('yang dan di the and of')).toBe('en');
    expect(guessLanguage('yang dan di the and')).toBe('en');
    expect(guessLanguage('yang dan di ke the and')).toBe('id');
  });
});

describe('labelsFor', () => {
  it('gives Indonesian labels for id and its regional tags', () => {
    for (const tag of ['id', 'id-ID', 'ID', 'in']) {
      const labels = labelsFor(tag);
      expect(labels.outline).toBe('Daftar Isi');
      expect(labels.references).toBe('Referensi');
      expect(labels.thanks).toBe('Terima kasih');
      expect(labels.questions).toBe('Pertanyaan?');
      expect(labels.introduction).toBe('Pendahuluan');
      expect(labels.continued).toBe('lanjutan');
      expect(labels.source).toBe('Sumber');
      expect(labels.sources).toBe('Sumber');
      expect(labels.notes).toBe('Catatan');
      expect(labels.slide).toBe('Slide');
      expect(labels.page).toBe('Halaman');
      expect(labels.of).toBe('dari');
    }
  });

  it('writes page numbers the way each language reads them', () => {
    expect(labelsFor('id').pageOf('2', '5')).toBe('Halaman 2 dari 5');
    expect(labelsFor('en').pageOf('2', '5')).toBe('Page 2 of 5');
  });

  it('gives English labels for en and its regional tags', () => {
    for (const tag of ['en', 'en-GB', 'en_US']) {
      expect(labelsFor(tag)).toMatchObject({
        outline: 'Outline',
        references: 'References',
        thanks: 'Thank you',
        questions: 'Questions?',
        introduction: 'Introduction',
        continued: 'continued',
        source: 'Source',
        sources: 'Sources',
        page: 'Page',
        of: 'of',
        notes: 'Notes',
        slide: 'Slide',
      });
    }
  });

  it('falls back to English for languages it does not know, including look-alike tags', () => {
    expect(labelsFor('fr').references).toBe('References');
    expect(labelsFor('ms').references).toBe('References');
    expect(labelsFor('ido').references).toBe('References');
    expect(labelsFor('').references).toBe('References');
  });
});
