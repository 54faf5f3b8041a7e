/**
 * `AWS_ENDPOINT_URL_EC2` alone, without AWS_ENDPOINT_URL and without an `endpoint` option, must
 * send LiveEc2Api to that endpoint. SDK releases have broken service-specific endpoint variables
 * before; this is how a user points vpc-atlas at LocalStack or moto for EC2 only.
 */
import { createServer, type Server } from 'node:net';
import { CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { useEnv } from '@/lib/test/env';
import { Ec2Error } from './errors';
import { LiveEc2Api } from './live';

const motoUrl = inject('motoUrl');
const VARS = ['AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_EC2', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS'] as const;

/**
 * Records where each request of `api` goes and stops any that would leave loopback: if the SDK
 * ever ignored the variable again, the test must fail here rather than call the real AWS.
 */
function guardLoopback(api: LiveEc2Api): string[] {
  const hosts: string[] = [];
  api.client.middlewareStack.add(
    (next) => async (args) => {
      const req = args.request as { hostname?: string; port?: number };
      hosts.push(`${req.hostname ?? ''}:${req.port ?? ''}`);
      if (req.hostname !== '127.0.0.1') throw new Error(`request to ${req.hostname ?? '?'} blocked: not loopback`);
      return next(args);
    },
    { step: 'finalizeRequest', name: 'loopbackGuard' },
  );
  return hosts;
}

/** A loopback port that nothing listens on. */
async function closedPort(): Promise<number> {
  const srv: Server = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const addr = srv.address();
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return typeof addr === 'object' && addr ? addr.port : 1;
}

describe('AWS_ENDPOINT_URL_EC2', () => {
  let restoreEnv = () => {};
  let vpcId: string;

  beforeAll(async () => {
    // Its own VPC with a unique CIDR: the other live file resets moto, but files run one at a time.
    const ec2 = new EC2Client({ region: 'us-east-1', endpoint: motoUrl, maxAttempts: 1 });
    const out = await ec2.send(
      new CreateVpcCommand({
        CidrBlock: '10.99.0.0/16',
        TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'endpoint-env-probe' }] }],
      }),
    );
    ec2.destroy();
    vpcId = out.Vpc!.VpcId!;
  });

  afterEach(() => restoreEnv());

  it('sends DescribeVpcs to the endpoint it names', async () => {
    restoreEnv = useEnv(VARS, { AWS_ENDPOINT_URL_EC2: motoUrl });
    const api = new LiveEc2Api({ region: 'us-east-1', maxAttempts: 1 });
    const hosts = guardLoopback(api);
    try {
      const out = await api.describeVpcs({ VpcIds: [vpcId] });
      expect(out.Vpcs?.map((v) => [v.VpcId, v.CidrBlock])).toEqual([[vpcId, '10.99.0.0/16']]);
      const all = await api.pager.vpcs();
      expect(all.map((v) => v.VpcId)).toContain(vpcId);
      expect(new Set(hosts)).toEqual(new Set([new URL(motoUrl).host]));
    } finally {
      api.client.destroy();
    }
  });

  it('is the endpoint actually used: a closed port makes the call fail as unreachable', async () => {
    restoreEnv = useEnv(VARS, { AWS_ENDPOINT_URL_EC2: `http://127.0.0.1:${await closedPort()}` });
    const api = new LiveEc2Api({ region: 'us-east-1', maxAttempts: 1, connectionTimeout: 2_000 });
    guardLoopback(api);
    try {
      const err = await api.describeVpcs().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(Ec2Error);
      expect(err).toMatchObject({ kind: 'unreachable', operation: 'DescribeVpcs' });
    } finally {
      api.client.destroy();
    }
  });
});
