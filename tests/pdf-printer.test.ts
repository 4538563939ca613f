/**
 * The PDF step of `paparan build` (src/pdf-printer.ts): one browser for all essays, closed as soon as the
 * last essay has printed its pages, while its PDFs are still being composed. How quickly it lets go matters
 * to every build: a tab closed through the protocol, or a connection dropped while puppeteer-core still
 * counts the browser as connected, kept the command waiting some 150 ms after its last PDF (issue 13).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findBrowser, missingBrowserMessage, type BrowserSession } from '../src/browser.js';
import { buildEssay } from '../src/build.js';
import { PdfPrinter } from '../src/pdf-printer.js';

const english = path.resolve(import.meta.dirname, 'fixtures/essays/urban-heat.md');
let out: string;

beforeEach(() => {
  if (!findBrowser()) throw new Error(missingBrowserMessage());
  out = mkdtempSync(path.join(os.tmpdir(), 'paparan-printer-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const gone = (session: BrowserSession) => session.process.exitCode !== null || session.process.signalCode !== null;

describe('PdfPrinter', () => {
  it('closes the browser once the last essay has printed, and its PDFs are whole', async () => {
    const printer = new PdfPrinter(undefined, 1);
    await printer.warmUp(undefined);
    const session = await printer.browser();
    const result = await buildEssay(english, { outDir: out, pdfs: printer.print });
    expect(result.ok).toBe(true);
    // Closed by the print step itself, not by a close() after the build.
    expect(session.browser.connected).toBe(false);
    await printer.close();
    expect(gone(session)).toBe(true);
    for (const kind of ['slides', 'handout', 'notes']) {
      const pdf = readFileSync(path.join(out, 'urban-heat', `${kind}.pdf`));
      expect(pdf.subarray(0, 5).toString(), kind).toBe('%PDF-');
      expect(pdf.subarray(-6).toString(), kind).toContain('%%EOF');
    }
  }, 60_000);

  it('lets go of a started browser before close() returns, not a turn of the event loop later', async () => {
    const printer = new PdfPrinter(undefined, 1);
    await printer.warmUp(undefined);
    const session = await printer.browser();
    const closing = printer.close();
    // A tab closing after this fails at once instead of waiting for Chrome's answer.
    expect(session.browser.connected).toBe(false);
    await closing;
    expect(gone(session)).toBe(true);
  }, 30_000);
});
