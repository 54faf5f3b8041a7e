/**
 * Vitest globalSetup for the live suite (`vitest.live.config.ts`): starts a moto EC2 server on
 * loopback, hands its URL to the tests (`inject('motoUrl')`, and `MOTO_URL` in the environment),
 * and stops it at teardown.
 *
 * The live suite runs only when asked (`npm run test:live`, or `npm test`), so a missing moto is a
 * failure, never a skip: a green run must mean the live backend was exercised.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the moto server, e.g. `http://127.0.0.1:40123`. */
    motoUrl: string;
  }
}

const INSTALL_HINT = "python3 -m venv .venv && .venv/bin/pip install 'moto[server]==5.2.5'";
const START_TIMEOUT_MS = 30_000;

/** A port the kernel just gave out on 127.0.0.1 and released again. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => (port ? resolve(port) : reject(new Error('no free port on 127.0.0.1'))));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`moto_server exited with code ${child.exitCode} before answering.\n${log()}`);
    }
    try {
      // moto's own management API; answers as soon as the server serves.
      const res = await fetch(`${url}/moto-api/data.json`, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`moto_server did not answer on ${url} within ${START_TIMEOUT_MS / 1000}s.\n${log()}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = path.resolve(__dirname, '..', '..');
  const motoServer = path.join(root, '.venv', 'bin', 'moto_server');
  if (!existsSync(motoServer)) {
    const why = process.env.CI ? 'CI is set, so the live suite must run' : 'the live suite was asked for';
    throw new Error(`moto is not installed (${motoServer} is missing) and ${why}: run ${INSTALL_HINT}`);
  }

  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(motoServer, ['-H', '127.0.0.1', '-p', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PYTHONUNBUFFERED: '1' },
  });
  const keep = (chunk: Buffer) => {
    // The last few KB are enough to explain a failed start.
    output = (output + chunk.toString('utf8')).slice(-8_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const spawnError = new Promise<never>((_, reject) => child.once('error', reject));

  try {
    await Promise.race([waitUntilUp(url, child, () => output), spawnError]);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }

  // Workers start after globalSetup and inherit this environment. The SDK must find credentials
  // and a region, and must never reach a real AWS account or a profile of the developer's.
  Object.assign(process.env, {
    MOTO_URL: url,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_SESSION_TOKEN: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_ENDPOINT_URL;
  delete process.env.AWS_ENDPOINT_URL_EC2;
  project.provide('motoUrl', url);

  return async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
}
