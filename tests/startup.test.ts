/**
 * Start-up of the command (issue 13): most of `paparan build --no-pdf` is Node reading and compiling
 * JavaScript, so a build loads only what its essay needs: few files, little code, and no KaTeX,
 * citation-js or highlight.js language unless the essay has formulas, a bibliography or code.
 * Measured as the files the process loads (tests/helpers/record-loads.mjs), not as time.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { compileEssay } from '../src/build.js';

const root = path.resolve(import.meta.dirname, '..');
const sharedEssay = path.join(root, 'content/kerja-sama-selatan-selatan.md');
const exec = promisify(execFile);
let work: string;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'paparan-startup-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Builds an essay (without PDFs unless flags say otherwise) with bin/paparan.js and returns the JavaScript files the process loaded. */
async function loadedBy(essay: string, flags = ['--no-pdf']): Promise<string[]> {
  const record = path.join(work, 'loads.txt');
  const args = ['--import', path.join(root, 'tests/helpers/record-loads.mjs'), path.join(root, 'bin/paparan.js'), 'build', essay, ...flags, '--out', path.join(work, 'out'), '-q'];
  await exec(process.execPath, args, { cwd: work, env: { ...process.env, PAPARAN_LOADS: record } });
  const files = new Set(readFileSync(record, 'utf8').split('\n').filter((line) => /\.(c|m)?js$/.test(line)));
  // The recorder itself is not the command's.
  return [...files].filter((file) => !file.includes(`${path.sep}tests${path.sep}helpers${path.sep}`));
}

const megabytes = (files: string[]) => files.reduce((sum, file) => sum + statSync(file).size, 0) / 1e6;
const packagesOf = (files: string[]) => new Set(files.map((file) => /node_modules[/\\]((@[^/\\]+[/\\])?[^/\\]+)/.exec(file)?.[1]).filter(Boolean));

describe('paparan build --no-pdf start-up', () => {
  it('reads the shared essay with a few dozen JavaScript files (not some 200) and under 2.2 MB of code', async () => {
    const files = await loadedBy(sharedEssay);
    expect(files.length).toBeLessThanOrEqual(30);
    // 1.9 MB today; KaTeX (0.5 MB) or full zod (0.7 MB) loaded by every build would go over.
    expect(megabytes(files)).toBeLessThan(2.2);
  });

  it('compiles no built-in template (lib/ has them precompiled), and the deck is the one the sources make', async () => {
    const files = await loadedBy(sharedEssay);
    expect(packagesOf(files).has('handlebars')).toBe(false);
    const fromSources = compileEssay(readFileSync(sharedEssay, 'utf8'), { file: sharedEssay, projectDir: work }).html;
    expect(readFileSync(path.join(work, 'out', 'kerja-sama-selatan-selatan', 'index.html'), 'utf8')).toBe(fromSources);
  });

  it("uses a project's template over the precompiled built-in one, compiling it", async () => {
    mkdirSync(path.join(work, 'templates', 'partials'), { recursive: true });
    writeFileSync(path.join(work, 'templates', 'partials', 'title.hbs'), '<h1 class="campus-title">{{title}}!</h1>\n');
    const essay = path.join(work, 'plain.md');
    writeFileSync(essay, '---\ntitle: Plain\nlang: en\n---\n\nTrade grew quickly.\n');
    const files = await loadedBy(essay);
    expect(readFileSync(path.join(work, 'out', 'plain', 'index.html'), 'utf8')).toContain('<h1 class="campus-title">Plain!</h1>');
    expect(packagesOf(files).has('handlebars')).toBe(true);
  });

  it('loads no KaTeX, citation-js, highlight.js language or CSS parser for an essay without formulas, bibliography, code or styles', async () => {
    const essay = path.join(work, 'plain.md');
    writeFileSync(essay, '---\ntitle: Plain\nlang: en\n---\n\nTrade grew quickly. It grew again.\n\n## Findings\n\nExports rose.\n');
    const packages = packagesOf(await loadedBy(essay));
    expect([...packages].filter((name) => /katex|citation-js|citeproc|postcss/.test(name!))).toEqual([]);
    expect((await loadedBy(essay)).filter((file) => file.includes(`highlight.js${path.sep}lib${path.sep}languages`))).toEqual([]);
  });

  it('loads the highlight.js languages of an essay\'s code and what they embed, and KaTeX for its formulas', async () => {
    const essay = path.join(work, 'rich.md');
    writeFileSync(essay, '---\ntitle: Rich\nlang: en\n---\n\nThe sum is $a^2 + b^2$.\n\n## Code\n\n```py\nprint(1)\n```\n\n```html\n<style>p { color: red }</style>\n```\n');
    const files = await loadedBy(essay);
    const languages = files.filter((file) => file.includes(`highlight.js${path.sep}lib${path.sep}languages`)).map((file) => path.basename(file, '.js')).sort();
    expect(languages).toEqual(['css', 'graphql', 'javascript', 'python', 'xml']);
    expect(packagesOf(files).has('katex')).toBe(true);
  });

  it('keeps the harmless styles of an allowHtml essay, parsing them with postcss', async () => {
    const essay = path.join(work, 'styled.md');
    writeFileSync(essay, '---\ntitle: Styled\nlang: en\nallowHtml: true\n---\n\nText here.\n\n<div style="color: red; position: fixed">Red</div>\n');
    const files = await loadedBy(essay);
    expect(readFileSync(path.join(work, 'out', 'styled', 'index.html'), 'utf8')).toContain('<div style="color:red">Red</div>');
    expect(packagesOf(files).has('postcss')).toBe(true);
  });
});

describe('the bundled lib/', () => {
  it('folds a deck into one file and writes slides.pptx (packages that read their own files stay out of the bundle)', async () => {
    const essay = path.join(work, 'plain.md');
    writeFileSync(essay, '---\ntitle: Plain\nlang: en\n---\n\nTrade grew quickly.\n\n## Findings\n\nExports rose.\n');
    const args = [path.join(root, 'bin/paparan.js'), 'build', essay, '--no-pdf', '--single-file', '--pptx', '--out', path.join(work, 'out'), '-q'];
    await exec(process.execPath, args, { cwd: work });
    expect(readFileSync(path.join(work, 'out', 'plain', 'index.html'), 'utf8')).not.toMatch(/<link [^>]*href="assets\//);
    expect(statSync(path.join(work, 'out', 'plain', 'slides.pptx')).size).toBeGreaterThan(10_000);
  });
});

describe('paparan build start-up with PDFs', () => {
  it("loads puppeteer-core's connector and not its launcher or browser downloader: about 3 MB of code, not 5.3", async () => {
    // The build starts Chromium itself; Puppeteer's main entry would add @puppeteer/browsers, proxy agents and a
    // PAC resolver (1.8 MB, some 45 ms of every build).
    const files = await loadedBy(sharedEssay, []);
    expect(files.some((file) => path.basename(file).startsWith('export-pdf'))).toBe(true);
    expect(readFileSync(path.join(work, 'out', 'kerja-sama-selatan-selatan', 'notes.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(megabytes(files)).toBeLessThan(3.5);
  }, 60_000);
});
