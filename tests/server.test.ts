/**
 * `paparan serve`: the live preview in a real browser, and a server that
 * hands out nothing but the output folder.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowser, withPage, type BrowserSession } from '../src/browser.js';
import type { EssayResult } from '../src/build.js';
import { startPreview } from '../src/preview.js';
import { startPreviewServer, type PreviewServer } from '../src/server.js';
import { get } from './helpers/http-get.js';
import { runCapturing } from './helpers/run-cli.js';

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'paparan-serve-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the preview server', () => {
  let server: PreviewServer;
  let root: string;
  beforeAll(async () => {
    root = path.join(work, 'site');
    mkdirSync(path.join(root, 'deck', 'assets'), { recursive: true });
    writeFileSync(path.join(root, 'deck', 'index.html'), '<html><body><p>deck</p></body></html>');
    writeFileSync(path.join(root, 'deck', 'assets', 'style.css'), 'p{}');
    writeFileSync(path.join(work, 'secret.txt'), 'top secret');
    symlinkSync(work, path.join(root, 'escape'));
    server = await startPreviewServer(root, { port: 0 });
  });
  afterAll(() => server?.close());

  it('serves a deck with the live-reload script added', async () => {
    const response = await get(server.port, '/deck/');
    expect(response.status).toBe(200);
    expect(response.body).toContain('<p>deck</p><script src="/__paparan/live.js"></script>');
    expect((await get(server.port, '/deck/assets/style.css')).body).toBe('p{}');
  });

  it('refuses every way out of the output folder', async () => {
    for (const attempt of ['/../secret.txt', '/deck/../../secret.txt', '/%2e%2e/secret.txt', '/%2E%2E%2Fsecret.txt', '/deck/%2e%2e/%2e%2e/secret.txt', '/..%5csecret.txt', '/escape/secret.txt']) {
      const response = await get(server.port, attempt);
      expect([403, 404], attempt).toContain(response.status);
      expect(response.body, attempt).not.toContain('top secret');
    }
    expect((await get(server.port, '/%2e%2e/secret.txt')).status).toBe(403);
    expect((await get(server.port, '/escape/secret.txt')).status).toBe(403);
    expect((await get(server.port, `/${path.join(work, 'secret.txt')}`)).status).toBe(404);
  });

  it('redirects a deck folder without its trailing slash, so relative assets resolve', async () => {
    const response = await new Promise<http.IncomingMessage>((resolve) => http.get({ host: '127.0.0.1', port: server.port, path: '/deck' }, resolve));
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe('/deck/');
    response.resume();
  });

  it('redirects //name to a path on this server, never to a host named like the deck', async () => {
    for (const attempt of ['//deck', '///deck', '//deck?x=1']) {
      const response = await get(server.port, attempt);
      expect(response.status, attempt).toBe(301);
      expect(response.headers.location, attempt).toBe('/deck/');
    }
  });

  it('answers only requests addressed to this machine, so a DNS-rebinding page cannot read the decks', async () => {
    for (const host of [`127.0.0.1:${server.port}`, `localhost:${server.port}`, `[::1]:${server.port}`, `LocalHost:${server.port}`]) {
      expect((await get(server.port, '/deck/', { host })).status, host).toBe(200);
    }
    for (const host of [`evil.example:${server.port}`, 'evil.example', `127.0.0.1:${server.port + 1}`, `localhost.evil.example:${server.port}`]) {
      const response = await get(server.port, '/deck/', { host });
      expect(response.status, host).toBe(403);
      expect(response.body, host).toMatch(/^[^\n<]+$/);
      expect(response.body).not.toContain('<p>deck</p>');
      expect((await get(server.port, '/__paparan/live.js', { host })).status).toBe(403);
    }
  });

  it('lists no directories', async () => {
    const response = await get(server.port, '/deck/assets/');
    expect(response.status).toBe(404);
    expect(response.body).not.toContain('style.css');
  });

  it('moves to the next port when the one asked for is taken', async () => {
    const other = await startPreviewServer(root, { port: server.port });
    try {
      expect(other.port).not.toBe(server.port);
      expect((await get(other.port, '/deck/')).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});

describe('paparan serve --host', () => {
  it('names a host that is not an address of this machine in one clear line', async () => {
    const content = path.join(work, 'host-check', 'content');
    mkdirSync(content, { recursive: true });
    const essay = path.join(content, 'essay.md');
    writeFileSync(essay, '---\ntitle: Host\nlang: en\n---\n\nText.\n');
    for (const host of ['nonsense.invalid', '999.1.1.1', '192.0.2.1']) {
      const result = await runCapturing('serve', essay, '--host', host, '--port', '0', '--out', path.join(work, 'host-check', 'dist'));
      expect(result.code, host).toBe(2);
      const lines = result.stderr.split('\n');
      expect(lines, host).toHaveLength(1);
      expect(lines[0], host).toMatch(new RegExp(`^error: cannot serve on ${host.replace(/\./g, '\\.')}: .+: pass `));
      expect(lines[0], host).not.toMatch(/ENOTFOUND|EADDRNOTAVAIL|getaddrinfo/);
    }
  });
});

describe('the page at /', () => {
  let project: string;
  beforeAll(() => {
    project = path.join(work, 'index-project');
    mkdirSync(path.join(project, 'content'), { recursive: true });
    writeFileSync(path.join(project, 'content', 'alpha.md'), '---\ntitle: "Alpha <script>alert(1)</script> & \\"more\\""\nlang: en\n---\n\nFirst essay text.\n');
    writeFileSync(path.join(project, 'content', 'beta.md'), '---\ntitle: Beta\nlang: en\n---\n\n## One\n\nText.\n\n## Two\n\nMore text.\n');
  });

  const serve = (names: string[]) =>
    startPreview({
      files: names.map((name) => path.join(project, 'content', name)),
      outDir: path.join(project, 'dist'),
      projectDir: project,
      port: 0,
      onResult: () => {},
      onError: () => {},
    });

  it('redirects to the deck when one deck is served', async () => {
    const preview = await serve(['beta.md']);
    try {
      const response = await get(preview.server.port, '/');
      expect([302, 307]).toContain(response.status);
      expect(response.headers.location).toBe('/beta/');
    } finally {
      await preview.close();
    }
  });

  it('lists the decks with title, slides, link, PDFs and slides.pptx when several are served, every title escaped', async () => {
    const preview = await serve(['alpha.md', 'beta.md']);
    try {
      writeFileSync(path.join(project, 'dist', 'beta', 'handout.pdf'), '%PDF-1.7\n');
      writeFileSync(path.join(project, 'dist', 'beta', 'slides.pptx'), 'PK');
      const response = await get(preview.server.port, '/');
      expect(response.status).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      const page = response.body;
      expect(page).toContain('href="/alpha/"');
      expect(page).toContain('href="/beta/"');
      expect(page).toContain('Alpha &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;');
      expect(page).not.toContain('<script>alert(1)');
      expect(page).toMatch(/Beta[\s\S]*\b\d+ slides/);
      expect(page).toContain('href="/beta/handout.pdf"');
      expect(page).not.toContain('/alpha/handout.pdf');
      expect(page).toContain('href="/beta/slides.pptx"');
      expect((await get(preview.server.port, '/beta/slides.pptx')).headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
      // Nothing from elsewhere: no scripts, no inline styles, no external addresses.
      expect(page).not.toMatch(/<script|style=|https?:\/\//);
      const sheet = /<link rel="stylesheet" href="([^"]+)"/.exec(page)?.[1];
      expect(sheet).toBeDefined();
      expect((await get(preview.server.port, sheet!)).status).toBe(200);
    } finally {
      await preview.close();
    }
  });
});

describe('live preview in a browser', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await startBrowser();
  });
  afterAll(() => session?.close());

  it('starts even when the first build fails, under a hidden parent folder, and shows the essay once it is fixed', async () => {
    const content = path.join(work, '.hidden-parent', 'content');
    mkdirSync(content, { recursive: true });
    const essay = path.join(content, 'first.md');
    writeFileSync(essay, '---\ntitle: [broken\n---\n\nText.\n');
    const results: EssayResult[] = [];
    const errors: unknown[] = [];
    const preview = await startPreview({
      files: [essay],
      outDir: path.join(work, '.hidden-parent', 'dist'),
      projectDir: path.join(work, '.hidden-parent'),
      port: 0,
      onResult: (result) => results.push(result),
      onError: (error) => errors.push(error),
    });
    try {
      const first = results[0]!;
      expect(first.ok).toBe(false);
      expect(first.ok ? '' : `${first.error}`).toMatch(/first\.md:2: invalid front matter YAML/);
      writeFileSync(essay, '---\ntitle: Fixed\nlang: en\n---\n\nNow it works.\n');
      await withPage(session, async (page) => {
        for (let tries = 0; tries < 50 && !results.some((r) => r.ok); tries++) await new Promise((r) => setTimeout(r, 100));
        await page.goto(preview.urls[essay]!);
        await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady(), { timeout: 10_000 });
        expect(await page.title()).toBe('Fixed');
      });
      expect(errors).toEqual([]);
    } finally {
      await preview.close();
    }
  });

  it('shows an edit on the same slide, and a build error over the last good deck', async () => {
    const content = path.join(work, 'content');
    mkdirSync(content, { recursive: true });
    const essay = path.join(content, 'live.md');
    const write = (third: string) =>
      writeFileSync(essay, `---\ntitle: Live\nlang: en\n---\n\n## One\n\nFirst section text.\n\n## Two\n\n${third}\n`);
    write('Original wording of the second section.');
    const preview = await startPreview({ files: [essay], outDir: path.join(work, 'dist'), projectDir: work, port: 0, onResult: () => {}, onError: () => {} });
    try {
      await withPage(session, async (page) => {
        await page.goto(`${preview.urls[essay]}#/two-2`);
        await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
        const slideText = () => page.evaluate(() => document.querySelector('.slides section.present')?.textContent ?? '');
        expect(await slideText()).toContain('Original wording');

        write('Changed wording of the second section.');
        await page.waitForFunction(() => document.querySelector('.slides section.present')?.textContent?.includes('Changed wording'), { timeout: 10_000 });
        expect(await page.evaluate(() => location.hash)).toBe('#/two-2');

        writeFileSync(essay, '---\ntitle: [broken\n---\n\nText.\n');
        await page.waitForFunction(() => document.querySelector('[role=alert]')?.textContent?.includes('invalid front matter YAML'), { timeout: 10_000 });
        expect(await slideText()).toContain('Changed wording');

        write('Fixed again.');
        await page.waitForFunction(() => document.querySelector('.slides section.present')?.textContent?.includes('Fixed again'), { timeout: 10_000 });
        expect(await page.evaluate(() => document.querySelector('[role=alert]'))).toBeNull();
      });
    } finally {
      await preview.close();
    }
  });
});
