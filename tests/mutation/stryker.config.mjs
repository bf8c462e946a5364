// `npm run test:mutation`, first part: StrykerJS over the rules (src/domain/), each mutant run
// against the unit tests of tests/mutation/vitest.config.ts that reach it. The second part
// (stryker.sql.config.mjs) mutates the query builders. Not part of `npm test`.
// Reports: tests/artifacts/mutation/ (git-ignored).
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/mutation/vitest.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: ['src/domain/**/*.ts'],
  ignorePatterns: ['dist', 'tests/artifacts', 'tests/e2e', 'tests/bench', 'tests/screenshots', 'public'],
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress-append-only', 'html', 'json'],
  htmlReporter: { fileName: 'tests/artifacts/mutation/domain.html' },
  jsonReporter: { fileName: 'tests/artifacts/mutation/domain.json' },
  tempDirName: 'tests/artifacts/stryker-tmp',
  incrementalFile: 'tests/artifacts/mutation/domain-incremental.json',
  thresholds: { high: 90, low: 85, break: null },
};
