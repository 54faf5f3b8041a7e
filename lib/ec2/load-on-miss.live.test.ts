/**
 * A link to a VPC or endpoint made after the region was read (and cached) opens: loadTopology reads the region
 * again once on a miss, against a real EC2 API (moto) through the SDK.
 */
import { CreateVpcCommand, CreateVpcEndpointCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const motoUrl = inject('motoUrl');
const REGION = 'us-west-2';
const saved = { endpoint: process.env.AWS_ENDPOINT_URL_EC2, ttl: process.env.ATLAS_CACHE_TTL };
process.env.AWS_ENDPOINT_URL_EC2 = motoUrl;
// Long enough that only the miss can explain a second read.
process.env.ATLAS_CACHE_TTL = '3600';
const { loadTopology, VpcNotFoundError } = await import('@/lib/topology/load');

const ec2 = new EC2Client({ region: REGION, endpoint: motoUrl, maxAttempts: 1 });
const createVpc = async (cidr: string) => (await ec2.send(new CreateVpcCommand({ CidrBlock: cidr }))).Vpc!.VpcId!;

let first: string;
beforeAll(async () => {
  first = await createVpc('10.61.0.0/16');
});
afterAll(() => {
  ec2.destroy();
  process.env.AWS_ENDPOINT_URL_EC2 = saved.endpoint;
  process.env.ATLAS_CACHE_TTL = saved.ttl;
});

describe('loadTopology on a miss', () => {
  it('reads the region again for a VPC created after the cached read, and still says not found for one that does not exist', async () => {
    const before = await loadTopology({ source: 'live', region: REGION });
    expect(before.vpcs.map((v) => v.id)).toContain(first);
    // The cached topology is older than the re-read floor (5 s) when the link is opened.
    await new Promise((r) => setTimeout(r, 5_100));
    const later = await createVpc('10.62.0.0/16');
    expect((await loadTopology({ source: 'live', region: REGION })).vpcs.map((v) => v.id)).not.toContain(later);
    const scoped = await loadTopology({ source: 'live', region: REGION, vpcId: later });
    expect(scoped.vpcs.map((v) => v.id)).toEqual([later]);
    await expect(loadTopology({ source: 'live', region: REGION, vpcId: 'vpc-0e9801d129EXAMPLE' })).rejects.toBeInstanceOf(VpcNotFoundError);
  }, 30_000);

  it('reads the region again for an endpoint created after the cached read', async () => {
    await loadTopology({ source: 'live', region: REGION, refresh: true });
    await new Promise((r) => setTimeout(r, 5_100));
    const created = await ec2.send(new CreateVpcEndpointCommand({ VpcId: first, ServiceName: `com.amazonaws.${REGION}.s3`, VpcEndpointType: 'Gateway' }));
    const id = created.VpcEndpoint!.VpcEndpointId!;
    const t = await loadTopology({ source: 'live', region: REGION, endpointId: id });
    expect(t.endpoints.map((e) => e.id)).toContain(id);
  }, 30_000);
});
