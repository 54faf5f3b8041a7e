/** Types of scripts/mutation-modules.mjs, for vitest.mutate.config.ts. */
export interface MutationModule {
  mutate: string[];
  tests: string[];
  ignoreStatic?: boolean;
  /** vitest's `isolate` for the module's tests (default true). */
  isolate?: boolean;
}
export const MUTATION_MODULES: Record<string, MutationModule>;
export function moduleSlug(name: string): string;
export function selectedModule(env?: Record<string, string | undefined>): MutationModule & { name: string; slug: string };
