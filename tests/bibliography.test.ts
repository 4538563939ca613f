/**
 * `bibliography:` in the front matter: BibTeX, CSL-JSON and RIS through
 * citation-js; pandoc citations become author–year text on the source line;
 * the cited works are listed in APA 7 (Indonesian terms for Indonesian
 * essays) or a CSL style; unknown keys and uncited entries are warnings.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileEssay } from '../src/build.js';
import { thrown } from './helpers/thrown.js';

const root = path.resolve(import.meta.dirname, '..');
const fixture = (name: string) => path.join('tests/fixtures/rich', name);
const compileFixture = (name: string) => compileEssay(readFileSync(path.join(root, fixture(name)), 'utf8'), { file: fixture(name), projectDir: root });
const messages = (diagnostics: { file: string; line?: number; message: string }[]) => diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`);
const references = (deck: ReturnType<typeof compileFixture>['deck']) => deck.slides.flatMap((s) => (s.body?.layout === 'references' ? s.body.entries : []));

const tmp = mkdtempSync(path.join(os.tmpdir(), 'paparan-bib-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a BibTeX bibliography in an Indonesian essay', () => {
  const { html, deck, diagnostics } = compileFixture('referensi.md');

  it('lists the cited works in APA 7 with Indonesian terms', () => {
    expect(references(deck)).toEqual([
      'Helmys, R., & Irawan, A. (2023). *Diplomasi pembangunan Indonesia*. Pustaka Nusantara.',
      'Kementerian Luar Negeri. (t.t.). *Kerja sama teknik Selatan-Selatan*. Diakses 1 Mei 2024, dari https://kemlu.go.id/kss',
      'Pujayanti, A., Santoso, B., & Lestari, D. (2015). Kerja sama Selatan-Selatan dan manfaatnya bagi Indonesia. *Jurnal Politica*, *6*(1), 63–86.',
    ]);
    expect(html).toContain('<em>Jurnal Politica</em>');
  });

  it('shows the short citation on the source line, "dkk." and page locators included, and the whole sentence in the notes', () => {
    const sources = deck.slides.flatMap((s) => s.sources ?? []);
    expect(sources).toEqual(expect.arrayContaining(['Pujayanti dkk. (2015)', 'Kementerian Luar Negeri (t.t.)', 'Helmys & Irawan (2023)']));
    const notes = deck.slides.flatMap((s) => s.notes).join(' ');
    expect(notes).toContain('(Kementerian Luar Negeri, t.t.; Helmys & Irawan, 2023, hlm. 12)');
    expect(notes).toContain('Menurut Helmys & Irawan (2023), Indonesia');
  });

  it('warns about an unknown key and an uncited entry, each with file:line', () => {
    expect(messages(diagnostics)).toEqual(
      expect.arrayContaining([
        'tests/fixtures/rich/referensi.md:12: citation "@tidakada2020" is not in tests/fixtures/rich/referensi.bib: add the entry to the bibliography or fix the key',
        'tests/fixtures/rich/referensi.bib:26: entry "tidakdikutip2019" is never cited: cite it with [@tidakdikutip2019] or leave it out of the bibliography',
      ]),
    );
    expect(references(deck).join(' ')).not.toContain('Wijaya');
  });
});

describe('a CSL-JSON bibliography in an English essay', () => {
  const { deck, diagnostics } = compileFixture('sources.md');

  it('lists the works in APA 7 in English, with et al. and n.d.', () => {
    expect(references(deck)).toEqual([
      'Smith, J., Osei, K., & Tan, M. (2019). Urban heat islands in tropical cities. *Journal of Urban Climate*, *12*, 45–60.',
      'World Health Organization. (n.d.). *Heat and health*. Retrieved May 1, 2024, from https://www.who.int/heat',
    ]);
    expect(deck.slides.flatMap((s) => s.sources ?? [])).toEqual(expect.arrayContaining(['Smith et al. (2019)', 'World Health Organization (n.d.)']));
    expect(messages(diagnostics)).toContain('tests/fixtures/rich/sources.json:21: entry "unused" is never cited: cite it with [@unused] or leave it out of the bibliography');
  });
});

/** An essay and its bibliography in a fresh folder. */
function essayWith(name: string, files: Record<string, string>, frontMatter: string, body: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  const essay = path.join(dir, 'essay.md');
  writeFileSync(essay, `---\ntitle: Essay\nlang: en\n${frontMatter}\n---\n\n## Part\n\n${body}\n`);
  return essay;
}
const compilePath = (essay: string) => compileEssay(readFileSync(essay, 'utf8'), { file: essay, projectDir: root });

describe('other formats, styles and mistakes', () => {
  it('reads RIS as Zotero and Mendeley export it', () => {
    const ris = 'TY  - JOUR\nID  - ali2020\nAU  - Ali, Fatimah\nTI  - Water in the city\nT2  - Urban Review\nPY  - 2020\nER  - \n';
    const essay = essayWith('ris', { 'refs.ris': ris }, 'bibliography: refs.ris', 'Water matters in every city plan [@ali2020].');
    const { deck, diagnostics } = compilePath(essay);
    expect(references(deck)).toEqual(['Ali, F. (2020). Water in the city. *Urban Review*.']);
    expect(diagnostics).toEqual([]);
  });

  it('formats in the style of csl: style.csl', () => {
    const styles = createRequire(import.meta.url)('@citation-js/plugin-csl/lib/styles.json') as Record<string, string>;
    const bib = '@book{lee2010, author = {Lee, Ann}, title = {Cities}, publisher = {Example Press}, year = {2010}}\n';
    const essay = essayWith('csl', { 'refs.bib': bib, 'style.csl': styles.vancouver! }, 'bibliography: refs.bib\ncsl: style.csl', 'Cities grow in every part of the world [@lee2010].');
    const { deck } = compilePath(essay);
    expect(references(deck)).toEqual([expect.stringMatching(/^1\. Lee A\. Cities\. .*Example Press; 2010\.$/)]);
  });

  it('splits many references over slides as today', () => {
    const bib = Array.from({ length: 30 }, (_, i) => `@book{k${i}, author = {Author${String.fromCharCode(65 + (i % 26))}, Name}, title = {A rather long title for book number ${i} about cities and their climates}, publisher = {Example Press}, year = {${1990 + i}}}`).join('\n');
    const cites = Array.from({ length: 30 }, (_, i) => `[@k${i}]`).join(' ');
    const { deck } = compilePath(essayWith('many', { 'refs.bib': bib }, 'bibliography: refs.bib', `Many works agree ${cites}.`));
    const slides = deck.slides.filter((s) => s.kind === 'references');
    expect(slides.length).toBeGreaterThan(1);
    expect(slides.flatMap((s) => (s.body?.layout === 'references' ? s.body.entries : []))).toHaveLength(30);
  });

  it('stops with file:line when the bibliography is missing or outside the essay folder', () => {
    const missing = essayWith('missing', {}, 'bibliography: refs.bib', 'Text [@a].');
    expect(thrown(() => compilePath(missing))).toMatchObject({ line: 4, message: expect.stringMatching(/^bibliography "refs.bib" not found: put the file at .*refs\.bib or fix the path$/) });
    const outside = essayWith('outside', {}, 'bibliography: ../many/refs.bib', 'Text [@a].');
    expect(thrown(() => compilePath(outside))).toMatchObject({ line: 4, message: `bibliography "../many/refs.bib" is outside the essay's folder: move it next to the essay and use a relative path` });
  });

  it('stops with file:line for a file that is not a bibliography', () => {
    const essay = essayWith('broken', { 'refs.json': '{ not json' }, 'bibliography: refs.json', 'Text [@a].');
    expect(thrown(() => compilePath(essay))).toMatchObject({ line: 4, message: expect.stringMatching(/^bibliography "refs.json" could not be read .*: export it again as BibTeX, CSL-JSON or RIS$/) });
  });
});
