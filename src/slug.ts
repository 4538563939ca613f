/**
 * Slugs: the name an essay's file gives its deck folder (`dist/<slug>/`) and
 * its imported Markdown (`content/<slug>.md`). A slug becomes a path on disk,
 * so it must be one plain, portable folder name: never empty, `.` or `..`,
 * hidden, path-like, or a name Windows reserves.
 */
import path from 'node:path';
import { ContentError, ExitCode, PaparanError } from './errors.js';

/** Windows device names: a file or folder with one of these names (any extension, any case) cannot be made there. */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/** Characters no folder name may hold on some system we support (Windows forbids the most). */
const FORBIDDEN = /[/\\:*?"<>|\x00-\x1f\x7f]/;

/** Leaves room in a 255-byte name for the `.paparan-tmp-…-old` staging folder beside the deck. */
const MAX_BYTES = 200;

/** The slug of an essay file: its name without the extension. */
export function slugFromPath(file: string): string {
  return path.basename(file).replace(/\.[^.]+$/, '');
}

/** Why `slug` cannot name a folder or file, or undefined when it is safe. */
export function slugProblem(slug: string): string | undefined {
  if (slug.trim() === '') return 'the file name has nothing before its extension';
  if (slug === '.' || slug === '..') return `"${slug}" would name the output folder itself or its parent`;
  if (slug.startsWith('.')) return 'a name starting with "." makes a hidden folder';
  const bad = FORBIDDEN.exec(slug);
  if (bad) return `it contains ${JSON.stringify(bad[0])}, which a folder name cannot hold`;
  if (RESERVED.test(slug)) return `"${slug.split('.')[0]}" is a device name that Windows reserves`;
  if (/[. ]$/.test(slug)) return 'a name ending in a dot or a space changes on Windows';
  if (slug !== slug.trim()) return 'a name starting with a space is easily mistaken';
  if (Buffer.byteLength(slug) > MAX_BYTES) return `it is longer than ${MAX_BYTES} bytes`;
  return undefined;
}

/** Returns `slug` when it is a safe folder and file name; otherwise throws one line naming `file` and saying to rename it. */
export function checkSlug(slug: string, file: string): string {
  const problem = slugProblem(slug);
  if (problem === undefined) return slug;
  const extension = path.extname(file) || '.md';
  throw new ContentError(`cannot name the output after this file (${problem}): rename the file, e.g. to my-essay${extension}`, { file });
}

/** Throws a command-line error when two different files would build the same `<outDir>/<slug>/` (compared as Windows and macOS do: ignoring case). */
export function checkDistinctSlugs(files: string[], slugOf: (file: string) => string, outDir: string): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const key = slugOf(file).normalize('NFC').toLowerCase();
    const other = seen.get(key);
    if (other !== undefined && path.resolve(other) !== path.resolve(file)) {
      const target = path.join(outDir, slugOf(file));
      throw new PaparanError(`${other} and ${file} would both build ${target}${path.sep}: rename one of them, or build them one at a time with different --out folders`, {
        exitCode: ExitCode.usage,
      });
    }
    seen.set(key, file);
  }
}
