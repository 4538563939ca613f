/**
 * Image addresses as authors write them: a `%` that is not an escape, and
 * addresses that must never reach the deck (`javascript:`).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCapturing } from './helpers/run-cli.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'paparan-image-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==', 'base64');

async function build(body: string) {
  const file = path.join(work, 'essay.md');
  writeFileSync(file, `---\ntitle: Images\nlang: en\n---\n\nSome text before.\n\n${body}\n\nSome text after.\n`);
  const result = await runCapturing('build', file, '--out', path.join(work, 'dist'), '--no-pdf');
  const index = path.join(work, 'dist', 'essay', 'index.html');
  return { ...result, file, html: existsSync(index) ? readFileSync(index, 'utf8') : '' };
}

describe('image addresses', () => {
  it('takes a % that is not an escape literally: 100%.png is the file 100%.png', async () => {
    writeFileSync(path.join(work, '100%.png'), png);
    const result = await build('![Full](100%.png)');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(readdirSync(path.join(work, 'dist', 'essay', 'media'))).toEqual(['1-100_.png']);
  });

  it('names the file and line when 100%.png is missing, instead of "URI malformed"', async () => {
    const result = await build('![Full](100%.png)');
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${result.file}:8: error: image "100%.png" not found: put the file at ${path.join(work, '100%.png')} or fix the path`);
  });

  it('leaves out a javascript: image on its own line with a warning that says why, and no empty point', async () => {
    const result = await build('![x](javascript:alert(1))');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`${result.file}:8: warning: image "x" has an unsafe address (javascript:): it was left out`);
    expect(result.html).not.toMatch(/javascript|<li>\s*<\/li>|image-missing/);
  });

  it('leaves out a javascript: image that is a list item, without an empty bullet', async () => {
    const result = await build('- one\n- ![x](javascript:alert(1))\n- three');
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(`${result.file}:8: warning: image "x" has an unsafe address (javascript:): it was left out`);
    expect(result.html).toMatch(/<li>one<\/li>\s*<li>three<\/li>/);
  });
});
