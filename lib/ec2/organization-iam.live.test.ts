/**
 * The fleet when a member's role can be assumed but its policy refuses EC2, against moto enforcing IAM (a moto of
 * this file's own: enforcement is global to a moto server). The organization has two members: `open`, whose role
 * allows ec2:Describe*, and `locked`, whose role's policy denies ec2:Describe*. moto answers the locked member's
 * Describe calls with AccessDenied naming the action, as AWS does (UnauthorizedOperation): that row must say denied
 * with the missing permission, while the open member and the management account load.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateSubnetCommand, CreateVpcCommand, DescribeSubnetsCommand, DescribeVpcsCommand, EC2Client } from '@aws-sdk/client-ec2';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetState } from '@/lib/fleet/types';
import { startMoto, type MotoServer } from '@/lib/test/moto-server';
import { MANAGEMENT_ACCOUNT, createManagementUser, createMemberRole, createOrganization, enforceIam, memberEc2, policy, useFleetEnv, type Keys } from './test/moto-org';

const REGION = 'eu-west-1';
const ROLE = 'vpc-atlas-read';

let moto: MotoServer;
let dir: string;
let restoreEnv: () => void;
let management: Keys;
let members: Record<'open' | 'locked', string>;
let openVpc = '';
let fleet: FleetState;

beforeAll(async () => {
  moto = await startMoto({ why: 'the live suite was asked for' });
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-fleet-iam-'));
  restoreEnv = useFleetEnv({ AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: 'us-east-1' });
  members = await createOrganization(moto.url, ['open', 'locked']);
  await createMemberRole(moto.url, members.open, ROLE, policy({ Effect: 'Allow', Action: 'ec2:Describe*' }));
  await createMemberRole(moto.url, members.locked, ROLE, policy({ Effect: 'Allow', Action: 'ec2:*' }, { Effect: 'Deny', Action: 'ec2:Describe*' }));
  management = await createManagementUser(moto.url);
  const open = await memberEc2(moto.url, members.open, REGION, ROLE);
  openVpc = (await open.send(new CreateVpcCommand({ CidrBlock: '10.30.0.0/16' }))).Vpc!.VpcId!;
  await open.send(new CreateSubnetCommand({ VpcId: openVpc, CidrBlock: '10.30.1.0/24', AvailabilityZone: `${REGION}a` }));
  open.destroy();

  await enforceIam(moto.url);
  // The server under test: the management user's keys; getConfig() reads this on first use, below.
  useFleetEnv({
    AWS_ENDPOINT_URL: moto.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: management.accessKeyId,
    AWS_SECRET_ACCESS_KEY: management.secretAccessKey,
    ATLAS_SOURCE: 'live',
    ATLAS_ORG_ROLE: ROLE,
    ATLAS_REGIONS: REGION,
    ATLAS_DATA_DIR: dir,
    AWS_CONFIG_FILE: path.join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-credentials'),
  });
  const { GET } = await import('@/app/api/fleet/route');
  const res = await GET(new NextRequest('http://127.0.0.1/api/fleet?wait=1'));
  expect(res.status).toBe(200);
  fleet = (await res.json()) as FleetState;
});

afterAll(async () => {
  restoreEnv?.();
  await moto?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const row = (accountId: string) => fleet.rows.find((r) => r.accountId === accountId && r.region === REGION);

describe('a member whose role refuses EC2 (moto enforcing IAM)', () => {
  it('is enforced: the locked role can be assumed, and moto then refuses its DescribeVpcs naming the action', async () => {
    const locked = await memberEc2(moto.url, members.locked, REGION, ROLE, management);
    await expect(locked.send(new DescribeVpcsCommand({}))).rejects.toMatchObject({ name: 'AccessDenied', message: expect.stringContaining('ec2:DescribeVpcs') });
    locked.destroy();
    // And a key moto never issued is refused outright.
    const stranger = new EC2Client({ region: REGION, endpoint: moto.url, maxAttempts: 1, credentials: { accessKeyId: 'AKIASTRANGER00000001', secretAccessKey: 'x' } });
    await expect(stranger.send(new DescribeVpcsCommand({}))).rejects.toThrow();
    stranger.destroy();
  });

  it('shows the locked member as denied, naming the EC2 permission it lacks, without its counts', () => {
    expect(fleet).toMatchObject({ source: 'live', total: 3, done: 3, notices: [] });
    const r = row(members.locked)!;
    expect(r.load).toEqual({ state: 'denied', permission: expect.stringMatching(/^ec2:Describe[A-Za-z]+$/), message: expect.any(String) });
    const { permission, message } = r.load as { permission: string; message: string };
    expect(message).toContain(`Add ${permission} to the IAM policy`);
    expect(message).not.toContain(management.secretAccessKey);
    expect(r).toMatchObject({ accountName: 'fleet-locked', counts: null, findings: null });
  });

  it('loads the open member and the management account, counting what EC2 lists for each', async () => {
    const open = await memberEc2(moto.url, members.open, REGION, ROLE, management);
    const [vpcs, subnets] = await Promise.all([open.send(new DescribeVpcsCommand({})), open.send(new DescribeSubnetsCommand({}))]);
    open.destroy();
    expect(vpcs.Vpcs!.map((v) => v.VpcId)).toContain(openVpc);
    expect(row(members.open)).toMatchObject({ accountName: 'fleet-open', load: { state: 'loaded' }, counts: { vpcs: vpcs.Vpcs!.length, subnets: subnets.Subnets!.length } });
    expect(row(MANAGEMENT_ACCOUNT)!.load.state).toBe('loaded');
  });
});
