import { describe, expect, it } from 'vitest';
import { ipv4ToInt } from '@/lib/net/cidr';
import { parseIp } from '@/lib/net/ip';
import type { PrefixList, Route } from '@/lib/topology/types';
import { CompiledRouteTable, longestPrefixMatch } from './route-match';
import { route, table } from './test-topology';

/** The VPC router's choice of route for an address: the most specific block that holds it, the edges of each block first. */

const v4 = (ip: string) => ipv4ToInt(ip)!;
const v6 = (ip: string) => parseIp(ip)!.value;
const S3_LIST: PrefixList = { id: 'pl-s3', name: 'com.amazonaws.us-east-1.s3', serviceShortName: 's3', cidrs: ['52.216.0.0/15', '54.231.0.0/16'], owner: 'aws', entriesKnown: true, addressFamily: 'IPv4' };
const lists = new Map([[S3_LIST.id, S3_LIST]]);
const compiled = (routes: Route[]) => new CompiledRouteTable(table('rtb-1', [], routes), lists);
/** Which route (its target) and block a lookup chose. */
const chose = (m: ReturnType<CompiledRouteTable['match']>) => (m ? [m.route.target, m.matchedCidr, m.prefixLength] : null);

describe('IPv4 longest prefix match', () => {
  const t = compiled([route('0.0.0.0/0', 'nat-1'), route('10.1.0.0/16', 'pcx-1'), route('10.1.2.0/24', 'tgw-1'), route('10.1.2.7/32', 'eni-1')]);
  it.each<[string, string, (string | number)[] | null]>([
    ['inside the /24, not the /32', '10.1.2.6', ['tgw-1', '10.1.2.0/24', 24]],
    ['the /32 itself', '10.1.2.7', ['eni-1', '10.1.2.7/32', 32]],
    ['the /24’s last address', '10.1.2.255', ['tgw-1', '10.1.2.0/24', 24]],
    ['the first address after the /24', '10.1.3.0', ['pcx-1', '10.1.0.0/16', 16]],
    ['the /16’s first address', '10.1.0.0', ['pcx-1', '10.1.0.0/16', 16]],
    ['the address before the /16', '10.0.255.255', ['local', '10.0.0.0/16', 16]],
    ['the first address after the /16', '10.2.0.0', ['nat-1', '0.0.0.0/0', 0]],
    ['the last IPv4 address', '255.255.255.255', ['nat-1', '0.0.0.0/0', 0]],
  ])('%s (%s)', (_, ip, expected) => {
    expect(chose(t.match(v4(ip)))).toEqual(expected);
  });

  it('no route for an address outside every block', () => {
    expect(compiled([]).match(v4('192.168.0.1'))).toBeNull();
    expect(longestPrefixMatch(table('rtb-1', [], []), v4('192.168.0.1'), lists)).toBeNull();
  });

  it('counts a prefix list through its CIDRs, each to its own length', () => {
    const t2 = compiled([route('0.0.0.0/0', 'nat-1'), route('pl-s3', 'vpce-s3')]);
    expect(chose(t2.match(v4('52.217.255.255')))).toEqual(['vpce-s3', '52.216.0.0/15', 15]);
    expect(chose(t2.match(v4('54.231.9.9')))).toEqual(['vpce-s3', '54.231.0.0/16', 16]);
    expect(chose(t2.match(v4('52.218.0.0')))).toEqual(['nat-1', '0.0.0.0/0', 0]);
    // A prefix list the data does not describe adds no block.
    expect(chose(compiled([route('pl-unknown', 'vpce-x')]).match(v4('52.216.0.1')))).toBeNull();
  });

  it('on a tie, the CIDR route beats the prefix-list route, whatever their order', () => {
    const t2 = compiled([route('pl-s3', 'vpce-s3'), route('54.231.0.0/16', 'tgw-1')]);
    expect(chose(t2.match(v4('54.231.0.1')))).toEqual(['tgw-1', '54.231.0.0/16', 16]);
    expect(chose(longestPrefixMatch(table('rtb-1', [], [route('pl-s3', 'vpce-s3'), route('54.231.0.0/16', 'tgw-1')]), v4('54.231.0.1'), lists))).toEqual(['tgw-1', '54.231.0.0/16', 16]);
  });

  it('on a tie between two CIDR routes, the first in the table wins', () => {
    expect(chose(compiled([route('10.9.0.0/16', 'pcx-1'), route('10.9.0.0/16', 'pcx-2')]).match(v4('10.9.0.1')))).toEqual(['pcx-1', '10.9.0.0/16', 16]);
  });

  it('a default route is 0.0.0.0/0, or the half of a split default that holds AWS’s public ranges; a /2 is not one', () => {
    expect(chose(compiled([route('0.0.0.0/0', 'igw-1')]).defaultRoute())).toEqual(['igw-1', '0.0.0.0/0', 0]);
    expect(chose(compiled([route('0.0.0.0/1', 'vgw-1'), route('128.0.0.0/1', 'vgw-2')]).defaultRoute())).toEqual(['vgw-1', '0.0.0.0/1', 1]);
    expect(compiled([route('0.0.0.0/2', 'vgw-1'), route('52.0.0.0/8', 'tgw-1')]).defaultRoute()).toBeNull();
  });
});

describe('IPv6 longest prefix match', () => {
  const t = compiled([route('::/0', 'eigw-1'), route('2600:1f00::/24', 'tgw-1'), route('2600:1f00::/64', 'pcx-1'), route('64:ff9b::/96', 'nat-1')]);
  it.each<[string, string, (string | number)[] | null]>([
    ['the /64’s first address', '2600:1f00::', ['pcx-1', '2600:1f00::/64', 64]],
    ['inside the /64', '2600:1f00::5', ['pcx-1', '2600:1f00::/64', 64]],
    ['the /64’s last address', '2600:1f00::ffff:ffff:ffff:ffff', ['pcx-1', '2600:1f00::/64', 64]],
    ['the first address after the /64', '2600:1f00:0:1::', ['tgw-1', '2600:1f00::/24', 24]],
    ['the /24’s last address', '2600:1fff:ffff:ffff:ffff:ffff:ffff:ffff', ['tgw-1', '2600:1f00::/24', 24]],
    ['the first address after the /24', '2600:2000::', ['eigw-1', '::/0', 0]],
    ['the address before the /24', '25ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', ['eigw-1', '::/0', 0]],
  ])('%s (%s)', (_, ip, expected) => {
    expect(chose(t.match6(v6(ip)))).toEqual(expected);
  });

  it('a default route is no more specific than /3; a /16 holding AWS’s ranges is not one', () => {
    expect(chose(t.defaultRoute6())).toEqual(['eigw-1', '::/0', 0]);
    expect(chose(compiled([route('2000::/3', 'igw-1')]).defaultRoute6())).toEqual(['igw-1', '2000::/3', 3]);
    expect(compiled([route('2600::/16', 'igw-1')]).defaultRoute6()).toBeNull();
    expect(compiled([route('0.0.0.0/0', 'igw-1')]).defaultRoute6()).toBeNull();
  });

  it('a DNS64 address takes the 64:ff9b::/96 route, else the default', () => {
    expect(chose(t.nat64Route())).toEqual(['nat-1', '64:ff9b::/96', 96]);
    expect(chose(compiled([route('::/0', 'eigw-1')]).nat64Route())).toEqual(['eigw-1', '::/0', 0]);
    expect(compiled([route('0.0.0.0/0', 'nat-1')]).nat64Route()).toBeNull();
  });

  it('an IPv4 lookup never takes an IPv6 route, nor the other way round; text that is no CIDR is left out', () => {
    const mixed = compiled([route('::/0', 'eigw-1'), route('not-a-cidr', 'igw-9')]);
    expect(mixed.match(v4('52.0.0.1'))).toBeNull();
    expect(compiled([route('0.0.0.0/0', 'nat-1')]).match6(v6('2600:1f00::1'))).toBeNull();
    expect(chose(mixed.match6(v6('2600:1f00::1')))).toEqual(['eigw-1', '::/0', 0]);
  });
});
