/**
 * Reading an essay file from disk: only regular files, never more than the size
 * limit, one clear line for everything else.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_ESSAY_BYTES, readEssayBytes } from '../src/read-essay.js';
import { runCapturing } from './helpers/run-cli.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'paparan-read-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const build = (file: string) => runCapturing('build', file, '--out', path.join(work, 'dist'), '--no-pdf');
const errorLines = (stderr: string) => stderr.split('\n').filter((l) => l.includes('error:'));

describe('reading an essay', () => {
  it('refuses a FIFO without opening it (opening one would wait forever for a writer)', async () => {
    const fifo = path.join(work, 'f.md');
    execFileSync('mkfifo', [fifo]);
    const result = await build(fifo);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([`${fifo}: error: is not a regular file (it is a FIFO): name a .md or .txt file`]);
  });

  it('refuses a .md symlink to a device such as /dev/zero instead of reading it without end', async () => {
    const link = path.join(work, 'zero.md');
    symlinkSync('/dev/zero', link);
    const result = await build(link);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([`${link}: error: is not a regular file (it is a device): name a .md or .txt file`]);
  });

  it('reads a symlink to a regular essay file', async () => {
    const real = path.join(work, 'real.md');
    writeFileSync(real, '---\ntitle: Linked\nlang: en\n---\n\nA paragraph of text.\n');
    const link = path.join(work, 'link.md');
    symlinkSync(real, link);
    expect((await build(link)).code).toBe(0);
  });

  it('refuses a file over the size limit, naming its size and the limit', async () => {
    const big = path.join(work, 'big.md');
    writeFileSync(big, '');
    // A sparse file: the size is on record without writing 25 MB.
    truncateSync(big, 25 * 1024 * 1024);
    const result = await build(big);
    expect(result.code).toBe(1);
    expect(errorLines(result.stderr)).toEqual([`${big}: error: is 25.0 MB, over the 20 MB limit for an essay: check that this is the essay, or split it into several`]);
  });

  it('stops reading at the limit when a file is larger than its size on record', async () => {
    // Files in /proc report a size of 0 but have content, like a file that grows while it is read.
    await expect(readEssayBytes('/proc/self/status', 64)).rejects.toThrow(/is over the .* limit for an essay/);
    expect((await readEssayBytes('/proc/self/status', MAX_ESSAY_BYTES)).length).toBeGreaterThan(64);
  });
});
