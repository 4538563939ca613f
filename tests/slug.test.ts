import { describe, expect, it } from 'vitest';
import { ExitCode, PaparanError } from '../src/errors.js';
import { slugFromPath } from '../src/parse.js';
import { checkDistinctSlugs, checkSlug, slugProblem } from '../src/slug.js';
import { thrown } from './helpers/thrown.js';

describe('slugProblem', () => {
  it('accepts ordinary essay names, Indonesian and accented ones included', () => {
    for (const slug of ['kerja-sama-selatan-selatan', 'essay_2', 'Bab 1', 'café', 'v1.2', 'console', 'com10', 'auxiliary']) {
      expect(slugProblem(slug), slug).toBeUndefined();
    }
  });

  it('rejects names that are empty, the folder itself or its parent, hidden, or path-like', () => {
    for (const slug of ['', ' ', '.', '..', '.hidden', 'a/b', 'a\\b', 'what?', 'a:b', 'tab\there']) {
      expect(slugProblem(slug), JSON.stringify(slug)).toBeDefined();
    }
  });

  it('rejects the device names Windows reserves, in any case and with any extension', () => {
    for (const slug of ['con', 'NUL', 'Aux', 'prn', 'com1', 'LPT9', 'nul.backup', 'con.tar']) {
      expect(slugProblem(slug), slug).toMatch(/Windows reserves/);
    }
  });

  it('rejects names Windows would change (a trailing dot or space) and overlong names', () => {
    expect(slugProblem('draft.')).toBeDefined();
    expect(slugProblem('draft ')).toBeDefined();
    expect(slugProblem('a'.repeat(201))).toMatch(/longer than/);
  });
});

describe('checkSlug', () => {
  it('names the file and says to rename it, for the slugs `..md` and `.md` give', () => {
    for (const file of ['content/..md', 'content/.md', 'content/con.md']) {
      const error = thrown(() => checkSlug(slugFromPath(file), file)) as PaparanError;
      expect(error).toBeInstanceOf(PaparanError);
      expect(error.file).toBe(file);
      expect(error.message).toMatch(/^cannot name the output after this file \(.+\): rename the file, e\.g\. to my-essay\.md$/);
    }
  });

  it('returns a safe slug unchanged', () => {
    expect(checkSlug('essay', 'content/essay.md')).toBe('essay');
  });
});

describe('checkDistinctSlugs', () => {
  it('stops with a command-line error naming both files when two would build one folder', () => {
    const error = thrown(() => checkDistinctSlugs(['a/essay.md', 'b/essay.md'], slugFromPath, 'dist')) as PaparanError;
    expect(error.exitCode).toBe(ExitCode.usage);
    expect(error.message).toMatch(/^a\/essay\.md and b\/essay\.md would both build dist\/essay\/: rename one of them/);
  });

  it('treats names that differ only in case or Unicode form as one folder, as Windows and macOS do', () => {
    expect(() => checkDistinctSlugs(['a/Essay.md', 'b/essay.txt'], slugFromPath, 'dist')).toThrow(/would both build/);
    expect(() => checkDistinctSlugs(['a/caf\u00e9.md', 'b/cafe\u0301.md'], slugFromPath, 'dist')).toThrow(/would both build/);
  });

  it('allows one file named twice, and different names', () => {
    expect(() => checkDistinctSlugs(['a/essay.md', './a/essay.md', 'a/other.md'], slugFromPath, 'dist')).not.toThrow();
  });
});
