import { defineConfig } from 'vitest/config';
import path from 'node:path';

// Live-mode integration: a real moto server on loopback, driven through the real AWS SDK.
export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['**/*.live.test.ts'],
    exclude: ['node_modules/**', '.venv/**'],
    environment: 'node',
    globalSetup: ['lib/test/moto-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    alias: { 'server-only': path.resolve(__dirname, 'lib/test/server-only-stub.ts') },
  },
});
