/**
 * Every place a stylesheet can make the browser load a file, found with a CSS
 * parser (css-tree) rather than a pattern, so that `URL(`, `image-set("…")`,
 * `src()`, `@import` in any form and comments in between are all seen. What
 * the parser cannot read but looks like a load (an escaped `u\72l(`, a `var()`
 * inside `image-set()`) is returned as unchecked, for the caller to refuse.
 */
import { createRequire } from 'node:module';
import type { CssNode } from 'css-tree';

/** css-tree, loaded on first use (its CommonJS build, so that this stays synchronous): only user themes need it, and it is slow to load. */
let cssTree: typeof import('css-tree') | undefined;
const csstree = () => (cssTree ??= createRequire(import.meta.url)('css-tree') as typeof import('css-tree'));

/** One URL a stylesheet loads. */
export interface CssReference {
  /** The URL as written (escapes decoded). */
  url: string;
  /** How it is written, for messages: `url(x.png)`, `image-set("x.png")`, `@import "x.css"`. */
  written: string;
  line: number;
  /** True for `@import`: the target is a stylesheet that loads files in turn. */
  import: boolean;
}

/** Something that may load a file but whose URL cannot be read from the stylesheet. */
export interface UncheckedCss {
  text: string;
  line: number;
}

/** Functions whose string arguments are URLs (vendor prefixes aside). */
const urlFunctions = new Set(['image-set', 'src', 'cross-fade', 'image', 'element']);
/** Functions that fill in a value only when the page runs, so nothing can check it beforehand. */
const lateFunctions = new Set(['var', 'env', 'attr']);

/** The URLs a stylesheet loads, and what looks like a load but cannot be read. */
export function cssReferences(css: string): { references: CssReference[]; unchecked: UncheckedCss[] } {
  const references: CssReference[] = [];
  const unchecked: UncheckedCss[] = [];
  // Custom properties are parsed too: `--bg: image-set("…")` loads wherever var(--bg) is used.
  const ast = csstree().parse(css, { positions: true, parseCustomProperty: true, onParseError: () => {} });
  csstree().walk(ast, function (node: CssNode) {
    const line = node.loc?.start.line ?? 1;
    const inImport = this.atrule !== null && nameOf(this.atrule.name) === 'import' && this.function === null;
    const within = this.function ? nameOf(this.function.name) : undefined;
    if (node.type === 'Url') {
      references.push({ url: node.value, written: `url(${node.value})`, line, import: inImport });
    } else if (node.type === 'String' && ((within && urlFunctions.has(unprefixed(within))) || (inImport && this.atrulePrelude !== null))) {
      references.push({ url: node.value, written: inImport ? `@import "${node.value}"` : `${within}("${node.value}")`, line, import: inImport });
    } else if (node.type === 'Function') {
      const name = nameOf(node.name);
      // A plain url( is a Url node; a Function named url was written with escapes.
      if (name === 'url') unchecked.push({ text: `${node.name}(…)`, line });
      else if (lateFunctions.has(name) && within && urlFunctions.has(unprefixed(within))) unchecked.push({ text: `${name}() inside ${within}()`, line });
    } else if (node.type === 'Raw' && looksLikeALoad(node.value)) {
      unchecked.push({ text: node.value.trim(), line });
    }
  });
  return { references, unchecked };
}

/** A function or at-rule name as the browser reads it: escapes decoded, any case. */
function nameOf(name: string): string {
  return csstree().ident.decode(name).toLowerCase();
}

function unprefixed(name: string): string {
  return name.replace(/^-[a-z]+-/, '');
}

/** Text the parser gave up on (css-tree leaves it raw) that a browser might still read as a load. */
function looksLikeALoad(raw: string): boolean {
  const text = raw
    .replace(/\/\*[\s\S]*?(\*\/|$)/g, '')
    .replace(/\\([0-9a-fA-F]{1,6})[ \t\n\r\f]?/g, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff) || 0xfffd))
    .replace(/\\(.)/g, '$1');
  return /(url|image-set|src|cross-fade|image|element)\s*\(|@import/i.test(text);
}
