// Vitest runs lib code outside Next's server bundle; `server-only` would throw there.
export {};
