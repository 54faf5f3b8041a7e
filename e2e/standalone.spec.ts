import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * Issue 9: the standalone server (`next build` with `output: 'standalone'`) serves the dashboard, the
 * way the Dockerfile runs it: `public` and the static files copied beside server.js, then
 * `node server.js` with HOSTNAME and PORT. Runs the build that the other servers use.
 */

const PORT = Number(process.env.E2E_PORT ?? 3210) + 13;
const distDir = process.env.NEXT_DIST_DIR || '.next';

test('node <build>/standalone/server.js serves the dashboard and /api/health', async () => {
  test.setTimeout(90_000);
  const standalone = path.resolve(distDir, 'standalone');
  expect(existsSync(path.join(standalone, 'server.js')), `${standalone}/server.js (is output: 'standalone' set?)`).toBe(true);
  // As Next.js's docs (and the Dockerfile) say: the static files and public/ are not copied by the build.
  if (existsSync('public')) cpSync('public', path.join(standalone, 'public'), { recursive: true });
  cpSync(path.join(distDir, 'static'), path.join(standalone, distDir, 'static'), { recursive: true });

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-standalone-'));
  // A clean environment, as in a container: nothing from this checkout's shell but PATH.
  const child = spawn(process.execPath, ['server.js'], {
    cwd: standalone,
    env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production', PORT: String(PORT), HOSTNAME: '127.0.0.1', ATLAS_DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  try {
    const base = `http://127.0.0.1:${PORT}`;
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, { timeout: 30_000, message: `standalone server output:\n${output}` })
      .toBe(200);
    const health = await (await fetch(`${base}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, version: expect.any(String), source: 'fixture', regions: 2 });

    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    // The embedded demo account travelled with the build (outputFileTracingIncludes): its VPCs are listed.
    expect(html).toContain('prod');
    const script = html.match(/src="(\/_next\/static\/[^"]+\.js)"/)?.[1];
    expect(script, 'a script from the static folder').toBeTruthy();
    expect((await fetch(`${base}${script}`)).status).toBe(200);
    expect(output).toContain('"msg":"vpc-atlas started"');
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
