/**
 * Vitest's global setup: tests that run bin/paparan.js or import the package entry run lib/,
 * so lib/ is compiled first when src/ changed (a few ms when it did not).
 */
import { compileIfStale } from '../../scripts/compile-if-stale.mjs';

export default function setup(): void {
  if (compileIfStale() !== 0) throw new Error('could not compile src/ into lib/: see the messages above');
}
