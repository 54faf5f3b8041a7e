import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['proxy.test.ts', 'lib/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts', 'app/**/*.test.ts', 'bench/**/*.test.ts'],
    exclude: ['**/*.live.test.ts', 'node_modules/**'],
    environment: 'node',
    // A guard against hangs, not a speed target (those live in `npm run bench`): tests that spawn tsx or lay out the
    // 200-subnet graph take several seconds on a busy 2-core CI machine, where vitest's 5 s default fails them.
    testTimeout: 30_000,
    // next-auth imports 'next/server' without the extension Node's ESM resolver needs; Vite resolves it when inlined.
    server: { deps: { inline: ['server-only', 'next-auth'] } },
    alias: { 'server-only': path.resolve(__dirname, 'lib/test/server-only-stub.ts') },
  },
});
