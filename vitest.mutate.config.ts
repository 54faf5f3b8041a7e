import { defineConfig } from 'vitest/config';
import { selectedModule } from './scripts/mutation-modules.mjs';
import base from './vitest.config';

/**
 * The unit tests Stryker runs against the mutants of one module (`npm run mutate`): that module's own.
 * Tests elsewhere that happen to import it (the graph layout's, say) add minutes per mutant on two cores
 * and are left to `npm test`. Instrumented code on a busy machine gets more than the default 5 s.
 */
const target = selectedModule();
export default defineConfig({
  ...base,
  test: { ...base.test, include: target.tests, testTimeout: 60_000, isolate: target.isolate ?? true },
});
