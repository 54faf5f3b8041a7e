import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureEc2Api } from '@/lib/ec2/fixture';
import { readFixtureRegion } from '@/lib/ec2/fixture-files';
import { readRegion } from '@/lib/ec2/read-region';
import { intToIpv4, ipv4ToInt } from '@/lib/net/cidr';
import { normalizeTopology } from '@/lib/topology/normalize';
import type { PrefixList, Route, Topology } from '@/lib/topology/types';
import { seededRandom, writeSynth } from '../../scripts/lib/synth';
import { longestPrefixMatch, resolvePath, resolvePaths } from './paths';
import { PATH_CASES } from './paths.cases';
import { longestPrefixMatchReference, resolvePathReference, resolvePathsReference } from './paths.reference-oracle';
import { prefixList } from '@/lib/graph/test-topology';
import { route, table, topology } from './test-topology';

/**
 * The fast resolver (compiled route tables, paths shared per route table) must give exactly what the
 * straightforward one it replaced gives, on the demo data, on a synthetic M account, and on that
 * account with things broken on purpose so that every branch of the resolver is taken.
 */

const FETCHED_AT = '2026-01-01T00:00:00.000Z';

async function load(dir: string, region: string): Promise<Topology> {
  const api = new FixtureEc2Api(await readFixtureRegion(dir, region));
  return normalizeTopology(await readRegion(api), { source: 'fixture', fetchedAt: FETCHED_AT });
}

/** Same paths, same order, same property order (what the page serialises). */
function expectSamePaths(t: Topology) {
  const fast = resolvePaths(t);
  const slow = resolvePathsReference(t);
  expect(fast.length).toBe(slow.length);
  expect(fast).toEqual(slow);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(slow));
  for (const v of t.vpcs) expect(resolvePaths(t, { vpcId: v.id })).toEqual(resolvePathsReference(t, { vpcId: v.id }));
  return fast;
}

describe('the fast resolver agrees with the reference on the fixtures', () => {
  it.each([
    ['demo', 'us-east-1'],
    ['demo', 'eu-west-1'],
    ['awkward', 'us-east-1'],
  ])('%s/%s', async (dir, region) => {
    const t = await load(path.resolve(__dirname, '../../fixtures', dir), region);
    const paths = expectSamePaths(t);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths.slice(0, 40)) expect(resolvePath(t, p.subnetId, p.service)).toEqual(resolvePathReference(t, p.subnetId, p.service));
  });
});

// Two resolvers over 150 subnets and their services, twice: seconds alone, more on two shared cores.
describe('on a synthetic M account', { timeout: 30_000 }, () => {
  let dir: string;
  let m: Topology;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'atlas-paths-eq-'));
    writeSynth({ size: 'M', seed: 3, region: 'us-east-1' }, dir);
    m = await load(dir, 'us-east-1');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same 150 x services paths', () => {
    const paths = expectSamePaths(m);
    expect(new Set(paths.map((p) => p.subnetId)).size).toBe(150);
    // The account exercises the main kinds of path.
    expect(new Set(paths.map((p) => p.via))).toEqual(new Set(['gateway-endpoint', 'interface-endpoint', 'nat', 'igw', 'none']));
  });

  it('gives the same paths with things broken on purpose', () => {
    const rng = seededRandom('paths-equivalence');
    const pick = <T>(xs: T[]) => xs[Math.floor(rng() * xs.length)]!;
    const t: Topology = structuredClone(m);
    // Some endpoints become Gateway Load Balancer endpoints (inspection hops), some dual-stack, one answers
    // only inbound Resolver endpoints; some NAT gateways become regional, on a table of their own.
    for (const e of t.endpoints) {
      const roll = rng();
      if (roll < 0.08) e.type = 'GatewayLoadBalancer';
      else if (roll < 0.3) e.ipAddressType = 'dualstack';
      else if (roll < 0.35) e.dnsOptions = { dnsRecordIpType: 'ipv4', privateDnsOnlyForInboundResolverEndpoint: true, privateDnsPreference: null, privateDnsSpecifiedDomains: [] };
    }
    const gwlbs = t.endpoints.filter((e) => e.type === 'GatewayLoadBalancer');
    const elsewhere = ['tgw', 'core-network', 'vgw', 'lgw', 'cagw', 'instance', 'eni'] as const;
    let n = 0;
    for (const rt of t.routeTables) {
      for (let i = 0; i < rt.routes.length; i++) {
        const r = rt.routes[i]!;
        const roll = rng();
        if (roll < 0.05) rt.routes[i] = { ...r, state: 'blackhole', targetType: 'blackhole' };
        else if (roll < 0.08) rt.routes[i] = { ...r, targetType: 'vpce', target: pick(t.endpoints).id };
        else if (roll < 0.1) rt.routes[i] = { ...r, targetType: 'igw', target: 'igw-gone' };
        else if (roll < 0.12) rt.routes[i] = { ...r, targetType: 'nat', target: 'nat-gone' };
        else if (roll < 0.3 && r.destination === '0.0.0.0/0') rt.routes[i] = { ...r, targetType: elsewhere[n++ % elsewhere.length]!, target: 'x-0123' };
        else if (roll < 0.45 && r.destination === '0.0.0.0/0' && gwlbs.length) rt.routes[i] = { ...r, targetType: 'vpce', target: pick(gwlbs).id };
      }
      // IPv6: a default route to an egress-only gateway or the internet gateway, NAT64 to a NAT gateway, split IPv4 defaults.
      const v6 = rng();
      if (v6 < 0.4) rt.routes.push(route('::/0', 'eigw-0123', { destinationType: 'ipv6', targetType: 'eigw' }));
      else if (v6 < 0.6) rt.routes.push(route('::/0', t.internetGateways[1]!.id, { destinationType: 'ipv6' }));
      if (rng() < 0.5) rt.routes.push(route('64:ff9b::/96', pick(t.natGateways).id, { destinationType: 'ipv6' }));
      if (rng() < 0.1) rt.routes.push(route('0.0.0.0/1', pick(t.natGateways).id), route('128.0.0.0/1', 'pcx-0123'));
      const extra = rng();
      // Ties and overlaps: a CIDR route as specific as a prefix-list CIDR, a more specific one, a broken one.
      const s3 = t.prefixLists.find((p) => p.serviceShortName === 's3');
      if (extra < 0.1 && s3?.cidrs[0]) rt.routes.push(route(s3.cidrs[0], pick(t.natGateways).id));
      else if (extra < 0.2 && s3?.cidrs[0]) rt.routes.push(route(`${s3.cidrs[0].split('/')[0]}/24`, 'pcx-0123'));
      else if (extra < 0.25) rt.routes.push(route('not-a-cidr', 'tgw-0123'));
      else if (extra < 0.3) rt.routes.unshift(route('0.0.0.0/0', 'eni-0123'));
    }
    // The first NAT gateway becomes regional: no subnet, the table of its zonal subnet as its own.
    const first = t.natGateways[0]!;
    Object.assign(first, { availabilityMode: 'regional', subnetId: '', routeTableId: t.subnets.find((s) => s.id === first.subnetId)?.routeTableId });
    t.natGateways[1]!.connectivityType = 'private';
    for (const g of t.natGateways.slice(2)) {
      const roll = rng();
      if (roll < 0.2) g.state = 'pending';
      else if (roll < 0.4) g.connectivityType = 'private';
      else if (roll < 0.5) g.subnetId = 'subnet-gone';
    }
    for (const e of t.endpoints) {
      const roll = rng();
      if (roll < 0.15) e.privateDnsEnabled = false;
      else if (roll < 0.25) e.state = 'pendingAcceptance';
      else if (roll < 0.3) e.serviceName = `com.amazonaws.vpce.us-east-1.vpce-svc-${e.id.slice(5)}`;
      else if (roll < 0.35) e.networkInterfaceIds = [];
    }
    t.networkInterfaces = t.networkInterfaces.filter(() => rng() > 0.2).map((n) => (rng() < 0.2 ? { ...n, endpointId: null, az: '' } : n));
    // An endpoint whose private DNS answers only inbound Resolver endpoints, in a VPC whose DNS works.
    const inbound = t.endpoints.find((e) => e.type === 'Interface' && e.vpcId !== t.vpcs[0]!.id && e.vpcId !== t.vpcs[1]!.id)!;
    Object.assign(inbound, { privateDnsEnabled: true, state: 'available', dnsOptions: { dnsRecordIpType: 'ipv4', privateDnsOnlyForInboundResolverEndpoint: true } });
    t.vpcs[0]!.dnsHostnames = false;
    t.vpcs[1]!.dnsSupport = false;
    for (const s of t.subnets) {
      if (rng() < 0.05) s.routeTableId = rng() < 0.5 ? null : 'rtb-gone';
      else if (rng() < 0.15) Object.assign(s, { ipv6Native: true, cidr: '', enableDns64: rng() < 0.5 });
    }
    t.internetGateways[0]!.vpcIds = [];
    // DynamoDB without its prefix list's CIDRs: the gateway-route fallback.
    t.prefixLists = t.prefixLists.filter((p) => p.serviceShortName !== 'dynamodb');

    const paths = expectSamePaths(t);
    const vias = new Set(paths.map((p) => p.via));
    expect(vias).toEqual(new Set(['gateway-endpoint', 'interface-endpoint', 'interface-endpoint-cross-az', 'nat', 'igw', 'egress-only-igw', 'transit-gateway', 'core-network', 'peering', 'vpn-gateway', 'local-gateway', 'carrier-gateway', 'appliance', 'gwlb-inspection', 'none']));
    const details = paths.map((p) => p.detail).join('\n');
    for (const branch of [
      /blackhole/,
      /private NAT gateway/,
      /not attached to the VPC/,
      /does not exist/,
      /is pending/,
      /has no route table/,
      /DNS hostnames off/,
      /Clients use the DNS names/,
      /not a gateway endpoint/,
      /regional NAT gateway/,
      /NAT64/,
      /IPv6-only without DNS64/,
      /over IPv6/,
      /IPv4 addresses only/,
      /only inbound Resolver endpoints/,
      /routing loop/,
      /for inspection; after it/,
    ]) {
      expect(details).toMatch(branch);
    }
  });
});

describe('longestPrefixMatch agrees with the reference', () => {
  it('on random tables with overlapping CIDR and prefix-list routes', () => {
    const rng = seededRandom('lpm');
    const int = (n: number) => Math.floor(rng() * n);
    // Few distinct blocks, so that ties between CIDR and prefix-list routes of one prefix are common.
    // One base with host bits set (10.1.2.130/25 is 10.1.2.128/25): both resolvers must mask it alike.
    const blocks = ['10.0.0.0/8', '10.1.0.0/16', '10.1.2.0/24', '10.1.2.0/25', '10.1.2.130/25', '52.216.0.0/15', '52.216.0.0/16', '0.0.0.0/0', '10.1.2.3/32', '192.168.0.0/16'];
    const lists: PrefixList[] = [0, 1, 2].map((i) => ({ ...prefixList(`pl-${i}`, `list-${i}`, [blocks[int(blocks.length)]!, blocks[int(blocks.length)]!]), serviceShortName: `svc${i}` }));
    const pls = new Map(lists.map((p) => [p.id, p]));
    const inside = ['10.1.2.3', '10.1.2.200', '10.1.9.9', '10.200.0.1', '52.216.1.1', '52.217.1.1', '8.8.8.8', '192.168.3.4'];
    // The last address of each block and the first after it, and the two ends of the address space.
    const edges = ['10.1.2.2', '10.1.2.4', '10.1.2.127', '10.1.2.128', '10.1.2.255', '10.1.3.0', '10.1.255.255', '10.2.0.0', '9.255.255.255', '10.255.255.255', '11.0.0.0', '52.215.255.255', '52.216.255.255', '52.217.255.255', '52.218.0.0', '192.168.255.255', '192.169.0.0', '0.0.0.0', '255.255.255.255'];
    const addresses = [...inside, ...edges].map((a) => ipv4ToInt(a)!);
    let compared = 0;
    for (let n = 0; n < 300; n++) {
      const routes: Route[] = Array.from({ length: 1 + int(7) }, (_, i) => {
        const roll = rng();
        if (roll < 0.35) return route(`pl-${int(4)}`, `vpce-${i}`, { destinationType: 'prefix-list' });
        if (roll < 0.4) return route('::/0', `igw-${i}`);
        return route(blocks[int(blocks.length)]!, `nat-${i}`);
      });
      const t = table(`rtb-${n}`, [], routes);
      for (const a of [...addresses, int(2 ** 32)]) {
        const fast = longestPrefixMatch(t, a, pls);
        expect(fast, `${intToIpv4(a)} in ${JSON.stringify(routes.map((r) => r.destination))}`).toEqual(longestPrefixMatchReference(t, a, pls));
        if (fast) compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    // About a second alone; more on two cores shared with the rest of the suite.
  }, 20_000);
});

describe('the single-change cases of paths.test.ts', () => {
  it.each(PATH_CASES)('every subnet and service of “$name” resolves as the reference oracle does', ({ parts }) => {
    const t = topology(parts);
    expect(resolvePaths(t)).toEqual(resolvePathsReference(t));
  });
});

describe('the reference oracle', () => {
  it('is imported by this test alone, never by the product or another test', () => {
    const root = path.resolve(__dirname, '../..');
    const importers: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx|mts|mjs)$/.test(entry.name) && /(from|import\(|require\()\s*['"][^'"]*paths\.reference-oracle['"]/.test(readFileSync(full, 'utf8'))) importers.push(path.relative(root, full));
      }
    };
    for (const dir of ['app', 'components', 'lib', 'scripts', 'bench', 'e2e']) walk(path.join(root, dir));
    expect(importers.sort()).toEqual(['lib/analysis/paths.equivalence.test.ts']);
  });
});
