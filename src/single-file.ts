/**
 * `--single-file`: folds a built deck into one self-contained index.html
 * (styles, scripts, fonts and images inlined as data URLs) that presents
 * offline from a USB stick or an email attachment.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PaparanError } from './errors.js';
import { contentTypeOf } from './mime.js';
import { hasScheme, isWithin } from './paths.js';


/** Rewrites `dir/index.html` with everything it loads inlined, removes the loose assets, and returns its size in bytes. */
export async function inlineDeck(dir: string): Promise<number> {
  const indexFile = path.join(dir, 'index.html');
  let html = await readFile(indexFile, 'utf8');
  html = await replaceAsync(html, /<link rel="stylesheet" href="([^"]+)">/g, async (_, href: string) => {
    const cssFile = path.join(dir, decodeURI(href));
    const css = await inlineCssUrls(await readFile(cssFile, 'utf8'), path.dirname(cssFile), dir);
    return `<style>\n${css.replace(/<\/style/gi, '<\\/style')}\n</style>`;
  });
  html = await replaceAsync(html, /<script src="([^"]+)"><\/script>/g, async (_, src: string) => {
    const js = await readFile(path.join(dir, decodeURI(src)), 'utf8');
    // A literal "</script" inside the code would end the element early.
    return `<script>\n${js.replace(/<\/script/gi, '<\\/script')}\n</script>`;
  });
  html = await replaceAsync(html, /(<img\b[^>]*?\ssrc=|\sdata-background(?:-image)?=)"((?:media|assets)\/[^"]+)"/g, async (_, before: string, src: string) => {
    return `${before}"${await dataUrl(path.join(dir, decodeURI(src)), dir)}"`;
  });
  await writeFile(indexFile, html);
  // The loose files go, and so do the print pages that linked them (the PDFs are already made).
  const loose = ['assets', 'media', 'handout.html', 'notes.html'];
  await Promise.all(loose.map((name) => rm(path.join(dir, name), { recursive: true, force: true })));
  return Buffer.byteLength(html);
}

/** Inlines every relative url(...) of a stylesheet (fonts, motifs, logos). */
async function inlineCssUrls(css: string, cssDir: string, deckDir: string): Promise<string> {
  return replaceAsync(css, /url\(\s*(['"]?)([^'")]+)\1\s*\)/g, async (match, _quote: string, url: string) => {
    if (/^(data:|#)/.test(url)) return match;
    if (hasScheme(url)) {
      throw new PaparanError(`stylesheet loads "${url}" from the network: themes must ship their files locally`, { file: cssDir });
    }
    return `url("${await dataUrl(path.resolve(cssDir, decodeURI(url.split(/[?#]/)[0]!)), deckDir)}")`;
  });
}

async function dataUrl(file: string, deckDir: string): Promise<string> {
  if (!isWithin(file, deckDir)) throw new PaparanError(`"${file}" lies outside the deck folder and cannot be inlined`);
  return `data:${contentTypeOf(file).replace(/; charset=.*/, '')};base64,${(await readFile(file)).toString('base64')}`;
}

async function replaceAsync(text: string, pattern: RegExp, replace: (...groups: string[]) => Promise<string>): Promise<string> {
  const matches = [...text.matchAll(pattern)];
  const replacements = await Promise.all(matches.map((m) => replace(...(m as unknown as string[]))));
  let result = '';
  let last = 0;
  matches.forEach((m, i) => {
    result += text.slice(last, m.index) + replacements[i];
    last = m.index! + m[0].length;
  });
  return result + text.slice(last);
}
