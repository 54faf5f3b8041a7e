import { describe, expect, it } from 'vitest';
import type { ServiceOffering } from '@/lib/endpoints/types';
import { serviceZonesOf } from './service-zones';

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
      offering('com.amazonaws.us-east-1.s3', 'Gateway', ['us-east-1a', 'us-east-1b']),
      offering('com.amazonaws.us-east-1.s3', 'Interface', ['us-east-1a', 'us-east-1b', 'us-east-1c']),
      offering('com.amazonaws.us-east-1.sts', 'Interface', []),
    ]);
    expect([...zones.byService]).toEqual([
      ['com.amazonaws.us-east-1.kms', ['us-east-1a']],
      ['com.amazonaws.us-east-1.s3', ['us-east-1a', 'us-east-1b', 'us-east-1c']],
    ]);
  });
});
