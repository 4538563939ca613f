/**
 * The preview server: serves the output folder read-only, and tells open
 * decks to reload (or to show a build error) over server-sent events.
 * Only files under the root are served: no `..`, no absolute paths, no
 * symlinks that lead outside, no directory listings. Only requests addressed
 * to this machine by name or address are answered (no DNS rebinding).
 */
import { createReadStream, existsSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { readFile, realpath, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { renderDeckIndex, deckIndexStylesheet, type DeckEntry } from './deck-index.js';
import { ExitCode, PaparanError } from './errors.js';
import { contentTypeOf } from './mime.js';
import { isWithin } from './paths.js';


/** What open decks are told: reload (after a good build) or show an error (the last good deck stays). */
export type LiveEvent = { type: 'reload'; slug: string; full?: boolean } | { type: 'error'; slug: string; message: string };

export interface PreviewServer {
  url: string;
  port: number;
  /** Sends an event to every open deck. */
  broadcast(event: LiveEvent): void;
  close(): Promise<void>;
}

export interface PreviewServerOptions {
  /** Address to listen on (default 127.0.0.1); requests must name it, a loopback name or (for 0.0.0.0) this machine. */
  host?: string;
  port?: number;
  /** The decks served, for the page at `/`. */
  decks?: () => DeckEntry[];
}

const liveScriptPath = '/__paparan/live.js';
const eventsPath = '/__paparan/events';
const indexStylePath = '/__paparan/index.css';

/** Starts serving `root` on host:port; when the port is taken, the next free one is used. */
export async function startPreviewServer(root: string, options: PreviewServerOptions = {}): Promise<PreviewServer> {
  const host = options.host ?? '127.0.0.1';
  const rootReal = await realpath(path.resolve(root));
  const clients = new Set<http.ServerResponse>();
  const liveScript = await readFile(new URL('../templates/assets/live.js', import.meta.url), 'utf8');
  const indexStyle = await readFile(deckIndexStylesheet, 'utf8');
  let isAllowedHost: (header: string | undefined) => boolean = () => false;

  const server = http.createServer((request, response) => {
    handle(request, response).catch(() => send(response, 500, 'Internal error'));
  });

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!isAllowedHost(request.headers.host)) {
      return send(response, 403, 'Forbidden: this preview answers only http://127.0.0.1, localhost or the --host address');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'Method not allowed');
    const pathname = (request.url ?? '/').split(/[?#]/)[0]!;
    if (pathname === eventsPath) return openEvents(response);
    if (pathname === liveScriptPath) return send(response, 200, liveScript, contentTypeOf(liveScriptPath));
    if (pathname === indexStylePath) return send(response, 200, indexStyle, contentTypeOf(indexStylePath));
    if (pathname === '/') return sendIndex(request, response);
    const file = await resolveInside(rootReal, pathname);
    // "/slug" must become "/slug/", or the deck's relative asset paths point one folder too high.
    if (file.status === 200 && !pathname.endsWith('/') && path.basename(file.path) === 'index.html' && !pathname.endsWith('index.html')) {
      // One leading slash only: "//slug/" would send the browser to a host named slug.
      return redirect(response, 301, `/${pathname.replace(/^\/+/, '')}/`);
    }
    if (file.status !== 200) return send(response, file.status, file.status === 403 ? 'Forbidden' : 'Not found');
    const type = contentTypeOf(file.path);
    const headers = { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
    if (type.startsWith('text/html')) {
      // Decks learn to reload themselves; the file on disk stays as built.
      const html = (await readFile(file.path, 'utf8')).replace(/<\/body>/i, `<script src="${liveScriptPath}"></script></body>`);
      response.writeHead(200, headers);
      response.end(request.method === 'HEAD' ? undefined : html);
      return;
    }
    response.writeHead(200, headers);
    if (request.method === 'HEAD') response.end();
    // A rebuild may swap the folder away mid-read: end this response, never the server.
    else pipeline(createReadStream(file.path), response).catch(() => response.destroy());
  }

  /** `/`: the only deck when one is served and built, otherwise a page listing them. */
  function sendIndex(request: http.IncomingMessage, response: http.ServerResponse): void {
    const decks = options.decks?.() ?? [];
    const only = decks.length === 1 ? decks[0]! : undefined;
    // 302, not 301: which decks are served changes from one `paparan serve` to the next.
    if (only && existsSync(path.join(rootReal, only.slug, 'index.html'))) return redirect(response, 302, `/${encodeURIComponent(only.slug)}/`);
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'self'",
    });
    response.end(request.method === 'HEAD' ? undefined : renderDeckIndex(rootReal, decks, indexStylePath));
  }

  function openEvents(response: http.ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    clients.add(response);
    response.on('close', () => clients.delete(response));
  }

  const port = await listenOnFreePort(server, host, options.port ?? 8080);
  isAllowedHost = hostCheck(host, port);
  const shownHost = bracketed(host);
  return {
    url: `http://${shownHost}:${port}/`,
    port,
    broadcast(event) {
      const data = `data: ${JSON.stringify(event)}\n\n`;
      for (const client of clients) client.write(data);
    },
    close() {
      for (const client of clients) client.end();
      clients.clear();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** Maps a URL path to a file inside root: 403 for anything that leaves it, 404 for what is not there. */
export async function resolveInside(rootReal: string, pathname: string): Promise<{ status: 200; path: string } | { status: 403 | 404 }> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { status: 403 };
  }
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.split('/').includes('..')) return { status: 403 };
  let candidate = path.join(rootReal, path.normalize(decoded));
  if (!isWithin(candidate, rootReal)) return { status: 403 };
  try {
    if ((await stat(candidate)).isDirectory()) candidate = path.join(candidate, 'index.html');
    const real = await realpath(candidate);
    // A symlink inside the output may point anywhere: judge where it really leads.
    if (!isWithin(real, rootReal)) return { status: 403 };
    if (!(await stat(real)).isFile()) return { status: 404 };
    return { status: 200, path: real };
  } catch {
    return { status: 404 };
  }
}

const loopbackNames = ['127.0.0.1', 'localhost', '[::1]'];
const wildcards = ['0.0.0.0', '::', ''];

/** An IPv6 address in brackets, as in a URL or a Host header. */
function bracketed(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Which Host headers are answered: loopback names, the address listened on,
 * and for 0.0.0.0 this machine's name and addresses. A page whose own name
 * was pointed at this machine (DNS rebinding) sends that name and is refused.
 */
function hostCheck(host: string, port: number): (header: string | undefined) => boolean {
  const withPort = (name: string) => (port === 80 ? [name, `${name}:${port}`] : [`${name}:${port}`]);
  const fixed = new Set([...loopbackNames, bracketed(host)].flatMap(withPort).map((h) => h.toLowerCase()));
  const machine = () => [os.hostname(), ...Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((i) => bracketed(i.address)))];
  return (header) => {
    if (!header) return false;
    const wanted = header.toLowerCase();
    if (fixed.has(wanted)) return true;
    // The classroom case: students type this machine's address (or name) on the local network.
    return wildcards.includes(host) && machine().flatMap(withPort).some((h) => h.toLowerCase() === wanted);
  };
}

function redirect(response: http.ServerResponse, status: 301 | 302, location: string): void {
  response.writeHead(status, { location, 'cache-control': 'no-store' });
  response.end();
}

function send(response: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/** A listen error as one line a user can act on. */
function listenError(error: NodeJS.ErrnoException, host: string, port: number): PaparanError {
  const hint = 'pass --host 127.0.0.1 (this machine only) or --host 0.0.0.0 (every network)';
  const reason =
    error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN' || error.code === 'EAI_NONAME'
      ? `cannot serve on ${host}: no such address: ${hint}`
      : error.code === 'EADDRNOTAVAIL'
        ? `cannot serve on ${host}: not an address of this machine: ${hint}`
        : error.code === 'EACCES' || error.code === 'EPERM'
          ? `cannot serve on port ${port} (permission denied): pass --port 8080 or another above 1023`
          : `cannot serve on ${host} port ${port} (${error.code ?? error.message}): ${hint}`;
  return new PaparanError(reason, { exitCode: ExitCode.usage, cause: error });
}

async function listenOnFreePort(server: http.Server, host: string, first: number): Promise<number> {
  for (let port = first; port < Math.min(first + 20, 65536); port++) {
    const ok = await new Promise<boolean>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        server.off('listening', onListening);
        if (error.code === 'EADDRINUSE') resolve(false);
        else reject(listenError(error, host, port));
      };
      const onListening = () => {
        server.off('error', onError);
        resolve(true);
      };
      server.once('error', onError);
      server.once('listening', onListening);
      server.listen(port, host);
    });
    if (ok) return (server.address() as AddressInfo).port;
  }
  // Twenty ports in a row taken: let the system choose one.
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(listenError(error, host, 0)));
    server.listen(0, host, resolve);
  });
  return (server.address() as AddressInfo).port;
}
