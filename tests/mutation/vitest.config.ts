/**
 * The tests `npm run test:mutation` runs against each mutant: the unit tests of the rules and the
 * query builders, and one SQL test that judges a small hand-checked fixture in DuckDB-WASM (what
 * kills mutants of src/data/queries.ts and of rules only SQL reaches). Left out: tests that never
 * reach the mutated files (ingest, ledger, server, charts, i18n) and the slower SQL suites. A mutant
 * of a module-level constant reruns every test here that imports it, so together they stay quick.
 */
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'tests/unit/{judge,binding,status,privacy,allocation,analysis,format,resolve-areas,period-format,queries,palette}.test.ts',
      'tests/sql/districts.test.ts',
    ],
  },
});
