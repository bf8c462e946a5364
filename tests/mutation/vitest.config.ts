/**
 * The tests `npm run test:mutation` runs against each mutant: the pure unit tests, and the SQL tests
 * that judge targets and districts in DuckDB-WASM (what kills mutants of the rules and of
 * src/data/queries.ts). The load, ledger and bad-input suites are left out: they test ingest, not
 * the mutated files, and would triple the run.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import base from '../vitest.config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: [
        'tests/unit/**/*.test.ts',
        'tests/sql/actuals.test.ts',
        'tests/sql/judge-year.test.ts',
        'tests/sql/districts.test.ts',
        'tests/sql/as-of.test.ts',
      ],
    },
  }),
);
