/** Display formulas as PowerPoint equations (src/pptx-math.ts): the OMML an equation editor can read, and the plain text. */
import { describe, expect, it } from 'vitest';
import { pptxEquation } from '../src/pptx-math.js';

const look = { lang: 'en-US', sizePt: 33, color: '1F2933' };
const omml = (tex: string) => pptxEquation(tex, look)!.omml;
/** The equation's structure without run properties, to read. */
const bare = (tex: string) => omml(tex).replace(/<a:rPr[\s\S]*?<\/a:rPr>/g, '').replace(/ xml:space="preserve"/g, '');

describe('a formula as a PowerPoint equation', () => {
  it('keeps a sum over a bracketed, squared term as one argument, with both brackets in it', () => {
    // KaTeX puts the square on the closing bracket alone; LibreOffice shows "¿¿¿" for a lone bracket.
    const xml = bare('\\sum_{i=1}^{N}(x_i-\\mu)^2');
    const argument = /<m:nary>[\s\S]*?<\/m:sup><m:e>([\s\S]*)<\/m:e><\/m:nary>/.exec(xml)?.[1] ?? '';
    expect(argument).toMatch(/^<m:sSup><m:sSupPr>[\s\S]*<m:e><m:r><m:t>\(<\/m:t><\/m:r>[\s\S]*<m:t>−μ\)<\/m:t><\/m:r><\/m:e><m:sup><m:r><m:t>2<\/m:t>/);
    expect(xml).not.toContain('<m:e/>');
  });

  it('gives each run PowerPoint run properties, never Word ones, and keeps XML special characters escaped', () => {
    const xml = omml('a < b \\& \\mathbf{c}');
    expect(xml).not.toMatch(/<w:|xmlns:w=/);
    expect(xml).toContain('<m:t xml:space="preserve">a&lt;b</m:t>');
    expect(xml).toContain('<m:t xml:space="preserve">&amp;</m:t>');
    expect(xml).toMatch(/<a:rPr lang="en-US" sz="3300" b="1" dirty="0">[\s\S]*?<a:latin typeface="Cambria Math"[^>]*\/><\/a:rPr><m:t xml:space="preserve">c<\/m:t>/);
    expect(xml).not.toContain('undefined');
    // No text outside a run: every m:t sits in an m:r.
    expect(bare('\\int_0^1 f(x)\\,dx')).not.toMatch(/<\/m:r>[^<]+</);
  });

  it('reads as plain text for apps without equations', () => {
    expect(pptxEquation('E = mc^2', look)!.text).toBe('E = mc²');
    expect(pptxEquation('x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}', look)!.text).toBe('x = (−b ± √(b² − 4ac))/(2a)');
    expect(pptxEquation('\\hat{\\beta} = (X^\\top X)^{-1} X^\\top y', look)!.text).toBe('β̂ = (XᵀX)⁻¹Xᵀy');
  });

  it('is undefined for TeX that does not parse', () => {
    expect(pptxEquation('\\sqrt{x', look)).toBeUndefined();
  });
});

describe('an inline formula in slide text', () => {
  it('reads as Unicode text in a title and in a point, not as TeX, and money stays money', async () => {
    const { mathAsText, plainText } = await import('../src/pptx-text.js');
    expect(mathAsText('Elastisitas $E_d = \\frac{\\Delta Q}{Q}$ mengukur kepekaan')).toBe('Elastisitas E_d = (ΔQ)/Q mengukur kepekaan');
    // In Markdown text the formula's own characters are not read as emphasis.
    expect(plainText('Jika $a_i * b_i > 1$, permintaan **elastis**; tiket $5 dan $10')).toBe('Jika aᵢ ∗ bᵢ > 1, permintaan elastis; tiket $5 dan $10');
    // A formula that does not parse keeps its source, as the deck shows it.
    expect(plainText('salah: $\\frac{1}{$ tetap')).toBe('salah: $\\frac{1}{$ tetap');
  });
});
