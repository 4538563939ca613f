/**
 * Writing a deck folder safely: a build writes into a staging folder beside
 * the output and swaps it in only when everything succeeded, so a failed
 * build never deletes or half-writes the last good `dist/<slug>/`.
 */
import { existsSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
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
  const staging = await mkdtemp(path.join(parent, `.paparan-tmp-${path.basename(finalDir)}-`));
  // mkdtemp makes a private folder; a deck is meant to be shared and served.
  await chmod(staging, 0o755);
  openStagings.add(staging);
  if (!exitHookInstalled) {
    process.on('exit', removeOpenStagings);
    exitHookInstalled = true;
  }
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
