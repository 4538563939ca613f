/**
 * What a build may replace, and how: only a folder paparan made, one build
 * at a time, PDFs that could not be printed kept from the previous deck, and
 * nothing left behind.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEssay, buildEssays, type BuildOptions, type EssayResult, type PdfStep, type StagedDeck } from '../src/build.js';
import { BrowserError, ExitCode, PaparanError } from '../src/errors.js';
import { lockFileFor } from '../src/lock.js';
import type { DeckManifest } from '../src/manifest.js';
import { checkOutDir, ensureFolder } from '../src/output.js';
import { version } from '../src/version.js';

let work: string;
let out: string;
let essay: string;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'paparan-output-'));
  out = path.join(work, 'dist');
  mkdirSync(path.join(work, 'content'));
  essay = path.join(work, 'content', 'essay.md');
  writeFileSync(essay, '---\ntitle: Essay\nlang: en\n---\n\nThis paragraph is fine. It has two sentences.\n');
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const options = (extra: Partial<BuildOptions> = {}): BuildOptions => ({ outDir: out, projectDir: work, ...extra });
const manifestOf = (dir: string) => JSON.parse(readFileSync(path.join(dir, '.paparan.json'), 'utf8')) as DeckManifest;
const leftovers = () => readdirSync(out).filter((name) => name.startsWith('.paparan') || name.endsWith('.paparan-lock'));
const failure = (result: EssayResult) => {
  expect(result.ok).toBe(false);
  return (result as { error: PaparanError }).error;
};

describe('what a build may replace', () => {
  it('refuses to replace a folder of the user\'s that has the deck\'s name, and leaves it as it was', async () => {
    mkdirSync(path.join(out, 'essay'), { recursive: true });
    writeFileSync(path.join(out, 'essay', 'thesis.docx'), 'my own work');
    const error = failure(await buildEssay(essay, options()));
    expect(error.file).toBe(essay);
    expect(error.message).toBe(`${path.join(out, 'essay')}/ exists and was not made by paparan: move it away or choose another --out`);
    expect(readdirSync(path.join(out, 'essay'))).toEqual(['thesis.docx']);
    expect(leftovers()).toEqual([]);
  });

  it('refuses to replace a file or a link with the deck\'s name', async () => {
    mkdirSync(out);
    writeFileSync(path.join(out, 'essay'), 'a file');
    expect(failure(await buildEssay(essay, options())).message).toMatch(/essay\/ is a file, not a deck folder: move it away/);
    rmSync(path.join(out, 'essay'));
    mkdirSync(path.join(work, 'elsewhere'));
    symlinkSync(path.join(work, 'elsewhere'), path.join(out, 'essay'));
    expect(failure(await buildEssay(essay, options())).message).toMatch(/essay\/ is a link, which paparan will not replace/);
  });

  it('marks every deck it publishes with a manifest, and replaces its own deck', async () => {
    const first = await buildEssay(essay, options());
    expect(first.ok).toBe(true);
    const manifest = manifestOf(path.join(out, 'essay'));
    expect(manifest).toMatchObject({ tool: 'paparan', version, slug: 'essay', source: 'essay.md', pdfs: [] });
    expect(Date.parse(manifest.built)).not.toBeNaN();
    expect((await buildEssay(essay, options())).ok).toBe(true);
  });

  it('records the essay relative to the working folder, so no home folder is written into a shared deck', async () => {
    const cwd = process.cwd();
    process.chdir(work);
    try {
      expect((await buildEssay('content/essay.md', options())).ok).toBe(true);
    } finally {
      process.chdir(cwd);
    }
    expect(manifestOf(path.join(out, 'essay')).source).toBe('content/essay.md');
  });

  it('replaces a deck of an older paparan, which has no manifest, and an empty folder', async () => {
    mkdirSync(path.join(out, 'essay', 'assets'), { recursive: true });
    writeFileSync(path.join(out, 'essay', 'index.html'), '<!doctype html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n  <meta name="generator" content="paparan 0.0.9">\n');
    expect((await buildEssay(essay, options())).ok).toBe(true);
    expect(existsSync(path.join(out, 'essay', '.paparan.json'))).toBe(true);

    writeFileSync(path.join(work, 'content', 'other.md'), readFileSync(essay));
    mkdirSync(path.join(out, 'other'));
    expect((await buildEssay(path.join(work, 'content', 'other.md'), options())).ok).toBe(true);
  });

  it('refuses an essay whose name would make the output folder itself, and keeps every deck in it', async () => {
    expect((await buildEssay(essay, options())).ok).toBe(true);
    writeFileSync(path.join(out, 'mine.txt'), 'mine');
    for (const name of ['..md', '.md']) {
      const file = path.join(work, 'content', name);
      writeFileSync(file, readFileSync(essay));
      const error = failure(await buildEssay(file, options()));
      expect(error.message).toMatch(/^cannot name the output after this file/);
    }
    expect(readdirSync(out).sort()).toEqual(['essay', 'mine.txt']);
  });

  it('stops before writing anything when two essays have one name', async () => {
    mkdirSync(path.join(work, 'a'));
    mkdirSync(path.join(work, 'b'));
    const a = path.join(work, 'a', 'essay.md');
    const b = path.join(work, 'b', 'essay.md');
    writeFileSync(a, readFileSync(essay));
    writeFileSync(b, readFileSync(essay));
    await expect(buildEssays([a, b], options())).rejects.toMatchObject({ exitCode: ExitCode.usage, message: expect.stringMatching(/would both build/) });
    expect(existsSync(out)).toBe(false);
  });
});

describe('PDFs that could not be printed', () => {
  /** A PDF step that "prints" the given kinds as small marker files, and reports the rest as asked. */
  const fakePdfs =
    (printed: string[], marker: string, error?: PaparanError) =>
    async ({ dir }: StagedDeck): Promise<PdfStep> => {
      for (const kind of printed) writeFileSync(path.join(dir, `${kind}.pdf`), `%PDF ${marker} ${kind}`);
      if (printed.includes('handout')) writeFileSync(path.join(dir, 'handout.html'), `<p>${marker}</p>`);
      return { asked: ['slides', 'handout', 'notes'], error };
    };

  it('publishes the new deck and carries over the previous PDFs and print page, marked stale', async () => {
    expect((await buildEssay(essay, options({ pdfs: fakePdfs(['slides', 'handout', 'notes'], 'first') }))).ok).toBe(true);
    const dir = path.join(out, 'essay');
    const first = manifestOf(dir);
    expect(first.pdfs.map((pdf) => [pdf.file, pdf.current])).toEqual([['slides.pdf', true], ['handout.pdf', true], ['notes.pdf', true]]);

    writeFileSync(essay, readFileSync(essay, 'utf8').replace('This paragraph is fine.', 'This paragraph changed.'));
    const second = await buildEssay(essay, options({ pdfs: fakePdfs([], 'second') }));
    expect(second.ok && second.stalePdfs).toEqual(['slides.pdf', 'handout.pdf', 'notes.pdf']);
    expect(readFileSync(path.join(dir, 'index.html'), 'utf8')).toContain('This paragraph changed.');
    expect(readFileSync(path.join(dir, 'slides.pdf'), 'utf8')).toBe('%PDF first slides');
    expect(readFileSync(path.join(dir, 'handout.html'), 'utf8')).toBe('<p>first</p>');
    const manifest = manifestOf(dir);
    expect(manifest.pdfs.map((pdf) => [pdf.file, pdf.current])).toEqual([['slides.pdf', false], ['handout.pdf', false], ['notes.pdf', false]]);
    // Still the time they were printed, not this build's.
    expect(manifest.pdfs[0]!.built).toBe(first.pdfs[0]!.built);
    expect(manifest.built).not.toBe(first.built);
  });

  it('keeps what printed and carries over the rest when printing failed part way', async () => {
    expect((await buildEssay(essay, options({ pdfs: fakePdfs(['slides', 'handout', 'notes'], 'first') }))).ok).toBe(true);
    const broken = new BrowserError('notes.pdf: printing failed: boom', { file: essay, exitCode: ExitCode.exportFailed });
    const result = await buildEssay(essay, options({ pdfs: fakePdfs(['slides', 'handout'], 'second', broken) }));
    expect(result.ok).toBe(true);
    expect(result.ok && result.pdfError).toBe(broken);
    expect(result.ok && result.stalePdfs).toEqual(['notes.pdf']);
    const dir = path.join(out, 'essay');
    expect(readFileSync(path.join(dir, 'slides.pdf'), 'utf8')).toBe('%PDF second slides');
    expect(readFileSync(path.join(dir, 'notes.pdf'), 'utf8')).toBe('%PDF first notes');
    expect(manifestOf(dir).pdfs.map((pdf) => [pdf.file, pdf.current])).toEqual([['slides.pdf', true], ['handout.pdf', true], ['notes.pdf', false]]);
  });

  it('carries nothing over when no PDFs were asked for', async () => {
    expect((await buildEssay(essay, options({ pdfs: fakePdfs(['slides'], 'first') }))).ok).toBe(true);
    const result = await buildEssay(essay, options());
    expect(result.ok && result.stalePdfs).toEqual([]);
    expect(existsSync(path.join(out, 'essay', 'slides.pdf'))).toBe(false);
  });
});

describe('builds of one essay at the same time', () => {
  it('all succeed, in several rounds of six at once, and leave nothing behind', async () => {
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(Array.from({ length: 6 }, () => buildEssay(essay, options())));
      for (const result of results) expect(result.ok ? 'ok' : result.error.message).toBe('ok');
      expect(leftovers()).toEqual([]);
      expect(readdirSync(out)).toEqual(['essay']);
    }
  });

  it('take over the lock of a build that died, and leave no lock behind', async () => {
    const dead = await exitedPid();
    mkdirSync(out);
    writeFileSync(lockFileFor(path.join(out, 'essay')), JSON.stringify({ pid: dead, host: os.hostname(), token: 'gone' }));
    expect((await buildEssay(essay, options())).ok).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('remove the staging folder a build killed outright left behind, but never a live build\'s or another machine\'s', async () => {
    const host = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 6);
    mkdirSync(out);
    const abandoned = path.join(out, `.paparan-tmp-essay-${await exitedPid()}-${host}-0123456789ab`);
    const live = path.join(out, `.paparan-tmp-essay-${process.ppid}-${host}-0123456789ab`);
    const elsewhere = path.join(out, `.paparan-tmp-essay-${await exitedPid()}-${host === 'ffffff' ? 'eeeeee' : 'ffffff'}-0123456789ab`);
    const otherDeck = path.join(out, `.paparan-tmp-essay-2-${await exitedPid()}-${host}-0123456789ab`);
    for (const dir of [abandoned, live, elsewhere, otherDeck]) mkdirSync(path.join(dir, 'assets'), { recursive: true });
    expect((await buildEssay(essay, options())).ok).toBe(true);
    expect(existsSync(abandoned)).toBe(false);
    for (const dir of [live, elsewhere, otherDeck]) expect(existsSync(dir), dir).toBe(true);
  });

  it('wait for a live build, then give up with a line that says what to do, leaving the deck as it was', async () => {
    expect((await buildEssay(essay, options())).ok).toBe(true);
    const before = readFileSync(path.join(out, 'essay', 'index.html'), 'utf8');
    const lock = lockFileFor(path.join(out, 'essay'));
    // The test runner's parent: alive for as long as this test runs.
    writeFileSync(lock, JSON.stringify({ pid: process.ppid, host: os.hostname(), token: 'busy' }));
    const waits: string[] = [];
    writeFileSync(essay, readFileSync(essay, 'utf8').replace('fine', 'changed'));
    const error = failure(await buildEssay(essay, options({ lockWaitMs: 300, onWait: (slug, message) => waits.push(`${slug}: ${message}`) })));
    expect(error.message).toBe(`another paparan (pid ${process.ppid}) is still writing ${path.join(out, 'essay')}/: wait for it to finish, or delete ${lock} if no paparan is running`);
    expect(waits).toEqual([`essay: waiting for another paparan (pid ${process.ppid}) to finish writing ${path.join(out, 'essay')}/`]);
    expect(readFileSync(path.join(out, 'essay', 'index.html'), 'utf8')).toBe(before);
    rmSync(lock);
    expect(leftovers()).toEqual([]);
  });
});

describe('the output folder', () => {
  it('is created level by level, without the endless loop of a recursive mkdir under /proc', async () => {
    await ensureFolder(path.join(work, 'a', 'b', 'c'));
    expect(existsSync(path.join(work, 'a', 'b', 'c'))).toBe(true);
    if (process.platform === 'linux') await expect(ensureFolder('/proc/paparan-x/y')).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('is checked before building: a folder that cannot be made, a file, a file on the way', async () => {
    await expect(checkOutDir(path.join(work, 'new', 'dist'), '--out new/dist')).resolves.toBeUndefined();
    expect(existsSync(path.join(work, 'new'))).toBe(false); // checking writes nothing
    if (process.platform === 'linux') {
      await expect(checkOutDir('/proc/x', '--out /proc/x')).rejects.toThrow(/^--out \/proc\/x: cannot create the output folder here: choose a folder you can write to$/);
    }
    writeFileSync(path.join(work, 'notes.txt'), 'x');
    const file = path.join(work, 'notes.txt');
    await expect(checkOutDir(file, '--out notes.txt')).rejects.toThrow(/^--out notes\.txt: is a file, not a folder: choose a folder for the decks$/);
    await expect(checkOutDir(path.join(file, 'dist'), '--out notes.txt/dist')).rejects.toMatchObject({
      exitCode: ExitCode.usage,
      // Named in full: it lies outside the working folder.
      message: `--out notes.txt/dist: ${file} is a file, not a folder: choose a folder for the decks`,
    });
  });
});

/** The pid of a process that has exited. */
function exitedPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', '']);
    child.on('error', reject);
    child.on('exit', () => resolve(child.pid!));
  });
}
