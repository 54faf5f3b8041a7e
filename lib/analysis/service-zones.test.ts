import { describe, expect, it } from 'vitest';
import type { ServiceOffering } from '@/lib/endpoints/types';
import { loadServiceZones, serviceZonesOf } from './service-zones';
import { AnalysisQuery, GbPerMonth, SeverityName } from './params';

/** The zones the AZ coverage rule may ask for: each interface service's, as DescribeVpcEndpointServices lists them. */

const offering = (serviceName: string, type: ServiceOffering['type'], azs: string[]): ServiceOffering => ({
  serviceName,
  shortName: serviceName.split('.').slice(3).join('.'),
  type,
  azs,
  vpceDnsName: null,
  privateDnsName: null,
  ipAddressTypes: [],
  policySupported: true,
  owner: 'amazon',
});

describe('serviceZonesOf', () => {
  it('keeps interface services with their zones; gateway offerings and services listed without zones are left out', () => {
    const zones = serviceZonesOf([
      offering('com.amazonaws.us-east-1.kms', 'Interface', ['us-east-1a']),
      offering('com.amazonaws.us-east-1.s3', 'Interface', ['us-east-1a', 'us-east-1b', 'us-east-1c']),
      // Listed after the interface offering: it must not replace its zones.
      offering('com.amazonaws.us-east-1.s3', 'Gateway', ['us-east-1a']),
      offering('com.amazonaws.us-east-1.dynamodb', 'Gateway', ['us-east-1a']),
      offering('com.amazonaws.us-east-1.sts', 'Interface', []),
    ]);
    expect([...zones.byService]).toEqual([
      ['com.amazonaws.us-east-1.kms', ['us-east-1a']],
      ['com.amazonaws.us-east-1.s3', ['us-east-1a', 'us-east-1b', 'us-east-1c']],
    ]);
  });
});

describe('loadServiceZones from the demo fixtures', () => {
  // No ATLAS_FIXTURE_DIR in the unit tests' environment: the demo, which offers kms in us-east-1a to 1f.
  const FROM = { source: 'fixture' as const, region: 'us-east-1', profile: undefined };

  it('reads the zones once, and keeps them: concurrent and later reads get the same answer', async () => {
    const [first, concurrent] = await Promise.all([loadServiceZones(FROM), loadServiceZones(FROM)]);
    expect(first?.byService.get('com.amazonaws.us-east-1.kms')).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d', 'us-east-1e', 'us-east-1f']);
    expect(concurrent).toBe(first);
    expect(await loadServiceZones(FROM)).toBe(first);
    // Another account's or profile's services are their own read.
    expect(await loadServiceZones({ ...FROM, account: '111122223333' })).not.toBe(first);
    const otherProfile = await loadServiceZones({ ...FROM, profile: 'other' });
    expect(otherProfile).not.toBe(first);
    expect(otherProfile).toEqual(first);
  });

  it('answers undefined for a region it cannot read, and asks again next time', async () => {
    const nowhere = { ...FROM, region: 'xx-nowhere-1' };
    expect(await loadServiceZones(nowhere)).toBeUndefined();
    expect(await loadServiceZones(nowhere)).toBeUndefined();
  });
});

describe('analysis query parameters', () => {
  it('names what is wrong with a volume or a severity', () => {
    expect(GbPerMonth.safeParse('12.5').data).toBe(12.5);
    expect(GbPerMonth.safeParse('0').data).toBe(0);
    expect(GbPerMonth.safeParse('-1').error?.issues[0]?.message).toBe('gb must be 0 or more');
    expect(GbPerMonth.safeParse('10000001').error?.issues[0]?.message).toBe('gb must be at most 10000000');
    expect(GbPerMonth.safeParse('lots').error?.issues[0]?.message).toBe('gb must be a number of GB per month');
    expect(SeverityName.safeParse('urgent').error?.issues[0]?.message).toBe('severity must be high, medium, low or info');
    expect(AnalysisQuery.safeParse({ region: 'us-east-1', gb: '5', period: '7d' }).data).toMatchObject({ gb: 5, period: '7d' });
  });
});
