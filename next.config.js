/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The SDK is large and server-only; keep it out of the server bundle and require it at run time.
  serverExternalPackages: ['@aws-sdk/client-ec2'],
};

module.exports = nextConfig;
