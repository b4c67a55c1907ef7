import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // expect.poll waits for what a page or a server will show; its default second is too short for a
    // browser on a busy two-core machine (a revealed phone once took longer in CI). A limit, not a wait.
    expect: { poll: { timeout: 15_000 } },
    // Storage tests each start their own database; two cores are what CI has.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
