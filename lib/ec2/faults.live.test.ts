/**
 * Live mode under faults: a moto server on loopback behind `lib/test/fault-proxy.ts`, driven
 * through the real SDK, the backend's clients, the topology cache and the topology route handler.
 *
 * Each fault must end in bounded time with a message that says what to do, carry no stack and
 * no credential, and leave the server able to answer the next request normally. Throttling is
 * retried by the SDK before it is reported; a denied Describe call gives a partial topology with
 * a warning; 50 simultaneous loads of one (source, profile, region) cause one set of Describe calls.
 *
 * moto builds a region's default VPC on the first call to that region, which takes about 1.5 s:
 * longer than the 1 s timeout these tests configure, so every region used is warmed up first.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  AllocateAddressCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  DescribeVpcsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { GET as getTopologyRoute } from '@/app/api/topology/route';
import { AWS_CREDENTIAL_ENV, useEnv } from '@/lib/test/env';
import { startFaultProxy, type Fault, type FaultProxy } from '@/lib/test/fault-proxy';
import { describeLoadFailure } from '@/lib/topology/errors';
import { invalidateTopology, loadTopology } from '@/lib/topology/load';
import { resolveProfile } from '@/lib/topology/resolve';
import { summarizeVpcs } from '@/lib/topology/summary';
import { DESCRIBE_OPERATION } from './api';
import { Ec2Error } from './errors';
import { LiveEc2Api } from './live';
import { listProfiles } from './profiles';
import { readRegion } from './read-region';

const motoUrl = inject('motoUrl');

/** Credentials only this file uses, so a test can prove they never reach a message. */
const KEY_ID = 'AKIAFAULTPROXYTEST01';
const SECRET = 'faultProxySecretKey/MustNeverBeShown0001';
const PROFILE_A = { name: 'fault-a', keyId: 'AKIAFAULTPROFILEA001' };
const PROFILE_B = { name: 'fault-b', keyId: 'AKIAFAULTPROFILEB001' };

/**
 * A region per group of tests. A load that fails fast leaves its other calls retrying in the
 * background for a few seconds; tests that count requests do so in a region of their own, so
 * those stragglers never land in their counts.
 */
const REGION = 'eu-west-3'; // whole-load faults
const PARTIAL = 'eu-west-2'; // denied NAT gateways, profiles
const SINGLE = 'ca-central-1'; // one faulty call on a client of its own
const HEALTHY = 'eu-north-1';
const CROWD = 'ap-southeast-2';

/** ATLAS_EC2_TIMEOUT_MS for this file; the SDK makes 3 attempts. */
const TIMEOUT_MS = 1_000;
const ATTEMPTS = 3;

/** The Describe calls of one region load, one per list. */
const DESCRIBE_KINDS = Object.values(DESCRIBE_OPERATION);

const ENV = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_EC2',
  'ATLAS_SOURCE',
  'ATLAS_EC2_TIMEOUT_MS',
  'ATLAS_CACHE_TTL',
  ...AWS_CREDENTIAL_ENV,
] as const;

let proxy: FaultProxy;
let dir: string;
let natGatewayId: string;
let restoreEnv = () => {};

/** Requests that reached the proxy for a region (and an Action). */
function countIn(region: string, action?: string): number {
  return proxy.log.filter((r) => r.region === region && (action === undefined || r.action === action)).length;
}

/** What may be shown on a page: one line, no stack, no credential. */
function expectSafe(text: string) {
  expect(text).not.toMatch(/\n\s*at /);
  expect(text).not.toMatch(/node_modules|\.[jt]s:\d+/);
  for (const secret of [KEY_ID, SECRET, PROFILE_A.keyId, PROFILE_B.keyId, 'secret-of-profile']) {
    expect(text).not.toContain(secret);
  }
}

async function failure(promise: Promise<unknown>): Promise<Ec2Error> {
  const err = await promise.then(
    () => new Error('expected the load to fail'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Ec2Error);
  return err as Ec2Error;
}

async function seed(): Promise<void> {
  const vpcIn = async (region: string) => {
    const c = new EC2Client({ region, endpoint: motoUrl, maxAttempts: 1 });
    const out = await c.send(
      new CreateVpcCommand({ CidrBlock: '10.61.0.0/16', TagSpecifications: [{ ResourceType: 'vpc', Tags: [{ Key: 'Name', Value: 'faults' }] }] }),
    );
    return { c, VpcId: out.Vpc!.VpcId! };
  };
  const { c: ec2, VpcId } = await vpcIn(PARTIAL);
  const subnet = await ec2.send(new CreateSubnetCommand({ VpcId, CidrBlock: '10.61.1.0/24', AvailabilityZone: `${PARTIAL}a` }));
  const igw = await ec2.send(new CreateInternetGatewayCommand({}));
  await ec2.send(new AttachInternetGatewayCommand({ VpcId, InternetGatewayId: igw.InternetGateway!.InternetGatewayId! }));
  const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const nat = await ec2.send(new CreateNatGatewayCommand({ SubnetId: subnet.Subnet!.SubnetId!, AllocationId: eip.AllocationId! }));
  natGatewayId = nat.NatGateway!.NatGatewayId!;
  ec2.destroy();
  for (const region of [REGION, SINGLE]) (await vpcIn(region)).c.destroy();
  // moto's first call to a region builds its default VPC (~1.5 s); do it now, not under a 1 s timeout.
  await Promise.all(
    [HEALTHY, CROWD].map(async (region) => {
      const c = new EC2Client({ region, endpoint: motoUrl, maxAttempts: 1 });
      await c.send(new DescribeVpcsCommand({}));
      c.destroy();
    }),
  );
}

beforeAll(async () => {
  proxy = await startFaultProxy(motoUrl);
  dir = await mkdtemp(path.join(tmpdir(), 'atlas-faults-'));
  await writeFile(
    path.join(dir, 'config'),
    [
      `[profile ${PROFILE_A.name}]`,
      `aws_access_key_id = ${PROFILE_A.keyId}`,
      'aws_secret_access_key = secret-of-profile-a',
      `region = ${REGION}`,
      '',
      `[profile ${PROFILE_B.name}]`,
      `aws_access_key_id = ${PROFILE_B.keyId}`,
      'aws_secret_access_key = secret-of-profile-b',
      '',
      // A profile without credentials: the SDK's chain must end in "no credentials", offline.
      '[profile fault-empty]',
      `region = ${REGION}`,
      '',
    ].join('\n'),
  );
  // getConfig() parses the environment on first use, which is after this. The rest of ENV (a session token, a
  // profile, container and web identity credentials) is removed.
  restoreEnv = useEnv(ENV, {
    AWS_ENDPOINT_URL: proxy.url,
    ATLAS_SOURCE: 'live',
    ATLAS_EC2_TIMEOUT_MS: String(TIMEOUT_MS),
    ATLAS_CACHE_TTL: '60',
    AWS_ACCESS_KEY_ID: KEY_ID,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_CONFIG_FILE: path.join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'no-credentials-file'),
  });
  // Set by the global setup: the SDK's chain must never ask an instance metadata service.
  expect(process.env.AWS_EC2_METADATA_DISABLED).toBe('true');
  await seed();
});

afterAll(async () => {
  await proxy?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  restoreEnv();
});

beforeEach(() => {
  proxy.clear();
  proxy.resetLog();
  invalidateTopology();
});

describe('each fault gives its message, and the next request is answered normally', () => {
  const ERROR_XML = (status: number, code: string, message: string): Fault => ({ mode: 'error', status, code, message });
  it.each<{ name: string; fault: Fault; kind: Ec2Error['kind']; words: RegExp }>([
    { name: 'HTTP 503', fault: { mode: 'unavailable' }, kind: 'server-error', words: /server error \(HTTP 503\).*try again/ },
    { name: 'a response that is not EC2 XML', fault: { mode: 'malformed' }, kind: 'malformed-response', words: /could not read.*really an EC2 API/ },
    {
      name: 'rejected credentials (AuthFailure)',
      fault: ERROR_XML(401, 'AuthFailure', 'AWS was not able to validate the provided access credentials'),
      kind: 'invalid-credentials',
      words: /rejected the credentials.*AuthFailure.*Check the access key/,
    },
    {
      name: 'an expired token (RequestExpired)',
      fault: ERROR_XML(400, 'RequestExpired', 'Request has expired.'),
      kind: 'expired-credentials',
      words: /session token has expired.*aws sso login/,
    },
    { name: 'a reset connection', fault: { mode: 'reset' }, kind: 'unreachable', words: /connection to the EC2 endpoint was reset.*try again/ },
    { name: 'a hung connection', fault: { mode: 'hang' }, kind: 'timeout', words: /did not answer in time.*try again/ },
  ])('$name', async ({ fault, kind, words }) => {
    proxy.setFault(fault, { region: REGION });
    const started = Date.now();
    const err = await failure(loadTopology({ source: 'live', region: REGION }));
    const elapsed = Date.now() - started;
    expect(err.kind).toBe(kind);
    // Every attempt of every call ends within its timeout; back-off between attempts is short.
    expect(elapsed).toBeLessThan(TIMEOUT_MS * ATTEMPTS + 2_000);

    const page = describeLoadFailure(err);
    expect(page.message).toMatch(words);
    expect(page.status).toBe(502);
    expectSafe(page.message);
    expectSafe(JSON.stringify(page));

    // The failure is neither cached nor left in flight: the next load goes out and succeeds.
    proxy.clear();
    const topology = await loadTopology({ source: 'live', region: REGION });
    expect(topology.vpcs.map((v) => v.name)).toContain('faults');
    expect(topology.warnings).toEqual([]);
  });

  it('a hung connection is cut off after the configured timeout, each attempt', async () => {
    proxy.setFault({ mode: 'hang' }, { region: SINGLE, action: 'DescribeVpcs' });
    // A client of its own: the backend's shared client may have spent its retry quota above.
    const api = new LiveEc2Api({ region: SINGLE, endpoint: proxy.url, requestTimeout: TIMEOUT_MS, maxAttempts: ATTEMPTS });
    const started = Date.now();
    const err = await failure(readRegion(api));
    const elapsed = Date.now() - started;
    expect(err).toMatchObject({ kind: 'timeout', operation: 'DescribeVpcs' });
    expect(countIn(SINGLE, 'DescribeVpcs')).toBe(ATTEMPTS);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS * ATTEMPTS - 100);
    expect(elapsed).toBeLessThan(TIMEOUT_MS * ATTEMPTS + 1_500);
    api.client.destroy();
  });

  it('while one region hangs, another loads at once (the server keeps serving)', async () => {
    proxy.setFault({ mode: 'hang' }, { region: REGION });
    const hung = loadTopology({ source: 'live', region: REGION }).then(
      () => 'loaded',
      (e: unknown) => (e instanceof Ec2Error ? e.kind : 'other'),
    );
    const started = Date.now();
    const healthy = await loadTopology({ source: 'live', region: HEALTHY });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
    expect(healthy.region).toBe(HEALTHY);
    expect(await hung).toBe('timeout');
  });

  it('the topology route answers 502 with the message, then 200 on the next request', async () => {
    const get = () => getTopologyRoute(new NextRequest(`http://127.0.0.1/api/topology?source=live&region=${REGION}`));
    proxy.setFault({ mode: 'throttle' }, { region: REGION });
    const bad = await get();
    expect(bad.status).toBe(502);
    const body = (await bad.json()) as { error: string; code: string };
    expect(body).toEqual({ error: expect.stringMatching(/throttling.*try again/), code: 'RequestLimitExceeded' });
    expectSafe(JSON.stringify(body));

    proxy.clear();
    const ok = await get();
    expect(ok.status).toBe(200);
    const topology = (await ok.json()) as { vpcs: { name: string }[] };
    expect(topology.vpcs.map((v) => v.name)).toContain('faults');
  });
});

describe('throttling (RequestLimitExceeded)', () => {
  it('is retried by the SDK, then reported as "try again"', async () => {
    proxy.setFault({ mode: 'throttle' }, { region: SINGLE, action: 'DescribeVpcs' });
    const api = new LiveEc2Api({ region: SINGLE, endpoint: proxy.url, requestTimeout: TIMEOUT_MS, maxAttempts: ATTEMPTS });
    const err = await failure(readRegion(api));
    expect(err).toMatchObject({ kind: 'throttled', operation: 'DescribeVpcs' });
    expect(err.message).toMatch(/RequestLimitExceeded.*Wait a minute and try again/);
    expect(countIn(SINGLE, 'DescribeVpcs')).toBe(ATTEMPTS);
    expect(proxy.log.filter((r) => r.region === SINGLE && r.action === 'DescribeVpcs').every((r) => r.mode === 'throttle')).toBe(true);
    api.client.destroy();
  });

  it('that passes is invisible: two throttled answers, then the third attempt loads', async () => {
    proxy.setFault({ mode: 'throttle' }, { region: SINGLE, action: 'DescribeVpcs', times: 2 });
    const api = new LiveEc2Api({ region: SINGLE, endpoint: proxy.url, requestTimeout: TIMEOUT_MS, maxAttempts: ATTEMPTS });
    const raw = await readRegion(api);
    expect(raw.vpcs.length).toBeGreaterThan(0);
    expect(proxy.log.filter((r) => r.region === SINGLE && r.action === 'DescribeVpcs').map((r) => r.mode)).toEqual([
      'throttle',
      'throttle',
      'passthrough',
    ]);
    api.client.destroy();
  });
});

describe('partial permissions', () => {
  it('a 403 on DescribeNatGateways gives the rest of the topology and a warning naming the permission', async () => {
    proxy.setFault({ mode: 'deny' }, { action: 'DescribeNatGateways' });
    const partial = await loadTopology({ source: 'live', region: PARTIAL });
    expect(partial.vpcs.map((v) => v.name)).toContain('faults');
    expect(partial.subnets.length).toBeGreaterThan(0);
    expect(partial.internetGateways.length).toBeGreaterThan(0);
    expect(partial.natGateways).toEqual([]);
    expect(partial.warnings).toEqual(['Missing permission ec2:DescribeNatGateways: NAT gateways are not shown.']);
    // The overview says the NAT count is unknown rather than zero; the other counts are known.
    expect(partial.unread).toEqual(['natGateways']);
    const row = summarizeVpcs(partial).find((v) => v.name === 'faults')!;
    expect(row.natGateways).toBeNull();
    expect(row.subnets).toBeGreaterThan(0);
    // Access denied is final: the SDK does not retry it.
    expect(countIn(PARTIAL, 'DescribeNatGateways')).toBe(1);

    proxy.clear();
    const full = await loadTopology({ source: 'live', region: PARTIAL, refresh: true });
    expect(full.natGateways.map((n) => n.id)).toContain(natGatewayId);
    expect(full.warnings).toEqual([]);
    expect(full.unread).toBeUndefined();
  });
});

describe('single flight and cache', () => {
  it('50 simultaneous loads of one key cause exactly one Describe call per kind', async () => {
    // Slow answers keep the first load in flight while the other 49 arrive.
    proxy.setFault({ mode: 'delay', ms: 200 });
    const loads = await Promise.all(Array.from({ length: 50 }, () => loadTopology({ source: 'live', region: CROWD })));
    expect(new Set(loads).size).toBe(1);
    const vpcs = loads[0]!.vpcs.length;
    expect(vpcs).toBeGreaterThan(0);
    const counts: Record<string, number> = {};
    for (const r of proxy.log.filter((x) => x.region === CROWD)) counts[r.action] = (counts[r.action] ?? 0) + 1;
    expect(counts).toEqual({
      ...Object.fromEntries(DESCRIBE_KINDS.map((a) => [a, 1])),
      // DNS settings: two attributes per VPC, one call each (DescribeVpcAttribute takes one VPC).
      DescribeVpcAttribute: 2 * vpcs,
    });

    // Within ATLAS_CACHE_TTL the cache answers; Refresh reads once more, still single flight.
    proxy.resetLog();
    await Promise.all(Array.from({ length: 50 }, () => loadTopology({ source: 'live', region: CROWD })));
    expect(countIn(CROWD)).toBe(0);
    await Promise.all(Array.from({ length: 10 }, () => loadTopology({ source: 'live', region: CROWD, refresh: true })));
    for (const action of DESCRIBE_KINDS) expect(countIn(CROWD, action), action).toBe(1);
  });
});

describe('profiles', () => {
  it('lists the profiles of AWS_CONFIG_FILE and accepts only those', async () => {
    expect((await listProfiles()).map((p) => p.name)).toEqual(['fault-a', 'fault-b', 'fault-empty']);
    expect(await resolveProfile('live', 'fault-b')).toMatchObject({ profile: 'fault-b' });
    expect(await resolveProfile('live', 'admin')).toMatchObject({ error: expect.stringMatching(/^profile is not in the AWS config files/) });
    // Fixture mode has no profiles; a stray one is dropped, not an error.
    expect(await resolveProfile('fixture', 'fault-b')).toEqual({ profile: undefined, profiles: [] });
  });

  it('signs with the chosen profile’s keys and caches each profile apart', async () => {
    const keysIn = (region: string) => new Set(proxy.log.filter((r) => r.region === region).map((r) => r.keyId));
    const a = await loadTopology({ source: 'live', region: PARTIAL, profile: PROFILE_A.name });
    expect(keysIn(PARTIAL)).toEqual(new Set([PROFILE_A.keyId]));
    proxy.resetLog();
    const b = await loadTopology({ source: 'live', region: PARTIAL, profile: PROFILE_B.name });
    expect(keysIn(PARTIAL)).toEqual(new Set([PROFILE_B.keyId]));
    expect(countIn(PARTIAL, 'DescribeVpcs')).toBe(1);
    expect(b).not.toBe(a);
    // No profile: the SDK's chain, here the environment's keys; a key of its own in the cache.
    proxy.resetLog();
    await loadTopology({ source: 'live', region: PARTIAL });
    expect(keysIn(PARTIAL)).toEqual(new Set([KEY_ID]));
    // Invalidating one profile leaves the others cached.
    proxy.resetLog();
    invalidateTopology('live', PARTIAL, PROFILE_A.name);
    await loadTopology({ source: 'live', region: PARTIAL, profile: PROFILE_B.name });
    expect(countIn(PARTIAL)).toBe(0);
    await loadTopology({ source: 'live', region: PARTIAL, profile: PROFILE_A.name });
    expect(countIn(PARTIAL, 'DescribeVpcs')).toBe(1);
  });

  it('a profile without credentials fails with "no credentials" before any request is sent', async () => {
    const err = await failure(loadTopology({ source: 'live', region: PARTIAL, profile: 'fault-empty' }));
    expect(err.kind).toBe('no-credentials');
    const page = describeLoadFailure(err);
    expect(page.message).toMatch(/No AWS credentials were found/);
    expectSafe(page.message);
    expect(countIn(PARTIAL)).toBe(0);
  });
});
