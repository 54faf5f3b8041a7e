import { describe, expect, it, vi } from 'vitest';
import { memberRoleArn, permissionFor, RoleCredentialCache, type ExpiringCredentials } from './accounts';

const HOUR = 3_600_000;

/** An AssumeRole stand-in that hands out numbered keys, each valid for an hour from the clock's now. */
function fakeSts(clock: { now: number }) {
  let n = 0;
  const calls: string[] = [];
  const assume = vi.fn(async (accountId: string): Promise<ExpiringCredentials> => {
    calls.push(accountId);
    n += 1;
    return { accessKeyId: `ASIA${n}`, secretAccessKey: 's', sessionToken: 't', expiration: new Date(clock.now + HOUR) };
  });
  return { assume, calls };
}

describe('RoleCredentialCache', () => {
  it('reuses an account’s credentials until five minutes before they expire, then assumes the role again', async () => {
    const clock = { now: Date.parse('2026-01-01T00:00:00Z') };
    const sts = fakeSts(clock);
    const cache = new RoleCredentialCache(sts.assume, { now: () => clock.now });
    expect((await cache.get('111111111111')).accessKeyId).toBe('ASIA1');
    clock.now += 54 * 60_000;
    expect((await cache.get('111111111111')).accessKeyId).toBe('ASIA1');
    clock.now += 60_001; // 55 min and a bit: inside the 5-minute margin
    expect((await cache.get('111111111111')).accessKeyId).toBe('ASIA2');
    expect(sts.calls).toEqual(['111111111111', '111111111111']);
  });

  it('keeps accounts apart and shares one call between concurrent askers', async () => {
    const clock = { now: 0 };
    const sts = fakeSts(clock);
    const cache = new RoleCredentialCache(sts.assume, { now: () => clock.now });
    const [a, b, c] = await Promise.all([cache.get('111111111111'), cache.provider('111111111111')(), cache.get('222222222222')]);
    expect(a).toBe(b);
    expect(c.accessKeyId).not.toBe(a.accessKeyId);
    expect(sts.calls.sort()).toEqual(['111111111111', '222222222222']);
  });

  it('does not keep a refusal: the next ask tries again (the role may have been fixed)', async () => {
    let refuse = true;
    const assume = vi.fn(async (): Promise<ExpiringCredentials> => {
      if (refuse) throw new Error('AccessDenied');
      return { accessKeyId: 'ASIAOK', secretAccessKey: 's', sessionToken: 't', expiration: new Date(Date.now() + HOUR) };
    });
    const cache = new RoleCredentialCache(assume);
    await expect(cache.get('111111111111')).rejects.toThrow('AccessDenied');
    refuse = false;
    expect((await cache.get('111111111111')).accessKeyId).toBe('ASIAOK');
    expect(assume).toHaveBeenCalledTimes(2);
  });
});

describe('permissionFor and memberRoleArn', () => {
  it('names the IAM action of each call the fleet makes', () => {
    expect(permissionFor('AssumeRole')).toBe('sts:AssumeRole');
    expect(permissionFor('ListAccounts')).toBe('organizations:ListAccounts');
    expect(permissionFor('DescribeRegions')).toBe('ec2:DescribeRegions');
    expect(permissionFor(undefined)).toBe('unknown');
  });

  it('builds the member role’s ARN in the partition of the region', () => {
    expect(memberRoleArn('111122223333', 'vpc-atlas-read', 'eu-west-1')).toBe('arn:aws:iam::111122223333:role/vpc-atlas-read');
    expect(memberRoleArn('111122223333', 'r', 'cn-north-1')).toBe('arn:aws-cn:iam::111122223333:role/r');
    expect(memberRoleArn('111122223333', 'r', 'us-gov-west-1')).toBe('arn:aws-us-gov:iam::111122223333:role/r');
  });
});
