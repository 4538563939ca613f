/**
 * Formulas: `$…$`, `$$…$$` and ```math blocks become KaTeX HTML + MathML at build
 * time; a formula that does not parse is a file:line warning and shows as code;
 * the notes keep the TeX; a formula never runs anything.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileEssay } from '../src/build.js';

const root = path.resolve(import.meta.dirname, '..');
const fixture = (name: string) => path.join('tests/fixtures/rich', name);
const compileFixture = (name: string) => compileEssay(readFileSync(path.join(root, fixture(name)), 'utf8'), { file: fixture(name), projectDir: root });
/** The notes of every slide, as the speaker view shows them (tags gone). */
const notesOf = (html: string) => [...html.matchAll(/<aside class="notes">([\s\S]*?)<\/aside>/g)].map((m) => m[1]!).join(' ');

describe('formulas in an Indonesian essay', () => {
  const { html, deck, diagnostics } = compileFixture('rumus.md');

  it('renders inline and display formulas to HTML and MathML at build time, with no script', () => {
    expect(html).toContain('class="katex"');
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<link rel="stylesheet" href="assets/katex/katex.css">');
    expect(html).not.toMatch(/<script[^>]*katex/);
    expect(deck.slides.filter((s) => s.body?.layout === 'math')).toHaveLength(2);
  });

  it('leaves money alone: "$5" is not a formula', () => {
    expect(notesOf(html)).toContain('$5 di sini adalah uang');
  });

  it('warns with file:line for a formula that does not parse, and shows its source as code', () => {
    const messages = diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`);
    expect(messages).toContainEqual(expect.stringMatching(/^tests\/fixtures\/rich\/rumus\.md:21: formula "\\frac\{1\}\{" does not parse .*: it is shown as code; fix the TeX$/));
    expect(messages).toContainEqual(expect.stringMatching(/^tests\/fixtures\/rich\/rumus\.md:23: formula "\\sqrt\{x" does not parse/));
    expect(html).toContain('<span class="ln" aria-hidden="true">1</span>\\sqrt{x</span></code>');
    expect(html).not.toContain('katex-error');
  });

  it('keeps the TeX source readable in the speaker notes', () => {
    const notes = notesOf(html);
    expect(notes).toContain('<code class="math-source">$$\\hat{\\beta} = (X^\\top X)^{-1} X^\\top y$$</code>');
    expect(notes).not.toContain('class="katex');
  });

  it('sets a formula too wide for the slide smaller, never below 22 px', () => {
    const sizes = [...html.matchAll(/class="math-display" style="font-size: (\d+)px"/g)].map((m) => Number(m[1]));
    expect(sizes).toHaveLength(2);
    expect(sizes[0]).toBe(44);
    expect(sizes[1]).toBeLessThan(44);
    expect(sizes[1]).toBeGreaterThanOrEqual(22);
  });

  it('breaks a formula too wide even at 22 px after its operators', () => {
    const terms = Array.from({ length: 40 }, (_, i) => `a_{${i}} x^{${i}}`).join(' + ');
    const { html: wide } = compileEssay(`---\ntitle: T\nlang: id\n---\n\n$$\nf(x) = ${terms}\n$$\n`, { file: 'essay.md' });
    expect(wide).toContain('<div class="math-display is-wrapped" style="font-size: 22px">');
  });
});

describe('formulas in an English essay', () => {
  const { html, diagnostics } = compileFixture('formulas.md');

  it('renders the formulas and warns about the broken one by its line', () => {
    expect(html).toContain('<annotation encoding="application/x-tex">A = P e^{rt}</annotation>');
    expect(diagnostics.map((d) => `${d.line}: ${d.message}`)).toContainEqual(expect.stringMatching(/^15: formula "x\^\{2" does not parse/));
  });

  it('leaves "$5 and $10" as money', () => {
    expect(notesOf(html)).toContain('$5 and $10 stay money');
  });
});

describe('formulas are data', () => {
  it('makes no link, script or handler from a formula', () => {
    const source = '---\ntitle: T\n---\n\nA link $\\href{javascript:alert(1)}{x}$ and $\\url{javascript:alert(2)}$ and <b onclick="x()">bold</b> $a<b$ text.\n\n$$\\htmlClass{x}{y} + \\includegraphics{http://example.com/x.png}$$\n';
    const { html } = compileEssay(source, { file: 'essay.md' });
    expect(html).not.toMatch(/href="javascript|onclick|<img|example\.com\/x\.png"/);
  });

  it('needs no KaTeX stylesheet in a deck without formulas', () => {
    const { html } = compileEssay('---\ntitle: T\n---\n\nPrices went from $5 to $10 in a year.\n', { file: 'essay.md' });
    expect(html).not.toContain('katex');
  });
});
