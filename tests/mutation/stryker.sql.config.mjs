// `npm run test:mutation`, second part: StrykerJS over the query builders (src/data/queries.ts),
// each mutant run against the SQL tests of tests/mutation/vitest.sql.config.ts in DuckDB-WASM.
import domain from './stryker.config.mjs';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  ...domain,
  vitest: { configFile: 'tests/mutation/vitest.sql.config.ts' },
  mutate: ['src/data/queries.ts'],
  htmlReporter: { fileName: 'tests/artifacts/mutation/queries.html' },
  jsonReporter: { fileName: 'tests/artifacts/mutation/queries.json' },
  incrementalFile: 'tests/artifacts/mutation/queries-incremental.json',
};
