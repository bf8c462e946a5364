import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/sql/**/*.test.ts'],
    environment: 'node',
    // Judgement depends on calendar months: run in a fixed, non-UTC zone so a test that
    // accidentally relies on local time fails the same way everywhere.
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 60000,
  },
});
