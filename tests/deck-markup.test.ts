/**
 * What the handout and notes pages take from a built deck's index.html, read
 * with parse5: no browser, the page as written.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDeckPage } from '../src/deck-markup.js';
import { BrowserError, ExitCode } from '../src/errors.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'paparan-markup-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function deckDir(name: string, html: string): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'index.html'), html);
  return dir;
}

const page = `<!doctype html>
<html lang="id" data-theme="gelap" class="x">
<head>
  <meta charset="utf-8"><title>T</title>
  <LINK href="assets/reveal/reveal.css" REL="Stylesheet">
  <link rel="preload" href="assets/fonts/a.woff2">
  <style>.a { color: red }</style>
</head>
<body>
  <div class="reveal"><div class="slides">
    <section id="s1"><h1>Judul</h1><p>Satu<br>dua</p><aside class="notes"><p>Catatan pembicara</p></aside></section>
    <section id="s2"><ul><li>Poin</li><li>lain</li></ul><img src="media/a.png" alt="Grafik"><script>var x = 1;</script></section>
  </div></div>
</body>
</html>`;

describe('reading the built deck', () => {
  it('takes the <html> attributes, the stylesheets and each slide as written', async () => {
    const read = await readDeckPage(deckDir('ok', page), { file: 'essay.md', slides: 2 });
    expect(read.htmlAttributes).toEqual([['lang', 'id'], ['data-theme', 'gelap'], ['class', 'x']]);
    expect(read.styles).toEqual(['<link href="assets/reveal/reveal.css" rel="Stylesheet">', '<style>.a { color: red }</style>']);
    expect(read.sections).toHaveLength(2);
    expect(read.sections[0]).toMatch(/^<section id="s1"><h1>Judul<\/h1>.*Catatan pembicara.*<\/section>$/);
  });

  it('describes each slide by the words it shows: no speaker notes, no script, pictures by their alt text', async () => {
    const read = await readDeckPage(deckDir('text', page), { file: 'essay.md', slides: 2 });
    expect(read.texts).toEqual(['Judul Satu dua', 'Poin lain Grafik']);
  });

  it('tells when a stylesheet of the deck styles slides on paper otherwise (a theme\'s print colours), paparan\'s print.css aside', async () => {
    const styled = (css: string) => {
      const dir = deckDir(`css-${css.length}`, page.replace('<style>', '<link rel="stylesheet" href="assets/print.css"><link rel="stylesheet" href="assets/themes/t/theme.css"><style>'));
      mkdirSync(path.join(dir, 'assets', 'themes', 't'), { recursive: true });
      writeFileSync(path.join(dir, 'assets', 'print.css'), '.paparan-print .frame { outline: 1px solid; }');
      writeFileSync(path.join(dir, 'assets', 'themes', 't', 'theme.css'), css);
      return readDeckPage(dir, { file: 'essay.md', slides: 2 });
    };
    expect((await styled(':root { --color-text: #111; }')).paperStyles).toBe(false);
    expect((await styled('html.paparan-print { --color-background: #fff; }')).paperStyles).toBe(true);
  });

  it('stops with the essay named when a custom layout hides the slides from reveal.js', async () => {
    const nested = page.replace('<div class="slides">', '<div class="slides"><div class="wrap">').replace('</div></div>\n</body>', '</div></div></div>\n</body>');
    const error = await readDeckPage(deckDir('nested', nested), { file: 'content/essay.md', slides: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserError);
    expect((error as BrowserError).file).toBe('content/essay.md');
    expect((error as BrowserError).exitCode).toBe(ExitCode.exportFailed);
    expect((error as BrowserError).message).toBe(
      'index.html has 0 slides where 2 were planned: a custom layout.hbs must keep each slide a <section> directly inside <div class="slides">',
    );
  });
});
