// Browser (playwright-core + system Chromium) tests against the built app.
// Kept apart from the unit config so `npm run test:unit` never needs a browser.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Anchor at the repo root whatever the cwd, so `include` is predictable.
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    // Chromium start-up plus DuckDB-WASM instantiation is slow on a 2-core CI box.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // One browser at a time: parallel Chromiums on 2 cores just time out.
    fileParallelism: false,
  },
});
