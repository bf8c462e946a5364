/**
 * The tests run against each mutant of src/data/queries.ts: its unit test, and the SQL tests that run
 * the statements in DuckDB-WASM on small hand-checked fixtures (a few seconds a mutant, which is why
 * the domain's mutants do not run them).
 */
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['tests/unit/queries.test.ts', 'tests/sql/{districts,actuals}.test.ts'],
  },
});
