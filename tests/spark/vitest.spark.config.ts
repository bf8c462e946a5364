// `npm run test:spark`: the ledger SQL on real Spark releases (tests/spark/venv.mjs installs them).
// Kept apart from the unit config: it needs Java and PyPI, and takes minutes, not seconds.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/spark/**/*.test.ts'],
    environment: 'node',
    env: { TZ: 'Asia/Shanghai' },
    // A first run installs two PySpark releases; each release then starts a JVM twice.
    testTimeout: 60_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
