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
    // Set-up starts a DuckDB-WASM engine and loads a folder (about a second alone); on a shared
    // 2-core machine under load that passed the default 10 s while the tests themselves were fine.
    hookTimeout: 60000,
  },
});
