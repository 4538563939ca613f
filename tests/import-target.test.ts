/**
 * Where `paparan import` writes: never over its own source, never through a
 * symlink, never to a name that is not a plain file name.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCapturing } from './helpers/run-cli.js';

let work: string;
let content: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'paparan-import-'));
  content = path.join(work, 'content');
  mkdirSync(content);
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const text = 'Judul Esai\nIni paragraf pertama yang cukup panjang untuk sebuah esai pendek.\n';
const importInto = (source: string, ...flags: string[]) => runCapturing('import', source, '--out', content, ...flags);
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l.includes('error:'));

describe('paparan import refuses what would harm files', () => {
  it('refuses a Markdown essay, which is already an essay, and leaves it as it was', async () => {
    const essay = path.join(content, 'essay.md');
    const markdown = '---\ntitle: Test\n---\n\n# Heading\n\nSome text here.\n';
    writeFileSync(essay, markdown);
    const result = await importInto(essay, '--force');
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([`${essay}: error: is already a Markdown essay: build it directly with "paparan build ${essay}"`]);
    expect(readFileSync(essay, 'utf8')).toBe(markdown);
  });

  it('never writes over its own source, even when the source is a link to the target', async () => {
    const target = path.join(content, 'notes.md');
    writeFileSync(target, text);
    const source = path.join(work, 'notes.txt');
    symlinkSync(target, source);
    const result = await importInto(source, '--force');
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([`${source}: error: ${target} is the source file itself: choose another --out folder`]);
    expect(readFileSync(target, 'utf8')).toBe(text);
  });

  it('does not write through a dangling symlink at the target to a file outside content/', async () => {
    const source = path.join(work, 'notes.txt');
    writeFileSync(source, text);
    const outside = path.join(work, 'outside.md');
    const target = path.join(content, 'notes.md');
    symlinkSync(outside, target);
    const result = await importInto(source);
    expect(result.code).toBe(2);
    expect(errorLines(result.stderr)).toEqual([`${source}: error: ${target} is a symbolic link: paparan does not write through links; remove it or choose another --out folder`]);
    expect(existsSync(outside)).toBe(false);
    expect(lstatSync(target).isSymbolicLink()).toBe(true);
  });

  it('does not overwrite a file through a symlink even with --force', async () => {
    const source = path.join(work, 'notes.txt');
    writeFileSync(source, text);
    const outside = path.join(work, 'outside.md');
    writeFileSync(outside, 'keep me');
    symlinkSync(outside, path.join(content, 'notes.md'));
    const result = await importInto(source, '--force');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/is a symbolic link/);
    expect(readFileSync(outside, 'utf8')).toBe('keep me');
  });

  for (const name of ['..txt', '.txt', '.hidden.txt']) {
    it(`refuses the file name ${name}, which gives no usable essay name, and writes nothing`, async () => {
      const source = path.join(work, name);
      writeFileSync(source, text);
      const result = await importInto(source);
      expect(result.code).toBe(2);
      expect(errorLines(result.stderr)).toEqual([
        expect.stringMatching(new RegExp(`^${source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: error: the file name gives no usable essay name \\(.+\\): rename the file to a plain name such as my-essay\\.txt$`)),
      ]);
      expect(readdirSync(content)).toEqual([]);
    });
  }

  it('replaces an existing essay with --force, leaving no temporary file', async () => {
    const source = path.join(work, 'notes.txt');
    writeFileSync(source, text);
    const target = path.join(content, 'notes.md');
    writeFileSync(target, 'old');
    const result = await importInto(source, '--force');
    expect(result.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^---\ntitle: Judul Esai\n/);
    expect(readdirSync(content)).toEqual(['notes.md']);
  });
});
