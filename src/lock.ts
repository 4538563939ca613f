/**
 * One publisher at a time per deck folder: a lock file beside it
 * (`<out>/.<slug>.paparan-lock`, created exclusively, holding the owner's
 * pid), so that two builds of one essay never swap folders under each other.
 * A lock left by a process that died is taken over; a live one is waited for,
 * within a bound.
 */
import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PaparanError } from './errors.js';

interface LockOwner {
  pid: number;
  host: string;
  /** Tells this process's own locks apart (several builds of one process, or a dead process whose pid was reused). */
  token: string;
}

export interface LockOptions {
  /** How long to wait for another build to let go, in ms (default a minute: publishing takes a second or two). */
  waitMs?: number;
  /** Told once when the folder has been busy for a while and this build is still waiting. */
  onWait?: (message: string) => void;
}

const DEFAULT_WAIT_MS = 60_000;

/** A lock file still empty this long after it was made belongs to a process that died while writing it. */
const UNWRITTEN_STALE_MS = 5_000;

/** Lock files this process holds, with their tokens; removed if the process exits (Ctrl-C) while holding them. */
const held = new Map<string, string>();
let exitHookInstalled = false;

/** The lock file of deck folder `dir`. */
export function lockFileFor(dir: string): string {
  return path.join(path.dirname(dir), `.${path.basename(dir)}.paparan-lock`);
}

/** Takes the lock of deck folder `dir` (whose parent must exist), waiting for another build within the bound; resolves to its release. */
export async function lockFolder(dir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const file = lockFileFor(dir);
  const mine: LockOwner = { pid: process.pid, host: os.hostname(), token: randomBytes(8).toString('hex') };
  const waitMs = options.waitMs ?? DEFAULT_WAIT_MS;
  const deadline = Date.now() + waitMs;
  // Publishing takes a moment: only a wait that lasts is worth a line.
  const tellAt = Date.now() + Math.min(1_000, waitMs / 2);
  let told = false;
  for (;;) {
    if (await tryCreate(file, mine)) {
      held.set(file, mine.token);
      installExitHook();
      return () => release(file, mine.token);
    }
    const seen = await readLock(file);
    if (seen === undefined) continue; // let go meanwhile: try again at once
    if (await isStale(file, seen)) {
      await takeOver(file, seen.raw);
      continue;
    }
    const who = seen.owner ? `another paparan (pid ${seen.owner.pid}${seen.owner.host === os.hostname() ? '' : ` on ${seen.owner.host}`})` : 'another paparan';
    if (Date.now() >= deadline) {
      throw new PaparanError(`${who} is still writing ${dir}${path.sep}: wait for it to finish, or delete ${file} if no paparan is running`);
    }
    if (!told && Date.now() >= tellAt) {
      options.onWait?.(`waiting for ${who} to finish writing ${dir}${path.sep}`);
      told = true;
    }
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
  }
}

/** Creates the lock file exclusively; false when it exists. */
async function tryCreate(file: string, owner: LockOwner): Promise<boolean> {
  try {
    await writeFile(file, JSON.stringify(owner), { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

interface SeenLock {
  raw: string;
  /** Undefined while the owner is still writing it, or when it is damaged. */
  owner?: LockOwner;
  mtimeMs: number;
}

async function readLock(file: string): Promise<SeenLock | undefined> {
  try {
    const [raw, info] = await Promise.all([readFile(file, 'utf8'), stat(file)]);
    let owner: LockOwner | undefined;
    try {
      const data = JSON.parse(raw) as Partial<LockOwner>;
      if (typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.token === 'string') owner = data as LockOwner;
    } catch {
      owner = undefined;
    }
    return { raw, owner, mtimeMs: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A lock is stale when its process is gone; a lock of another machine cannot be judged and is waited for. */
async function isStale(file: string, seen: SeenLock): Promise<boolean> {
  const { owner } = seen;
  if (!owner) return Date.now() - seen.mtimeMs > UNWRITTEN_STALE_MS;
  if (owner.host !== os.hostname()) return false;
  if (owner.pid === process.pid) return held.get(file) !== owner.token;
  return processIsGone(owner.pid);
}

/** Whether no process of this machine has that id now. */
export function processIsGone(pid: number): boolean {
  try {
    process.kill(pid, 0); // signal 0: only asks whether the process exists
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'; // EPERM: it exists, under another user
  }
}

/**
 * Removes a stale lock. It is first renamed to a name of its own (only one of
 * several waiters can do that); if what was moved is not the stale lock seen,
 * another waiter has taken the lock meanwhile, and it is put back.
 */
async function takeOver(file: string, staleRaw: string): Promise<void> {
  const grave = `${file}-${randomBytes(6).toString('hex')}`;
  try {
    await rename(file, grave);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    if ((await readFile(grave, 'utf8')) !== staleRaw) await link(grave, file).catch(() => {});
  } finally {
    await rm(grave, { force: true });
  }
}

async function release(file: string, token: string): Promise<void> {
  if (held.get(file) !== token) return;
  // Forgotten only once removed: until then another build of this process must see it as live, not stale.
  try {
    const seen = await readLock(file).catch(() => undefined);
    if (seen?.owner?.token === token) await rm(file, { force: true });
  } finally {
    held.delete(file);
  }
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const file of held.keys()) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
  });
}
