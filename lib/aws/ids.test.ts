import { describe, expect, it } from 'vitest';
import { RegionName, SubnetId, VpcEndpointId, VpcId, regionOfZone } from './ids';

describe('ids in URLs and forms', () => {
  it('accept the ids the data holds: AWS’s 8 and 17 hex digits, its documentation’s EXAMPLE ids, emulators’ short ones', () => {
    for (const id of ['vpc-1a2b3c4d', 'vpc-0a1b2c3d4e5f60718', 'vpc-0e9801d129EXAMPLE', 'vpc-1a2b3']) expect(VpcId.safeParse(id).success, id).toBe(true);
    expect(VpcEndpointId.safeParse('vpce-0abc').success).toBe(true);
    expect(SubnetId.parse(' subnet-0abc ')).toBe('subnet-0abc');
  });

  it('refuse anything outside a safe character set or past a bounded length, naming what an id looks like', () => {
    for (const id of ['vpc-', 'vpc-../etc', 'vpc-<b>', 'vpc-a b', 'vpc-%2e%2e', 'subnet-0abc', `vpc-${'a'.repeat(41)}`, 'VPC-0abc']) {
      expect(VpcId.safeParse(id).success, id).toBe(false);
    }
    expect(VpcId.safeParse('vpc-<b>').error?.issues[0]?.message).toBe('vpc must look like vpc-0a1b2c3d4e5f60718');
  });

  it('accept every region name form AWS uses, and nothing else', () => {
    for (const r of ['us-east-1', 'eu-central-2', 'us-gov-west-1', 'us-iso-east-1', 'us-isob-east-1', 'ap-southeast-5', 'mx-central-1']) {
      expect(RegionName.safeParse(r).success, r).toBe(true);
    }
    for (const r of ['US-EAST-1', 'us-east', '../us-east-1', 'us-east-1a', 'us_east_1', '']) expect(RegionName.safeParse(r).success, r).toBe(false);
  });
});

describe('regionOfZone', () => {
  it('names the region of Availability, Local and Wavelength Zones, and nothing for other names', () => {
    expect(regionOfZone('eu-north-1a')).toBe('eu-north-1');
    expect(regionOfZone('us-gov-west-1b')).toBe('us-gov-west-1');
    expect(regionOfZone('ap-southeast-5c')).toBe('ap-southeast-5');
    expect(regionOfZone('us-east-1-bos-1a')).toBe('us-east-1');
    expect(regionOfZone('us-east-1-wl1-bos-wlz-1')).toBe('us-east-1');
    for (const other of ['use1-az1', 'zone-a', 'us-east-1', '']) expect(regionOfZone(other), other).toBeNull();
  });
});
