import { describe, expect, it } from 'vitest';
import { compareCidrs, intToIpv4, ipv4InCidr, ipv4ToInt, parseIpv4Cidr } from './cidr';

describe('ipv4ToInt and intToIpv4', () => {
  it('reads the edges of the IPv4 space and round-trips them', () => {
    expect(ipv4ToInt('0.0.0.0')).toBe(0);
    expect(ipv4ToInt('255.255.255.255')).toBe(4294967295);
    expect(ipv4ToInt('10.0.1.5')).toBe(167772421);
    expect(ipv4ToInt('128.0.0.0')).toBe(2147483648);
    for (const ip of ['0.0.0.0', '0.0.0.1', '10.0.1.5', '127.255.255.255', '128.0.0.0', '255.255.255.255']) expect(intToIpv4(ipv4ToInt(ip)!)).toBe(ip);
  });

  it('is null for IPv6 and for text that is not a dotted quad', () => {
    for (const text of ['::1', '10.0.0', '10.0.0.256', '10.0.0.0/8', '', 'a.b.c.d']) expect(ipv4ToInt(text)).toBeNull();
  });
});

describe('parseIpv4Cidr', () => {
  it('gives base, prefix and size at the boundaries /0 and /32', () => {
    expect(parseIpv4Cidr('0.0.0.0/0')).toEqual({ base: 0, prefix: 0, size: 4294967296 });
    expect(parseIpv4Cidr('10.0.0.9/32')).toEqual({ base: 167772169, prefix: 32, size: 1 });
    expect(parseIpv4Cidr('255.255.255.255/32')).toEqual({ base: 4294967295, prefix: 32, size: 1 });
    expect(parseIpv4Cidr('10.0.0.0/16')).toEqual({ base: 167772160, prefix: 16, size: 65536 });
  });

  it('masks an unmasked base', () => {
    expect(parseIpv4Cidr('10.0.1.7/24')).toEqual({ base: 167772416, prefix: 24, size: 256 });
    expect(parseIpv4Cidr('10.0.1.7/31')).toEqual({ base: 167772422, prefix: 31, size: 2 });
  });

  it('is null for IPv6 and malformed blocks', () => {
    for (const text of ['::/0', '2600::/56', '10.0.0.0/33', '10.0.0.0', 'pl-1', '10.0.0.0/x']) expect(parseIpv4Cidr(text)).toBeNull();
  });
});

describe('ipv4InCidr', () => {
  it.each([
    ['10.0.255.255', '10.0.0.0/16', true],
    ['10.1.0.0', '10.0.0.0/16', false],
    ['10.0.0.0', '10.0.0.0/16', true],
    ['9.255.255.255', '10.0.0.0/16', false],
    ['10.0.0.5', '10.0.0.5/32', true],
    ['10.0.0.6', '10.0.0.5/32', false],
    ['255.255.255.255', '0.0.0.0/0', true],
    ['10.0.1.255', '10.0.1.9/24', true],
    ['10.0.2.0', '10.0.1.9/24', false],
    ['::1', '::/0', false],
    ['10.0.0.1', '::/0', false],
    ['not-an-ip', '0.0.0.0/0', false],
    ['::', '0.0.0.0/0', false],
    ['10.0.0.1', 'not-a-cidr', false],
  ])('%s in %s: %s', (ip, cidr, inside) => {
    expect(ipv4InCidr(ip, cidr)).toBe(inside);
  });
});

describe('compareCidrs', () => {
  it('sorts IPv4 numerically, then IPv6 numerically, then the rest by text', () => {
    const xs = ['pl-b', '2600:1f18:a::/64', '10.0.10.0/24', '::/0', 'pl-a', '10.0.2.0/24', '10.0.2.0/23', '', '2600:1f18::/56'];
    expect(xs.sort(compareCidrs)).toEqual(['10.0.2.0/23', '10.0.2.0/24', '10.0.10.0/24', '::/0', '2600:1f18::/56', '2600:1f18:a::/64', '', 'pl-a', 'pl-b']);
  });
});
