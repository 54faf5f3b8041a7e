// The modules `npm run mutate` puts under mutation, each with the unit tests that answer for it.
// One row each in docs/mutation.md. Read by stryker.config.mjs, vitest.mutate.config.ts and scripts/mutate.mjs.

/**
 * `ignoreStatic`: leave out the mutants that Stryker cannot tie to single tests (code run when a module
 * or a test file's describe block loads, before any test). Each such mutant reruns every test of the
 * module: for lib/analysis that is 1,401 mutants x ~30 s, half a day on two cores. They are reported as
 * Ignored, counted in docs/mutation.md, and not in the score.
 * `isolate: false`: the module's test files share one worker and its loaded modules (vitest's `isolate`), instead
 * of a fresh worker per test file for every mutant. For lib/analysis's tests (pure, no mocks, no environment) a
 * mutant's run of five test files took 2.4-5 s instead of 10.6-13.4 s (nice 15, load 18).
 * @type {Record<string, { mutate: string[]; tests: string[]; ignoreStatic?: boolean; isolate?: boolean }>}
 */
export const MUTATION_MODULES = {
  'lib/net': { mutate: ['lib/net/**/*.ts'], tests: ['lib/net/**/*.test.ts'] },
  'lib/endpoints/policy.ts': { mutate: ['lib/endpoints/policy.ts'], tests: ['lib/endpoints/policy.test.ts'] },
  // nextauth.ts is Auth.js configuration: what it does shows only in a real sign-in (e2e, against an OIDC
  // provider), which Stryker does not run.
  'lib/auth': { mutate: ['lib/auth/**/*.ts', '!lib/auth/nextauth.ts'], tests: ['lib/auth/**/*.test.ts'] },
  // The snapshot store's logic moved from lib/share/store.ts (now the app's handle on it) to lib/store/: the rows
  // and their checks (snapshots.ts) and the SQLite backend, held by the snapshot store's own tests.
  'lib/store': {
    mutate: ['lib/store/snapshots.ts', 'lib/store/sqlite.ts'],
    // Not lib/store/store.test.ts: it starts PostgreSQL servers, about 5 h for this module's 176 mutants on two
    // cores. It stays in `npm test`.
    // lib/store/sqlite.test.ts: the SQLite backend alone (old schemas, audit.jsonl, options, closing, damaged rows).
    tests: ['lib/share/store.test.ts', 'lib/share/fleet-snapshot.test.ts', 'lib/store/sqlite.test.ts'],
  },
  // isolate: false: a mutant's run of the two files took 3.4-5.6 s instead of 6.5-13.7 s (load 20; scripts/mutation-run-time.mjs).
  'lib/endpoints/rules.ts': { mutate: ['lib/endpoints/rules.ts'], tests: ['lib/endpoints/rules.test.ts', 'lib/endpoints/rules-edges.test.ts'], isolate: false },
  // normalize-shapes: real EC2 shapes (null fields, new enum values, unreadable records); normalize-fields: every field read.
  'lib/topology/normalize.ts': { mutate: ['lib/topology/normalize.ts'], tests: ['lib/topology/normalize.test.ts', 'lib/topology/normalize-shapes.test.ts', 'lib/topology/normalize-fields.test.ts'] },
  // lib/analysis in two parts scored separately, each with the tests that reach it: the finding rules, and the core
  // (paths, costs, findings, analyze, service zones and DNS). The reference resolver and the test topology builders
  // are test code: they are not the product.
  'lib/analysis/rules': {
    mutate: ['lib/analysis/rules/*.ts'],
    // The rules' unit tests only. analyze.test.ts and real-shapes.test.ts read whole fixture accounts and reach
    // every rule: planted in a rule, a mutant ran them too, and the run fell from about 60 to 4 mutants a minute
    // (they load the fixture reader, and real-shapes the AWS SDK). They stay in `npm test`.
    tests: ['lib/analysis/rules/*.test.ts', 'lib/analysis/findings.test.ts'],
    ignoreStatic: true,
    isolate: false,
  },
  // The path resolver: which way each subnet's traffic to a service goes (paths.ts and the route following, route
  // matching and service DNS it rests on), against its own tests and the demo's paths.
  'lib/analysis/paths': {
    mutate: ['lib/analysis/paths.ts', 'lib/analysis/follow-route.ts', 'lib/analysis/route-match.ts', 'lib/analysis/service-dns.ts'],
    // Not the equivalence test: it compares the fast resolver with the reference on synthetic accounts, 5-10 s a run
    // on a busy machine, for every mutant. Not real-shapes.test.ts: it loads the AWS SDK (through service-zones.ts).
    // Both stay in `npm test`.
    tests: ['lib/analysis/paths.test.ts', 'lib/analysis/paths-kinds.test.ts', 'lib/analysis/paths-walk.test.ts', 'lib/analysis/route-match.test.ts', 'lib/analysis/service-dns.test.ts', 'lib/analysis/analyze.test.ts'],
    ignoreStatic: true,
    isolate: false,
  },
  // The rest of the core: findings (the rule list and their order), costs and rates, analyze, service zones.
  'lib/analysis': {
    mutate: [
      'lib/analysis/*.ts',
      '!lib/analysis/paths.ts',
      '!lib/analysis/follow-route.ts',
      '!lib/analysis/route-match.ts',
      '!lib/analysis/service-dns.ts',
      '!lib/analysis/paths.reference-oracle.ts',
      '!lib/analysis/paths.cases.ts',
      '!lib/analysis/findings.cases.ts',
      '!lib/analysis/test-topology.ts',
    ],
    tests: ['lib/analysis/costs.test.ts', 'lib/analysis/costs-edges.test.ts', 'lib/analysis/findings.test.ts', 'lib/analysis/analyze.test.ts', 'lib/analysis/service-zones.test.ts', 'lib/analysis/group.test.ts', 'lib/analysis/rules/*.test.ts'],
    ignoreStatic: true,
    isolate: false,
  },
};

/** `lib/endpoints/policy.ts` -> `lib-endpoints-policy`: the module's folder under reports/. */
export function moduleSlug(name) {
  return name.replace(/\.ts$/, '').replace(/[^A-Za-z0-9]+/g, '-');
}

/** The module named by ATLAS_MUTATE_MODULE; throws with the known names when it is not one. */
export function selectedModule(env = process.env) {
  const name = env.ATLAS_MUTATE_MODULE;
  const m = name && Object.hasOwn(MUTATION_MODULES, name) ? MUTATION_MODULES[name] : undefined;
  if (!m) throw new Error(`ATLAS_MUTATE_MODULE must be one of: ${Object.keys(MUTATION_MODULES).join(', ')} (got ${JSON.stringify(name)}). Run mutation tests with npm run mutate.`);
  return { name, slug: moduleSlug(name), ...m };
}
