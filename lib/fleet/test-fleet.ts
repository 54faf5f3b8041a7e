import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';

/**
 * A fixture fleet for tests, built from the demo's regions, with the environment `getConfig()` reads stubbed
 * (call before importing the code under test; the returned function undoes both):
 *
 *     <dir>/us-east-1, eu-west-1        the default account (no account.json: its id is the data's OwnerId, 111122223333)
 *     <dir>/222222222222/ us-east-1, eu-west-1 + account.json "Production"
 *     <dir>/333333333333/ us-east-1, eu-west-1 (eu-west-1's describe-vpcs.json is not JSON), no account.json
 *     <dir>/444444444444/ us-east-1 + account.json SUSPENDED
 *     <dir>/555555555555/ (empty)
 */
export function stubFixtureFleet(env: Record<string, string> = {}): { dir: string; restore: () => void } {
  const demo = path.resolve(__dirname, '../../fixtures/demo');
  const dir = mkdtempSync(path.join(tmpdir(), 'atlas-fleet-'));
  const dataDir = mkdtempSync(path.join(tmpdir(), 'atlas-fleet-data-'));
  const account = (id: string, regions: string[], file?: object) => {
    const root = id ? path.join(dir, id) : dir;
    for (const r of regions) cpSync(path.join(demo, r), path.join(root, r), { recursive: true });
    mkdirSync(root, { recursive: true });
    if (file) writeFileSync(path.join(root, 'account.json'), JSON.stringify(file));
  };
  account('', ['us-east-1', 'eu-west-1']);
  account('222222222222', ['us-east-1', 'eu-west-1'], { Id: '222222222222', Name: 'Production', Email: 'prod@example.com', Status: 'ACTIVE' });
  account('333333333333', ['us-east-1', 'eu-west-1']);
  writeFileSync(path.join(dir, '333333333333', 'eu-west-1', 'describe-vpcs.json'), '{"Vpcs": [');
  account('444444444444', ['us-east-1'], { Id: '444444444444', Name: 'Old', Status: 'SUSPENDED' });
  account('555555555555', []);

  vi.stubEnv('ATLAS_FIXTURE_DIR', dir);
  vi.stubEnv('ATLAS_DATA_DIR', dataDir);
  for (const name of ['ATLAS_SOURCE', 'AWS_PROFILE', 'AWS_REGION', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_EC2', 'ATLAS_REGIONS', 'ATLAS_ORG_ROLE']) vi.stubEnv(name, undefined);
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  return {
    dir,
    restore: () => {
      vi.unstubAllEnvs();
      rmSync(dir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
