/** `paparan check`, the deck doctor, as a user or CI runs it. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCapturing } from './helpers/run-cli.js';

const root = path.resolve(import.meta.dirname, '..');

describe('paparan check', () => {
  it('passes the shared essay and prints its figures', async () => {
    const { code, stdout } = await runCapturing('check', path.join(root, 'content/kerja-sama-selatan-selatan.md'));
    expect(stdout).toMatch(/^✓ .*kerja-sama-selatan-selatan\.md/mu);
    expect(stdout).toMatch(/words per bullet: median \d+, max \d+/u);
    expect(stdout).toContain('sentences missing from the notes: 0');
    // Laid out in the browser, every slide fits.
    expect(stdout).toContain('slides that overflow: 0');
    expect(code).toBe(0);
  });

  it('says overflow was not measured with --no-browser, and still checks the figures', async () => {
    const { code, stdout } = await runCapturing('check', '--no-browser', path.join(root, 'content/kerja-sama-selatan-selatan.md'));
    expect(stdout).toContain('slides that overflow: not measured: skipped (--no-browser)');
    expect(code).toBe(0);
  });

  it('fails a deck whose slides overflow, naming them', async () => {
    const { code, stdout } = await runCapturing('check', path.join(root, 'tests/fixtures/essays/overflow-check.md'));
    expect(stdout).toMatch(/out of bounds: 1 slides overflow: \S+/u);
    expect(code).toBe(1);
  }, 60_000);

  it('fails, naming the figure, when a deck pastes the essay (detail: full)', async () => {
    const { code, stdout } = await runCapturing('check', '--no-browser', '--detail', 'full', path.join(root, 'content/kerja-sama-selatan-selatan.md'));
    expect(stdout).toMatch(/^✗ /mu);
    expect(stdout).toMatch(/out of bounds: .*distinct titles|out of bounds: .*bullet/u);
    expect(code).toBe(1);
  });
});
