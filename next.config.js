/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A separate build folder lets several servers (e2e, bench, a dev copy) build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm test` runs `tsc --noEmit` as its own step before the build; checking twice costs minutes.
  typescript: { ignoreBuildErrors: true },
  // The SDK is large and server-only; keep it out of the server bundle and require it at run time.
  serverExternalPackages: ['@aws-sdk/client-ec2'],
};

module.exports = nextConfig;
