/**
 * Connecting to the Chromium that browser.ts spawned, over its pipe: puppeteer-core's CDP connector
 * and pipe transport, imported from the package's `internal/` exports rather than its main entry.
 * The main entry also loads Puppeteer's launcher and browser downloader (@puppeteer/browsers, proxy
 * agents, a PAC resolver: 1.8 MB of code) that a build never uses, since it starts Chromium itself;
 * reading them took some 45 ms of every build with PDFs (issue 13). tests/browser.test.ts starts a
 * real browser through this, so a puppeteer-core upgrade that moves these modules fails there.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { Browser } from 'puppeteer-core';
import { _connectToCdpBrowser } from 'puppeteer-core/internal/cdp/BrowserConnector.js';
import { environment } from 'puppeteer-core/internal/environment.js';
import { PipeTransport } from 'puppeteer-core/internal/node/PipeTransport.js';

/** Connects puppeteer-core to a browser started with --remote-debugging-pipe (its fds 3 and 4). */
export async function connectOverPipe(toBrowser: Writable, fromBrowser: Readable): Promise<Browser> {
  // What puppeteer-core's Node entry sets up as it loads: file access for the few calls that write files.
  // (Page.screencast, which needs a ScreenRecorder, is never used.)
  if (!isNodeEnvironment()) {
    environment.value = {
      fs,
      path,
      get ScreenRecorder(): never {
        throw new Error('page.screencast is not used by paparan');
      },
    } as typeof environment.value;
  }
  const transport = new PipeTransport(toBrowser as NodeJS.WritableStream, fromBrowser as NodeJS.ReadableStream);
  const browser = await _connectToCdpBrowser(transport, '', { defaultViewport: { width: 800, height: 600 } });
  // The internal declarations are a copy of the public ones that TypeScript cannot match (private members).
  return browser as unknown as Browser;
}

/** Whether puppeteer-core's Node entry (loaded by a test, say) already set the environment up. */
function isNodeEnvironment(): boolean {
  try {
    return environment.value.fs === fs;
  } catch {
    return false; // the browser-only default throws on access
  }
}
