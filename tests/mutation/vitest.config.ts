/**
 * The tests `npm run test:mutation` runs against each mutant of src/domain/: the unit tests of the
 * rules (pure, a few hundred milliseconds a mutant). Tests that never reach the domain (ingest,
 * ledger, server, charts, i18n) are left out, and so is SQL: see vitest.sql.config.ts.
 */
import { defineConfig } from 'vitest/config';
import base from '../vitest.config';

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      'tests/unit/{judge,binding,status,privacy,allocation,analysis,format,resolve-areas,period-format,queries,palette}.test.ts',
    ],
    // Modules load once per worker, not once per test file: Stryker switches mutants at run time.
    isolate: false,
  },
});
