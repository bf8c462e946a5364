// `npm run test:mutation`: StrykerJS over the rules (src/domain/) and the query builders
// (src/data/queries.ts), each mutant run against the tests of tests/mutation/vitest.config.ts that
// reach it. Not part of `npm test`: about 20 minutes on 2 cores. Reports: tests/artifacts/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'tests/mutation/vitest.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: ['src/domain/**/*.ts', 'src/data/queries.ts'],
  ignorePatterns: ['dist', 'tests/artifacts', 'tests/e2e', 'tests/bench', 'tests/screenshots', 'public'],
  concurrency: 2,
  timeoutMS: 10000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'tests/artifacts/mutation/index.html' },
  jsonReporter: { fileName: 'tests/artifacts/mutation/mutation.json' },
  tempDirName: 'tests/artifacts/stryker-tmp',
  incrementalFile: 'tests/artifacts/mutation/incremental.json',
  thresholds: { high: 90, low: 85, break: null },
};
