#!/usr/bin/env node
// `npm start`: builds when there is no build or the sources are newer than it, then serves.
// Binds to 127.0.0.1 unless HOSTNAME or ATLAS_BIND says otherwise: a dashboard that can read
// an AWS account should not be reachable from the network by accident.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

process.env.NEXT_TELEMETRY_DISABLED ??= '1';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const buildId = path.join(root, process.env.NEXT_DIST_DIR || '.next', 'BUILD_ID');

function newest(p) {
  if (!existsSync(p) || /\.test\.tsx?$/.test(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let m = 0;
  for (const name of readdirSync(p)) m = Math.max(m, newest(path.join(p, name)));
  return m;
}

const inputs = ['app', 'components', 'lib', 'public', 'package-lock.json', 'next.config.js', 'instrumentation.ts', 'postcss.config.mjs'];
// Test servers start side by side from one build; two builds into one folder would clash.
if (process.env.ATLAS_SKIP_BUILD_CHECK === '1' && !existsSync(buildId)) {
  console.error(`vpc-atlas: no build in ${path.dirname(buildId)}; run \`npm run build\` first.`);
  process.exit(1);
}
const stale =
  process.env.ATLAS_SKIP_BUILD_CHECK !== '1' &&
  (!existsSync(buildId) || inputs.some((p) => newest(path.join(root, p)) > statSync(buildId).mtimeMs));
if (stale) {
  console.log('vpc-atlas: building (first start or sources changed)…');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Many shells and containers export HOSTNAME as the machine's name; only an address counts here.
const hostnameVar = /^(\d{1,3}(\.\d{1,3}){3}|::1?|localhost)$/.test(process.env.HOSTNAME ?? '') ? process.env.HOSTNAME : undefined;
const host = process.env.ATLAS_BIND || hostnameVar || '127.0.0.1';
const port = process.env.PORT || '3000';
console.log(`vpc-atlas: serving http://${host === '127.0.0.1' ? 'localhost' : host}:${port} (source: ${process.env.ATLAS_SOURCE || 'fixture'})`);
// ATLAS_BIND tells the server's start-up check (instrumentation-node.ts) where it listens: binding beyond
// loopback with ATLAS_AUTH=none prints a loud warning there, for this script and the standalone server alike.
// ATLAS_NEXT_START: see next.config.js (`output`).
const child = spawn(
  process.execPath,
  [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-H', host, '-p', port],
  { cwd: root, stdio: 'inherit', env: { ...process.env, ATLAS_BIND: host, ATLAS_NEXT_START: '1' } },
);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
