/**
 * The fleet of a server whose accounts are the profiles of its shared AWS config files (no organization),
 * against moto: each profile's account comes from sts:GetCallerIdentity, two profiles of one account make one
 * account (the first profile reads it), a profile named in ATLAS_FLEET_PROFILES but missing from the files is a
 * notice, and the account's links carry its profile and id.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { FleetState } from '@/lib/fleet/types';
import { useFleetEnv } from './test/moto-org';

const motoUrl = inject('motoUrl');
const REGION = 'eu-central-1';
let dir: string;
let fleet: FleetState;

let restoreEnv: () => void;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-fleet-profiles-'));
  // moto answers every key it did not issue as its default account: both profiles are one account.
  await writeFile(
    path.join(dir, 'config'),
    ['[profile ops-a]', 'aws_access_key_id = AKIAFLEETPROFILEA001', 'aws_secret_access_key = secret-a', '', '[profile ops-b]', 'aws_access_key_id = AKIAFLEETPROFILEB001', 'aws_secret_access_key = secret-b', ''].join('\n'),
  );
  restoreEnv = useFleetEnv({
    AWS_ENDPOINT_URL: motoUrl,
    AWS_REGION: 'us-east-1',
    ATLAS_SOURCE: 'live',
    ATLAS_REGIONS: REGION,
    ATLAS_FLEET_PROFILES: 'ops-b,ops-a,ops-gone',
    ATLAS_DATA_DIR: dir,
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-credentials'),
  });
  const { waitForFleet } = await import('@/lib/fleet/state');
  fleet = await waitForFleet();
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  restoreEnv?.();
});

describe('the fleet of the shared config files’ profiles', () => {
  it('reads each profile’s account once, through the first profile that names it, and says which profile is missing', async () => {
    expect(fleet.accounts).toEqual([{ id: '123456789012', name: 'ops-b', source: 'profile', profile: 'ops-b' }]);
    expect(fleet.notices).toEqual(['ATLAS_FLEET_PROFILES names ops-gone, not in the AWS config files of this server.']);
    expect(fleet.rows).toHaveLength(1);
    const [row] = fleet.rows;
    const ec2 = new EC2Client({ region: REGION, endpoint: motoUrl, credentials: { accessKeyId: 'AKIAFLEETPROFILEB001', secretAccessKey: 'secret-b' } });
    const vpcs = (await ec2.send(new DescribeVpcsCommand({}))).Vpcs!;
    ec2.destroy();
    expect(row).toMatchObject({ accountId: '123456789012', accountName: 'ops-b', region: REGION, load: { state: 'loaded' }, counts: { vpcs: vpcs.length } });
    expect(row!.query).toBe(`region=${REGION}&profile=ops-b&account=123456789012`);
  });

  it('opens a link of the account with its profile', async () => {
    const { resolvePageScope, scopeLoad } = await import('@/lib/topology/page-params');
    const scope = await resolvePageScope({ region: REGION, account: '123456789012' });
    expect(scope).toMatchObject({ account: '123456789012', accountName: 'ops-b', profile: 'ops-b', notices: [] });
    expect(scopeLoad(scope)).toEqual({ source: 'live', region: REGION, profile: 'ops-b' });
  });
});
