/**
 * The tests `npm run test:mutation` runs against each mutant of src/domain/: the unit tests (pure,
 * a few hundred milliseconds a mutant). Left out: those that never reach the domain (the server,
 * the ledger generator, CSV decoding), and SQL: see vitest.sql.config.ts.
 */
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/unit/**/*.test.ts'],
    exclude: ['tests/unit/{serve,gen-ledger,csv-text}.test.ts', '**/node_modules/**'],
    // Modules load once per worker, not once per test file: Stryker switches mutants at run time.
    isolate: false,
  },
});
