/**
 * Rule: a long paragraph that changes topic becomes several slides, cut where
 * the words of neighbouring sentences overlap least (TextTiling, Hearst 1997),
 * never inside a sentence. Segments keep between three and five sentences.
 */
import { similarity } from './rank.js';
import { contentWords, type Lang } from './words.js';

const MIN_SENTENCES = 3;
const MAX_SENTENCES = 5;

/** Sentence ranges [start, end) of the topics of a paragraph; one range when it is short. */
export function splitTopics(sentences: string[], lang: Lang): [number, number][] {
  const n = sentences.length;
  if (n <= MAX_SENTENCES + 1) return [[0, n]];
  const gaps = gapScores(sentences, lang);
  const parts = Math.ceil(n / 4);
  // cost[k][i]: the least overlap cut through when the first i sentences make k segments.
  const cost = Array.from({ length: parts + 1 }, () => new Array<number>(n + 1).fill(Infinity));
  const from = Array.from({ length: parts + 1 }, () => new Array<number>(n + 1).fill(-1));
  cost[0]![0] = 0;
  for (let k = 1; k <= parts; k++) {
    for (let i = MIN_SENTENCES; i <= n; i++) {
      for (let size = MIN_SENTENCES; size <= MAX_SENTENCES && size <= i; size++) {
        const previous = cost[k - 1]![i - size]!;
        const cut = i < n ? gaps[i - 1]! : 0;
        if (previous + cut < cost[k]![i]!) {
          cost[k]![i] = previous + cut;
          from[k]![i] = i - size;
        }
      }
    }
  }
  if (!Number.isFinite(cost[parts]![n]!)) return [[0, n]];
  const bounds = [n];
  for (let k = parts, i = n; k > 0; k--) {
    i = from[k]![i]!;
    bounds.unshift(i);
  }
  return bounds.slice(1).map((end, i) => [bounds[i]!, end]);
}

/** Word overlap across each gap between sentences (gap k lies after sentence k), two sentences a side. */
function gapScores(sentences: string[], lang: Lang): number[] {
  const bags = sentences.map((s) => contentWords(s, lang));
  return bags.slice(0, -1).map((_, k) => {
    const left = new Set(bags.slice(Math.max(0, k - 1), k + 1).flat());
    const right = new Set(bags.slice(k + 1, k + 3).flat());
    return similarity(left, right);
  });
}
