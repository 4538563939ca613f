/**
 * Charts, formulas and diagrams in slides.pptx: a chart is a native, editable PowerPoint chart of the
 * table's numbers; a formula is a native PowerPoint equation (with its text for apps without equations);
 * a diagram is a picture a browser drew, its Mermaid source in the notes, or its source when no browser
 * can be found. LibreOffice opens the file as an office suite would.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { missingBrowserMessage } from '../src/browser.js';
import { buildEssay } from '../src/build.js';
import { BrowserError } from '../src/errors.js';
import { convertWithLibreOffice } from './helpers/office.js';
import { runCapturing } from './helpers/run-cli.js';

const root = path.resolve(import.meta.dirname, '..');
const essay = path.join(root, 'tests/fixtures/rich/pptx-rich.md');
const out = mkdtempSync(path.join(os.tmpdir(), 'paparan-pptx-rich-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** A strict, namespace-aware XML parser (sax, as docx's xml-js uses it): it names what is malformed or unbound. */
const sax = createRequire(import.meta.url)('sax') as {
  parser(strict: boolean, options: { xmlns: boolean }): { onerror: (error: Error) => void; write(xml: string): { close(): void }; resume(): void; error: Error | null };
};
function xmlErrors(xml: string): string[] {
  const errors: string[] = [];
  const parser = sax.parser(true, { xmlns: true });
  parser.onerror = (error) => {
    errors.push(error.message.split('\n')[0]!);
    parser.error = null;
    parser.resume();
  };
  parser.write(xml).close();
  return errors;
}

interface Package {
  zip: JSZip;
  file: string;
  /** Slide XML by slide number. */
  slides: Map<number, string>;
  notes: Map<number, string>;
}

async function readPackage(file: string): Promise<Package> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const parts = async (pattern: RegExp) =>
    new Map(await Promise.all(Object.keys(zip.files).flatMap((name) => (pattern.exec(name) ? [(async () => [Number(pattern.exec(name)![1]), await zip.file(name)!.async('string')] as [number, string])()] : []))));
  return { zip, file, slides: await parts(/^ppt\/slides\/slide(\d+)\.xml$/), notes: await parts(/^ppt\/notesSlides\/notesSlide(\d+)\.xml$/) };
}

/** The number of the content slide (not the section slide) whose title is `title`. */
function slideTitled(pkg: Package, title: string): number {
  const found = [...pkg.slides].find(([, xml]) => !xml.includes('name="Section number"') && /type="title"[\s\S]*?<a:t>([^<]*)<\/a:t>/.exec(xml)?.[1] === title);
  if (!found) throw new Error(`no slide titled ${title}`);
  return found[0];
}

const textOf = (xml: string) => [...xml.matchAll(/<(?:a|m):t(?: [^>]*)?>([^<]*)<\/(?:a|m):t>/g)].map((m) => m[1]).join(' ');

describe('slides.pptx of an essay with a chart, a formula and a diagram', () => {
  let pkg: Package;
  beforeAll(async () => {
    const result = await runCapturing('build', essay, '--out', out, '--no-pdf', '--pptx');
    expect(result.code, result.stderr).toBe(0);
    pkg = await readPackage(path.join(out, 'pptx-rich', 'slides.pptx'));
  }, 120_000);

  it('draws the chart as a native chart', async () => {
    const charts = Object.keys(pkg.zip.files).filter((name) => /^ppt\/charts\/chart\d+\.xml$/.test(name));
    expect(charts).toHaveLength(1);
    const chart = await pkg.zip.file(charts[0]!)!.async('string');
    for (const value of ['Tokelau', 'Samoa', 'Fiji', '93', '30', '12']) expect(chart).toContain(value);
  });

  it('writes the formula as a native PowerPoint equation, its plain text for apps without equations, its TeX in the notes', () => {
    const n = slideTitled(pkg, 'A formula');
    const xml = pkg.slides.get(n)!;
    // PowerPoint's own markup: the shape twice, the equation for apps that know Office 2010 drawing, text for the others.
    const alternate = /<mc:AlternateContent xmlns:mc="http:\/\/schemas\.openxmlformats\.org\/markup-compatibility\/2006">([\s\S]*?)<\/mc:AlternateContent>/.exec(xml)?.[1];
    expect(alternate, 'no mc:AlternateContent on the formula slide').toBeDefined();
    const choice = /<mc:Choice xmlns:a14="http:\/\/schemas\.microsoft\.com\/office\/drawing\/2010\/main" Requires="a14">([\s\S]*)<\/mc:Choice>/.exec(alternate!)?.[1] ?? '';
    const equation = /<a14:m><m:oMathPara xmlns:m="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/math">[\s\S]*?<m:oMath>([\s\S]*)<\/m:oMath>/.exec(choice)?.[1] ?? '';
    expect(equation).toContain('<m:sSup>');
    expect(textOf(equation).replace(/\s+/g, '')).toBe('E=mc2');
    expect(equation).toContain('<a:latin typeface="Cambria Math"');
    const fallback = /<mc:Fallback>([\s\S]*)<\/mc:Fallback>/.exec(alternate!)?.[1] ?? '';
    expect(textOf(fallback)).toBe('E = mc²');
    // The same shape in both branches, and no TeX source left on the slide.
    const ids = [...alternate!.matchAll(/<p:cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
    expect(textOf(xml)).not.toContain('mc^2');
    expect(textOf(pkg.notes.get(n)!)).toContain('$$E = mc^2$$');
  });

  it('is a package of well-formed XML with every namespace prefix declared', async () => {
    const names = Object.keys(pkg.zip.files).filter((name) => /\.(xml|rels)$/.test(name));
    const problems: string[] = [];
    for (const name of names) for (const error of xmlErrors(await pkg.zip.file(name)!.async('string'))) problems.push(`${name}: ${error}`);
    expect(problems).toEqual([]);
  });

  it('draws the diagram as a PNG picture at twice its size, its Mermaid source in the notes, no code box', async () => {
    const n = slideTitled(pkg, 'A diagram');
    const xml = pkg.slides.get(n)!;
    expect(textOf(xml)).not.toContain('flowchart');
    const embed = /<p:pic>[\s\S]*?<a:blip r:embed="(rId\d+)"/.exec(xml)?.[1];
    expect(embed, 'no picture on the diagram slide').toBeDefined();
    const rels = await pkg.zip.file(`ppt/slides/_rels/slide${n}.xml.rels`)!.async('string');
    const target = new RegExp(`Id="${embed}"[^>]*Target="\\.\\./media/([^"]+\\.png)"`).exec(rels)?.[1];
    expect(target).toBeDefined();
    const png = PNG.sync.read(await pkg.zip.file(`ppt/media/${target}`)!.async('nodebuffer'));
    // Three boxes in a row: wide, not tall, drawn at 2x (the deck draws it about 450 px wide).
    expect(png.width).toBeGreaterThan(600);
    expect(png.height).toBeGreaterThan(60);
    expect(png.width).toBeGreaterThan(png.height * 3);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) if (png.data[i + 3]! > 0) colours.add(png.data.readUInt32BE(i));
    expect(colours.size, 'the picture is blank').toBeGreaterThan(10);
    expect(textOf(pkg.notes.get(n)!)).toContain('flowchart LR');
    expect(textOf(pkg.notes.get(n)!)).toContain('A[Sun] --&gt; B[Panel] --&gt; C[Grid]');
  });

  it('opens in LibreOffice with the formula shown, not its TeX', () => {
    const pdf = convertWithLibreOffice(pkg.file, mkdtempSync(path.join(out, 'lo-')));
    const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).split('\f');
    const page = pages.find((text) => text.trimStart().startsWith('A formula'));
    expect(page).toBeDefined();
    const compact = page!.replace(/\s+/g, '');
    expect(compact).toMatch(/E=mc.*2/);
    expect(compact).not.toContain('^');
  }, 200_000);
});

describe('slides.pptx when no browser can be found', () => {
  it('keeps the diagram as its source and says, once, how to get a picture', async () => {
    const noBrowser = () => Promise.reject(new BrowserError(missingBrowserMessage()));
    const result = await buildEssay(essay, { outDir: path.join(out, 'no-browser'), cli: { pptx: true }, browser: noBrowser });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const warnings = result.diagnostics.filter((d) => /diagram/.test(d.message));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: 'warning', file: essay, line: 20 });
    expect(warnings[0]!.message).toMatch(/^slides\.pptx shows this diagram as its Mermaid source: drawing it needs Chrome or Chromium, and none was found; install Chromium .*PUPPETEER_EXECUTABLE_PATH/);
    const pkg = await readPackage(path.join(out, 'no-browser', 'pptx-rich', 'slides.pptx'));
    expect(textOf(pkg.slides.get(slideTitled(pkg, 'A diagram'))!)).toContain('flowchart LR');
    expect(Object.keys(pkg.zip.files).filter((name) => name.startsWith('ppt/media/') && !pkg.zip.files[name]!.dir)).toEqual([]);
  }, 60_000);
});
