/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A separate build folder lets several servers (e2e, bench, a dev copy) build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm test` runs `tsc --noEmit` as its own step before the build; checking twice costs minutes.
  typescript: { ignoreBuildErrors: true },
  // The SDK is large and server-only, better-sqlite3 a native addon: keep both out of the server bundle and
  // require them at run time.
  serverExternalPackages: ['@aws-sdk/client-ec2', 'better-sqlite3'],
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
