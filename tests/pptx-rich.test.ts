/**
 * Charts, formulas and diagrams in slides.pptx: a chart is a native, editable PowerPoint chart of the
 * table's numbers; a formula and a diagram keep their source as code, so nothing of them is lost.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { runCapturing } from './helpers/run-cli.js';

const root = path.resolve(import.meta.dirname, '..');
const out = mkdtempSync(path.join(os.tmpdir(), 'paparan-pptx-rich-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('slides.pptx of an essay with a chart, a formula and a diagram', () => {
  it('draws the chart as a native chart and keeps the formula and the diagram as their source', async () => {
    const result = await runCapturing('build', path.join(root, 'tests/fixtures/rich/pptx-rich.md'), '--out', out, '--no-pdf', '--pptx');
    expect(result.code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(path.join(out, 'pptx-rich', 'slides.pptx')));
    const charts = Object.keys(zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toHaveLength(1);
    const chart = await zip.file(charts[0]!)!.async('string');
    for (const value of ['Tokelau', 'Samoa', 'Fiji', '93', '30', '12']) expect(chart).toContain(value);
    const slides = await Promise.all(Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')));
    const text = slides.join(' ');
    expect(text).toContain('E = mc^2');
    expect(text).toContain('flowchart LR');
  }, 60_000);
});
