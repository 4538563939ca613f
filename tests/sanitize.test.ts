import { describe, expect, it } from 'vitest';
import { sanitizeBlock, sanitizeInline } from '../src/sanitize.js';

describe('sanitizing the essay’s HTML', () => {
  it('removes scripts, event handlers and javascript: links', () => {
    const html = sanitizeBlock('<div onclick="x()">a<script>alert(1)</script><a href="javascript:alert(2)">b</a><b onmouseover="y()">c</b></div>');
    expect(html).toBe('<div>a<a>b</a><b>c</b></div>');
  });

  it('keeps emphasis and links in a sentence, drops block tags there', () => {
    expect(sanitizeInline('<em>kata</em> <a href="https://example.org">tautan</a> <div>x</div>')).toBe(
      '<em>kata</em> <a href="https://example.org">tautan</a> x',
    );
  });

  it('drops images in raw HTML (they would skip the image checks)', () => {
    expect(sanitizeBlock('<p><img src="../outside.png" alt="x">text</p>')).toBe('<p>text</p>');
  });

  it('with allowHtml keeps harmless styles but never url(), @import or positioning', () => {
    const html = sanitizeBlock('<p style="color: red; background-image: url(https://x/y.png); position: fixed; width: url(x)">x</p>', true);
    expect(html).toBe('<p style="color:red">x</p>');
    expect(sanitizeBlock('<p style="color: red">x</p>')).toBe('<p>x</p>');
  });
});
