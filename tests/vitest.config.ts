import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  // This file lives in tests/ to keep the repository's top level short.
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/sql/**/*.test.ts'],
    environment: 'node',
    // Judgement depends on calendar months: run in a fixed, non-UTC zone so a test that
    // accidentally relies on local time fails the same way everywhere.
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 60000,
    // The SQL tests' set-up boots DuckDB-WASM and loads a folder: on a shared, loaded machine that
    // takes longer than the default 10 s.
    hookTimeout: 60000,
  },
});
