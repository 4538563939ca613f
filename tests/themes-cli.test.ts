/**
 * `paparan themes` and theme warnings as a user sees them on the terminal.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCapturing } from './helpers/run-cli.js';

const root = path.resolve(import.meta.dirname, '..');
const project = path.join(root, 'tests/fixtures/themes/project');
let work: string;

beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'paparan-themes-cli-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(work, { recursive: true, force: true });
});

const run = runCapturing;

describe('paparan themes', () => {
  it('lists the built-in themes with their descriptions', async () => {
    const result = await run('themes');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(['default', 'gelap', 'merah-putih']);
    expect(lines[0]).toMatch(/^default {6}Clean, light academic look/);
    expect(lines[1]).toContain('Dark, high contrast');
    expect(lines[2]).toContain('Indonesian red and white');
  });

  it("lists a project's own themes with where they live, and the broken ones with their problem", async () => {
    // A broken theme makes the listing exit with 1, after listing everything.
    const failed = (await promisify(execFile)(process.execPath, [path.join(root, 'bin/paparan.js'), 'themes'], { cwd: project }).then(
      () => undefined,
      (error: unknown) => error,
    )) as { code: number; stdout: string } | undefined;
    expect(failed?.code).toBe(1);
    const stdout = failed!.stdout;
    expect(stdout).toMatch(/^warm +The dark theme with an orange accent\. Extends gelap\. \(themes\/warm\)$/m);
    expect(stdout).toMatch(/^loop-a +unusable: .*themes extend each other in a loop: loop-a → loop-b → loop-a/m);
    expect(stdout).toMatch(/^gelap +Dark, high contrast/m);
  });

  it('renders a gallery of every theme: title, section, content and references PNGs and an index.html', async () => {
    const out = path.join(work, 'gallery');
    const result = await run('themes', '--preview', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`✓ 3 themes → ${path.join(out, 'index.html')}`);
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    for (const theme of ['default', 'gelap', 'merah-putih']) {
      expect(index).toContain(`id="theme-${theme}"`);
      for (const kind of ['title', 'section', 'content', 'references']) {
        const file = path.join(out, `${theme}-${kind}.png`);
        const png = readFileSync(file);
        expect(png.subarray(1, 4).toString(), file).toBe('PNG');
        // 1280 × 720, read from the PNG header.
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 720]);
        expect(index).toContain(`src="${theme}-${kind}.png"`);
      }
    }
    expect(index).toContain('Dark, high contrast for bright projectors');
    // The pictures differ from theme to theme.
    expect(readFileSync(path.join(out, 'default-title.png')).equals(readFileSync(path.join(out, 'gelap-title.png')))).toBe(false);
  });

  it('previews a theme given by path, and fails with the list of themes for an unknown one', async () => {
    const out = path.join(work, 'gallery');
    const unknown = await run('themes', '--preview', '--out', out, 'ungu');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown theme "ungu": choose one of default, gelap, merah-putih');
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
    const kampus = await run('themes', '--preview', '--out', out, 'examples/themes/kampus');
    expect(kampus.code).toBe(0);
    expect(existsSync(path.join(out, 'kampus-title.png'))).toBe(true);
    expect(readFileSync(path.join(out, 'index.html'), 'utf8')).toContain('Extends <code>default</code>');
  });
});

describe('building with a user theme', () => {
  it('warns about colours below WCAG AA, naming the theme, the pair and the ratio, and still builds', async () => {
    const essay = path.join(work, 'essay.md');
    writeFileSync(essay, '---\ntitle: Pale\nlang: en\n---\n\nThis paragraph is fine. It has two sentences.\n');
    const result = await run('build', essay, '--out', path.join(work, 'dist'), '--no-pdf', '--theme', path.join(project, 'themes/low-contrast'));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      `${path.join(project, 'themes/low-contrast/theme.json')}: warning: theme "low-contrast": muted #999999 on background #ffffff has a contrast of 2.85:1, below the 4.5:1 WCAG AA asks for`,
    );
    expect(result.stdout).toMatch(/✓ essay: \d+ slides, 2 warnings/);
  });

  it('prints no theme warning for a built-in theme', async () => {
    const essay = path.join(work, 'essay.md');
    writeFileSync(essay, '---\ntitle: Dark\nlang: en\n---\n\nThis paragraph is fine. It has two sentences.\n');
    const result = await run('build', essay, '--out', path.join(work, 'dist'), '--no-pdf', '--theme', 'gelap');
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/0 warnings/);
  });
});
