import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Browser tests share one Chromium per file and print real PDFs: give them room.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: running browser files side by side only makes each slower.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
