import { defineConfig } from 'vitest/config';

// Real browsers: one file at a time on a 2-core machine, generous timeouts for browser start-up.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60000,
    hookTimeout: 90000,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
