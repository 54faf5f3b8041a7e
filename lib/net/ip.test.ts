import { describe, expect, it } from 'vitest';
import {
  cidrContains,
  cidrCovers,
  cidrFamily,
  cidrsOverlap,
  cidrSize,
  compareParsedCidrs,
  formatCidr,
  formatIp,
  ipInCidr,
  isDefaultRoute,
  parseCidr,
  parseIp,
} from './ip';

const V6_ALL = 2n ** 128n - 1n;

describe('parseCidr: boundaries of the prefix', () => {
  it('reads /0 of both families as every address of the family', () => {
    expect(parseCidr('0.0.0.0/0')).toEqual({ family: 4, prefix: 0, first: 0n, last: 2n ** 32n - 1n });
    expect(parseCidr('::/0')).toEqual({ family: 6, prefix: 0, first: 0n, last: V6_ALL });
  });

  it('reads /32 and /128 as exactly one address', () => {
    expect(parseCidr('10.0.0.5/32')).toEqual({ family: 4, prefix: 32, first: 167772165n, last: 167772165n });
    expect(parseCidr('255.255.255.255/32')).toEqual({ family: 4, prefix: 32, first: 2n ** 32n - 1n, last: 2n ** 32n - 1n });
    expect(parseCidr('2600:1f18::1/128')).toEqual({ family: 6, prefix: 128, first: 0x26001f18000000000000000000000001n, last: 0x26001f18000000000000000000000001n });
    expect(parseCidr('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128')?.last).toBe(V6_ALL);
  });

  it('refuses a prefix longer than the family holds', () => {
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('2600::/129')).toBeNull();
    expect(parseCidr('::/999')).toBeNull();
  });

  it('masks a base with host bits set to its prefix, as AWS does', () => {
    expect(parseCidr('10.0.1.7/24')).toEqual(parseCidr('10.0.1.0/24'));
    expect(parseCidr('10.0.1.7/24')).toMatchObject({ first: 0x0a000100n, last: 0x0a0001ffn });
    expect(parseCidr('10.255.255.255/8')).toMatchObject({ first: 0x0a000000n, last: 0x0affffffn });
    expect(parseCidr('2600:1f18:abcd:12ff::9/56')).toMatchObject({ first: 0x26001f18abcd12000000000000000000n, last: 0x26001f18abcd12ffffffffffffffffffn });
    expect(parseCidr('1.2.3.4/0')).toEqual(parseCidr('0.0.0.0/0'));
  });

  it('ignores blanks around the text and around the slash', () => {
    expect(parseCidr(' 10.0.0.0/16 ')).toEqual(parseCidr('10.0.0.0/16'));
    expect(parseCidr('10.0.0.0 / 16')).toEqual(parseCidr('10.0.0.0/16'));
    // ipaddr.js refuses IPv6 text with blanks: they are trimmed before it reads the address.
    expect(parseCidr(' 2600:1f18::/56')).toEqual(parseCidr('2600:1f18::/56'));
    expect(parseCidr('2600:1f18:: /56')).toEqual(parseCidr('2600:1f18::/56'));
    expect(parseCidr('2600:1f18::/56')).not.toBeNull();
  });
});

describe('parseCidr and parseIp: malformed input is null, never a guess', () => {
  it.each([
    '',
    '/',
    '10.0.0.0',
    '10.0.0.0/',
    '/16',
    '10.0.0/16',
    '10.0.0.0.0/16',
    '10.0.0.256/16',
    '10.0.0.-1/16',
    '010.0.0.0/16',
    '0x0a.0.0.0/16',
    '10.0.0.0/016',
    '10.0.0.0/1a',
    '10.0.0.0/16/16',
    '10.0.0.0/-1',
    'pl-63a5400a',
    '2600:1f18::/56x',
    '2600:1f18:::/56',
    '1:2:3:4:5:6:7:8:9/64',
    'fe80::1%eth0/64',
    'g::/16',
  ])('%j is not a CIDR', (text) => {
    expect(parseCidr(text)).toBeNull();
    expect(cidrFamily(text)).toBeNull();
    expect(isDefaultRoute(text)).toBe(false);
  });

  it.each(['', '10.0.0', '10.0.0.256', '1.2.3.4.5', '01.2.3.4', '10.0.0.010', '10.0.0.01', '10.0.0.0/8', 'fe80::1%eth0', '::g', 'localhost', ':::1'])('%j is not an address', (text) => {
    expect(parseIp(text)).toBeNull();
  });

  it('reads both families of address, the edges included', () => {
    expect(parseIp('0.0.0.0')).toEqual({ family: 4, value: 0n });
    expect(parseIp('255.255.255.255')).toEqual({ family: 4, value: 4294967295n });
    expect(parseIp(' 10.0.1.5 ')).toEqual({ family: 4, value: 167772421n });
    expect(parseIp(' ::1 ')).toEqual({ family: 6, value: 1n });
    expect(parseIp('::')).toEqual({ family: 6, value: 0n });
    expect(parseIp('::1')).toEqual({ family: 6, value: 1n });
    expect(parseIp('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff')).toEqual({ family: 6, value: V6_ALL });
    expect(parseIp('::ffff:10.0.0.1')).toEqual({ family: 6, value: 0xffff0a000001n });
  });
});

describe('containment: the last address of a block is in, the first after it is out', () => {
  it.each([
    ['10.0.0.0/16', '10.0.0.0', true],
    ['10.0.0.0/16', '10.0.255.255', true],
    ['10.0.0.0/16', '10.1.0.0', false],
    ['10.0.0.0/16', '9.255.255.255', false],
    ['10.0.0.5/32', '10.0.0.5', true],
    ['10.0.0.5/32', '10.0.0.6', false],
    ['10.0.0.5/32', '10.0.0.4', false],
    ['0.0.0.0/0', '255.255.255.255', true],
    ['0.0.0.0/0', '0.0.0.0', true],
    ['10.0.1.7/24', '10.0.1.0', true],
    ['10.0.1.7/24', '10.0.1.255', true],
    ['10.0.1.7/24', '10.0.2.0', false],
    ['2600:1f18:abcd:1200::/56', '2600:1f18:abcd:12ff:ffff:ffff:ffff:ffff', true],
    ['2600:1f18:abcd:1200::/56', '2600:1f18:abcd:1300::', false],
    ['2600:1f18:abcd:1200::/56', '2600:1f18:abcd:11ff:ffff:ffff:ffff:ffff', false],
    ['2600::1/128', '2600::1', true],
    ['2600::1/128', '2600::2', false],
    ['::/0', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', true],
    ['::/0', '10.0.0.1', false],
    ['0.0.0.0/0', '::1', false],
    ['0.0.0.0/0', '::ffff:10.0.0.1', false],
    ['not-a-cidr', '10.0.0.1', false],
    ['10.0.0.0/8', 'not-an-ip', false],
  ])('%s holds %s: %s', (cidr, ip, inside) => {
    expect(ipInCidr(ip, cidr)).toBe(inside);
  });

  it('cidrContains compares values of one family only', () => {
    const block = parseCidr('0.0.0.0/0')!;
    expect(cidrContains(block, { family: 4, value: 7n })).toBe(true);
    expect(cidrContains(block, { family: 6, value: 7n })).toBe(false);
  });
});

describe('cidrSize', () => {
  it('is 2^(bits - prefix), exactly, at both ends', () => {
    expect(cidrSize({ family: 4, prefix: 32 })).toBe(1n);
    expect(cidrSize({ family: 4, prefix: 24 })).toBe(256n);
    expect(cidrSize({ family: 4, prefix: 0 })).toBe(4294967296n);
    expect(cidrSize({ family: 6, prefix: 128 })).toBe(1n);
    expect(cidrSize({ family: 6, prefix: 64 })).toBe(18446744073709551616n);
    expect(cidrSize({ family: 6, prefix: 0 })).toBe(2n ** 128n);
  });
});

describe('cidrCovers and cidrsOverlap', () => {
  it.each([
    ['10.0.0.0/16', '10.0.0.0/16', true, true],
    ['10.0.0.0/16', '10.0.255.0/24', true, true],
    ['10.0.0.0/16', '10.0.255.255/32', true, true],
    ['10.0.0.0/16', '10.1.0.0/24', false, false],
    ['10.0.0.0/16', '10.0.0.0/15', false, true],
    ['10.0.0.0/16', '9.255.255.255/32', false, false],
    ['10.0.0.0/24', '10.0.0.128/25', true, true],
    ['10.0.0.128/25', '10.0.0.0/24', false, true],
    ['10.0.0.0/25', '10.0.0.128/25', false, false],
    ['0.0.0.0/0', '203.0.113.9/32', true, true],
    ['::/0', '2600::/16', true, true],
    ['2600::/16', '2601::/16', false, false],
    ['2600::/15', '2601::/16', true, true],
    ['::/0', '0.0.0.0/0', false, false],
    ['0.0.0.0/0', '::/0', false, false],
    ['pl-1', '10.0.0.0/8', false, false],
    ['10.0.0.0/8', 'pl-1', false, false],
  ])('%s over %s: covers %s, overlaps %s', (outer, inner, covers, overlaps) => {
    expect(cidrCovers(outer, inner)).toBe(covers);
    expect(cidrsOverlap(outer, inner)).toBe(overlaps);
    expect(cidrsOverlap(inner, outer)).toBe(overlaps);
  });
});

describe('isDefaultRoute and cidrFamily', () => {
  it('knows the default routes of both families however written', () => {
    expect(isDefaultRoute('0.0.0.0/0')).toBe(true);
    expect(isDefaultRoute('::/0')).toBe(true);
    expect(isDefaultRoute('0:0:0:0:0:0:0:0/0')).toBe(true);
    expect(isDefaultRoute('0.0.0.0/1')).toBe(false);
    expect(isDefaultRoute('::/1')).toBe(false);
    expect(isDefaultRoute('::/128')).toBe(false);
  });

  it('names the family of a block', () => {
    expect(cidrFamily('10.0.0.0/8')).toBe(4);
    expect(cidrFamily('2600:1f18::/56')).toBe(6);
    expect(cidrFamily('::ffff:10.0.0.0/104')).toBe(6);
  });
});

describe('formatIp and formatCidr', () => {
  it('writes the canonical text, IPv6 in RFC 5952 form', () => {
    expect(formatIp({ family: 4, value: 0n })).toBe('0.0.0.0');
    expect(formatIp({ family: 4, value: 4294967295n })).toBe('255.255.255.255');
    expect(formatIp({ family: 4, value: 167772421n })).toBe('10.0.1.5');
    expect(formatIp({ family: 6, value: 0n })).toBe('::');
    expect(formatIp({ family: 6, value: V6_ALL })).toBe('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff');
    expect(formatIp({ family: 6, value: 0x26001f18000000000000000000000001n })).toBe('2600:1f18::1');
    expect(formatCidr(parseCidr('2600:1F18:0:0:0::7/56')!)).toBe('2600:1f18::/56');
    expect(formatCidr(parseCidr('10.0.1.7/24')!)).toBe('10.0.1.0/24');
    expect(formatCidr(parseCidr('::/0')!)).toBe('::/0');
  });

  it('round-trips every parsed block', () => {
    for (const text of ['0.0.0.0/0', '10.0.0.0/16', '255.255.255.255/32', '::/0', '2600:1f18:abcd:1200::/56', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128']) {
      expect(formatCidr(parseCidr(text)!)).toBe(text);
    }
  });
});

describe('compareParsedCidrs', () => {
  const sort = (xs: string[]) => [...xs].sort((a, b) => compareParsedCidrs(a, parseCidr(a), b, parseCidr(b)));

  it('puts IPv4 before IPv6 before other text, each by address then prefix', () => {
    expect(sort(['pl-2', '2600::/16', '10.0.10.0/24', '::/0', 'pl-1', '10.0.2.0/24', '10.0.0.0/16', '0.0.0.0/0', '2600::/8', '10.0.2.0/23'])).toEqual([
      '0.0.0.0/0',
      '10.0.0.0/16',
      '10.0.2.0/23',
      '10.0.2.0/24',
      '10.0.10.0/24',
      '::/0',
      '2600::/8',
      '2600::/16',
      'pl-1',
      'pl-2',
    ]);
  });

  it('is 0 only for the same block or the same text', () => {
    expect(compareParsedCidrs('10.0.0.0/8', parseCidr('10.0.0.0/8'), '10.1.2.3/8', parseCidr('10.1.2.3/8'))).toBe(0);
    expect(compareParsedCidrs('x', null, 'x', null)).toBe(0);
    expect(compareParsedCidrs('x', null, 'y', null)).toBeLessThan(0);
    expect(compareParsedCidrs('y', null, 'x', null)).toBeGreaterThan(0);
    expect(compareParsedCidrs('10.0.0.0/8', parseCidr('10.0.0.0/8'), '10.0.0.0/9', parseCidr('10.0.0.0/9'))).toBeLessThan(0);
    expect(compareParsedCidrs('::/0', parseCidr('::/0'), '0.0.0.0/0', parseCidr('0.0.0.0/0'))).toBeGreaterThan(0);
  });

  it('answers with the right sign in both directions', () => {
    const cmp = (a: string, b: string) => Math.sign(compareParsedCidrs(a, parseCidr(a), b, parseCidr(b)));
    expect([cmp('10.0.1.0/24', '10.0.0.0/16'), cmp('10.0.0.0/16', '10.0.1.0/24')]).toEqual([1, -1]);
    expect([cmp('2600::1/128', '2600::/128'), cmp('2600::/128', '2600::1/128')]).toEqual([1, -1]);
    // An IPv6-only subnet has no IPv4 CIDR (''): it sorts after the subnets that have one.
    expect([cmp('10.0.0.0/8', ''), cmp('', '10.0.0.0/8')]).toEqual([-1, 1]);
    expect([cmp('2600::/56', 'pl-1'), cmp('pl-1', '2600::/56')]).toEqual([-1, 1]);
  });
});
