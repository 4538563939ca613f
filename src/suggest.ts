/**
 * "Did you mean …?" for a mistyped word: the closest of the known words by edit
 * distance. Commander has this for unknown commands, but not when a default
 * command takes any other word as a file name, as `paparan FILE` does.
 */

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`: "biuld" → "build" is 1. */
export function editDistance(a: string, b: string): number {
  // d[i][j]: the distance between a's first i characters and b's first j.
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The known word closest to `word` within `maxDistance` edits (the first of equals), or undefined. */
export function closestWord(word: string, known: readonly string[], maxDistance = 2): string | undefined {
  let closest: string | undefined;
  let distance = maxDistance + 1;
  for (const candidate of known) {
    const d = editDistance(word.toLowerCase(), candidate);
    if (d < distance) [closest, distance] = [candidate, d];
  }
  return closest;
}
