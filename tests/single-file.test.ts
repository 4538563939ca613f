/**
 * `--single-file` with a user's templates that write their tags in other forms
 * than the built-in layout does: everything is inlined and the one file
 * presents offline, or the build stops naming what could not be, and the last
 * good output stays.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser, type BrowserSession } from '../src/browser.js';
import { buildEssay } from '../src/build.js';
import { ExitCode, PaparanError } from '../src/errors.js';
import { measureFit, withDeck } from '../src/deck-fit.js';

const root = path.resolve(import.meta.dirname, '..');
const kampus = path.join(root, 'examples/themes/kampus');
const builtinLayout = readFileSync(path.join(root, 'templates/layout.hbs'), 'utf8');

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'paparan-single-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A fresh project holding the English essay (with its image) and the given template overrides. */
function project(name: string, templates: Record<string, string>): { dir: string; essay: string } {
  const dir = path.join(work, name);
  mkdirSync(path.join(dir, 'content'), { recursive: true });
  for (const file of ['english.md', 'chart.png']) cpSync(path.join(root, 'tests/fixtures/essays', file), path.join(dir, 'content', file));
  for (const [file, text] of Object.entries(templates)) {
    mkdirSync(path.dirname(path.join(dir, 'templates', file)), { recursive: true });
    writeFileSync(path.join(dir, 'templates', file), text);
  }
  return { dir, essay: path.join(dir, 'content', 'english.md') };
}

/** The built-in layout, every tag written as a hand-made template might: other cases, quoting, attribute order, defer. */
const unusualLayout = `<!DOCTYPE HTML>
<HTML lang={{lang}} data-theme={{themeName}}>
<HEAD>
<meta charset=utf-8>
<title>{{title}}</title>
<LINK HREF='assets/reveal/reveal.css' REL=STYLESHEET>
<link href=assets/paparan.css rel="Stylesheet">
{{#each themeStyles}}<link media="all" href="{{this}}" rel='stylesheet'>
{{/each}}
<link rel=icon href=assets/themes/kampus/logo.svg>
<style>.reveal .byline { background: url(assets/themes/kampus/logo.svg) right center / auto 40px no-repeat; }</style>
</HEAD>
<body>
<div class=reveal style="background-image: url('assets/themes/kampus/logo.svg'); background-size: 0 0"><div class=slides>
{{#each slides}}{{> slide}}
{{/each}}
</div></div>
<script type="application/json" id="paparan-config">{{{configJson}}}</script>
<script defer src=assets/reveal/reveal.js></script>
<script src='assets/reveal/plugin/notes.js' defer></script>
<SCRIPT DEFER SRC="assets/deck.js"></SCRIPT>
</body>
</HTML>
`;

/** The title partial with the logo in an unquoted, upper-case <IMG>. */
const unusualTitle = `{{#if @root.logo}}<IMG alt="" SRC={{@root.logo}} class=title-logo>{{/if}}
<header class="title-block"><h1 class="deck-title">{{title}}</h1></header>
`;

/** Runs in the page: what a viewer would notice of a broken deck. */
function deckState() {
  type RevealApi = { isReady(): boolean; getTotalSlides(): number };
  const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
  const images = Array.from(document.querySelectorAll<HTMLImageElement>('img'));
  const sheets = Array.from(document.styleSheets).length;
  return {
    ready: reveal.isReady(),
    slides: reveal.getTotalSlides(),
    fontLoaded: document.fonts.check('30px "Noto Sans"') && Array.from(document.fonts).some((f) => f.family.includes('Noto Sans') && f.status === 'loaded'),
    images: images.map((img) => ({ alt: img.alt, loaded: img.complete && img.naturalWidth > 0 })),
    sheets,
    // The theme's heading colour reached the slides: its stylesheet applies.
    headingColor: getComputedStyle(document.querySelector('h2.slide-title')!).color,
  };
}

describe('a single file from a template that writes its tags its own way', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowser();
  });
  afterAll(() => session?.close());

  /** Builds a project's essay as one file and opens it offline, noting every request that is not a data: URL. */
  async function openSingleFile(dir: string, essay: string) {
    const result = await buildEssay(essay, { outDir: path.join(dir, 'dist'), singleFile: true, cli: { theme: kampus }, projectDir: dir });
    if (!result.ok) throw result.error;
    const requests: string[] = [];
    const opened = await withDeck(
      session,
      result.outDir,
      async (page: Page) => ({ state: await page.evaluate(deckState), fit: await page.evaluate(measureFit) }),
      (page) => page.on('request', (request) => void (request.url().startsWith('data:') || requests.push(request.url()))),
    );
    return { result, requests, ...opened };
  }

  it.each([
    ['unusual', { 'layout.hbs': unusualLayout, 'partials/title.hbs': unusualTitle }],
    ['built-in', {}],
  ])('with the %s layout, inlines every stylesheet, script, font and image, and presents offline from file://', async (name, templates) => {
    const { dir, essay } = project(name, templates);
    const { result, requests, value, blocked, errors } = await openSingleFile(dir, essay);
    // One HTML file, beside paparan's own small manifest (.paparan.json, not needed to present).
    expect(readdirSync(result.outDir).filter((name) => !name.startsWith('.'))).toEqual(['index.html']);
    const html = readFileSync(path.join(result.outDir, 'index.html'), 'utf8');
    // No attribute or url() refers to the files that are gone.
    expect(html).not.toMatch(/(?:\s(?:src|href|srcset|poster|data-background[\w-]*)\s*=\s*["']?|url\(\s*["']?)(?:\.\/)?(?:assets|media)\//i);
    expect(requests).toEqual([pathToFileURL(path.join(result.outDir, 'index.html')).href]);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    const { state, fit } = value;
    expect(state.ready).toBe(true);
    expect(state.slides).toBe(result.slides);
    expect(state.fontLoaded).toBe(true);
    expect(state.headingColor).toBe('rgb(11, 93, 59)');
    expect(state.images.length).toBeGreaterThan(5);
    expect(state.images.filter((i) => !i.loaded)).toEqual([]);
    expect(fit.filter((s) => s.overflowY > 1 || s.overflowX > 1)).toEqual([]);
  });
});

describe('a single file that cannot be made', () => {
  it('stops naming the missing file and the template that refers to it, and keeps the last good deck', async () => {
    const { dir, essay } = project('missing', {});
    const outDir = path.join(dir, 'dist');
    const good = await buildEssay(essay, { outDir, projectDir: dir });
    if (!good.ok) throw good.error;
    const before = readFileSync(path.join(good.outDir, 'index.html'), 'utf8');

    const layout = path.join(dir, 'templates', 'layout.hbs');
    mkdirSync(path.dirname(layout), { recursive: true });
    writeFileSync(layout, builtinLayout.replace('</body>', '<script defer src="assets/extra.js"></script>\n</body>'));
    const result = await buildEssay(essay, { outDir, projectDir: dir, singleFile: true });
    expect(result.ok).toBe(false);
    const error = (result as { error: PaparanError }).error;
    expect(error).toBeInstanceOf(PaparanError);
    expect(error.file).toBe(layout);
    expect(error.message).toBe('--single-file: "assets/extra.js" in <script src> is not a file of the deck, so it cannot be inlined: ship the file with the theme or remove the reference');
    // The deck built before is still whole.
    expect(readFileSync(path.join(good.outDir, 'index.html'), 'utf8')).toBe(before);
    expect(existsSync(path.join(good.outDir, 'assets', 'paparan.css'))).toBe(true);
  });

  it('refuses a file outside the deck folder and a link into the files it removes, in one line', async () => {
    const { dir, essay } = project('outside', {
      'partials/title.hbs': '<h1 class="deck-title">{{title}}</h1>\n<img src="../../secret.png" alt=""><a href="media/chart.png">chart</a>\n',
    });
    writeFileSync(path.join(dir, 'secret.png'), 'not really');
    const result = await buildEssay(essay, { outDir: path.join(dir, 'dist'), projectDir: dir, singleFile: true });
    expect(result.ok).toBe(false);
    const error = (result as { error: PaparanError }).error;
    expect(error.exitCode).toBe(ExitCode.buildFailed);
    expect(String(error)).toBe(
      `${path.join(dir, 'templates', 'partials', 'title.hbs')}: --single-file: "../../secret.png" in <img src> lies outside the deck folder, so it cannot be inlined (and 1 more): ship the file with the theme or remove the reference`,
    );
    expect(existsSync(path.join(dir, 'dist', 'english'))).toBe(false);
  });
});
