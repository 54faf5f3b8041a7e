import { defineConfig } from 'vitest/config';
import path from 'node:path';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['proxy.test.ts', 'lib/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts', 'app/**/*.test.ts'],
    exclude: ['**/*.live.test.ts', 'node_modules/**'],
    environment: 'node',
    // next-auth imports 'next/server' without the extension Node's ESM resolver needs; Vite resolves it when inlined.
    server: { deps: { inline: ['server-only', 'next-auth'] } },
    alias: { 'server-only': path.resolve(__dirname, 'lib/test/server-only-stub.ts') },
  },
});
