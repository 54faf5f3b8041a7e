import { describe, expect, it } from 'vitest';
import { compareCidrs } from './cidr';
import { compareIpv4Cidrs, ipv4CidrComparer, ipv4Octets, ipv4ToInt, parseIpv4Cidr } from './ipv4';

describe('ipv4Octets', () => {
  it('reads decimal dotted quads, blanks around them ignored', () => {
    expect(ipv4Octets('10.0.1.5')).toEqual([10, 0, 1, 5]);
    expect(ipv4Octets(' 255.255.255.255 ')).toEqual([255, 255, 255, 255]);
    expect(ipv4Octets('0.0.0.0')).toEqual([0, 0, 0, 0]);
  });

  it('refuses octets past 255, leading zeros (octal to some parsers), hex, short forms and IPv6', () => {
    for (const text of ['10.0.0.256', '256.0.0.0', '010.0.0.1', '10.0.0.01', '0x0a.0.0.1', '10.1', '10.0.0', '1.2.3.4.5', '::ffff:10.0.0.1', '', '10.0.0.1 x']) {
      expect(ipv4Octets(text)).toBeNull();
    }
  });
});

describe('parseIpv4Cidr', () => {
  it('reads blanks around the prefix and the address, and masks at every prefix length', () => {
    expect(parseIpv4Cidr(' 10.0.1.7 / 24 ')).toEqual({ base: 167772416, prefix: 24, size: 256 });
    expect(parseIpv4Cidr('255.255.255.255/1')).toEqual({ base: 2147483648, prefix: 1, size: 2147483648 });
    expect(parseIpv4Cidr('10.0.0.0/08')).toBeNull();
    expect(parseIpv4Cidr('10.0.0.0/')).toBeNull();
    expect(parseIpv4Cidr('10.0.0.0/-1')).toBeNull();
    expect(ipv4ToInt('10.0.0.0/8')).toBeNull();
  });
});

describe('compareIpv4Cidrs', () => {
  const mixed = ['pl-b', '10.0.10.0/24', '', '10.0.2.0/24', '2600:1f18::/56', '10.0.2.0/23', 'pl-a', '0.0.0.0/0'];

  it('sorts IPv4 by address then prefix, then everything else by text', () => {
    expect([...mixed].sort(compareIpv4Cidrs)).toEqual(['0.0.0.0/0', '10.0.2.0/23', '10.0.2.0/24', '10.0.10.0/24', '', '2600:1f18::/56', 'pl-a', 'pl-b']);
    expect(compareIpv4Cidrs('10.0.0.0/16', '10.0.0.0/16')).toBe(0);
    expect(compareIpv4Cidrs('x', 'x')).toBe(0);
    // Texts that are no IPv4 block, in both directions: a sort of more than 22 (V8's merges) reads the sign both ways.
    expect(compareIpv4Cidrs('pl-b', 'pl-a')).toBeGreaterThan(0);
    expect(compareIpv4Cidrs('pl-a', 'pl-b')).toBeLessThan(0);
  });

  it("orders a subnet's CIDRs (IPv4 or '') as compareCidrs does", () => {
    const subnets = ['10.0.10.0/24', '', '10.0.2.0/24', '10.0.2.0/23', '192.168.0.0/28', '10.0.2.128/25', ''];
    expect([...subnets].sort(compareIpv4Cidrs)).toEqual([...subnets].sort(compareCidrs));
  });

  it('gives the same order from a comparer that parses each text once', () => {
    expect([...mixed].sort(ipv4CidrComparer())).toEqual([...mixed].sort(compareIpv4Cidrs));
  });
});
