/**
 * The essay's images as a build meets them: a link that leads out of the
 * essay's folder and a file that is not an image are refused with a line
 * naming the essay, before anything is copied or inlined.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildEssay } from '../src/build.js';

const png = readFileSync(path.resolve(import.meta.dirname, 'fixtures/essays/chart.png'));
const secret = 'root:x:0:0:SECRET-LINE:/root:/bin/bash\n';

let work: string;
let essayDir: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'paparan-images-'));
  essayDir = path.join(work, 'essay');
  mkdirSync(essayDir);
  // A private file outside the essay's folder, standing in for /etc/shadow.
  writeFileSync(path.join(work, 'shadow'), secret);
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const essayWith = (block: string) => `---\ntitle: Pictures\nlang: en\n---\n\n## Part\n\nA first paragraph that is fine.\n\n${block}\n`;

/** Builds essay.md (with the given block) into work/dist, single-file or not. */
async function build(block: string, singleFile = false) {
  writeFileSync(path.join(essayDir, 'essay.md'), essayWith(block));
  return buildEssay(path.join(essayDir, 'essay.md'), { outDir: path.join(work, 'dist'), projectDir: work, singleFile });
}

/** Every file under a folder, as text, so a test can say the secret is nowhere in it. */
function allText(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(path.join(entry.parentPath, entry.name), 'latin1'))
    .join('\n');
}

describe('essay images', () => {
  it.each([false, true])('refuses an image that is a link to a file outside the essay folder (single file: %s)', async (singleFile) => {
    symlinkSync(path.join(work, 'shadow'), path.join(essayDir, 'photo.png'));
    const result = await build('![A photo](photo.png)', singleFile);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.toString()).toBe(
      `${path.join(essayDir, 'essay.md')}:10: image "photo.png" is a link to ${path.join(work, 'shadow')}, outside the essay's folder: copy the file next to the essay instead of linking it`,
    );
    expect(allText(path.join(work, 'dist'))).not.toContain('SECRET-LINE');
  });

  it('refuses a slide background that is a link to a file outside the essay folder', async () => {
    symlinkSync('../shadow', path.join(essayDir, 'sky.jpg'));
    const result = await build('<!-- paparan: background=sky.jpg -->\nA paragraph on a picture.');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.file).toBe(path.join(essayDir, 'essay.md'));
    expect(result.error.line).toBeGreaterThan(0);
    expect(result.error.message).toMatch(/^background image "sky\.jpg" is a link to .*shadow, outside the essay's folder/);
    expect(allText(path.join(work, 'dist'))).not.toContain('SECRET-LINE');
  });

  it('refuses a file that is not an image, whatever its name says', async () => {
    writeFileSync(path.join(essayDir, 'chart.png'), secret);
    const result = await build('![A chart](chart.png)');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.toString()).toBe(
      `${path.join(essayDir, 'essay.md')}:10: image "chart.png" is not an image file (not PNG, JPEG, GIF, WebP, AVIF, SVG, BMP or ICO): export it as PNG or JPEG, or fix the path`,
    );
    expect(allText(path.join(work, 'dist'))).not.toContain('SECRET-LINE');
  });

  it('keeps the last good deck when an image turns bad', async () => {
    writeFileSync(path.join(essayDir, 'chart.png'), png);
    const good = await build('![A chart](chart.png)');
    expect(good.ok).toBe(true);
    const before = readFileSync(path.join(work, 'dist/essay/index.html'), 'utf8');
    rmSync(path.join(essayDir, 'chart.png'));
    symlinkSync(path.join(work, 'shadow'), path.join(essayDir, 'chart.png'));
    expect((await build('![A chart](chart.png)')).ok).toBe(false);
    expect(readFileSync(path.join(work, 'dist/essay/index.html'), 'utf8')).toBe(before);
    expect(allText(path.join(work, 'dist'))).not.toContain('SECRET-LINE');
  });

  it('takes any CSS colour as a slide background, and marks it dark or light', async () => {
    const result = await build('<!-- paparan: background="oklch(0.3 0.1 250)" -->\nA paragraph on a dark blue slide.\n\n<!-- paparan: background=rebeccapurple -->\nAnd one on purple.');
    if (!result.ok) throw result.error;
    const html = readFileSync(path.join(result.outDir, 'index.html'), 'utf8');
    expect(html).toMatch(/class="[^"]*has-dark-background"[^>]*data-background="oklch\(0.3 0.1 250\)"/);
    expect(html).toMatch(/class="[^"]*has-dark-background"[^>]*data-background="rebeccapurple"/);
  });

  it('builds a slide whose background is a picture, copied into media/', async () => {
    writeFileSync(path.join(essayDir, 'sky.png'), png);
    const result = await build('<!-- paparan: background=sky.png -->\nA paragraph on a picture.');
    if (!result.ok) throw result.error;
    const html = readFileSync(path.join(work, 'dist', 'essay', 'index.html'), 'utf8');
    const [, background] = /data-background="(media\/[^"]+)"/.exec(html) ?? [];
    expect(background).toBeDefined();
    expect(existsSync(path.join(work, 'dist', 'essay', background!))).toBe(true);
  });

  it('copies an image reached through a link that stays inside the essay folder', async () => {
    mkdirSync(path.join(essayDir, 'figures'));
    writeFileSync(path.join(essayDir, 'figures/chart.png'), png);
    symlinkSync('figures/chart.png', path.join(essayDir, 'latest.png'));
    const result = await build('![The latest chart](latest.png)');
    if (!result.ok) throw result.error;
    const html = readFileSync(path.join(result.outDir, 'index.html'), 'utf8');
    const src = /<img[^>]*src="(media\/[^"]+)"/.exec(html)?.[1];
    expect(src).toBeDefined();
    expect(readFileSync(path.join(result.outDir, src!))).toEqual(png);
  });
});
