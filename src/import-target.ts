/**
 * Where `paparan import` writes its Markdown, and the write itself. The target
 * is a plain file in the output folder: never the source, never a symlink
 * (which could point anywhere), never replaced half-written.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { lstat, mkdir, open, realpath, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { ExitCode, PaparanError } from './errors.js';
import { slugFromPath, slugProblem } from './slug.js';

/** Sources that are already essays: importing would turn their front matter and headings into text. */
const MARKDOWN = /\.(md|markdown)$/i;

/** The Markdown file to write for `source` in `outDir`; throws before anything is read for a source import must not take. */
export function importTarget(source: string, outDir: string): string {
  if (MARKDOWN.test(source)) {
    throw usage(`is already a Markdown essay: build it directly with "paparan build ${source}"`, source);
  }
  // The build's rule for a deck folder's name (src/slug.ts) holds for the essay it writes too.
  const slug = slugFromPath(source);
  const problem = slugProblem(slug);
  if (problem) throw usage(`the file name gives no usable essay name (${problem}): rename the file to a plain name such as my-essay.txt`, source);
  return path.join(outDir, `${slug}.md`);
}

/**
 * Checks, before anything is written, that each target can be written: a new file, or with
 * `force` a regular file that is not the source; a folder it goes into may not be a link.
 * So an import that must stop (one file already there) leaves nothing half-written.
 */
export async function checkImportTargets(targets: string[], options: { source: string; force?: boolean }): Promise<void> {
  for (const target of targets) {
    const folder = await lstat(path.dirname(target)).catch(() => undefined);
    if (folder?.isSymbolicLink()) throw usage(`${path.dirname(target)} is a symbolic link: paparan does not write through links; remove it or choose another --out folder`, options.source);
    if (folder && !folder.isDirectory()) throw usage(`${path.dirname(target)} exists and is not a folder: remove it or choose another --out folder`, options.source);
    const existing = await lstat(target).catch(() => undefined);
    if (!existing) continue;
    checkReplaceable(existing, target, options.source);
    if (await sameFile(options.source, target)) throw usage(`${target} is the source file itself: choose another --out folder`, options.source);
    if (!options.force) throw usage(`${target} already exists: pass --force to overwrite it`, options.source);
  }
}

/** Writes `text` (or a picture's bytes) to `target` as a new file, or with `force` replaces a regular file there; never through a symlink, never over `source`. */
export async function writeImported(target: string, text: string | Uint8Array, options: { source: string; force?: boolean }): Promise<void> {
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeChecked(target, text, options.source, options.force ?? false);
  } catch (error) {
    if (error instanceof PaparanError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new PaparanError(`cannot write ${target} (${code}): check the folder's permissions or choose another --out folder`, { file: options.source, cause: error });
  }
}

async function writeChecked(target: string, text: string | Uint8Array, source: string, force: boolean): Promise<void> {
  const existing = await lstat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing) {
    checkReplaceable(existing, target, source);
    if (await sameFile(source, target)) throw usage(`${target} is the source file itself: choose another --out folder`, source);
    if (!force) throw usage(`${target} already exists: pass --force to overwrite it`, source);
    await replaceFile(target, text);
    return;
  }
  // 'wx' fails when anything appeared at the target meanwhile, a dangling symlink included.
  await writeNew(target, text).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EEXIST') throw usage(`${target} appeared while importing: run the import again`, source);
    throw error;
  });
}

function checkReplaceable(existing: Stats, target: string, source: string): void {
  if (existing.isSymbolicLink()) {
    throw usage(`${target} is a symbolic link: paparan does not write through links; remove it or choose another --out folder`, source);
  }
  if (!existing.isFile()) throw usage(`${target} exists and is not a regular file: remove it or choose another --out folder`, source);
}

/** True when both names lead to the same file once every symlink is followed. */
async function sameFile(a: string, b: string): Promise<boolean> {
  const [realA, realB] = await Promise.all([realpath(a).catch(() => path.resolve(a)), realpath(b).catch(() => path.resolve(b))]);
  return realA === realB;
}

async function writeNew(file: string, text: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(text);
  } finally {
    await handle.close();
  }
}

/** Writes a temporary file next to the target and renames it over: rename replaces the name, never what a link points to. */
async function replaceFile(target: string, text: string | Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeNew(temp, text);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

function usage(message: string, file: string): PaparanError {
  return new PaparanError(message, { file, exitCode: ExitCode.usage });
}
