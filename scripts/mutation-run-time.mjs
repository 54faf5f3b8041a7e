#!/usr/bin/env node
// `node scripts/mutation-run-time.mjs <module> [runs]`: how long one mutant's test run takes for a module of
// scripts/mutation-modules.mjs, measured the way Stryker's vitest runner drives vitest (one vitest context, one
// worker thread, the module's test files started again for each mutant) without Stryker. Prints every run's time in
// ms and the median of all but the first (the first also transforms the files). See docs/mutation.md.
import { performance } from 'node:perf_hooks';
import { createVitest } from 'vitest/node';

const [moduleName, runs = '8'] = process.argv.slice(2);
if (!moduleName) {
  console.error('Usage: node scripts/mutation-run-time.mjs <module> [runs]');
  process.exit(2);
}
process.env.ATLAS_MUTATE_MODULE = moduleName;
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
const ctx = await createVitest('test', { config: 'vitest.mutate.config.ts', pool: 'threads', maxWorkers: 1, watch: false, reporters: [{}] });
const files = (await ctx.globTestSpecifications()).map((s) => s.moduleId);
const times = [];
for (let i = 0; i < Number(runs); i++) {
  const started = performance.now();
  await ctx.start(files);
  times.push(Math.round(performance.now() - started));
}
const failed = ctx.state.getFiles().some((f) => f.result?.state === 'fail');
const rest = times.slice(1).sort((a, b) => a - b);
console.log(`${moduleName}: ${files.length} test files; runs (ms): ${times.join(' ')}; median after the first: ${rest[Math.floor((rest.length - 1) / 2)]} ms${failed ? '; TESTS FAILED' : ''}`);
await ctx.close();
