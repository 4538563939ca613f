/**
 * Writing a deck folder safely: a build writes into a staging folder beside
 * the output and swaps it in only when everything succeeded, so a failed
 * build never deletes or half-writes the last good `dist/<slug>/`.
 */
import { existsSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Staging folders not yet published or discarded; removed if the process exits (Ctrl-C) meanwhile. */
const openStagings = new Set<string>();
let exitHookInstalled = false;

function removeOpenStagings(): void {
  for (const dir of openStagings) rmSync(dir, { recursive: true, force: true });
}

/** Creates an empty staging folder next to where `finalDir` will be. */
export async function createStaging(finalDir: string): Promise<string> {
  const parent = path.dirname(finalDir);
  await mkdir(parent, { recursive: true });
  if (!exitHookInstalled) {
    process.on('exit', removeOpenStagings);
    exitHookInstalled = true;
  }
  // Named and recorded before it exists, so that an interrupt at any moment still finds it.
  const staging = path.join(parent, `.paparan-tmp-${path.basename(finalDir)}-${randomBytes(6).toString('hex')}`);
  openStagings.add(staging);
  await mkdir(staging, { mode: 0o755 });
  return staging;
}

/** Replaces `finalDir` with `staging` (two renames on one file system; the old folder is removed last). */
export async function publishStaging(staging: string, finalDir: string): Promise<void> {
  if (!existsSync(finalDir)) {
    await rename(staging, finalDir);
    openStagings.delete(staging);
    return;
  }
  const old = `${staging}-old`;
  await rename(finalDir, old);
  try {
    await rename(staging, finalDir);
  } catch (error) {
    await rename(old, finalDir);
    throw error;
  }
  openStagings.delete(staging);
  await rm(old, { recursive: true, force: true });
}

/** Removes a staging folder after a failed build. */
export async function discardStaging(staging: string): Promise<void> {
  openStagings.delete(staging);
  await rm(staging, { recursive: true, force: true, maxRetries: 3 });
}
