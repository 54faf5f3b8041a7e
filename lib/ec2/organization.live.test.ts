/**
 * The fleet against moto's Organizations, STS and EC2, through the real SDK: an organization with three member
 * accounts, VPCs built in two of them through credentials of the member role (sts:AssumeRole), the third one's
 * role refused (a loopback fault proxy answers STS's AccessDenied for its role ARN: moto assumes any role). The
 * server reads the organization with ATLAS_ORG_ROLE, and `GET /api/fleet?wait=1` must show what was built, the
 * refused member as denied naming sts:AssumeRole, and the management account read with its own credentials.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateSubnetCommand,
  CreateVpcCommand,
  CreateVpcEndpointCommand,
  DescribeSubnetsCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from '@/lib/test/fault-proxy';
import type { FleetState } from '@/lib/fleet/types';
import { MANAGEMENT_ACCOUNT as MANAGEMENT, buildNatToS3Vpc, createOrganization, memberEc2 as roleEc2, useFleetEnv } from './test/moto-org';

const motoUrl = inject('motoUrl');

/** Regions no other live test uses: the management account has only its default VPC there. */
const REGIONS = ['eu-central-1', 'ap-northeast-1'] as const;
const ROLE = 'vpc-atlas-read';

let proxy: FaultProxy;
let dir: string;
const members: Record<'alpha' | 'beta' | 'gamma', string> = { alpha: '', beta: '', gamma: '' };
/** What was built, per account: VPC ids by region, and beta's NAT-routed route table. */
const built = { alphaVpcs: [] as string[], betaVpc: '', betaPrivateRouteTable: '' };

/** An EC2 client of a member account, through the member role as moto hands it out (straight to moto). */
const memberEc2 = (accountId: string, region: string) => roleEc2(motoUrl, accountId, region, ROLE);

async function build(): Promise<void> {
  Object.assign(members, await createOrganization(motoUrl, ['alpha', 'beta', 'gamma'] as const));

  // alpha: two VPCs in eu-central-1, one with an S3 gateway endpoint.
  const alpha = await memberEc2(members.alpha, 'eu-central-1');
  for (const [cidr, subnets] of [['10.10.0.0/16', ['10.10.1.0/24', '10.10.2.0/24']], ['10.11.0.0/16', ['10.11.1.0/24']]] as const) {
    const vpc = (await alpha.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc!.VpcId!;
    built.alphaVpcs.push(vpc);
    for (const s of subnets) await alpha.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: s, AvailabilityZone: 'eu-central-1a' }));
  }
  await alpha.send(new CreateVpcEndpointCommand({ VpcId: built.alphaVpcs[1]!, ServiceName: 'com.amazonaws.eu-central-1.s3', VpcEndpointType: 'Gateway' }));
  alpha.destroy();

  // beta: a private subnet whose default route goes through a NAT gateway, and no S3 gateway endpoint.
  const beta = await memberEc2(members.beta, 'eu-central-1');
  const nat = await buildNatToS3Vpc(beta, 'eu-central-1', 20);
  built.betaVpc = nat.vpcId;
  built.betaPrivateRouteTable = nat.privateRouteTableId;
  beta.destroy();
}

/** What an account-region holds, read straight from moto through the member role (or the management's keys). */
async function describe3(accountId: string, region: string) {
  const c = accountId === MANAGEMENT ? new EC2Client({ region, endpoint: motoUrl }) : await memberEc2(accountId, region);
  const [v, s, e] = await Promise.all([
    c.send(new DescribeVpcsCommand({})),
    c.send(new DescribeSubnetsCommand({})),
    c.send(new DescribeVpcEndpointsCommand({})),
  ]);
  c.destroy();
  return { vpcs: v.Vpcs!.length, subnets: s.Subnets!.length, endpoints: e.VpcEndpoints!.length, vpcIds: v.Vpcs!.map((x) => x.VpcId!) };
}

let fleet: FleetState;
let GET: (request: NextRequest) => Promise<Response>;

let restoreEnv: () => void;

beforeAll(async () => {
  proxy = await startFaultProxy(motoUrl);
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-fleet-live-'));
  restoreEnv = useFleetEnv({
    AWS_ACCESS_KEY_ID: 'AKIAFLEETMANAGEMENT1',
    AWS_SECRET_ACCESS_KEY: 'fleetManagementSecret/NeverShown00000001',
    AWS_REGION: 'us-east-1',
  });
  await build();
  // The server under test: every call through the proxy; getConfig() reads this on first use, below.
  useFleetEnv({
    AWS_ACCESS_KEY_ID: 'AKIAFLEETMANAGEMENT1',
    AWS_SECRET_ACCESS_KEY: 'fleetManagementSecret/NeverShown00000001',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL: proxy.url,
    ATLAS_SOURCE: 'live',
    ATLAS_ORG_ROLE: ROLE,
    ATLAS_REGIONS: REGIONS.join(','),
    ATLAS_FLEET_CONCURRENCY: '3',
    ATLAS_DATA_DIR: dir,
    // No shared config files: the fleet is the organization.
    AWS_CONFIG_FILE: path.join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-credentials'),
  });
  proxy.setRules({ action: 'AssumeRole', param: { name: 'RoleArn', includes: members.gamma }, fault: { mode: 'query-error', status: 403, code: 'AccessDenied', message: `User is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${members.gamma}:role/${ROLE}` } });
  ({ GET } = await import('@/app/api/fleet/route'));
  const res = await GET(new NextRequest('http://127.0.0.1/api/fleet?wait=1'));
  expect(res.status).toBe(200);
  fleet = (await res.json()) as FleetState;
});

afterAll(async () => {
  await proxy?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  restoreEnv?.();
});

const assumed = (id: string) => proxy.log.filter((r) => r.action === 'AssumeRole' && (r.params.RoleArn ?? '').includes(`::${id}:`)).length;
const row = (accountId: string, region: string) => fleet.rows.find((r) => r.accountId === accountId && r.region === region);

describe('the fleet of a moto organization (ATLAS_ORG_ROLE)', () => {
  it('lists the organization’s accounts, the management one included, and reads every account-region', () => {
    expect(fleet.accounts.map((a) => [a.id, a.source]).sort()).toEqual(
      [[MANAGEMENT, 'organization'], [members.alpha, 'organization'], [members.beta, 'organization'], [members.gamma, 'organization']].sort(),
    );
    expect(fleet.accounts.find((a) => a.id === members.alpha)!.name).toBe('fleet-alpha');
    expect(fleet).toMatchObject({ source: 'live', total: 8, done: 8, refreshing: false, notices: [] });
    expect(fleet.finishedAt).not.toBeNull();
  });

  it('counts what was built in each member account-region, as EC2 itself lists it through the member role', async () => {
    for (const accountId of [members.alpha, members.beta, MANAGEMENT]) {
      for (const region of REGIONS) {
        const expected = await describe3(accountId, region);
        const r = row(accountId, region)!;
        expect(r.load.state, `${accountId} ${region}`).toBe('loaded');
        expect(r.counts, `${accountId} ${region}`).toEqual({ vpcs: expected.vpcs, subnets: expected.subnets, endpoints: expected.endpoints });
        expect(r.query).toBe(`region=${region}&account=${accountId}`);
      }
    }
    // moto gives every account-region a default VPC; alpha built two more there, beta one.
    expect(row(members.alpha, 'eu-central-1')!.counts).toMatchObject({ vpcs: 3, endpoints: 1 });
    expect(row(members.beta, 'eu-central-1')!.counts!.vpcs).toBe(2);
    expect(row(members.alpha, 'ap-northeast-1')!.counts!.vpcs).toBe(1);
    expect(row(members.beta, 'eu-central-1')!.monthlyCost!.natUsd).toBeGreaterThan(0);
  });

  it('shows the member whose role cannot be assumed as denied, naming sts:AssumeRole, in each of its rows', () => {
    for (const region of REGIONS) {
      const r = row(members.gamma, region)!;
      expect(r.load).toEqual({ state: 'denied', permission: 'sts:AssumeRole', message: expect.stringContaining(`arn:aws:iam::${members.gamma}:role/${ROLE}`) });
      expect(r.counts).toBeNull();
      expect(r.load.state === 'denied' && r.load.message).not.toContain('fleetManagementSecret');
    }
  });

  it('assumes each member’s role once for all its regions, and never the management account’s', () => {
    expect(assumed(members.alpha)).toBe(1);
    expect(assumed(members.beta)).toBe(1);
    expect(assumed(MANAGEMENT)).toBe(0);
    // gamma's regions may share one refused call (they ask at once) or ask one after the other.
    expect(assumed(members.gamma)).toBeGreaterThanOrEqual(1);
    const sessions = new Set(proxy.log.filter((r) => r.action === 'AssumeRole').map((r) => r.params.RoleSessionName));
    expect([...sessions]).toEqual(['vpc-atlas']);
  });

  it('groups beta’s NAT-to-S3 finding with a link that opens beta’s VPC in its region with the route table selected', async () => {
    const nat = fleet.findings.find((f) => f.rule === 'nat-to-gateway-service')!;
    expect(nat, JSON.stringify(fleet.findings.map((f) => [f.rule, f.items.map((i) => [i.accountName, i.title])]))).toBeDefined();
    const item = nat.items.find((i) => i.accountId === members.beta)!;
    expect(item).toMatchObject({ region: 'eu-central-1', vpcId: built.betaVpc, accountName: 'fleet-beta' });
    expect(item.resourceIds).toContain(built.betaPrivateRouteTable);
    const url = new URL(item.href, 'http://x');
    expect(url.pathname).toBe(`/vpcs/${built.betaVpc}`);
    expect(Object.fromEntries(url.searchParams)).toEqual({ region: 'eu-central-1', account: members.beta, selected: item.resourceIds[0] });
    expect(nat.accountCount).toBeGreaterThanOrEqual(1);
    // What the link opens: the VPC page's scope and load read beta's account.
    const { resolvePageScope, scopeLoad } = await import('@/lib/topology/page-params');
    const { loadTopology } = await import('@/lib/topology/load');
    const scope = await resolvePageScope(Object.fromEntries(url.searchParams));
    expect(scope).toMatchObject({ account: members.beta, accountName: 'fleet-beta', region: 'eu-central-1', notices: [] });
    const topology = await loadTopology({ ...scopeLoad(scope), vpcId: built.betaVpc });
    expect(topology.routeTables.map((t) => t.id)).toContain(item.resourceIds[0]);
  });

  it('refreshes in the background, keeping each row’s last result until its new one is in', async () => {
    const before = row(members.alpha, 'eu-central-1')!;
    const gammaAsked = assumed(members.gamma);
    const res = await GET(new NextRequest('http://127.0.0.1/api/fleet?refresh=1'));
    const during = (await res.json()) as FleetState;
    expect(during.refreshing).toBe(true);
    const kept = during.rows.find((r) => r.accountId === members.alpha && r.region === 'eu-central-1')!;
    expect(kept.counts).toEqual(before.counts);
    expect(kept.lastLoadedAt).toBe(before.lastLoadedAt);
    const after = (await (await GET(new NextRequest('http://127.0.0.1/api/fleet?wait=1'))).json()) as FleetState;
    expect(after).toMatchObject({ refreshing: false, done: 8, total: 8 });
    const fresh = after.rows.find((r) => r.accountId === members.alpha && r.region === 'eu-central-1')!;
    expect(Date.parse(fresh.lastLoadedAt!)).toBeGreaterThan(Date.parse(before.lastLoadedAt!));
    // Credentials are kept until they near their expiry; a refusal is not kept, so gamma's role is asked again.
    expect(assumed(members.alpha)).toBe(1);
    expect(assumed(members.gamma)).toBeGreaterThan(gammaAsked);
    expect(after.rows.filter((r) => r.accountId === members.gamma).map((r) => r.load.state)).toEqual(['denied', 'denied']);
  });
});
