/**
 * A moto server on loopback for the tests: the live suite's global setup starts one for every live test, and a test
 * that must change moto's global settings (IAM enforcement) starts its own. Plain Node (no `server-only`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const MOTO_INSTALL_HINT = "python3 -m venv .venv && .venv/bin/pip install 'moto[server]==5.2.5'";
const START_TIMEOUT_MS = 30_000;

export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Stops moto (SIGTERM, then SIGKILL after 5 s). */
  stop: () => Promise<void>;
}

/** A port the kernel just gave out on 127.0.0.1 and released again. */
export async function freePort(): Promise<number> {
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

/**
 * Starts `.venv/bin/moto_server` on 127.0.0.1 (`port`, else a free one) and resolves once it answers. A missing
 * moto is an error naming the install command, never a skip: a green run must mean moto was exercised.
 */
export async function startMoto(options: { port?: number; why?: string } = {}): Promise<MotoServer> {
  const root = path.resolve(__dirname, '..', '..');
  const motoServer = path.join(root, '.venv', 'bin', 'moto_server');
  if (!existsSync(motoServer)) {
    throw new Error(`moto is not installed (${motoServer} is missing) and ${options.why ?? 'a test needs it'}: run ${MOTO_INSTALL_HINT}`);
  }
  const port = options.port ?? (await freePort());
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
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
