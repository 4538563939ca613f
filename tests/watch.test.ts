/**
 * What `paparan serve` rebuilds while you write: essays, their images,
 * templates, themes and the config; never editor swap, backup or lock files.
 * No browser: the builds are observed through the preview's results.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EssayResult } from '../src/build.js';
import { startPreview, type Preview } from '../src/preview.js';
import { builtinTemplatesDir } from '../src/templates.js';
import { get } from './helpers/http-get.js';

let project: string;
let preview: Preview | undefined;
let log: ResultLog;
let errors: unknown[];

/** Every build result, and a bounded wait for the next one that matches. */
class ResultLog {
  readonly results: EssayResult[] = [];
  private waiters: { match: (r: EssayResult) => boolean; resolve: (r: EssayResult) => void }[] = [];

  add = (result: EssayResult): void => {
    this.results.push(result);
    for (const waiter of this.waiters.filter((w) => w.match(result))) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve(result);
    }
  };

  /** The next result for the essay named `name`; fails after 10 s. */
  next(name: string): Promise<EssayResult> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no build of ${name} within 10 s`)), 10_000);
      this.waiters.push({ match: (r) => path.basename(r.file) === name, resolve: (r) => (clearTimeout(timer), resolve(r)) });
    });
  }

  /** Resolves once `condition` holds after a build; fails after 10 s. */
  until(condition: () => boolean): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the expected builds did not happen within 10 s')), 10_000);
      this.waiters.push({ match: () => condition(), resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  names(): string[] {
    return this.results.map((r) => path.basename(r.file));
  }
}

const essayText = (title: string, text: string) => `---\ntitle: ${title}\nlang: en\n---\n\n${text}\n`;
const content = (name: string) => path.join(project, 'content', name);
const listEssays = () =>
  readdirSync(path.join(project, 'content'))
    .filter((name) => name.endsWith('.md') && !name.startsWith('_'))
    .sort()
    .map((name) => path.join(project, 'content', name));

beforeEach(async () => {
  project = mkdtempSync(path.join(os.tmpdir(), 'paparan-watch-'));
  mkdirSync(path.join(project, 'content'));
  writeFileSync(content('one.md'), essayText('One', 'The first essay.'));
  writeFileSync(content('two.md'), essayText('Two', 'The second essay.'));
  log = new ResultLog();
  errors = [];
  preview = await startPreview({
    files: listEssays(),
    findEssays: listEssays,
    outDir: path.join(project, 'dist'),
    projectDir: project,
    port: 0,
    onResult: log.add,
    onError: (error) => errors.push(error),
  });
  expect(log.names()).toEqual(['one.md', 'two.md']);
  log.results.length = 0;
});

afterEach(async () => {
  await preview?.close();
  expect(errors).toEqual([]);
  preview = undefined;
  rmSync(project, { recursive: true, force: true });
});

describe('paparan serve watching', () => {
  it('rebuilds nothing for editor swap, backup and lock files next to an essay', async () => {
    for (const junk of ['.one.md.swp', 'one.md~', '.#one.md', '4913', 'one.md.tmp', '.~lock.one.md#', '#one.md#']) {
      writeFileSync(content(junk), 'editor scratch');
    }
    // Then two real saves of one essay: a rebuild the junk set off would rebuild two.md, and before the second save.
    for (const edit of ['edited', 'edited again']) {
      const one = log.next('one.md');
      writeFileSync(content('one.md'), essayText('One', `The first essay, ${edit}.`));
      expect((await one).ok).toBe(true);
    }
    expect(log.names()).toEqual(['one.md', 'one.md']);
  });

  it('rebuilds the essay that shows an image when the image changes, and nothing for an image no essay shows', async () => {
    // A 1×1 PNG, and the same picture with another byte of metadata.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    writeFileSync(content('dot.png'), png);
    const withImage = log.next('one.md');
    writeFileSync(content('one.md'), essayText('One', 'A picture:\n\n![A dot](dot.png)'));
    expect((await withImage).ok).toBe(true);
    const imageChanged = log.next('one.md');
    writeFileSync(content('dot.png'), Buffer.concat([png, Buffer.from([0])]));
    expect((await imageChanged).ok).toBe(true);
    writeFileSync(content('unused.png'), png);
    // A save of the other essay: a rebuild set off by unused.png would come before it.
    const two = log.next('two.md');
    writeFileSync(content('two.md'), essayText('Two', 'The second essay, edited.'));
    await two;
    expect(log.names()).toEqual(['one.md', 'one.md', 'two.md']);
  });

  it('rebuilds the essay whose bibliography changes', async () => {
    const entry = (title: string) => `@book{lee2010, author = {Lee, Ann}, title = {${title}}, publisher = {Example Press}, year = {2010}}\n`;
    writeFileSync(content('refs.bib'), entry('Cities'));
    const withBibliography = log.next('one.md');
    writeFileSync(content('one.md'), `---\ntitle: One\nlang: en\nbibliography: refs.bib\n---\n\nCities grow in every part of the world [@lee2010].\n`);
    expect((await withBibliography).ok).toBe(true);
    const bibliographyChanged = log.next('one.md');
    writeFileSync(content('refs.bib'), entry('Towns'));
    const result = await bibliographyChanged;
    if (!result.ok) throw result.error;
    expect(readFileSync(path.join(result.outDir, 'index.html'), 'utf8')).toContain('<em>Towns</em>');
  });

  it('builds the last of two saves made in quick succession', async () => {
    const shows = (text: string) => readFileSync(path.join(project, 'dist', 'one', 'index.html'), 'utf8').includes(text);
    const first = log.next('one.md');
    writeFileSync(content('one.md'), essayText('One', 'First save.'));
    await first;
    // Saved again at once (an editor that formats on save writes twice): chokidar alone drops a change this soon.
    const rebuilt = log.until(() => shows('Second save.'));
    writeFileSync(content('one.md'), essayText('One', 'Second save.'));
    await rebuilt;
  });

  it('keeps the PDFs an earlier paparan build printed, marked as from an earlier build, when it rebuilds a deck', async () => {
    const deck = path.join(project, 'dist', 'one');
    writeFileSync(path.join(deck, 'slides.pdf'), '%PDF printed by paparan build');
    const rebuilt = log.next('one.md');
    writeFileSync(content('one.md'), essayText('One', 'The first essay, edited.'));
    expect((await rebuilt).ok).toBe(true);
    expect(readFileSync(path.join(deck, 'slides.pdf'), 'utf8')).toBe('%PDF printed by paparan build');
    const manifest = JSON.parse(readFileSync(path.join(deck, '.paparan.json'), 'utf8')) as { pdfs: { file: string; current: boolean }[] };
    expect(manifest.pdfs).toMatchObject([{ file: 'slides.pdf', current: false }]);
    const index = await get(preview!.server.port, '/');
    expect(index.body).toContain('<a href="/one/slides.pdf">slides.pdf</a> (from an earlier build)');
  });

  it('keeps the slides.pptx an earlier paparan build wrote, marked as from an earlier build, when it rebuilds a deck', async () => {
    const deck = path.join(project, 'dist', 'one');
    writeFileSync(path.join(deck, 'slides.pptx'), 'PK written by paparan build --pptx');
    const rebuilt = log.next('one.md');
    writeFileSync(content('one.md'), essayText('One', 'The first essay, edited again.'));
    expect((await rebuilt).ok).toBe(true);
    expect(readFileSync(path.join(deck, 'slides.pptx'), 'utf8')).toBe('PK written by paparan build --pptx');
    const manifest = JSON.parse(readFileSync(path.join(deck, '.paparan.json'), 'utf8')) as { pptx?: { file: string; current: boolean } };
    expect(manifest.pptx).toMatchObject({ file: 'slides.pptx', current: false });
    const index = await get(preview!.server.port, '/');
    expect(index.body).toContain('<a href="/one/slides.pptx">slides.pptx</a> (from an earlier build)');
  });

  it('builds an essay added to content/ while serving and lists it at /', async () => {
    const built = log.next('three.md');
    writeFileSync(content('three.md'), essayText('Three', 'An essay written while the server runs.'));
    const result = await built;
    expect(result.ok).toBe(true);
    expect(existsSync(path.join(project, 'dist', 'three', 'index.html'))).toBe(true);
    const index = await get(preview!.server.port, '/');
    expect(index.body).toContain('href="/three/"');
    expect(index.body).toContain('Three');
    expect(log.names()).toEqual(['three.md']);
  });

  it('rebuilds every deck when a template changes in a templates/ folder created after serve started', async () => {
    mkdirSync(path.join(project, 'templates'));
    // Let the new folder's own event pass first.
    const settled = log.next('one.md');
    writeFileSync(content('one.md'), essayText('One', 'The first essay, edited.'));
    await settled;
    const layout = readFileSync(path.join(builtinTemplatesDir, 'layout.hbs'), 'utf8').replace('</body>', '<!-- project layout --></body>');
    const custom = (slug: string) => readFileSync(path.join(project, 'dist', slug, 'index.html'), 'utf8').includes('<!-- project layout -->');
    const rebuilt = log.until(() => custom('one') && custom('two'));
    writeFileSync(path.join(project, 'templates', 'layout.hbs'), layout);
    await rebuilt;
  });
});
