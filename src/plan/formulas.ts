/**
 * Inline formulas pass through the planner as single opaque words, so that
 * summarising, sentence splitting and shortening never cut a formula in half
 * or read its digits as a figure; the slides get the TeX back afterwards.
 */
import { findInlineMath } from '../math.js';
import type { Block, SourceDoc } from '../model.js';

// A letter the essays do not use, then the formula's number in letters (a–z): a word to every rule of the planner.
const MARK = 'ℳ';
const PLACEHOLDER = new RegExp(`${MARK}([a-z]+)${MARK}`, 'gi');

/** The document with its inline formulas masked, and a function that puts them back into any planned value. */
export function maskFormulas(doc: SourceDoc): { doc: SourceDoc; unmask: <T>(value: T) => T } {
  const formulas: string[] = [];
  const mask = (text: string): string => {
    const spans = findInlineMath(text);
    if (spans.length === 0) return text;
    let out = '';
    let at = 0;
    for (const span of spans) {
      out += text.slice(at, span.start) + `${MARK}${toLetters(formulas.length)}${MARK}`;
      formulas.push(text.slice(span.start, span.end));
      at = span.end;
    }
    return out + text.slice(at);
  };
  const maskBlock = (block: Block): Block => {
    switch (block.kind) {
      case 'paragraph':
        return { ...block, text: mask(block.text), ...(block.keyPoints ? { keyPoints: block.keyPoints.map(mask) } : {}) };
      case 'quote':
        return { ...block, text: mask(block.text) };
      case 'list':
        return { ...block, items: block.items.map(mask) };
      default:
        return block;
    }
  };
  const masked: SourceDoc = { ...doc, preamble: doc.preamble.map(maskBlock), sections: doc.sections.map((s) => ({ ...s, blocks: s.blocks.map(maskBlock) })) };
  const restore = (text: string) => text.replace(PLACEHOLDER, (whole, letters: string) => formulas[fromLetters(letters.toLowerCase())] ?? whole);
  const unmask = <T>(value: T): T => {
    if (formulas.length === 0) return value;
    if (typeof value === 'string') return restore(value) as T;
    if (Array.isArray(value)) return value.map(unmask) as T;
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unmask(v)])) as T;
    return value;
  };
  return { doc: masked, unmask };
}

function toLetters(n: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

function fromLetters(s: string): number {
  return [...s].reduce((n, ch) => (n + 1) * 26 + ch.charCodeAt(0) - 97, -1);
}
