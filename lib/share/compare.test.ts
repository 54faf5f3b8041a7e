import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stubFixtureFleet } from '@/lib/fleet/test-fleet';

// A fleet whose account 222222222222 names its prod VPC differently from the default account's.
const fleet = stubFixtureFleet();
const PROD = 'vpc-0660179868a527d19';
const vpcsFile = path.join(fleet.dir, '222222222222', 'us-east-1', 'describe-vpcs.json');
writeFileSync(vpcsFile, readFileSync(vpcsFile, 'utf8').replace('"Value": "prod"', '"Value": "prod-of-222"'));

const { createSnapshot } = await import('./create');
const { loadNowFor } = await import('./compare');

afterAll(() => fleet.restore());

describe('loadNowFor', () => {
  it('compares a snapshot of another account of the fleet with that account now, not the default one', async () => {
    const snapshot = await createSnapshot({ source: 'fixture', region: 'us-east-1', account: '222222222222', vpcId: PROD, search: '?region=us-east-1&sel=' + PROD });
    expect(snapshot.topology.vpcs.map((v) => v.name)).toEqual(['prod-of-222']);
    const now = await loadNowFor(snapshot);
    expect(now.notices).toEqual([]);
    expect(now.topology.vpcs.map((v) => v.name)).toEqual(['prod-of-222']);
  });

  it('reads a snapshot of the default account from the default account', async () => {
    const snapshot = await createSnapshot({ source: 'fixture', region: 'us-east-1', vpcId: PROD, search: '' });
    expect((await loadNowFor(snapshot)).topology.vpcs.map((v) => v.name)).toEqual(['prod']);
  });
});
