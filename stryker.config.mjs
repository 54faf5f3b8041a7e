// Stryker for one module at a time (ATLAS_MUTATE_MODULE, set by scripts/mutate.mjs: run `npm run mutate`).
// Stryker plants small bugs (mutants) in the module and runs the unit tests that cover each one; a
// mutant the tests do not notice is a gap. Not part of `npm test`: on two cores it takes far longer than
// a commit should wait. Results and how to read them: docs/mutation.md.
//
// Incremental: reports/incremental/<module>.json (committed) remembers each mutant's outcome and the
// tests that covered it, so a re-run tests again only the mutants in changed code or covered by
// changed tests. One file per module because Stryker keeps only the mutants of the files it mutated.
import { selectedModule } from './scripts/mutation-modules.mjs';

const target = selectedModule();

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  // vitest.mutate.config.ts runs the module's own tests only (the same ATLAS_MUTATE_MODULE).
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  // Which tests cover which mutant, from one instrumented run: each mutant then runs only those tests.
  coverageAnalysis: 'perTest',
  ignoreStatic: target.ignoreStatic ?? false,
  mutate: [...target.mutate, '!**/*.test.ts'],
  // Five other jobs share the two cores; one test process at a time.
  concurrency: 1,
  timeoutMS: 20_000,
  incremental: true,
  incrementalFile: `reports/incremental/${target.slug}.json`,
  reporters: ['html', 'json', 'progress'],
  htmlReporter: { fileName: `reports/mutation/${target.slug}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${target.slug}/mutation.json` },
  // The sandbox is a copy of the project; leave out what no unit test reads.
  ignorePatterns: ['e2e', 'bench', 'docs', 'public', '.data', '.venv', 'test-results', 'playwright-report', 'reports', '.next*', '.stryker-tmp*'],
  thresholds: { high: 85, low: 70, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
