/** Every way a stylesheet can load a file is found, however it is spelled; text that only mentions a URL is not. */
import { describe, expect, it } from 'vitest';
import { cssReferences } from '../src/css-references.js';

const urls = (css: string) => cssReferences(css).references.map((r) => r.url);
const unchecked = (css: string) => cssReferences(css).unchecked.map((u) => u.text);

describe('cssReferences', () => {
  it.each([
    ['url()', 'a { background: url(http://x.test/1.png) }'],
    ['quoted url()', 'a { background: url( "http://x.test/1.png" ) }'],
    ['uppercase URL()', 'a { background: URL(http://x.test/1.png) }'],
    ['image-set()', 'a { background: image-set("http://x.test/1.png" 1x, "b.png" 2x) }'],
    ['-webkit-image-set()', "a { background: -webkit-image-set('http://x.test/1.png' 1x) }"],
    ['uppercase IMAGE-SET()', "a { background: IMAGE-SET('http://x.test/1.png' 1x) }"],
    ['image-set() with an escape in its name', "a { background: i\\6d age-set('http://x.test/1.png' 1x) }"],
    ['image-set() with comments inside', "a { background: image-set(/* a */'http://x.test/1.png'/* b */1x) }"],
    ['src()', 'a { background: src("http://x.test/1.png") }'],
    ['cross-fade()', 'a { background: cross-fade(url(a.png), "http://x.test/1.png") }'],
    ['image()', 'a { background: image("http://x.test/1.png") }'],
    ['@import "…"', '@import "http://x.test/1.png";'],
    ['@import url()', "@import url('http://x.test/1.png') screen;"],
    ['@import with a comment', "@import/**/'http://x.test/1.png';"],
    ['@IMPORT', '@IMPORT "http://x.test/1.png";'],
    ['an escaped @import', '@\\69mport "http://x.test/1.png";'],
    ['@font-face src', '@font-face { font-family: X; src: local("X"), url(http://x.test/1.png) format("woff2"); }'],
    ['a custom property', ':root { --motif: image-set("http://x.test/1.png" 1x); }'],
    ['a nested rule', '@media print { @supports (display: grid) { a { background: url(http://x.test/1.png) } } }'],
    ['a var() fallback', 'a { background: var(--none, url(http://x.test/1.png)) }'],
    ['an escaped URL inside url()', 'a { background: url(http\\3a //x.test/1.png) }'],
    ['an escaped string', 'a { background: image-set("\\68ttp://x.test/1.png" 1x) }'],
  ])('finds the URL in %s', (_, css) => {
    expect(urls(css)).toContain('http://x.test/1.png');
  });

  it('says where each URL is and how it is written', () => {
    const { references } = cssReferences('@import "base.css";\n\na {\n  background: image-set("a.png" 1x, url(b.png) 2x);\n}\n');
    expect(references).toEqual([
      { url: 'base.css', written: '@import "base.css"', line: 1, import: true },
      { url: 'a.png', written: 'image-set("a.png")', line: 4, import: false },
      { url: 'b.png', written: 'url(b.png)', line: 4, import: false },
    ]);
  });

  it.each([
    ['an escaped u\\72l(', 'a { background: u\\72l(http://x.test/1.png) }'],
    ['an escaped \\75rl( with a hex escape', 'a { background: \\75 rl(http://x.test/1.png) }'],
    ['a url( with a comment before its string', 'a { background: url( /**/ "http://x.test/1.png") }'],
    ['@import src()', '@import src("http://x.test/1.png");'],
    ['a var() inside image-set()', 'a { background: image-set(var(--u) 1x) }'],
    ['a var() inside src()', 'a { background: src(var(--u)) }'],
    ['a stray brace before an @import', 'a { color: red; }} @import "http://x.test/1.png"; b { color: blue }'],
  ])('cannot read %s, and says so', (_, css) => {
    expect(unchecked(css).length).toBeGreaterThan(0);
  });

  it('does not count what only names a URL', () => {
    const css = [
      'a::after { content: "url(http://x.test/1.png)"; }',
      '/* @import "http://x.test/1.png"; */',
      '@font-face { font-family: X; src: local("http://x.test") format("woff2"); }',
      'b { background: image-set("a.png" type("image/png")); font-family: "src(x)"; }',
    ].join('\n');
    expect(urls(css)).toEqual(['a.png']);
    expect(unchecked(css)).toEqual([]);
  });
});
