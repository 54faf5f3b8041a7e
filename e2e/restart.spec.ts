import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

/**
 * What a user makes must survive a restart: an endpoint created through the form (fixture mode
 * persists its state in ATLAS_DATA_DIR) and a saved snapshot link. This spec runs its own server
 * on its own data folder so it can stop and start it.
 */

const PORT = Number(process.env.E2E_PORT ?? 3210) + 7;
const BASE = `http://127.0.0.1:${PORT}`;
const SHARED_VPC = 'vpc-0a05cda0235155c00';
const SHARED_MAIN_RTB = 'rtb-0030079b1230b8a04';

async function startServer(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      ATLAS_BIND: '127.0.0.1',
      ATLAS_SOURCE: 'fixture',
      ATLAS_DATA_DIR: dataDir,
      ATLAS_SKIP_BUILD_CHECK: '1',
      ATLAS_FIXTURE_DIR: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${BASE}/api/health`);
      if (res.ok) return child;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start in 60 s');
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

test('an endpoint created through the form is still there after a server restart', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vpc-atlas-restart-'));
  let server = await startServer(dataDir);
  try {
    await page.goto(`${BASE}/endpoints/new?region=us-east-1&vpc=${SHARED_VPC}&type=gateway`);
    await page.getByRole('radio', { name: 'com.amazonaws.us-east-1.dynamodb', exact: true }).check();
    await page.getByRole('checkbox', { name: new RegExp(SHARED_MAIN_RTB) }).check();
    await page.getByLabel('Name tag').fill('restart-ddb');
    await page.getByRole('button', { name: 'Create endpoint' }).click();
    await expect(page).toHaveURL(new RegExp(`/vpcs/${SHARED_VPC}\\?.*vpce-`));
    const id = [...new URL(page.url()).searchParams.values()].find((v) => v.startsWith('vpce-'))!;

    // Leave the page first: its pollers would log refused connections while the server is down.
    await page.goto('about:blank');
    await stopServer(server);
    server = await startServer(dataDir);

    const res = await page.request.get(`${BASE}/api/topology?region=us-east-1&vpc=${SHARED_VPC}`);
    const topology = (await res.json()) as { endpoints: Array<{ id: string; name: string; routeTableIds: string[] }> };
    const ep = topology.endpoints.find((e) => e.id === id);
    expect(ep, 'the endpoint survived the restart').toMatchObject({ name: 'restart-ddb', routeTableIds: [SHARED_MAIN_RTB] });
    await page.goto(`${BASE}/vpcs/${SHARED_VPC}?region=us-east-1`);
    await page.getByTestId('resource-tables').locator('summary').click();
    await expect(page.getByTestId('endpoints').locator(`tr[data-endpoint-id="${id}"]`)).toContainText('dynamodb');
  } finally {
    await page.goto('about:blank');
    await stopServer(server);
  }
});
