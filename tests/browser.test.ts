/**
 * The browser promises: it starts, pages always close, nothing leaks (no process, no
 * profile, not even after Ctrl-C), and a page can be kept offline. Uses the real Chromium.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  blockInBrowser,
  blockRequestsOutside,
  browserCandidates,
  chromiumArgs,
  escapeUrlPattern,
  findBrowser,
  isHeadlessShell,
  missingBrowserMessage,
  openAhead,
  startBrowser,
  withPage,
  type BrowserSession,
} from '../src/browser.js';
import type { Page } from 'puppeteer-core';
import { BrowserError, ExitCode } from '../src/errors.js';

const repoRoot = path.resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'paparan-browser-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A 1×1 PNG, so an allowed image really loads. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * Live (non-zombie) processes of one browser: its process group (Chrome's whole tree
 * shares one) plus anything whose command line names its profile.
 */
function livingBrowserProcesses(pgid: number, profile: string): number[] {
  if (process.platform !== 'linux') {
    try {
      process.kill(-pgid, 0);
      return [pgid];
    } catch {
      return [];
    }
  }
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (state === 'Z') return false; // dead, only waiting to be reaped
        return Number(group) === pgid || readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile);
      } catch {
        return false; // exited while we looked
      }
    })
    .map(Number);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie still answers kill(0) until reaped; it runs nothing.
  return process.platform !== 'linux' || !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}

function profileDirOf(session: BrowserSession): string {
  const flag = session.process.spawnargs.find((arg) => arg.startsWith('--user-data-dir='));
  if (!flag) throw new Error('the browser was started without --user-data-dir');
  return flag.slice('--user-data-dir='.length);
}

describe('a real browser session', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    // These tests need a browser; fail loudly with the user's instructions rather than skip.
    if (!findBrowser()) throw new Error(missingBrowserMessage());
    session = await startBrowser();
  });
  afterAll(() => session?.close());

  it('uses a fresh profile in the temp folder', () => {
    const profile = profileDirOf(session);
    expect(path.dirname(profile)).toBe(path.resolve(os.tmpdir()));
    expect(path.basename(profile)).toMatch(/^paparan-chrome-/);
    expect(existsSync(profile)).toBe(true);
  });

  it('opens a local HTML file in a page', async () => {
    const file = path.join(tmp, 'hello.html');
    writeFileSync(file, '<!doctype html><title>Hello paparan</title><p>hi</p>');
    const title = await withPage(session, async (page) => {
      await page.goto(pathToFileURL(file).href);
      return page.title();
    });
    expect(title).toBe('Hello paparan');
  });

  it('closes the page even when the work throws', async () => {
    const before = (await session.browser.pages()).length;
    let opened = 0;
    await expect(
      withPage(session, async () => {
        opened = (await session.browser.pages()).length;
        throw new Error('export went wrong');
      }),
    ).rejects.toThrow('export went wrong');
    expect(opened).toBe(before + 1);
    expect((await session.browser.pages()).length).toBe(before);
  });

  it('prints in the tab the browser starts with, then in tabs opened ahead of need, before opening others; closes each after', async () => {
    const fresh = await startBrowser();
    try {
      const [blank] = await fresh.browser.pages();
      openAhead(fresh, 2);
      const second = fresh.spare![1]!;
      expect(await withPage(fresh, async (page) => page)).toBe(blank);
      expect(await withPage(fresh, async (page) => page)).toBe(await second);
      expect(await fresh.browser.pages()).toEqual([]);
      expect(await withPage(fresh, async (page) => page.evaluate('1 + 1'))).toBe(2); // a new one, when none is left
    } finally {
      await fresh.close();
    }
  });

  it('keeps a page offline: blocks the network and files outside the root', async () => {
    // A folder name with what URL patterns treat as syntax: the folder's own files must still load.
    const root = path.join(tmp, 'Esai Ñ (v2) [final] +{a}: *?');
    const outside = path.join(tmp, 'secret');
    mkdirSync(root, { recursive: true });
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(root, 'inside.png'), PNG);
    writeFileSync(path.join(outside, 'outside.png'), PNG);
    const outsideUrl = pathToFileURL(path.join(outside, 'outside.png')).href;
    writeFileSync(
      path.join(root, 'index.html'),
      `<!doctype html><title>offline</title>
       <img id="inside" src="inside.png">
       <img id="outside" src="${outsideUrl}">
       <img id="remote" src="http://example.invalid/x.png">
       <img id="data" src="data:image/png;base64,${PNG.toString('base64')}">`,
    );

    const { blocked, widths } = await withPage(session, async (page) => {
      // Chrome itself refuses them here (no request waits for Node), the folder's odd name notwithstanding.
      expect(await blockInBrowser(page, new Set([root]))).toBe(true);
      const blocked = await blockRequestsOutside(page, root);
      await page.goto(pathToFileURL(path.join(root, 'index.html')).href, { waitUntil: 'load' });
      const widths = await page.$$eval('img', (imgs) =>
        Object.fromEntries(imgs.map((img) => [img.id, img.naturalWidth])),
      );
      return { blocked, widths };
    });

    expect(blocked).toContain('http://example.invalid/x.png');
    expect(blocked).toContain(outsideUrl);
    expect(blocked.some((url) => url.includes('inside.png') || url.includes('index.html'))).toBe(false);
    expect(widths).toEqual({ inside: 1, outside: 0, remote: 0, data: 1 });
  });
});

describe('closing a session', () => {
  it('stops every browser process and removes the profile, and may be called twice', async () => {
    const session = await startBrowser();
    const pid = session.process.pid;
    const profile = profileDirOf(session);
    expect(pid).toBeTypeOf('number');
    expect(livingBrowserProcesses(pid!, profile).length).toBeGreaterThan(1); // browser plus helpers

    await Promise.all([session.close(), session.close()]);
    await session.close();

    expect(isAlive(pid!)).toBe(false);
    expect(livingBrowserProcesses(pid!, profile)).toEqual([]);
    expect(existsSync(profile)).toBe(false);
  });

  it('killed at once (close now, as at the end of a build), leaves no process and no profile either', async () => {
    const session = await startBrowser();
    await withPage(session, (page) => page.goto('about:blank'));
    const pid = session.process.pid!;
    const profile = profileDirOf(session);
    await session.close({ now: true });
    expect(isAlive(pid)).toBe(false);
    expect(livingBrowserProcesses(pid, profile)).toEqual([]);
    expect(existsSync(profile)).toBe(false);
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('leaves nothing behind when the process gets %s', async (signal, exitCode) => {
    // A separate Node process stands in for `paparan` being interrupted mid-export.
    const script = path.join(tmp, `interrupt-${signal}.mjs`);
    writeFileSync(
      script,
      `import { startBrowser } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'src/browser.ts')).href)};
       const session = await startBrowser();
       const args = session.process.spawnargs;
       console.log(JSON.stringify({ pid: session.process.pid, args }));
       setInterval(() => {}, 1000);`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const started = await new Promise<{ pid: number; args: string[] }>((resolve, reject) => {
      child.stdout.once('data', (chunk) => resolve(JSON.parse(String(chunk))));
      void exited.then(() => reject(new Error(`child exited before starting a browser:\n${stderr}`)));
    });
    const profile = started.args.find((arg) => arg.startsWith('--user-data-dir='))!.split('=')[1]!;
    expect(existsSync(profile)).toBe(true);

    child.kill(signal);
    expect(await exited).toBe(exitCode);
    expect(livingBrowserProcesses(started.pid, profile)).toEqual([]);
    expect(existsSync(profile)).toBe(false);
  });
});

describe('startBrowser errors', () => {
  it('names an explicit browser path that does not exist', async () => {
    const missing = path.join(tmp, 'no-such-chrome');
    await expect(startBrowser({ executablePath: missing })).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof BrowserError && error.exitCode === ExitCode.noBrowser && error.message.includes(missing),
    );
  });

  it('explains a browser that fails to start, keeps the cause, and leaves no profile', async () => {
    const before = readdirSync(os.tmpdir()).filter((name) => name.startsWith('paparan-chrome-'));
    const broken = path.join(tmp, 'broken-chrome');
    writeFileSync(broken, '#!/bin/sh\necho "this is not a browser" >&2\nexit 1\n');
    chmodSync(broken, 0o755);

    const error = await startBrowser({ executablePath: broken, timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BrowserError);
    expect((error as BrowserError).message).toContain(broken);
    expect((error as BrowserError).message).toContain('--browser PATH');
    expect((error as BrowserError).cause).toBeInstanceOf(Error);
    const after = readdirSync(os.tmpdir()).filter((name) => name.startsWith('paparan-chrome-'));
    // Other test files may run browsers at the same time: only ask that we added none.
    expect(after.filter((name) => !before.includes(name))).toEqual([]);
  });
});

describe('the flags Chromium starts with', () => {
  it('are those of puppeteer-core for headless Chrome (tagged PDFs with an outline, sRGB), then ours, talking over a pipe only', async () => {
    // Chromium is spawned before puppeteer-core loads, with its flags written out: an upgrade that changes them must show here.
    const { default: puppeteer } = await import('puppeteer-core');
    const ours = chromiumArgs('/tmp/profile');
    const theirs = puppeteer.defaultArgs({ headless: true, args: [] }).filter((arg) => arg !== 'about:blank');
    expect(ours.slice(0, theirs.length)).toEqual(theirs);
    expect(ours).toContain('--user-data-dir=/tmp/profile');
    expect(ours).toContain('--remote-debugging-pipe');
    expect(ours.some((arg) => arg.startsWith('--remote-debugging-port'))).toBe(false);
  });

  it("are those of puppeteer-core's headless: 'shell' for Chromium's headless shell", async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    const ours = chromiumArgs('/tmp/profile', { headlessShell: true });
    const theirs = puppeteer.defaultArgs({ headless: 'shell', args: [] }).filter((arg) => arg !== 'about:blank');
    expect(ours.slice(0, theirs.length)).toEqual(theirs);
    expect(ours).toContain('--headless');
    expect(ours).not.toContain('--headless=new');
  });
});

describe('isHeadlessShell', () => {
  it('knows the headless shell by its name, on every platform', () => {
    expect(isHeadlessShell('/usr/lib/chromium/chromium-headless-shell')).toBe(true);
    expect(isHeadlessShell('/home/ada/.cache/puppeteer/chrome-headless-shell/linux-131.0.6778.85/chrome-headless-shell-linux64/chrome-headless-shell')).toBe(true);
    expect(isHeadlessShell('C:\\cache\\chrome-headless-shell-win64\\chrome-headless-shell.exe')).toBe(true);
    expect(isHeadlessShell('/usr/bin/chromium')).toBe(false);
    expect(isHeadlessShell('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')).toBe(false);
  });
});

describe('blockRequestsOutside', () => {
  it("falls back to request interception in a browser that cannot block by URL pattern itself (Chrome before 149)", async () => {
    const calls: string[] = [];
    const oldChrome = {
      createCDPSession: async () => ({
        send: async (method: string) => {
          if (method === 'Network.setBlockedURLs') throw new Error('Invalid parameters: urls: array expected');
        },
      }),
      setRequestInterception: async (on: boolean) => void calls.push(`intercept ${on}`),
      on: (event: string) => void calls.push(`on ${event}`),
    };
    await blockRequestsOutside(oldChrome as unknown as Page, tmp);
    expect(calls).toEqual(['intercept true', 'on request']);
  });
});

describe('escapeUrlPattern', () => {
  it("escapes what a URLPattern reads as syntax, so a folder's address matches only itself", () => {
    expect(escapeUrlPattern('file:///C:/Esai%20(v2)/a+b*c?{d}[e]\\f/')).toBe('file\\:///C\\:/Esai%20\\(v2\\)/a\\+b\\*c\\?\\{d\\}\\[e\\]\\\\f/');
  });
});

describe('findBrowser', () => {
  it('throws a BrowserError naming an explicit path that does not exist', () => {
    const missing = path.join(tmp, 'nope', 'chrome');
    expect(() => findBrowser(missing)).toThrow(BrowserError);
    expect(() => findBrowser(missing)).toThrow(missing);
  });

  it('takes the explicit path first, then PUPPETEER_EXECUTABLE_PATH', () => {
    const explicit = path.join(tmp, 'explicit-chrome');
    const fromEnv = path.join(tmp, 'env-chrome');
    for (const file of [explicit, fromEnv]) {
      writeFileSync(file, '#!/bin/sh\n');
      chmodSync(file, 0o755);
    }
    expect(findBrowser(explicit, { PUPPETEER_EXECUTABLE_PATH: fromEnv })).toBe(explicit);
    expect(findBrowser(undefined, { PUPPETEER_EXECUTABLE_PATH: fromEnv })).toBe(fromEnv);
    expect(() => findBrowser(undefined, { PUPPETEER_EXECUTABLE_PATH: path.join(tmp, 'gone') })).toThrow(
      /PUPPETEER_EXECUTABLE_PATH/,
    );
  });

  it.runIf(process.platform === 'linux')('prefers the newest browser Puppeteer downloaded over system ones', () => {
    const cache = path.join(tmp, 'puppeteer-cache');
    for (const version of ['9.0.0.1', '131.0.6778.85', '120.0.6099.109']) {
      const dir = path.join(cache, 'chrome', `linux-${version}`, 'chrome-linux64');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'chrome'), '#!/bin/sh\n');
      chmodSync(path.join(dir, 'chrome'), 0o755);
    }
    expect(findBrowser(undefined, { PUPPETEER_CACHE_DIR: cache })).toBe(
      path.join(cache, 'chrome', 'linux-131.0.6778.85', 'chrome-linux64', 'chrome'),
    );
  });

  it.runIf(process.platform === 'linux')("prefers a headless shell Puppeteer downloaded over its Chrome: it starts faster and prints the same", () => {
    const cache = path.join(tmp, 'puppeteer-cache-shell');
    const chrome = path.join(cache, 'chrome', 'linux-131.0.6778.85', 'chrome-linux64', 'chrome');
    const shell = path.join(cache, 'chrome-headless-shell', 'linux-131.0.6778.85', 'chrome-headless-shell-linux64', 'chrome-headless-shell');
    for (const file of [chrome, shell]) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, '#!/bin/sh\n');
      chmodSync(file, 0o755);
    }
    expect(findBrowser(undefined, { PUPPETEER_CACHE_DIR: cache })).toBe(shell);
  });
});

describe('browserCandidates', () => {
  it("lists Linux locations, Debian's headless shell first, then distribution Chromium", () => {
    expect(browserCandidates('linux', {})).toEqual([
      '/usr/lib/chromium/chromium-headless-shell',
      '/usr/lib/chromium/chromium',
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/snap/bin/chromium',
      '/opt/google/chrome/chrome',
    ]);
  });

  it('lists macOS apps, Chrome before Chromium before Edge', () => {
    expect(browserCandidates('darwin', {})).toEqual([
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ]);
  });

  it('lists Windows installs from the environment, Chrome before Edge', () => {
    const env = {
      ProgramFiles: 'D:\\Apps',
      'ProgramFiles(x86)': 'D:\\Apps32',
      LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local',
    };
    expect(browserCandidates('win32', env)).toEqual([
      'D:\\Apps\\Google\\Chrome\\Application\\chrome.exe',
      'D:\\Apps32\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Users\\ada\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
      'D:\\Apps\\Microsoft\\Edge\\Application\\msedge.exe',
      'D:\\Apps32\\Microsoft\\Edge\\Application\\msedge.exe',
      'C:\\Users\\ada\\AppData\\Local\\Microsoft\\Edge\\Application\\msedge.exe',
    ]);
    expect(browserCandidates('win32', {})[0]).toBe('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
  });
});

describe('missingBrowserMessage', () => {
  it('is one line that says how to get a browser', () => {
    const message = missingBrowserMessage();
    expect(message).not.toContain('\n');
    expect(message).toContain('apt-get install chromium');
    expect(message).toContain('Google Chrome');
    expect(message).toContain('--browser PATH');
    expect(message).toContain('PUPPETEER_EXECUTABLE_PATH');
  });
});
