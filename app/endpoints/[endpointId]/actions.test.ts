import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Ec2Api } from '@/lib/ec2/api';
import { changedEndpoint } from '@/lib/endpoints/results';
import { IDS, KMS_POLICY as POLICY } from '@/lib/endpoints/test-data';
import { failAuditWrites, resetAudit } from '@/lib/test/audit-store';
import { stubProxyAuthEnv } from '@/lib/test/proxy-auth-env';

/**
 * The endpoint change action end to end on the fixture backend: the role check, zod, the rules against
 * the topology as it is, ModifyVpcEndpoint, and AWS's refusals under the field they concern. The
 * server runs in proxy mode here, so a request is an editor's or a viewer's by its header.
 */

let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: async () => requestHeaders }));

const EDITOR = 'editor@example.com';
const VIEWER = 'viewer@example.com';
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'atlas-modify-action-'));

const { prodKms: KMS, prod: PROD, prodAppA: APP_A, prodAppB: APP_B, prodAppC: APP_C, prodDataA: DATA_A, prodDataC: DATA_C, prodHttpsSg: HTTPS_SG, prodEcrSg: ECR_SG, prodS3: PROD_S3 } = IDS;

type Actions = typeof import('./actions');
type Backend = typeof import('@/lib/ec2/backend');
type Load = typeof import('@/lib/topology/load');
let actions: Actions;
let backend: Backend;
let load: Load;

beforeAll(async () => {
  stubProxyAuthEnv(EDITOR, dataDir);
  // Live is configured (nothing listens there) but ATLAS_LIVE_WRITES is not: live saves must be refused before any call.
  vi.stubEnv('AWS_ENDPOINT_URL', 'http://127.0.0.1:1');
  vi.stubEnv('ATLAS_LIVE_WRITES', '');
  actions = await import('./actions');
  backend = await import('@/lib/ec2/backend');
  load = await import('@/lib/topology/load');
});

afterAll(async () => {
  await backend.resetFixtureData();
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  as(EDITOR);
  await backend.resetFixtureData();
  load.invalidateTopology('fixture');
});

function as(email: string | null) {
  requestHeaders = new Headers(email ? { 'x-forwarded-email': email } : {});
}

async function endpoint(id: string = KMS) {
  const t = await load.loadTopology({ source: 'fixture', region: 'us-east-1', refresh: true });
  const e = t.endpoints.find((x) => x.id === id)!;
  return { endpoint: e, enis: t.networkInterfaces.filter((n) => e.networkInterfaceIds.includes(n.id)) };
}

const change = (over: Record<string, unknown>) => ({ region: 'us-east-1', endpointId: KMS, ...over });

/** Replaces the backend's ModifyVpcEndpoint for one call (then puts it back). */
async function onNextModify(run: (original: Ec2Api['modifyVpcEndpoint'], input: Parameters<Ec2Api['modifyVpcEndpoint']>[0]) => ReturnType<Ec2Api['modifyVpcEndpoint']>) {
  const api = await backend.getEc2Api('fixture', 'us-east-1');
  const original = api.modifyVpcEndpoint;
  api.modifyVpcEndpoint = (input) => {
    api.modifyVpcEndpoint = original;
    return run(original, input);
  };
}

describe('changeEndpoint: who may', () => {
  it('refuses a viewer’s save with 403 and changes nothing; a viewer may dry-run', async () => {
    as(VIEWER);
    const before = await endpoint();
    const res = await actions.changeEndpoint(change({ addSubnetIds: [APP_C] }), 'apply');
    expect(res).toMatchObject({ ok: false, status: 403, error: expect.stringMatching(/^Only editors can change endpoints/) });
    expect(await endpoint()).toEqual(before);
    expect(await actions.changeEndpoint(change({ addSubnetIds: [APP_C] }), 'dry-run')).toMatchObject({ ok: true, kind: 'dry-run', dryRun: { allowed: true } });
    expect(await endpoint()).toEqual(before);
  });

  it('refuses a request without a signed-in user with 401', async () => {
    as(null);
    expect(await actions.changeEndpoint(change({ addSubnetIds: [APP_C] }), 'dry-run')).toMatchObject({ ok: false, status: 401 });
  });
});

describe('changeEndpoint: a DryRun the EC2 endpoint ignored', () => {
  it('answers a dry run flagged `ignored`, which the page shows as a warning, not as allowed', async () => {
    // An emulator (moto, LocalStack) runs the request for real instead of answering DryRunOperation.
    await onNextModify(async (original, input) => original({ ...input, DryRun: undefined }));
    const res = await actions.changeEndpoint(change({ addSubnetIds: [APP_C] }), 'dry-run');
    expect(res).toMatchObject({ ok: true, kind: 'dry-run', dryRun: { ignored: true, message: expect.stringMatching(/ignored DryRun and ran ModifyVpcEndpoint for real/) } });
    expect((await endpoint()).endpoint.subnetIds).toContain(APP_C);
    // The change is real: the page reads the endpoint again (useEndpointAction), so the editors start from it.
    expect(changedEndpoint(res)).toBe(true);
  });

  it('leaves a real DryRun answer unflagged', async () => {
    const res = await actions.changeEndpoint(change({ addSubnetIds: [APP_C] }), 'dry-run');
    expect(res.ok && res.kind === 'dry-run' && res.dryRun).toEqual({ allowed: true, message: expect.stringMatching(/^Allowed/) });
    expect(changedEndpoint(res)).toBe(false);
  });
});

describe('changeEndpoint: live writes off', () => {
  it('refuses to save in live mode without ATLAS_LIVE_WRITES=1, and says so', async () => {
    const res = await actions.changeEndpoint(change({ source: 'live', addSubnetIds: [APP_C] }), 'apply');
    expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/^Live writes are off on this server/) });
  });
});

describe('changeEndpoint: zod', () => {
  it('puts malformed ids under their field', async () => {
    const res = await actions.changeEndpoint(change({ addSubnetIds: ['subnet-x/../y'], addSecurityGroupIds: ['sg-<x>'] }), 'apply');
    expect(res).toMatchObject({ ok: false, error: 'Nothing was changed: fix the marked fields first.' });
    expect(!res.ok && res.fieldErrors.subnetIds).toEqual(['a subnet id must look like subnet-0a1b2c3d4e5f60718 (added item 1)']);
    expect(!res.ok && res.fieldErrors.securityGroupIds).toEqual(['a security group id must look like sg-0a1b2c3d4e5f60718 (added item 1)']);
  });

  it('says when nothing would change, and refuses what is not a change at all', async () => {
    expect(await actions.changeEndpoint(change({}), 'apply')).toEqual({
      ok: false,
      error: 'Nothing would change: change a subnet, a security group, private DNS or the policy first.',
      fieldErrors: {},
    });
    expect(await actions.changeEndpoint('drop table', 'apply')).toMatchObject({ ok: false });
    expect(await actions.changeEndpoint(change({ endpointId: 'vpce-../../etc', policy: '' }), 'apply')).toMatchObject({ ok: false });
  });
});

describe('changeEndpoint: the rules, against the topology as it is', () => {
  it('two subnets in one AZ: the error names both, under subnets, and nothing changes', async () => {
    const before = await endpoint();
    const res = await actions.changeEndpoint(change({ addSubnetIds: [DATA_A] }), 'apply');
    expect(res.ok).toBe(false);
    expect(!res.ok && res.fieldErrors.subnetIds?.[0]).toMatch(/^subnet-03b4aacbb33a6d5d6 \(prod-data-a\) is in us-east-1a, where the endpoint already has subnet-0a6065a856e31401d \(prod-app-a\)/);
    expect(await endpoint()).toEqual(before);
  });

  it('the refusal is one denied line in the audit log, with the reason (issue 14)', async () => {
    const { queryAudit } = await import('@/lib/audit/log');
    const before = (await queryAudit()).entries.length;
    await actions.changeEndpoint(change({ addSubnetIds: [DATA_A] }), 'apply');
    const { entries } = await queryAudit();
    expect(entries.length).toBe(before + 1);
    expect(entries[0]).toMatchObject({
      user: EDITOR,
      action: 'ModifyVpcEndpoint',
      source: 'fixture',
      region: 'us-east-1',
      dryRun: false,
      request: { endpointId: KMS, addSubnetIds: [DATA_A] },
      result: { status: 'denied', code: 'ValidationFailed', message: expect.stringMatching(/subnetIds: subnet-03b4aacbb33a6d5d6 \(prod-data-a\) is in us-east-1a/) },
    });
  });

  it('an invalid policy: the error is under policy, and nothing changes', async () => {
    const before = await endpoint();
    const res = await actions.changeEndpoint(change({ policy: '{"Statement": [{"Effect": "Allow", "Action": "*",}]}', addSubnetIds: [APP_C] }), 'apply');
    expect(!res.ok && res.fieldErrors.policy?.[0]).toMatch(/^Not valid JSON at line 1, column 50/);
    expect(!res.ok && res.fieldErrors.subnetIds).toBeUndefined();
    expect(await endpoint()).toEqual(before);
  });

  it('an endpoint that is gone, or still pending, says so for the whole form', async () => {
    expect(await actions.changeEndpoint(change({ endpointId: 'vpce-0000000000000000f', policy: '' }), 'apply')).toEqual({
      ok: false,
      error: 'vpce-0000000000000000f does not exist any more.',
      fieldErrors: {},
    });
  });

  it('a gateway endpoint takes a policy but no subnets', async () => {
    const res = await actions.changeEndpoint(change({ endpointId: PROD_S3, addSubnetIds: [APP_C] }), 'apply');
    expect(!res.ok && res.fieldErrors.subnetIds).toEqual(['A gateway endpoint has no subnets: it works through its route tables.']);
    const s3Policy = POLICY.replace('kms:Decrypt', 's3:GetObject');
    expect(await actions.changeEndpoint(change({ endpointId: PROD_S3, policy: s3Policy }), 'apply')).toMatchObject({ ok: true, kind: 'done' });
    expect((await endpoint(PROD_S3)).endpoint.policy).toBe(s3Policy);
  });
});

describe('changeEndpoint: applied', () => {
  it('adds a subnet in a third AZ: a new interface there, the others kept', async () => {
    const before = await endpoint();
    const res = await actions.changeEndpoint(change({ addSubnetIds: [APP_C] }), 'apply');
    expect(res).toMatchObject({ ok: true, kind: 'done' });
    const after = await endpoint();
    expect([...after.endpoint.subnetIds].sort()).toEqual([...before.endpoint.subnetIds, APP_C].sort());
    expect(after.enis).toHaveLength(3);
    const added = after.enis.find((n) => !before.endpoint.networkInterfaceIds.includes(n.id))!;
    expect(added).toMatchObject({ subnetId: APP_C, az: 'us-east-1c', interfaceType: 'vpc_endpoint', endpointId: KMS, securityGroupIds: [HTTPS_SG] });
    expect(after.endpoint.dnsEntries.map((d) => d.dnsName).join(' ')).toMatch(/-us-east-1c\.kms\.us-east-1\.vpce\.amazonaws\.com/);
  });

  it('swaps security groups on the endpoint and its interfaces, and replaces the policy, in one request', async () => {
    const res = await actions.changeEndpoint(change({ addSecurityGroupIds: [ECR_SG], removeSecurityGroupIds: [HTTPS_SG], policy: POLICY }), 'apply');
    expect(res).toMatchObject({ ok: true, kind: 'done' });
    const after = await endpoint();
    expect(after.endpoint.securityGroupIds).toEqual([ECR_SG]);
    for (const n of after.enis) expect(n.securityGroupIds).toEqual([ECR_SG]);
    expect(after.endpoint.policy).toBe(POLICY);
    // An empty policy puts AWS's default back.
    expect(await actions.changeEndpoint(change({ policy: '' }), 'apply')).toMatchObject({ ok: true });
    expect(JSON.parse((await endpoint()).endpoint.policy!)).toEqual({ Statement: [{ Action: '*', Effect: 'Allow', Principal: '*', Resource: '*' }] });
  });

  it('is not acknowledged when its audit line cannot be written (issue 14)', async () => {
    failAuditWrites(dataDir);
    try {
      const res = await actions.changeEndpoint(change({ policy: POLICY }), 'apply');
      expect(res).toMatchObject({ ok: false, error: expect.stringMatching(/^Not confirmed: the audit log could not be written/) });
    } finally {
      resetAudit(dataDir);
    }
  });

  it('a dry run answers "allowed" and changes nothing', async () => {
    const before = await endpoint();
    const res = await actions.changeEndpoint(change({ addSubnetIds: [APP_C], privateDnsEnabled: false }), 'dry-run');
    expect(res).toMatchObject({ ok: true, kind: 'dry-run', dryRun: { allowed: true, message: expect.stringMatching(/^Allowed: .*ModifyVpcEndpoint/) } });
    expect(await endpoint()).toEqual(before);
  });
});

describe('changeEndpoint: what AWS refuses, next to its field, with nothing half-applied', () => {
  it('DuplicateSubnetsInSameZone (someone took us-east-1c meanwhile): under subnets; only their change is there', async () => {
    // Between the action's check and its call, another client adds prod-data-c (us-east-1c).
    await onNextModify(async (original, input) => {
      await original({ VpcEndpointId: KMS, AddSubnetIds: [DATA_C] });
      return original(input);
    });
    const res = await actions.changeEndpoint(change({ addSubnetIds: [APP_C], addSecurityGroupIds: [ECR_SG], policy: POLICY }), 'apply');
    expect(res.ok).toBe(false);
    expect(!res.ok && res.fieldErrors.subnetIds?.[0]).toMatch(/^Two chosen subnets share an availability zone; keep one per AZ\. \(AWS: DuplicateSubnetsInSameZone: /);
    const after = await endpoint();
    expect([...after.endpoint.subnetIds].sort()).toEqual([APP_A, APP_B, DATA_C].sort());
    // None of the rejected request: no group added, policy as it was.
    expect(after.endpoint.securityGroupIds).toEqual([HTTPS_SG]);
    expect(after.endpoint.policy).not.toBe(POLICY);
  });

  it('InvalidSecurityGroupID.NotFound: under security groups', async () => {
    await onNextModify(async () => {
      const { FixtureApiError } = await import('@/lib/ec2/fixture-api-error');
      throw new FixtureApiError('InvalidSecurityGroupID.NotFound', `The securityGroup ID '${ECR_SG}' does not exist`);
    });
    const res = await actions.changeEndpoint(change({ addSecurityGroupIds: [ECR_SG] }), 'apply');
    expect(!res.ok && res.fieldErrors).toEqual({
      securityGroupIds: [`A chosen security group does not exist (any more). Reload the page. (AWS: InvalidSecurityGroupID.NotFound: The securityGroup ID '${ECR_SG}' does not exist)`],
    });
  });

  it('InvalidPolicyDocument: under policy', async () => {
    await onNextModify(async () => {
      const { FixtureApiError } = await import('@/lib/ec2/fixture-api-error');
      throw new FixtureApiError('InvalidPolicyDocument', 'The Policy Document is not valid. Unknown action kms:Decryptt');
    });
    const res = await actions.changeEndpoint(change({ policy: POLICY }), 'apply');
    expect(!res.ok && res.fieldErrors.policy?.[0]).toMatch(/^AWS refused the policy\. Fix it in the editor, or clear it to use the default full-access policy\. \(AWS: InvalidPolicyDocument: /);
  });

  it('a private DNS refusal: under private DNS', async () => {
    await onNextModify(async () => {
      const { FixtureApiError } = await import('@/lib/ec2/fixture-api-error');
      throw new FixtureApiError('InvalidParameter', `Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for ${PROD}`);
    });
    const res = await actions.changeEndpoint(change({ privateDnsEnabled: false }), 'apply');
    expect(!res.ok && Object.keys(res.fieldErrors)).toEqual(['privateDnsEnabled']);
  });
});
