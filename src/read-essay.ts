/**
 * The bytes of an essay file, read safely: only a regular file (a FIFO would
 * block the read forever, a device such as /dev/zero never ends), and never
 * more than the size limit, so a wrong file cannot exhaust memory.
 */
import { constants, type Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { ContentError } from './errors.js';

/** The largest essay file read, in bytes (20 MB: a book-length essay is under 2 MB). Documented in docs/content-format.md. */
export const MAX_ESSAY_BYTES = 20 * 1024 * 1024;

const MB = 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
/** Opening a FIFO without O_NONBLOCK waits for a writer; Windows has no such flag and no FIFOs. */
const O_NONBLOCK = constants.O_NONBLOCK ?? 0;

/** Reads an essay's bytes; throws ContentError naming the file for anything but a readable regular file within `limit` bytes. */
export async function readEssayBytes(file: string, limit = MAX_ESSAY_BYTES): Promise<Uint8Array> {
  // stat follows symlinks: a link to a regular file is fine, a link to a device is not.
  const info = await stat(file).catch((error: unknown) => {
    throw readError(file, error);
  });
  checkKind(info, file);
  if (info.size > limit) throw tooLarge(file, limit, info.size);

  const handle = await open(file, constants.O_RDONLY | O_NONBLOCK).catch((error: unknown) => {
    throw readError(file, error);
  });
  try {
    // The file may have been swapped between stat and open: check what was opened.
    checkKind(await handle.stat(), file);
    return await readCapped(handle, file, limit);
  } catch (error) {
    throw error instanceof ContentError ? error : readError(file, error);
  } finally {
    await handle.close();
  }
}

/** Reads at most limit + 1 bytes, so a file that grows or reports a wrong size is still caught. */
async function readCapped(handle: Awaited<ReturnType<typeof open>>, file: string, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.alloc(Math.min(CHUNK_BYTES, limit + 1 - total));
    const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
    if (bytesRead === 0) break;
    chunks.push(chunk.subarray(0, bytesRead));
    total += bytesRead;
    if (total > limit) throw tooLarge(file, limit);
  }
  return Buffer.concat(chunks, total);
}

function checkKind(info: Stats, file: string): void {
  if (info.isFile()) return;
  if (info.isDirectory()) throw new ContentError('is a folder, not an essay file: name a .md or .txt file', { file });
  throw new ContentError(`is not a regular file (it is ${kindOf(info)}): name a .md or .txt file`, { file });
}

function kindOf(info: Stats): string {
  if (info.isFIFO()) return 'a FIFO';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'a special file';
}

function tooLarge(file: string, limit: number, size?: number): ContentError {
  const limitText = `${Number((limit / MB).toFixed(1))} MB`;
  const what = size === undefined ? `is over the ${limitText} limit for an essay` : `is ${(size / MB).toFixed(1)} MB, over the ${limitText} limit for an essay`;
  return new ContentError(`${what}: check that this is the essay, or split it into several`, { file });
}

function readError(file: string, error: unknown): ContentError {
  return new ContentError(readFailure(error as NodeJS.ErrnoException), { file, cause: error });
}

function readFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT':
      return 'file not found: check the path (essays live in content/)';
    case 'EISDIR':
      return 'is a folder, not an essay file: name a .md or .txt file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the file (permission denied): check its permissions';
    default:
      return `cannot read the file (${error.code ?? error.message})`;
  }
}
