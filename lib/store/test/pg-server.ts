/**
 * A throw-away PostgreSQL server for tests: Debian's `initdb` and `pg_ctl` (package `postgresql`), its own
 * data directory under the system temp dir, its own loopback port, password authentication, no Unix socket
 * outside its data dir. PostgreSQL refuses to run as root, so under root (CI) the data dir is handed to the
 * `postgres` user the Debian package creates and every command runs through `runuser`.
 *
 * Plain Node (no `server-only`): the store tests and the Playwright specs both start one.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface TestPostgres {
  /** postgres://atlas:<password>@127.0.0.1:<port>/atlas */
  url: string;
  port: number;
  password: string;
  /** Stops the server (fast shutdown: open connections are cut, as when a database goes away). */
  pause: () => void;
  /** Starts it again on the same port and data. */
  resume: () => void;
  /** Stops it and deletes its data. */
  stop: () => void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  const dir = versions.map((v) => path.join(root, v, 'bin')).find((d) => existsSync(path.join(d, 'initdb')));
  if (!dir) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (Debian) puts initdb under /usr/lib/postgresql/<version>/bin');
  return dir;
}

/** A free TCP port on loopback, as the kernel hands one out. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Initialises and starts a server; call `stop()` when done (afterAll). */
export async function startTestPostgres(port?: number): Promise<TestPostgres> {
  const bin = binDir();
  const listenPort = port ?? (await freePort());
  const dir = mkdtempSync(path.join(os.tmpdir(), 'atlas-pg-'));
  const data = path.join(dir, 'data');
  const password = `pw-${Math.random().toString(36).slice(2)}@:/x`;
  writeFileSync(path.join(dir, 'pwfile'), `${password}\n`);
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dir, uid, gid);
    chownSync(path.join(dir, 'pwfile'), uid, gid);
  }
  chmodSync(dir, 0o700);
  const run = (tool: string, args: string[]) => {
    const cmd = asRoot ? 'runuser' : path.join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    const r = spawnSync(cmd, argv, { encoding: 'utf8', cwd: dir, env: { ...process.env, PGPASSWORD: password } });
    if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed (${r.status}): ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', data, '-U', 'atlas', '--auth=scram-sha-256', `--pwfile=${path.join(dir, 'pwfile')}`, '-E', 'UTF8', '--locale=C', '--no-sync']);
  // Loopback only; the Unix socket stays inside the data dir; no fsync: test data need not survive a power cut.
  const options = `-p ${listenPort} -c listen_addresses=127.0.0.1 -k ${data} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const halt = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  // A test process killed before its afterAll would leave the server running: a watchdog stops it and
  // deletes its data as soon as this process is gone.
  const pgCtl = `${asRoot ? 'runuser -u postgres -- ' : ''}${path.join(bin, 'pg_ctl')}`;
  spawn('sh', ['-c', `while kill -0 ${process.pid} 2>/dev/null && [ -d ${data} ]; do sleep 1; done; ${pgCtl} -D ${data} -m immediate stop >/dev/null 2>&1; rm -rf ${dir}`], {
    detached: true,
    stdio: 'ignore',
  }).unref();
  run('createdb', ['-h', '127.0.0.1', '-p', String(listenPort), '-U', 'atlas', 'atlas']);
  let running = true;
  return {
    url: `postgres://atlas:${encodeURIComponent(password)}@127.0.0.1:${listenPort}/atlas`,
    port: listenPort,
    password,
    pause: () => {
      if (running) halt();
      running = false;
    },
    resume: () => {
      if (!running) start();
      running = true;
    },
    stop: () => {
      try {
        if (running) halt();
      } finally {
        running = false;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
