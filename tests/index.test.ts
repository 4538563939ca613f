/**
 * The package entry (`import { build, compile } from 'paparan'`), as another program uses
 * it: through package.json's "exports", from the compiled lib/ (vitest's global setup
 * compiles it when src/ changed).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { build, compile, ContentError, type Deck } from 'paparan';

const root = path.resolve(import.meta.dirname, '..');
const essay = '---\ntitle: A Small Essay\nlang: en\n---\n\nThe first point is short. The second one too.\n\n## Findings\n\nTrade grew quickly.\n';
let work: string;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'paparan-entry-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('the package entry', () => {
  it('is the compiled lib/, with its type declarations', () => {
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.exports['.']).toEqual({ types: './lib/index.d.ts', import: './lib/index.js' });
    expect(existsSync(path.join(root, pkg.exports['.'].types))).toBe(true);
    expect(import.meta.resolve('paparan')).toBe(new URL('../lib/index.js', import.meta.url).href);
  });

  it('compiles an essay in memory to a deck and its HTML', () => {
    const compiled = compile(essay, { file: 'small.md', projectDir: work, theme: 'gelap' });
    const deck: Deck = compiled.deck;
    expect(deck.slug).toBe('small');
    expect(deck.slides.map((s) => s.kind)).toEqual(expect.arrayContaining(['title', 'section', 'content']));
    expect(compiled.html).toContain('<title>A Small Essay</title>');
    expect(compiled.html).toContain('Trade grew quickly.');
    expect(compiled.settings.theme).toBe('gelap');
    expect(existsSync(path.join(work, 'small'))).toBe(false); // nothing written
  });

  it('throws a ContentError naming the essay for bad content', () => {
    expect(() => compile('---\ntitle: [broken\n---\n\nText.\n', { file: 'bad.md', projectDir: work })).toThrow(ContentError);
  });

  it('builds essays to an output folder and returns one result per essay', async () => {
    const file = path.join(work, 'small.md');
    writeFileSync(file, essay);
    const seen: string[] = [];
    const summary = await build([file, path.join(work, 'missing.md')], { projectDir: work, out: path.join(work, 'out'), pdf: false, onResult: (r) => seen.push(r.file) });
    expect(seen).toEqual([file, path.join(work, 'missing.md')]);
    const [ok, missing] = summary.results;
    expect(ok).toMatchObject({ ok: true, slug: 'small', outDir: path.join(work, 'out', 'small') });
    expect(readFileSync(path.join(work, 'out', 'small', 'index.html'), 'utf8')).toContain('Trade grew quickly.');
    expect(missing).toMatchObject({ ok: false });
    expect(String(missing!.ok ? '' : missing!.error)).toMatch(/missing\.md: file not found/);
    expect(summary.pdfUnavailable).toBeUndefined();
  });

  it('prints the PDFs as the command does: a failed print is in the result, and the last good PDF is kept', async () => {
    const file = path.join(work, 'small.md');
    writeFileSync(file, essay);
    const out = path.join(work, 'out');
    const first = await build([file], { projectDir: work, out, pdf: ['slides'] });
    expect(first.results[0]).toMatchObject({ ok: true });
    const printed = readFileSync(path.join(out, 'small', 'slides.pdf'));
    expect(printed.subarray(0, 5).toString()).toBe('%PDF-');
    const second = await build([file], { projectDir: work, out, pdf: ['slides'], timeout: 0.01 });
    const result = second.results[0]!;
    expect(result.ok && result.pdfError?.message).toMatch(/slides\.pdf: printing took longer than 0\.01 s/);
    expect(readFileSync(path.join(out, 'small', 'slides.pdf')).equals(printed)).toBe(true);
  }, 60_000);
});
