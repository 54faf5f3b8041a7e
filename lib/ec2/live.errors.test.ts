/**
 * LiveEc2Api's error paths that a server cannot produce on demand: the SDK client is mocked with
 * aws-sdk-client-mock (denied, throttled, expired, no credentials), and the network failures are
 * real sockets on loopback (a port that refuses, a server that never answers).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DescribeAvailabilityZonesCommand,
  DescribeCarrierGatewaysCommand,
  DescribeEgressOnlyInternetGatewaysCommand,
  DescribeManagedPrefixListsCommand,
  DescribeTransitGatewayVpcAttachmentsCommand,
  DescribeInternetGatewaysCommand,
  DescribeNatGatewaysCommand,
  DescribeNetworkInterfacesCommand,
  DescribePrefixListsCommand,
  DescribeRouteTablesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeVpcAttributeCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  EC2Client,
  EC2ServiceException,
} from '@aws-sdk/client-ec2';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Ec2Error } from './errors';
import { LiveEc2Api } from './live';
import { readRegion } from './read-region';

function ec2ServiceError(code: string, message: string, httpStatusCode = 400): EC2ServiceException {
  return new EC2ServiceException({
    name: code,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode, requestId: 'req-1', attempts: 1, totalRetryDelay: 0 },
    message,
  });
}

function expectNoStack(message: string) {
  expect(message).not.toMatch(/\n\s*at /);
  expect(message).not.toMatch(/node_modules|\.ts:\d+|\.js:\d+/);
}

const VPC = { VpcId: 'vpc-0a1b2c3d4e5f60718', CidrBlock: '10.0.0.0/16', State: 'available' as const };

describe('LiveEc2Api error paths (mocked EC2Client)', () => {
  const ec2 = mockClient(EC2Client);

  beforeEach(() => {
    ec2.reset();
    ec2.on(DescribeVpcsCommand).resolves({ Vpcs: [VPC] });
    ec2.on(DescribeVpcAttributeCommand, { Attribute: 'enableDnsSupport' }).resolves({ VpcId: VPC.VpcId, EnableDnsSupport: { Value: true } });
    ec2.on(DescribeVpcAttributeCommand, { Attribute: 'enableDnsHostnames' }).resolves({ VpcId: VPC.VpcId, EnableDnsHostnames: { Value: false } });
    ec2.on(DescribeSubnetsCommand).resolves({ Subnets: [] });
    ec2.on(DescribeRouteTablesCommand).resolves({ RouteTables: [] });
    ec2.on(DescribeVpcEndpointsCommand).resolves({ VpcEndpoints: [] });
    ec2.on(DescribeNetworkInterfacesCommand).resolves({ NetworkInterfaces: [] });
    ec2.on(DescribeSecurityGroupsCommand).resolves({ SecurityGroups: [] });
    ec2.on(DescribeInternetGatewaysCommand).resolves({ InternetGateways: [] });
    ec2.on(DescribeNatGatewaysCommand).resolves({ NatGateways: [] });
    ec2.on(DescribePrefixListsCommand).resolves({ PrefixLists: [] });
    ec2.on(DescribeEgressOnlyInternetGatewaysCommand).resolves({ EgressOnlyInternetGateways: [] });
    ec2.on(DescribeCarrierGatewaysCommand).resolves({ CarrierGateways: [] });
    ec2.on(DescribeTransitGatewayVpcAttachmentsCommand).resolves({ TransitGatewayVpcAttachments: [] });
    ec2.on(DescribeAvailabilityZonesCommand).resolves({ AvailabilityZones: [] });
    ec2.on(DescribeManagedPrefixListsCommand).resolves({ PrefixLists: [] });
  });

  it('leaves a list added later unread, with a warning, when the role may not read it', async () => {
    ec2.on(DescribeCarrierGatewaysCommand).rejects(ec2ServiceError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403));
    const raw = await readRegion(api());
    expect(raw.vpcs.map((v) => v.VpcId)).toEqual([VPC.VpcId]);
    expect(raw.carrierGateways).toBeUndefined();
    expect(raw.egressOnlyInternetGateways).toEqual([]);
    expect(raw.unread).toEqual(['carrierGateways']);
    expect(raw.warnings).toEqual(['Missing permission ec2:DescribeCarrierGateways: Carrier gateways are not shown.']);
  });

  afterAll(() => ec2.restore());

  const api = () => new LiveEc2Api({ region: 'us-east-1', maxAttempts: 1 });

  it('loads the VPCs when DescribeNatGateways is denied, with a warning naming the permission', async () => {
    ec2.on(DescribeNatGatewaysCommand).rejects(
      ec2ServiceError('UnauthorizedOperation', 'You are not authorized to perform this operation.', 403),
    );
    const raw = await readRegion(api());
    expect(raw.vpcs.map((v) => v.VpcId)).toEqual([VPC.VpcId]);
    expect(raw.vpcDns[VPC.VpcId]).toEqual({ dnsSupport: true, dnsHostnames: false });
    expect(raw.natGateways).toEqual([]);
    expect(raw.warnings).toHaveLength(1);
    expect(raw.warnings[0]).toContain('ec2:DescribeNatGateways');
    expect(raw.unread).toEqual(['natGateways']);
  });

  it('warns that DNS settings are unknown when DescribeVpcAttribute is denied', async () => {
    ec2.on(DescribeVpcAttributeCommand).rejects(ec2ServiceError('UnauthorizedOperation', 'not authorized', 403));
    const raw = await readRegion(api());
    expect(raw.vpcDns[VPC.VpcId]).toEqual({ dnsSupport: null, dnsHostnames: null });
    expect(raw.warnings.join('\n')).toContain('ec2:DescribeVpcAttribute');
  });

  it('fails the load when DescribeVpcs itself is denied', async () => {
    ec2.on(DescribeVpcsCommand).rejects(ec2ServiceError('UnauthorizedOperation', 'not authorized', 403));
    await expect(readRegion(api())).rejects.toMatchObject({ kind: 'access-denied', message: expect.stringContaining('ec2:DescribeVpcs') });
  });

  it('reports throttling on DescribeVpcs as throttled, asking to try again', async () => {
    ec2.on(DescribeVpcsCommand).rejects(ec2ServiceError('RequestLimitExceeded', 'Request limit exceeded.', 503));
    const err = await readRegion(api()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Ec2Error);
    expect(err).toMatchObject({ kind: 'throttled', code: 'RequestLimitExceeded', operation: 'DescribeVpcs' });
    expect((err as Error).message).toMatch(/try again/i);
    expectNoStack((err as Error).message);
  });

  it('reports an expired session token as expired-credentials', async () => {
    ec2.on(DescribeVpcsCommand).rejects(ec2ServiceError('ExpiredToken', 'The security token included in the request is expired', 400));
    const err = await api().describeVpcs().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'expired-credentials', operation: 'DescribeVpcs' });
    expect((err as Error).message).toMatch(/sso login|refresh/i);
    expectNoStack((err as Error).message);
  });

  it('reports a failed credential chain as no-credentials', async () => {
    const chainError = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
      tryNextLink: false,
    });
    ec2.on(DescribeVpcsCommand).rejects(chainError);
    const err = await readRegion(api()).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'no-credentials' });
    expect((err as Error).message).toMatch(/AWS_PROFILE/);
    expectNoStack((err as Error).message);
  });

  it('reports a TimeoutError as timeout', async () => {
    ec2.on(DescribeVpcsCommand).rejects(Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }));
    const err = await api().describeVpcs().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'timeout', operation: 'DescribeVpcs' });
    expect((err as Error).message).toMatch(/try again/i);
    expectNoStack((err as Error).message);
  });

  it('reports ECONNREFUSED as unreachable, through the paginator too', async () => {
    ec2.on(DescribeVpcsCommand).rejects(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }));
    const err = await api().pager.vpcs().catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unreachable', operation: 'DescribeVpcs' });
    expect((err as Error).message).toMatch(/AWS_ENDPOINT_URL/);
    expectNoStack((err as Error).message);
  });
});

/**
 * The same failures from real sockets on loopback, through the SDK's own HTTP handler: proves the
 * SDK's actual error shapes (not only the mocked ones above) are read right.
 */
describe('LiveEc2Api over loopback sockets', () => {
  let silent: Server;
  let silentPort: number;
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Accepts connections and never answers: the request timeout must cut it off.
    silent = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const addr = silent.address();
    silentPort = typeof addr === 'object' && addr ? addr.port : 0;
  });

  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  beforeEach(() => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'testing');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'testing');
    vi.stubEnv('AWS_SESSION_TOKEN', '');
    vi.stubEnv('AWS_PROFILE', '');
    vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
    vi.stubEnv('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED', 'true');
  });
  afterEach(() => vi.unstubAllEnvs());

  it('a server that never answers gives timeout once requestTimeout passes', async () => {
    const api = new LiveEc2Api({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${silentPort}`,
      maxAttempts: 1,
      requestTimeout: 300,
    });
    try {
      const started = Date.now();
      const err = await api.describeVpcs().catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'timeout', operation: 'DescribeVpcs' });
      expect(Date.now() - started).toBeLessThan(5_000);
      expectNoStack((err as Error).message);
    } finally {
      api.client.destroy();
    }
  });

  it('an SDK credential chain that finds nothing gives no-credentials', async () => {
    // A profile that exists nowhere, empty config files, and no instance metadata: every provider
    // of the chain fails locally, without a network call.
    const dir = await mkdtemp(path.join(tmpdir(), 'atlas-nocreds-'));
    await writeFile(path.join(dir, 'config'), '');
    await writeFile(path.join(dir, 'credentials'), '');
    vi.stubEnv('AWS_ACCESS_KEY_ID', '');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', '');
    vi.stubEnv('AWS_CONFIG_FILE', path.join(dir, 'config'));
    vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', path.join(dir, 'credentials'));
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_RELATIVE_URI', '');
    vi.stubEnv('AWS_CONTAINER_CREDENTIALS_FULL_URI', '');
    vi.stubEnv('AWS_WEB_IDENTITY_TOKEN_FILE', '');
    const api = new LiveEc2Api({ region: 'us-east-1', endpoint: `http://127.0.0.1:${silentPort}`, maxAttempts: 1, requestTimeout: 300 });
    try {
      const err = await api.describeVpcs().catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'no-credentials', operation: 'DescribeVpcs' });
      expect((err as Error).message).toMatch(/AWS_PROFILE/);
      expectNoStack((err as Error).message);
    } finally {
      api.client.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a port that refuses connections gives unreachable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const addr = closed.address();
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const port = typeof addr === 'object' && addr ? addr.port : 1;
    const api = new LiveEc2Api({ region: 'us-east-1', endpoint: `http://127.0.0.1:${port}`, maxAttempts: 1 });
    try {
      // All calls of a load run at once; whichever fails first names itself.
      const err = await readRegion(api).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'unreachable', operation: expect.stringMatching(/^Describe/) });
      expect((err as Error).message).toMatch(/AWS_ENDPOINT_URL/);
    } finally {
      api.client.destroy();
    }
  });
});
