/**
 * What a browser test file shares: one headless Chromium for all its tests (as a build has one) and one
 * temporary output folder, started before its tests and removed after, whatever happened.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { startBrowser, type BrowserSession } from '../../src/browser.js';

export interface BrowserSuite {
  /** The file's browser (after beforeAll). */
  readonly session: BrowserSession;
  /** The file's output folder, under the system's temporary folder (after beforeAll). */
  readonly out: string;
}

/** Registers the file's beforeAll and afterAll; `prefix` names its temporary folder (`paparan-layouts-`). */
export function useBrowserSuite(prefix: string): BrowserSuite {
  let session: BrowserSession | undefined;
  let out: string | undefined;
  beforeAll(async () => {
    session = await startBrowser();
    out = mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(async () => {
    await session?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the browser suite's ${what} is used before beforeAll ran`);
    return value;
  };
  return {
    get session() {
      return started(session, 'browser');
    },
    get out() {
      return started(out, 'output folder');
    },
  };
}
