import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A production server of the app for one spec file, on its own ATLAS_DATA_DIR, signing in through the proxy
 * header (ATLAS_EDITORS: the editor; every other address a viewer): for specs that change the demo data the
 * shared server's specs count on. The port is E2E_PORT plus the spec's own offset, so two runs with different
 * E2E_PORTs (two checkouts on one machine) do not clash. Offsets in use: playwright.config.ts 0-4 and 10-12,
 * share 5, 6 and 8, restart 7, startup 9 and 14, standalone 13, endpoint-modify 15, endpoint-page-graph 16,
 * reverse-proxy 21 and 22, overview 26, small-graph 41, first-pass (fleet) 42, replicas 30-32, live-organization 36 (its moto) and 37; playwright.config.ts 20 (real-shapes) and 35 (fleet). `env` adds to (or overrides) the server's environment.
 * The spec file must run serially (`test.describe.configure({ mode: 'serial' })`): one server per file.
 */
export interface OwnServer {
  base: string;
  stop: () => Promise<void>;
  /** SIGKILL to the server and its `next start` child at once (a replica that dies); only with `killable`. */
  kill: () => void;
}

export async function startOwnServer({
  name,
  portOffset,
  editor,
  env = {},
  killable = false,
}: {
  name: string;
  portOffset: number;
  editor: string;
  /** More environment for this server (ATLAS_DATABASE_URL, ...). */
  env?: Record<string, string>;
  /** Run it in its own process group, so that `kill` takes the whole server down at once. */
  killable?: boolean;
}): Promise<OwnServer> {
  const port = Number(process.env.E2E_PORT ?? 3210) + portOffset;
  // A server left over from an interrupted run would answer the health check below in this one's place.
  const stale = await fetch(`http://127.0.0.1:${port}/api/health`).then(
    () => true,
    () => false,
  );
  if (stale) throw new Error(`port ${port} is taken (a server left from an earlier run?); stop it or set E2E_PORT`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `vpc-atlas-${name}-`));
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: path.resolve(__dirname, '..'),
    env: {
      ...process.env,
      PORT: String(port),
      ATLAS_BIND: '127.0.0.1',
      ATLAS_SOURCE: 'fixture',
      ATLAS_FIXTURE_DIR: '',
      ATLAS_DATA_DIR: dataDir,
      ATLAS_AUTH: 'proxy',
      ATLAS_EDITORS: editor,
      ATLAS_SKIP_BUILD_CHECK: '1',
      ATLAS_LOG_LEVEL: 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: killable,
  });
  // A child killed by a signal keeps exitCode null: both say whether it still runs.
  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = () => {
    if (killable && child.pid && running()) process.kill(-child.pid, 'SIGKILL');
  };
  const stop = async () => {
    if (killable && running()) {
      const exited = new Promise((r) => child.once('exit', r));
      kill();
      await exited;
    }
    if (running()) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (running()) child.kill('SIGKILL');
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return { base: `http://127.0.0.1:${port}`, stop, kill };
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`server exited with ${child.exitCode} (is port ${port} taken? set E2E_PORT)`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error('server did not start in 60 s');
}
