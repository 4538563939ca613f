import { describe, expect, it } from 'vitest';
import { closestWord, editDistance } from '../src/suggest.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and swapped neighbours as one edit each', () => {
    expect(editDistance('serve', 'serve')).toBe(0);
    expect(editDistance('serv', 'serve')).toBe(1);
    expect(editDistance('biuld', 'build')).toBe(1);
    expect(editDistance('buidl', 'build')).toBe(1);
    expect(editDistance('thems', 'themes')).toBe(1);
    expect(editDistance('', 'help')).toBe(4);
    expect(editDistance('essay', 'serve')).toBeGreaterThan(2);
  });
});

describe('closestWord', () => {
  const commands = ['build', 'serve', 'import', 'themes', 'help'];
  it('finds the command meant, whatever the case, and nothing for a word far from all', () => {
    expect(closestWord('SERV', commands)).toBe('serve');
    expect(closestWord('bild', commands)).toBe('build');
    expect(closestWord('essay', commands)).toBeUndefined();
    expect(closestWord('slides', commands)).toBeUndefined();
  });
});
