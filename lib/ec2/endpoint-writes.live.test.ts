/**
 * The new-endpoint server action against a real EC2 API (moto on loopback) through the real SDK:
 * a gateway endpoint created through the action shows up as a prefix-list route in the topology,
 * an interface endpoint's subnets and ENIs appear, and a dry run answers in words.
 *
 * moto differs from AWS where noted in lib/ec2/live.live.test.ts (ENI type and addresses); this test
 * asserts the links the topology draws, not those details.
 */
import {
  AssociateRouteTableCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateRouteTableCommand,
  CreateSecurityGroupCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it, vi } from 'vitest';

// Server actions read the request's headers: live writes need sign-in, so this file is an editor behind a proxy.
vi.mock('next/headers', () => ({ headers: async () => new Headers({ 'x-forwarded-email': 'live-test@example.com', 'x-request-id': 'live-test' }) }));

const REGION = 'us-east-1';
const motoUrl = inject('motoUrl');

let vpcId: string;
let routeTableId: string;
let subnetA: string;
let subnetB: string;
let groupId: string;

beforeAll(async () => {
  // The server's configuration for this file: live mode against moto, writes on.
  Object.assign(process.env, {
    ATLAS_SOURCE: 'live',
    AWS_ENDPOINT_URL_EC2: motoUrl,
    AWS_REGION: REGION,
    ATLAS_LIVE_WRITES: '1',
    ATLAS_AUTH: 'proxy',
    ATLAS_EDITORS: 'live-test@example.com',
    ATLAS_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'atlas-live-writes-')),
    ATLAS_CACHE_TTL: '0',
    // The audit lines (one per create) would fill the test output.
    ATLAS_LOG_LEVEL: 'warn',
  });
  const ec2 = new EC2Client({ region: REGION, endpoint: motoUrl });
  vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.77.0.0/16' }))).Vpc!.VpcId!;
  subnetA = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.77.1.0/24', AvailabilityZone: 'us-east-1a' }))).Subnet!.SubnetId!;
  subnetB = (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: '10.77.2.0/24', AvailabilityZone: 'us-east-1b' }))).Subnet!.SubnetId!;
  routeTableId = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable!.RouteTableId!;
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: routeTableId, SubnetId: subnetA }));
  groupId = (await ec2.send(new CreateSecurityGroupCommand({ VpcId: vpcId, GroupName: 'vpce-https', Description: 'HTTPS from the VPC' }))).GroupId!;
  await ec2.send(
    new AuthorizeSecurityGroupIngressCommand({ GroupId: groupId, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '10.77.0.0/16' }] }] }),
  );
});

async function topology() {
  const { loadTopology } = await import('@/lib/topology/load');
  return loadTopology({ source: 'live', region: REGION, vpcId, refresh: true });
}

describe('submitEndpoint against moto', () => {
  it('creates a gateway endpoint whose prefix-list route appears in the topology', async () => {
    const { submitEndpoint } = await import('@/app/endpoints/new/actions');
    const res = await submitEndpoint(
      { type: 'gateway', region: REGION, vpcId, serviceName: `com.amazonaws.${REGION}.s3`, routeTableIds: [routeTableId], clientToken: randomUUID() },
      'create',
    );
    expect(res).toMatchObject({ ok: true, kind: 'created' });
    const id = (res as { endpointId: string }).endpointId;
    const t = await topology();
    expect(t.endpoints.find((e) => e.id === id)).toMatchObject({ type: 'Gateway', routeTableIds: [routeTableId] });
    const route = t.routeTables.find((r) => r.id === routeTableId)!.routes.find((r) => r.target === id);
    expect(route).toMatchObject({ destinationType: 'prefix-list', targetType: 'vpce' });
    expect(route!.destination).toBe(t.prefixLists.find((p) => p.name === `com.amazonaws.${REGION}.s3`)!.id);
  });

  it('creates an interface endpoint whose subnets and ENIs appear in the topology', async () => {
    const { submitEndpoint } = await import('@/app/endpoints/new/actions');
    const res = await submitEndpoint(
      {
        type: 'interface',
        region: REGION,
        vpcId,
        serviceName: `com.amazonaws.${REGION}.sqs`,
        subnetIds: [subnetA, subnetB],
        securityGroupIds: [groupId],
        privateDnsEnabled: false,
        clientToken: randomUUID(),
      },
      'create',
    );
    expect(res).toMatchObject({ ok: true, kind: 'created' });
    const id = (res as { endpointId: string }).endpointId;
    const t = await topology();
    const e = t.endpoints.find((x) => x.id === id)!;
    expect(e).toMatchObject({ type: 'Interface', subnetIds: [subnetA, subnetB].sort() });
    expect(e.networkInterfaceIds).toHaveLength(2);
    const enis = t.networkInterfaces.filter((n) => e.networkInterfaceIds.includes(n.id));
    expect(enis.map((n) => n.subnetId).sort()).toEqual([subnetA, subnetB].sort());
  });

  it('refuses, before any call, a route table that already routes the prefix list', async () => {
    const { submitEndpoint } = await import('@/app/endpoints/new/actions');
    const res = await submitEndpoint(
      { type: 'gateway', region: REGION, vpcId, serviceName: `com.amazonaws.${REGION}.s3`, routeTableIds: [routeTableId], clientToken: randomUUID() },
      'create',
    );
    expect(res).toMatchObject({ ok: false });
    expect((res as { fieldErrors: Record<string, string[]> }).fieldErrors.routeTableIds?.[0]).toMatch(/Already routes s3/);
  });
});
