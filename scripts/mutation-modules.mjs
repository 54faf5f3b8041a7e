// The modules `npm run mutate` puts under mutation, each with the unit tests that answer for it.
// One row each in docs/mutation.md. Read by stryker.config.mjs, vitest.mutate.config.ts and scripts/mutate.mjs.

/** @type {Record<string, { mutate: string[]; tests: string[] }>} */
export const MUTATION_MODULES = {
  'lib/net': { mutate: ['lib/net/**/*.ts'], tests: ['lib/net/**/*.test.ts'] },
  'lib/endpoints/policy.ts': { mutate: ['lib/endpoints/policy.ts'], tests: ['lib/endpoints/policy.test.ts'] },
  'lib/auth': { mutate: ['lib/auth/**/*.ts'], tests: ['lib/auth/**/*.test.ts'] },
  'lib/share/store.ts': { mutate: ['lib/share/store.ts'], tests: ['lib/share/store.test.ts'] },
  'lib/endpoints/rules.ts': { mutate: ['lib/endpoints/rules.ts'], tests: ['lib/endpoints/rules.test.ts'] },
  'lib/topology/normalize.ts': { mutate: ['lib/topology/normalize.ts'], tests: ['lib/topology/normalize.test.ts'] },
  'lib/analysis': {
    // The reference resolver and the test topology builder are test code: they are not the product.
    mutate: ['lib/analysis/**/*.ts', '!lib/analysis/paths-reference.ts', '!lib/analysis/test-topology.ts'],
    tests: ['lib/analysis/**/*.test.ts'],
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
