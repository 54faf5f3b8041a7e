/**
 * A production server of the app for a bench: `scripts/start.mjs` serving the build in `distDir` from fixtures
 * in `fixtureDir`, bound to a free loopback port, in its own process group (bench/lib/procs.ts stops it however
 * the bench ends). bench/run.ts serves each account size with it, bench/fleet.ts the synthetic fleet.
 */
import path from 'node:path';
import { freePort, start, stop, waitForHttp, type Managed } from './procs';

export interface AppServerOptions {
  /** Names the process in the bench's log. */
  name: string;
  /** The repository: where scripts/start.mjs and the build live. */
  root: string;
  /** The production build to serve (NEXT_DIST_DIR, relative to `root`). */
  distDir: string;
  fixtureDir: string;
  /** ATLAS_DATA_DIR: where the server keeps what it writes, fresh per bench. */
  dataDir: string;
  /** More environment (ATLAS_BENCH, ATLAS_LOG_LEVEL, ...). */
  env?: Record<string, string>;
  /** How long /api/health may take to answer. */
  timeoutMs: number;
}

export interface AppServer {
  server: Managed;
  /** `http://127.0.0.1:<port>` */
  base: string;
}

/** Starts the server and resolves once `/api/health` answers; the caller stops it (`stop(server)`). */
export async function startAppServer(o: AppServerOptions): Promise<AppServer> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = start(o.name, process.execPath, [path.join(o.root, 'scripts', 'start.mjs')], {
    cwd: o.root,
    quiet: true,
    env: {
      ...process.env,
      PORT: String(port),
      ATLAS_BIND: '127.0.0.1',
      ATLAS_SOURCE: 'fixture',
      ATLAS_FIXTURE_DIR: o.fixtureDir,
      ATLAS_DATA_DIR: o.dataDir,
      // The bench builds (or checks) the build itself; start.mjs must not rebuild under it.
      ATLAS_SKIP_BUILD_CHECK: '1',
      NEXT_DIST_DIR: o.distDir,
      ...o.env,
    },
  });
  try {
    await waitForHttp(`${base}/api/health`, server, o.timeoutMs);
  } catch (err) {
    await stop(server);
    throw new Error(`${(err as Error).message}\n${server.log()}`);
  }
  return { server, base };
}
