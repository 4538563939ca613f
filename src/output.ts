/**
 * Writing a deck folder safely: a build writes into a staging folder beside
 * the output and swaps it in only when everything succeeded, so a failed
 * build never deletes or half-writes the last good `dist/<slug>/`. The swap
 * happens under the folder's lock, and only over a folder paparan made.
 */
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import { existsSync, renameSync, rmSync, type Stats } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { PdfKind } from './config.js';
import { ExitCode, PaparanError } from './errors.js';
import { lockFolder, processIsGone, type LockOptions } from './lock.js';
import { PPTX_FILE, readManifest, replaceRefusal, type ManifestPdf, type ManifestPptx } from './manifest.js';

/** Staging folders not yet published or discarded; removed if the process exits (Ctrl-C) meanwhile. */
const openStagings = new Set<string>();
/** Decks moved aside for a swap, by their place: put back if the process exits between the two renames. */
const movedAside = new Map<string, string>();
let exitHookInstalled = false;

function removeOpenStagings(): void {
  for (const [finalDir, old] of movedAside) {
    if (!existsSync(finalDir)) renameSync(old, finalDir);
  }
  for (const dir of openStagings) rmSync(dir, { recursive: true, force: true });
}

/** Creates `dir` and its missing parents one level at a time (Node's recursive mkdir spins forever where mkdir fails with ENOENT, as in /proc). */
export async function ensureFolder(dir: string): Promise<void> {
  const missing: string[] = [];
  let current = path.resolve(dir);
  for (;;) {
    try {
      await stat(current);
      break;
    } catch (error) {
      const parent = path.dirname(current);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === current) throw error;
      missing.unshift(current);
      current = parent;
    }
  }
  for (const folder of missing) {
    await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error; // made meanwhile by a build beside this one
    });
  }
}

/**
 * Throws a command-line error (one line starting with `label`) unless `dir`
 * is a folder paparan can write in, or can be made inside the nearest
 * existing folder above it.
 */
export async function checkOutDir(dir: string, label: string): Promise<void> {
  const fail = (message: string) => new PaparanError(`${label}: ${message}`, { exitCode: ExitCode.usage });
  const target = path.resolve(dir);
  let existing = target;
  for (;;) {
    try {
      if (!(await stat(existing)).isDirectory()) {
        throw fail(`${existing === target ? 'is a file' : `${shown(existing)} is a file`}, not a folder: choose a folder for the decks`);
      }
      break;
    } catch (error) {
      if (error instanceof PaparanError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      const parent = path.dirname(existing);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || parent === existing) throw fail(`cannot use the output folder (${code}): choose a folder you can write to`);
      existing = parent;
    }
  }
  // Writing is the only sure test (permissions, read-only disks, /proc): make and remove an empty folder.
  try {
    await rmdir(await mkdtemp(path.join(existing, '.paparan-probe-')));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EACCES' || code === 'EPERM' ? ' (permission denied)' : code === 'EROFS' ? ' (read-only file system)' : '';
    throw fail(`cannot create the output folder here${why}: choose a folder you can write to`);
  }
}

/** A path as the user likely typed it: relative to the working folder when inside it. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

/** Creates an empty staging folder next to where `finalDir` will be. */
export async function createStaging(finalDir: string): Promise<string> {
  const parent = path.dirname(finalDir);
  await ensureFolder(parent);
  if (!exitHookInstalled) {
    process.on('exit', removeOpenStagings);
    exitHookInstalled = true;
  }
  // Named and recorded before it exists, so that an interrupt at any moment still finds it. The name says which
  // process of which machine made it, so that a later build can remove it if that process was killed outright.
  const prefix = `.paparan-tmp-${path.basename(finalDir)}-`;
  const staging = path.join(parent, `${prefix}${process.pid}-${HOST_TAG}-${randomBytes(6).toString('hex')}`);
  openStagings.add(staging);
  await mkdir(staging, { mode: 0o755 });
  await removeAbandonedStagings(parent, prefix);
  return staging;
}

/** This machine, in staging folders' names: a pid means something only on the machine that made it. */
const HOST_TAG = createHash('sha256').update(os.hostname()).digest('hex').slice(0, 6);

/**
 * Removes the staging folders of this deck left by builds of this machine whose process is gone (killed with
 * SIGKILL, or the machine lost power): no exit hook ran for them. A live build's folder is never touched.
 */
async function removeAbandonedStagings(parent: string, prefix: string): Promise<void> {
  const names = await readdir(parent).catch(() => []);
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const match = /^(\d+)-([0-9a-f]{6})-[0-9a-f]{12}$/u.exec(name.slice(prefix.length));
    if (!match || match[2] !== HOST_TAG || Number(match[1]) === process.pid || !processIsGone(Number(match[1]))) continue;
    await rm(path.join(parent, name), { recursive: true, force: true }).catch(() => {});
  }
}

/** Throws, naming the folder and the essay, when `finalDir` is something a build must not replace (a folder paparan did not make). */
export async function checkReplaceable(finalDir: string, file: string): Promise<void> {
  const refusal = await replaceRefusal(finalDir);
  if (refusal) throw new PaparanError(`${finalDir}${path.sep} ${refusal}: move it away or choose another --out`, { file });
}

export interface PublishOptions extends LockOptions {
  /** The essay being built, for messages. */
  file: string;
  /** Last work on the staging folder, done under the lock while the previous deck is still in place (carrying its PDFs over). */
  beforeSwap?: () => Promise<void>;
}

let publishingStopped = false;

/** After Ctrl-C nothing more is published: a build cut short keeps the last good output (its PDF step failing under it is no reason to swap). */
export function stopPublishing(): void {
  publishingStopped = true;
}

/** Replaces `finalDir` with `staging` under the folder's lock, if `finalDir` is absent or a paparan deck (two renames; the old folder is removed last). */
export async function publishStaging(staging: string, finalDir: string, options: PublishOptions): Promise<void> {
  if (publishingStopped) throw new PaparanError('interrupted before the deck was published; the last good output is kept', { file: options.file });
  const release = await lockFolder(finalDir, options);
  try {
    await checkReplaceable(finalDir, options.file);
    await options.beforeSwap?.();
    if (publishingStopped) throw new PaparanError('interrupted before the deck was published; the last good output is kept', { file: options.file });
    await swap(staging, finalDir);
  } finally {
    await release();
  }
}

async function swap(staging: string, finalDir: string): Promise<void> {
  const old = `${staging}-old`;
  try {
    await rename(finalDir, old);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await rename(staging, finalDir);
    openStagings.delete(staging);
    return;
  }
  movedAside.set(finalDir, old);
  try {
    await rename(staging, finalDir);
  } catch (error) {
    await rename(old, finalDir);
    throw error;
  } finally {
    movedAside.delete(finalDir);
  }
  openStagings.delete(staging);
  await rm(old, { recursive: true, force: true, maxRetries: 3 });
}

/** Removes a staging folder after a failed build. */
export async function discardStaging(staging: string): Promise<void> {
  openStagings.delete(staging);
  await rm(staging, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Copies the previous deck's PDFs of `kinds` (those this build could not
 * print) into the staging folder, with the print page each was made from
 * when `pages` and the new build wrote none. Returns them for the manifest,
 * marked not current.
 */
export async function carryOverPdfs(previousDir: string, staging: string, kinds: PdfKind[], pages: boolean): Promise<ManifestPdf[]> {
  const previous = await readManifest(previousDir);
  const carried: ManifestPdf[] = [];
  for (const kind of kinds) {
    const file = `${kind}.pdf`;
    const info = await copyEarlierFile(previousDir, staging, file);
    if (!info) continue;
    const page = `${kind}.html`;
    if (pages && kind !== 'slides' && !(await exists(path.join(staging, page))) && (await exists(path.join(previousDir, page)))) {
      await copyFile(path.join(previousDir, page), path.join(staging, page));
    }
    const built = previous?.pdfs.find((pdf) => pdf.file === file)?.built ?? info.mtime.toISOString();
    carried.push({ file, kind, current: false, built });
  }
  return carried;
}

/** The previous deck's slides.pptx, copied into the staging folder and marked not current; undefined when it had none. */
export async function carryOverPptx(previousDir: string, staging: string): Promise<ManifestPptx | undefined> {
  const info = await copyEarlierFile(previousDir, staging, PPTX_FILE);
  if (!info) return undefined;
  const built = (await readManifest(previousDir))?.pptx?.built ?? info.mtime.toISOString();
  return { file: PPTX_FILE, current: false, built };
}

/** Copies `file` of the previous deck into the staging folder; its stats, or undefined when it had no such file. */
async function copyEarlierFile(previousDir: string, staging: string, file: string): Promise<Stats | undefined> {
  const info = await stat(path.join(previousDir, file)).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  await copyFile(path.join(previousDir, file), path.join(staging, file));
  return info;
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}
