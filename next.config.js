/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A separate build folder lets several servers (e2e, bench, a dev copy) build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Source maps of the browser's chunks, for naming functions in profiles (bench/load-profile.ts --source-maps).
  productionBrowserSourceMaps: process.env.ATLAS_SOURCE_MAPS === '1',
  // `next build` also writes a self-contained server to <distDir>/standalone (server.js plus only the
  // node_modules it needs): what the Dockerfile ships. `output` is read again by `next start`, which
  // only warns that standalone builds have their own server; scripts/start.mjs serves this build with
  // `next start` on purpose and sets ATLAS_NEXT_START=1 to leave that warning out of its log.
  output: process.env.ATLAS_NEXT_START === '1' ? undefined : 'standalone',
  // The embedded demo account is read at run time from fixtures/demo, and /readme draws README.md; the standalone
  // server must carry both.
  outputFileTracingIncludes: { '/**': ['./fixtures/demo/**/*'], '/readme': ['./README.md'] },
  // forbidden() and app/forbidden.tsx: a viewer opening an editors' page gets a 403 page.
  experimental: { authInterrupts: true },
  // `npm test` runs `tsc --noEmit` as its own step before the build; checking twice costs minutes.
  typescript: { ignoreBuildErrors: true },
  // The SDK is large and server-only, better-sqlite3 a native addon, pg optionally loads one: keep them out of the server bundle and
  // require them at run time.
  serverExternalPackages: ['@aws-sdk/client-ec2', '@aws-sdk/rds-signer', 'better-sqlite3', 'pg'],
  // Headers for every response; the page CSP with its per-request nonce is set in proxy.ts.
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
      {
        source: '/api/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" }],
      },
    ];
  },
};

module.exports = nextConfig;
