#!/usr/bin/env node
// A moto EC2 server for the Playwright `live` project, usable as a `webServer` command:
//
//   node scripts/e2e-moto.mjs --port 3213 [--ready-port 3214]
//
// Starts moto on 127.0.0.1:<port>, seeds it through the AWS SDK (one VPC named `e2e-live` with a
// subnet in us-east-1), then answers 200 on http://127.0.0.1:<ready-port>/ (default port + 1) so
// Playwright starts the tests only once the seed is in. Runs until it is killed, and takes moto
// with it. Only loopback is ever contacted, with moto's dummy `testing` keys.
/* global fetch, AbortSignal, setTimeout */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
// eslint-disable-next-line no-restricted-imports -- test tooling that seeds a local moto server, never an AWS account
import { CreateSubnetCommand, CreateVpcCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { values } = parseArgs({ options: { port: { type: 'string' }, 'ready-port': { type: 'string' } } });
const port = Number(values.port ?? process.env.MOTO_PORT ?? 3213);
const readyPort = Number(values['ready-port'] ?? port + 1);
if (!Number.isInteger(port) || !Number.isInteger(readyPort) || port <= 0 || readyPort <= 0) {
  console.error('e2e-moto: --port and --ready-port must be port numbers');
  process.exit(2);
}

const motoServer = path.join(root, '.venv', 'bin', 'moto_server');
if (!existsSync(motoServer)) {
  console.error(`e2e-moto: ${motoServer} is missing: run python3 -m venv .venv && .venv/bin/pip install 'moto[server]==5.2.5'`);
  process.exit(1);
}

const url = `http://127.0.0.1:${port}`;
// moto logs every request; keep the last few KB to explain a crash instead of flooding the test output.
let motoLog = '';
const moto = spawn(motoServer, ['-H', '127.0.0.1', '-p', String(port)], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'pipe'],
  env: { ...process.env, PYTHONUNBUFFERED: '1' },
});
const keep = (chunk) => {
  motoLog = (motoLog + chunk.toString('utf8')).slice(-4_000);
};
moto.stdout.on('data', keep);
moto.stderr.on('data', keep);
moto.on('exit', (code, signal) => {
  console.error(`e2e-moto: moto_server exited (${signal ?? code})\n${motoLog}`);
  process.exit(code ?? 1);
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    moto.removeAllListeners('exit');
    moto.kill('SIGTERM');
    process.exit(0);
  });
}
process.on('exit', () => moto.kill('SIGTERM'));

async function waitForMoto() {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/moto-api/data.json`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`moto did not answer on ${url} within 30 s`);
}

async function seed() {
  const ec2 = new EC2Client({
    region: 'us-east-1',
    endpoint: url,
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts: 1,
  });
  // A reused moto (Playwright's reuseExistingServer) is seeded already.
  const existing = await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'tag:Name', Values: ['e2e-live'] }] }));
  if (!existing.Vpcs?.length) {
    const vpc = await ec2.send(
      new CreateVpcCommand({
        CidrBlock: '10.77.0.0/16',
        TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'e2e-live' }] }],
      }),
    );
    await ec2.send(
      new CreateSubnetCommand({
        VpcId: vpc.Vpc.VpcId,
        CidrBlock: '10.77.1.0/24',
        AvailabilityZone: 'us-east-1a',
        TagSpecifications: [{ ResourceType: 'subnet', Tags: [{ Key: 'Name', Value: 'e2e-live-a' }] }],
      }),
    );
  }
  ec2.destroy();
}

try {
  await waitForMoto();
  await seed();
} catch (err) {
  console.error(`e2e-moto: ${err instanceof Error ? err.message : String(err)}\n${motoLog}`);
  process.exit(1);
}

http
  .createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(`moto on ${url}, seeded\n`);
  })
  .listen(readyPort, '127.0.0.1', () => console.log(`e2e-moto: moto on ${url}, seeded; ready on :${readyPort}`));
