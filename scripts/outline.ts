/**
 * Prints a planned deck as text: each slide's title and points, for reading
 * the planner's output (and for the golden files in tests/golden/).
 * Usage: tsx scripts/outline.ts content/essay.md [--detail full]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { outlineDeck } from '../src/plan/outline.js';
import { parseEssay, slugFromPath } from '../src/parse.js';
import { planDeck } from '../src/plan/deck.js';

const [file, flag, level] = process.argv.slice(2);
if (!file) {
  console.error('usage: tsx scripts/outline.ts FILE.md [--detail full]');
  process.exit(2);
}
const doc = parseEssay({ source: readFileSync(file, 'utf8'), file, baseDir: path.dirname(path.resolve(file)), slug: slugFromPath(file) });
const deck = planDeck(doc, { detail: flag === '--detail' && level === 'full' ? 'full' : 'summary' });
process.stdout.write(outlineDeck(deck));
