import { defineConfig } from 'vitest/config';

/** The unit tests `npm run mutate` runs against each mutant: in process, fast, no browser or built CLI. */
export default defineConfig({
  test: {
    include: [
      'test/markdown/markdown.test.ts',
      'test/markdown/commonmark.test.ts',
      'test/markdown/link-target.test.ts',
      'test/markdown/identifiers.test.ts',
      'test/markdown/second-wall.test.ts',
      'test/markdown/plain-text.test.ts',
      'test/markdown/wide-tables.test.ts',
      'test/model/risk.test.ts',
      'test/model/risk-levels.test.ts',
      'test/pipeline/write.test.ts',
      'test/outputs/deck/csp.test.ts',
      'test/outputs/deck/environment.test.ts',
      'test/dev/server.test.ts',
      'test/dev/server-lifecycle.test.ts',
      'test/dev/hosts.test.ts',
      'test/dev/paths.test.ts',
      'test/dev/html.test.ts',
      'test/content/limits.test.ts',
      'test/content/load-limits.test.ts',
      'test/content/validate.test.ts',
    ],
    // A mutant that makes a test wait forever (an event never sent) fails it here, sooner than Stryker's
    // own timeout, which restarts the runner.
    testTimeout: 10_000,
    hookTimeout: 30_000,
  },
});
