import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Forms persist fixture writes to ATLAS_DATA_DIR: keep this test's out of the checkout. Set before the config is read.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-load-'));
process.env.ATLAS_DATA_DIR = dataDir;
delete process.env.ATLAS_FIXTURE_DIR;

const { getEc2Api, resetFixtureData } = await import('@/lib/ec2/backend');
const { loadTopology } = await import('./load');

const REGION = 'us-east-1';
const VPC = 'vpc-0a05cda0235155c00';

beforeAll(async () => {
  await resetFixtureData();
});

afterAll(async () => {
  await resetFixtureData();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('loadTopology on the fixture source', () => {
  it('reuses the topology it read while the fixture state is unchanged', async () => {
    const a = await loadTopology({ source: 'fixture', region: REGION });
    const b = await loadTopology({ source: 'fixture', region: REGION });
    expect(b).toBe(a);
    expect(b.fetchedAt).toBe(a.fetchedAt);
  });

  it('reads again after a write, and the write shows in the region and the VPC', async () => {
    const before = await loadTopology({ source: 'fixture', region: REGION });
    const api = await getEc2Api('fixture', REGION);
    const created = await api.createVpcEndpoint({
      VpcId: VPC,
      ServiceName: 'com.amazonaws.us-east-1.dynamodb',
      VpcEndpointType: 'Gateway',
      RouteTableIds: [],
    });
    const id = created.VpcEndpoint!.VpcEndpointId!;
    expect(before.endpoints.map((e) => e.id)).not.toContain(id);

    const after = await loadTopology({ source: 'fixture', region: REGION });
    expect(after).not.toBe(before);
    expect(after.endpoints.map((e) => e.id)).toContain(id);
    const scoped = await loadTopology({ source: 'fixture', region: REGION, vpcId: VPC });
    expect(scoped.endpoints.map((e) => e.id)).toContain(id);
  });

  it('reads again on refresh even when nothing changed', async () => {
    const a = await loadTopology({ source: 'fixture', region: REGION });
    const b = await loadTopology({ source: 'fixture', region: REGION, refresh: true });
    expect(b).not.toBe(a);
    expect(b.endpoints.map((e) => e.id)).toEqual(a.endpoints.map((e) => e.id));
    // And what the refresh read is what the next plain load reuses.
    expect(await loadTopology({ source: 'fixture', region: REGION })).toBe(b);
  });

  it('starts from the seed files again after a reset', async () => {
    const written = await loadTopology({ source: 'fixture', region: REGION });
    await resetFixtureData();
    const fresh = await loadTopology({ source: 'fixture', region: REGION });
    expect(fresh).not.toBe(written);
    expect(fresh.endpoints.length).toBe(written.endpoints.length - 1);
  });
});

describe('loadTopology scoped to a VPC', () => {
  it('gives the same scoped object while the data is unchanged, a new one after a write', async () => {
    const a = await loadTopology({ source: 'fixture', region: REGION, vpcId: VPC });
    const b = await loadTopology({ source: 'fixture', region: REGION, vpcId: VPC });
    expect(b).toBe(a);
    expect(a.vpcs.map((v) => v.id)).toEqual([VPC]);
    const api = await getEc2Api('fixture', REGION);
    await api.createVpcEndpoint({ VpcId: VPC, ServiceName: 'com.amazonaws.us-east-1.dynamodb', VpcEndpointType: 'Gateway', RouteTableIds: [] });
    const c = await loadTopology({ source: 'fixture', region: REGION, vpcId: VPC });
    expect(c).not.toBe(a);
    expect(c.endpoints.length).toBe(a.endpoints.length + 1);
  });
});
