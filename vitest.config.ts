import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // The tests that run bin/paparan.js need lib/ compiled from the current src/.
    globalSetup: ['tests/helpers/compile-lib.ts'],
    // Browser tests share one Chromium per file and print real PDFs: give them room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: running browser files side by side only makes each slower.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
