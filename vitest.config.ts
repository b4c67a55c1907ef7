import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Storage tests each start their own database; two cores are what CI has.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
