/**
 * Finding, starting and stopping the one headless Chrome a build prints with.
 * puppeteer-core is imported lazily so commands that never print never load it, and
 * every browser and page is released in a finally, even on failure or Ctrl-C.
 */
import { accessSync, constants as fsConstants, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { BrowserError, ExitCode, firstLine } from './errors.js';

export interface BrowserOptions {
  /** A browser executable to use instead of searching for one (the CLI's --browser). */
  executablePath?: string;
  /** How long the browser may take to start, in ms. */
  timeoutMs?: number;
  /** Told once the browser process is being started, before it is ready (or when starting failed first). */
  onSpawn?: () => void;
}

export interface BrowserSession {
  browser: Browser;
  /** Chromium's main process (spawned here, then connected to: `browser.process()` is null). */
  process: ChildProcess;
  executablePath: string;
  /**
   * Closes the browser and removes its profile; safe to call twice, never throws. `now`: kill it at once
   * instead of asking it to close (for when nothing it holds matters any more, as at the end of a build).
   */
  close(options?: { now?: boolean }): Promise<void>;
  /** Tabs opened ahead of need (openAhead), taken by withPage before it opens a new one. */
  spare?: Promise<Page>[];
}

/**
 * Opens `count` blank tabs now, for withPage to take later: a tab's first opening (its renderer
 * process, the protocol's set-up) then overlaps other work instead of delaying the first print.
 */
export function openAhead(session: BrowserSession, count: number): void {
  const first = session.spare === undefined;
  session.spare ??= [];
  for (let i = 0; i < count; i++) {
    // The blank tab the browser starts with comes first: it is already open.
    const page = first && i === 0 ? session.browser.pages().then(([blank]) => blank ?? session.browser.newPage()) : session.browser.newPage();
    page.catch(() => {}); // a tab that failed to open: withPage opens another and reports that one
    session.spare.push(page);
  }
}

/** How long startup may take by default; a cold Chromium in CI needs a few seconds. */
const DEFAULT_START_TIMEOUT_MS = 30_000;
/** How long closing a tab may take before the build goes on without it. */
const PAGE_CLOSE_TIMEOUT_MS = 3_000;
/** How long a polite close may take before the process is killed. */
const CLOSE_TIMEOUT_MS = 5_000;

/** Flags for a quiet, offline, reproducible headless browser. */
const LAUNCH_ARGS = [
  '--no-sandbox', // CI and containers run as root, where the sandbox refuses to start
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking', // no update checks or field trials: builds stay offline
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage', // Docker's /dev/shm is too small for big decks
  '--font-render-hinting=none', // the same glyph metrics on every machine
];

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** The usual install locations of Chrome, Chromium and Edge on one platform, best first. */
export function browserCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    // Windows env names are case-insensitive, a plain object passed in is not.
    const roots = [
      readEnv(env, 'PROGRAMFILES') ?? 'C:\\Program Files',
      readEnv(env, 'PROGRAMFILES(X86)') ?? 'C:\\Program Files (x86)',
      readEnv(env, 'LOCALAPPDATA'),
    ].filter((root): root is string => Boolean(root));
    return [
      ...roots.map((root) => path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe')),
      ...roots.map((root) => path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe')),
    ];
  }
  return [
    // Chromium's headless shell (Debian's package chromium-headless-shell) prints the same PDFs as Chromium but
    // starts in half the time, without a desktop browser's start-up: about 0.6 s less per build here.
    // Its /usr/bin launcher runs it as a child without exec: start the binary itself.
    '/usr/lib/chromium/chromium-headless-shell',
    // Debian's /usr/bin/chromium is a shell launcher that adds desktop flags a headless print does not need: some 50 ms.
    '/usr/lib/chromium/chromium',
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome',
  ];
}

/** Browsers Puppeteer downloaded into its cache (PUPPETEER_CACHE_DIR or ~/.cache/puppeteer), headless shells first, newest first. */
export function listDownloadedBrowsers(platform: NodeJS.Platform, env: NodeJS.ProcessEnv = process.env): string[] {
  const cache = env.PUPPETEER_CACHE_DIR || path.join(os.homedir(), '.cache', 'puppeteer');
  // `npx @puppeteer/browsers install chrome-headless-shell` puts the shell here; it prints faster than Chrome.
  const shells: Record<string, string[]> = {
    darwin: ['arm64', 'x64'].map((arch) => `chrome-headless-shell-mac-${arch}/chrome-headless-shell`),
    win32: ['chrome-headless-shell-win64/chrome-headless-shell.exe', 'chrome-headless-shell-win32/chrome-headless-shell.exe'],
    linux: ['chrome-headless-shell-linux64/chrome-headless-shell'],
  };
  const chromes: Record<string, string[]> = {
    darwin: ['arm64', 'x64'].map(
      (arch) => `chrome-mac-${arch}/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing`,
    ),
    win32: ['chrome-win64/chrome.exe', 'chrome-win32/chrome.exe'],
    linux: ['chrome-linux64/chrome'],
  };
  return [
    ...downloadedBuilds(path.join(cache, 'chrome-headless-shell'), shells[platform] ?? []),
    ...downloadedBuilds(path.join(cache, 'chrome'), chromes[platform] ?? []),
  ];
}

/** The executables inside one product folder of Puppeteer's cache (builds named <platform>-<version>), newest first. */
function downloadedBuilds(productDir: string, inside: string[]): string[] {
  let builds: string[];
  try {
    builds = readdirSync(productDir);
  } catch {
    return []; // puppeteer-core never downloads, so there usually is no cache
  }
  // Folders are named <platform>-<version>; compare versions numerically.
  const version = (name: string) => (name.split('-').pop() ?? '').split('.').map(Number);
  const newestFirst = builds.sort((a, b) => {
    const [va, vb] = [version(a), version(b)];
    for (let i = 0; i < Math.max(va.length, vb.length); i++) {
      const diff = (vb[i] ?? 0) - (va[i] ?? 0);
      if (diff) return diff;
    }
    return 0;
  });
  return newestFirst.flatMap((build) => inside.map((file) => path.join(productDir, build, file))).filter(isExecutableFile);
}

/** Whether an executable is Chromium's headless shell (chrome-headless-shell), which takes `--headless` and not `--headless=new`. */
export function isHeadlessShell(executablePath: string): boolean {
  return /headless[-_]shell/i.test(path.basename(executablePath));
}

/** Finds a Chrome/Chromium executable: explicit path, PUPPETEER_EXECUTABLE_PATH, then usual install locations (Linux, macOS, Windows). Returns undefined when none exists. */
export function findBrowser(explicit?: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  // A path the user named must work: falling back silently would hide their typo.
  if (explicit) return requireExecutable(explicit, 'The browser');
  const fromEnv = env.PUPPETEER_EXECUTABLE_PATH;
  if (fromEnv) return requireExecutable(fromEnv, 'PUPPETEER_EXECUTABLE_PATH names a browser, but');
  return [...listDownloadedBrowsers(process.platform, env), ...browserCandidates(process.platform, env)].find(
    isExecutableFile,
  );
}

/** The message shown when no browser exists: says exactly how to get one (Debian/Ubuntu: `apt-get install chromium`; macOS/Windows: install Google Chrome; or pass --browser PATH / set PUPPETEER_EXECUTABLE_PATH). One line. */
export function missingBrowserMessage(): string {
  return (
    'PDF export needs Chrome or Chromium, and none was found. ' +
    'On Debian/Ubuntu run `sudo apt-get install chromium`; on macOS or Windows install Google Chrome ' +
    '(https://www.google.com/chrome/); or pass --browser PATH, or set PUPPETEER_EXECUTABLE_PATH.'
  );
}

/**
 * Puppeteer's own flags for a headless Chrome (puppeteer-core 24's `defaultArgs({ headless: true })`,
 * which tests/browser.test.ts compares with): Chromium is spawned here, before puppeteer-core has loaded,
 * so these are written out rather than asked for. They matter to the PDFs: tagged, with an outline, sRGB.
 */
export const PUPPETEER_DEFAULT_ARGS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
  '--headless=new',
  '--hide-scrollbars',
  '--mute-audio',
  '--disable-extensions',
];

/** Every flag Chromium is started with, for a profile folder; the headless shell is told `--headless`, as Puppeteer's `headless: 'shell'` does. */
export function chromiumArgs(profileDir: string, options: { headlessShell?: boolean } = {}): string[] {
  const puppeteers = options.headlessShell
    ? PUPPETEER_DEFAULT_ARGS.map((arg) => (arg === '--headless=new' ? '--headless' : arg))
    : PUPPETEER_DEFAULT_ARGS;
  // Ours after Puppeteer's, as puppeteer.launch orders them; the pipe: no debugging port, nothing else on the machine can reach the browser.
  return [...puppeteers, ...LAUNCH_ARGS, `--user-data-dir=${profileDir}`, '--remote-debugging-pipe', 'about:blank'];
}

/**
 * Starts one headless browser for a whole build, with a fresh temporary profile that close() removes.
 * Throws BrowserError when none is found or it fails to start. Chromium is spawned first and
 * puppeteer-core's connector loaded while it starts (browser-connect.ts), then connected over the pipe.
 */
export async function startBrowser(options: BrowserOptions = {}): Promise<BrowserSession> {
  const executablePath = findBrowser(options.executablePath);
  if (!executablePath) throw new BrowserError(missingBrowserMessage());

  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'paparan-chrome-'));
  let child: ChildProcess | undefined;
  let browser: Browser | undefined;
  let closing: Promise<void> | undefined;
  // Chromium leads a process group of its own (spawned detached): killing the group takes its helpers too, at once,
  // synchronously, which is what a signal or exit handler needs.
  const kill = () => {
    if (!child?.pid || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      child.kill('SIGKILL');
    }
  };

  const shutDown = async (now: boolean): Promise<void> => {
    const exited = child ? waitForExit(child) : Promise.resolve();
    // Killed: let go of the protocol first. A tab whose connection drops while the browser still counts as
    // connected makes puppeteer-core wait 100 ms for a replacement frame, keeping the process alive after the build.
    if (browser && now) await browser.disconnect();
    if (browser && !now) await settleWithin(browser.close(), CLOSE_TIMEOUT_MS);
    kill(); // kills a browser that would not close; a no-op when it is already gone
    await settleWithin(exited, CLOSE_TIMEOUT_MS);
    await reapHelpers(profileDir, child?.pid);
    await rm(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 }).catch(() => {});
    openSessions.delete(tracked);
    if (openSessions.size === 0) removeProcessHandlers();
  };
  const tracked: TrackedSession = {
    profileDir,
    kill,
    close: (options) => (closing ??= shutDown(options?.now ?? false)),
  };
  // Tracked before launching, so a Ctrl-C during startup is cleaned up too.
  openSessions.add(tracked);
  installProcessHandlers();

  try {
    const started = spawn(executablePath, chromiumArgs(profileDir, { headlessShell: isHeadlessShell(executablePath) }), { detached: true, stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] });
    child = started;
    // The protocol pipe breaks when the browser is killed, after puppeteer-core has let go of it (and of its error
    // listener): an unheard 'error' there would end the whole process.
    for (const stream of started.stdio.slice(2)) stream?.on('error', () => {});
    // Chromium's start-up now runs beside whatever comes next.
    options.onSpawn?.();
    const failed = new Promise<never>((_, reject) => {
      let stderr = '';
      started.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
      started.once('error', reject);
      started.once('exit', (code, signal) => reject(new Error(`it exited (${signal ?? `code ${code}`}) before it was ready${stderr.trim() ? `: ${stderr.trim().split('\n').at(-1)}` : ''}`)));
    });
    failed.catch(() => {});
    const timeoutMs = options.timeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`it was not ready after ${timeoutMs / 1000} s`)), timeoutMs)));
    try {
      const connecting = (async () => {
        const { connectOverPipe } = await import('./browser-connect.js');
        return connectOverPipe(started.stdio[3] as Writable, started.stdio[4] as Readable);
      })();
      connecting.catch(() => {});
      browser = await Promise.race([connecting, failed, late]);
    } finally {
      clearTimeout(timer);
    }
  } catch (error) {
    options.onSpawn?.();
    await tracked.close();
    throw new BrowserError(
      `Could not start the browser at ${executablePath}: ${firstLine(error)}. ` +
        `Check that \`${executablePath} --headless --version\` works, or pass another one with --browser PATH.`,
      { cause: error },
    );
  }
  return { browser, process: child!, executablePath, close: tracked.close };
}

/** Runs fn with a new page and always closes the page, even when fn throws. */
export async function withPage<T>(session: BrowserSession, fn: (page: Page) => Promise<T>): Promise<T> {
  let page: Page;
  try {
    const spare = session.spare?.shift();
    page = (await spare?.catch(() => undefined)) ?? (await session.browser.newPage());
  } catch (error) {
    throw new BrowserError(`Could not open a browser tab: ${firstLine(error)}`, {
      cause: error,
      exitCode: ExitCode.exportFailed,
    });
  }
  try {
    return await fn(page);
  } finally {
    // A page that cannot close (browser crashed) is gone anyway; keep fn's own error. Closing a tab stopped in the
    // middle of loading (a print that ran out of time) can wait forever for Chrome: the build goes on after a while,
    // and the tab goes with the browser.
    await settleWithin(page.close(), PAGE_CLOSE_TIMEOUT_MS);
  }
}

/**
 * Makes a page offline: every request that is not a file:// URL under `root` (or a data:/blob: URL) is refused and
 * recorded. Returns the list of refused URLs (filled as requests come).
 *
 * Chrome refuses them itself (Network.setBlockedURLs with an allow pattern for the deck folder), so no request waits
 * for this process: with request interception every stylesheet, font and picture of a print page waited for Node,
 * which is busy composing the PDF printed before (some 50 ms a build, issue 13). A browser older than that protocol
 * (Chrome 149 or so) answers with an error, and gets request interception instead.
 */
export async function blockRequestsOutside(page: Page, root: string): Promise<string[]> {
  const roots = new Set([path.resolve(root)]);
  try {
    roots.add(realpathSync(root)); // e.g. macOS's /tmp is really /private/tmp
  } catch {
    // A root that does not exist yet simply allows nothing real.
  }
  const blocked: string[] = [];
  if (await blockInBrowser(page, roots)) {
    page.on('requestfailed', (request) => {
      const url = request.url();
      if (!isAllowedUrl(url, roots)) blocked.push(url);
    });
    return blocked;
  }
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (isAllowedUrl(url, roots)) {
      void request.continue().catch(() => {});
    } else {
      blocked.push(url);
      void request.abort('blockedbyclient').catch(() => {});
    }
  });
  return blocked;
}

/** Asks Chrome to refuse every request of the page outside the folders; false when it does not know how. */
export async function blockInBrowser(page: Page, roots: Set<string>): Promise<boolean> {
  // The folders' own file:// addresses, as Chrome resolves the page's relative links from them, then nothing else.
  const allowed = [...roots].map((dir) => ({ urlPattern: `${escapeUrlPattern(pathToFileURL(dir + path.sep).href)}*`, block: false }));
  try {
    const session = await page.createCDPSession();
    await session.send('Network.enable');
    // data: and blob: addresses hold their content; the deck makes some (pictures, diagrams).
    const inline = ['data', 'blob'].map((scheme) => ({ urlPattern: `${scheme}\\:*`, block: false }));
    await session.send('Network.setBlockedURLs', { urlPatterns: [...allowed, ...inline, { urlPattern: '*:*', block: true }] });
    return true;
  } catch {
    return false;
  }
}

/** Text matched as itself in a URLPattern (https://urlpattern.spec.whatwg.org/): its special characters escaped. */
export function escapeUrlPattern(text: string): string {
  return text.replace(/[\\*+?(){}:[\]]/g, (c) => `\\${c}`);
}

function isAllowedUrl(url: string, roots: Set<string>): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  if (!url.startsWith('file:')) return false;
  let file: string;
  try {
    file = fileURLToPath(url);
  } catch {
    return false; // e.g. an encoded slash: not a plain file path
  }
  return [...roots].some((dir) => {
    const relative = path.relative(dir, file);
    return !relative.startsWith('..') && !path.isAbsolute(relative);
  });
}

// --- Process-level cleanup -------------------------------------------------

interface TrackedSession {
  profileDir: string;
  /** Kills the browser process tree now, synchronously. */
  kill(): void;
  close(options?: { now?: boolean }): Promise<void>;
}

/** Sessions whose browser or profile may still exist. */
const openSessions = new Set<TrackedSession>();
let handlersInstalled = false;
let stopping = false;

function installProcessHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', onExit);
}

function removeProcessHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  for (const signal of SIGNALS) process.off(signal, onSignal);
  process.off('exit', onExit);
}

/** Ctrl-C and friends: close every browser, remove every profile, then exit as the signal would have. */
function onSignal(signal: NodeJS.Signals): void {
  const code = 128 + (os.constants.signals[signal] ?? 2);
  // A second Ctrl-C while cleaning up means "now": the exit handler still cleans up synchronously.
  if (stopping) process.exit(code);
  stopping = true;
  // A polite close (killed after 5 s) lets Chromium reap its own helpers instead of orphaning them.
  const sessions = [...openSessions];
  void Promise.allSettled(sessions.map((session) => session.close())).then(() => {
    stopping = false;
    // Our listener replaced Node's default exit; if someone else listens, the decision is theirs.
    if (process.listenerCount(signal) === 0) process.exit(code);
  });
}

/** Last resort when the process exits with sessions open: only synchronous work is possible here. */
function onExit(): void {
  for (const session of openSessions) {
    session.kill();
    try {
      rmSync(session.profileDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 50 });
    } catch {
      // Nothing more can be done while exiting.
    }
  }
}

// --- Small helpers ---------------------------------------------------------

function readEnv(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const key = Object.keys(env).find((k) => k.toUpperCase() === name);
  return key === undefined ? undefined : env[key] || undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== 'win32') accessSync(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Returns the absolute path, or throws a BrowserError saying what is wrong with it. */
function requireExecutable(file: string, who: string): string {
  const absolute = path.resolve(file);
  if (isExecutableFile(absolute)) return absolute;
  let problem = 'does not exist';
  try {
    problem = statSync(absolute).isFile() ? 'is not executable' : 'is not a file';
  } catch {
    // Missing: keep "does not exist".
  }
  throw new BrowserError(
    `${who} ${absolute} ${problem}. Pass the path of a Chrome or Chromium executable with --browser PATH.`,
  );
}

/** Resolves to true when the promise settles within ms, false when it does not. */
async function settleWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([promise.then(() => true, () => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Chromium's helper processes (zygote, renderers, crash handler) may outlive the main process
 * for a moment; wait for those in its process group or with our profile, then kill any
 * that remain, so that close() really leaves nothing behind. Linux only (/proc).
 */
async function reapHelpers(profileDir: string, group: number | undefined): Promise<void> {
  if (process.platform !== 'linux') return;
  // Looked at often: killed helpers are gone within milliseconds, and every build waits for this.
  const deadline = performance.now() + 2_000;
  for (;;) {
    const left = helperPids(profileDir, group);
    if (left.length === 0) return;
    if (performance.now() > deadline) {
      for (const pid of left) process.kill(pid, 'SIGKILL');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function helperPids(profileDir: string, browserGroup: number | undefined): number[] {
  // The browser leads its own process group; never match ours, whatever happens.
  const group = browserGroup !== undefined && browserGroup !== processGroupOf('self') ? browserGroup : undefined;
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, , pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue; // dead, waiting to be reaped
      if (Number(pgid) === group || readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(profileDir)) pids.push(Number(name));
    } catch {
      // Exited while we looked.
    }
  }
  return pids;
}

function processGroupOf(pid: string): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch {
    return undefined;
  }
}

function waitForExit(child: import('node:child_process').ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}


