/**
 * Which sentences earn a point: TextRank over word overlap (Mihalcea & Tarau
 * 2004), nudged by what a lecturer would put on a slide: figures, acronyms
 * and cue words ("utama", "penting", "tujuan", "therefore"). Deterministic and
 * small enough that writing it beat adding a summariser package.
 */
import { contentWords, type Lang } from './words.js';

const CUE_WORDS = new Set([
  'utama', 'penting', 'tujuan', 'kunci', 'pokok', 'dampak', 'manfaat', 'prinsip', 'strategi', 'hasil', 'akibat', 'tantangan', 'potensi',
  'main', 'key', 'important', 'goal', 'aim', 'therefore', 'result', 'effect', 'impact', 'benefit', 'principle', 'challenge', 'strategy',
]);

/** A score per sentence, higher for the sentences that best carry the passage. */
export function rankSentences(sentences: string[], lang: Lang): number[] {
  const bags = sentences.map((s) => new Set(contentWords(s, lang)));
  const n = sentences.length;
  const weights = bags.map((a, i) => bags.map((b, j) => (i === j ? 0 : similarity(a, b))));
  let scores = new Array<number>(n).fill(1 / Math.max(1, n));
  for (let round = 0; round < 30; round++) {
    scores = scores.map((_, i) => {
      let sum = 0;
      for (let j = 0; j < n; j++) {
        const out = weights[j]!.reduce((a, b) => a + b, 0);
        if (out > 0) sum += (weights[j]![i]! / out) * scores[j]!;
      }
      return 0.15 / n + 0.85 * sum;
    });
  }
  const top = Math.max(...scores, 1e-9);
  return scores.map((score, i) => score / top + bonus(sentences[i]!, bags[i]!));
}

/** Overlap of two bags of words, normalised by their lengths (TextRank's measure). */
export function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (Math.log(a.size) + Math.log(b.size));
}

function bonus(sentence: string, words: Set<string>): number {
  let extra = 0;
  if (/\d+(?:[.,]\d+)?\s*(?:%|persen|percent|juta|miliar|triliun|million|billion|°)/iu.test(sentence) || /(?:Rp|USD|\$)\s*\d/u.test(sentence)) extra += 0.5;
  else if (/\b(?:1[89]|20)\d\d\b/u.test(sentence.replace(/\([^()]*\d{4}[^()]*\)/gu, ''))) extra += 0.2;
  if (/(?<![\p{L}])\p{Lu}{2,6}(?![\p{L}])/u.test(sentence)) extra += 0.1;
  if ([...words].some((w) => CUE_WORDS.has(w))) extra += 0.2;
  return extra;
}
