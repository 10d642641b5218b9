// Mutation testing of the modules where a silent change would hurt users most: `npm run mutate`.
// Not run in CI (it takes tens of minutes on two cores); its score is recorded in the README.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Only the fast in-process unit tests of these modules; the built-CLI tests run `lib/`, which
  // Stryker does not mutate, so they could not kill a mutant anyway.
  vitest: { configFile: 'vitest.mutate.config.ts', related: true },
  mutate: [
    'src/markdown/urls.ts',
    'src/markdown/markdown.ts',
    'src/model/risk.ts',
    'src/pipeline/write.ts',
    'src/outputs/deck/csp.ts',
    'src/outputs/deck/environment.ts',
    'src/dev/server.ts',
    'src/dev/paths.ts',
    'src/dev/html.ts',
    'src/dev/hosts.ts',
    'src/content/limits.ts',
    'src/content/load-limits.ts',
  ],
  coverageAnalysis: 'perTest',
  concurrency: 1,
  timeoutMS: 15_000,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: 80 },
  tempDirName: '.stryker-tmp',
  ignorePatterns: ['dist', 'lib', 'lib-check', 'coverage', 'reports', 'bench/results'],
  cleanTempDir: true,
};
