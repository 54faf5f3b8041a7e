import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/topology/types';
import { FINDING_RULE_LABELS, FINDING_RULES, findIssues, type Finding } from '../findings';
import { resolvePaths, zoneCanHoldEndpoint } from '../paths';
import { gatewayEndpoint, igw, interfaceEndpoint, nat, type Parts, route, subnet, table, topology, vpc } from '../test-topology';

describe('the rule list', () => {
  it('names every rule file once, each with its own id and a label', () => {
    const files = readdirSync(__dirname)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'context.ts')
      .map((f) => f.replace(/\.ts$/, ''))
      .sort();
    // A rule's file is named after its id: a file left out of the list, or listed twice, fails here.
    expect([...FINDING_RULES].sort()).toEqual(files);
    for (const id of FINDING_RULES) expect(FINDING_RULE_LABELS[id].trim()).not.toBe('');
  });
});

// Two AZs of the Region, a Local Zone and an Outpost subnet; kms's endpoint only in us-east-1a.
const pub = subnet('subnet-pub', 'us-east-1a', '10.0.0.0/24');
const appA = subnet('subnet-app-a', 'us-east-1a', '10.0.16.0/20');
const appB = subnet('subnet-app-b', 'us-east-1b', '10.0.32.0/20');
const local = subnet('subnet-bos', 'us-east-1-bos-1a', '10.0.48.0/24', { zoneType: 'local-zone' });
// On an Outpost whose AZ has no endpoint interface: it crosses zones, but no endpoint can be placed on the Outpost.
const outpost = subnet('subnet-op', 'us-east-1b', '10.0.49.0/24', { zoneType: 'outpost', outpostArn: 'arn:aws:outposts:us-east-1:111122223333:outpost/op-0a1b2c3d4e5f67890' });
const parts = (endpoints: Endpoint[]): Parts => ({
  subnets: [pub, appA, appB, local, outpost],
  routeTables: [table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1')]), table('rtb-app', ['subnet-app-a', 'subnet-app-b', 'subnet-bos', 'subnet-op'], [route('0.0.0.0/0', 'nat-a')])],
  internetGateways: [igw('igw-1')],
  natGateways: [nat('nat-a', 'subnet-pub')],
  endpoints,
});
const kms = interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a']);

function coverage(endpoints: Endpoint[], zones?: Record<string, string[]>): Finding[] {
  const t = topology(parts(endpoints));
  const serviceZones = zones ? { byService: new Map(Object.entries(zones)) } : undefined;
  return findIssues(t, resolvePaths(t), serviceZones ? { serviceZones } : {}).filter((f) => f.rule === 'interface-endpoint-az-coverage');
}

describe('interface endpoint AZ coverage', () => {
  it('never asks for a network interface in a Local Zone or on an Outpost', () => {
    const [f] = coverage([kms]);
    // us-east-1b is a Region AZ: its subnet counts; the Local Zone and Outpost subnets cross zones too, but no endpoint can be placed there.
    expect(f?.resourceIds).toEqual(['vpce-kms', 'subnet-app-b']);
    expect(f?.title).toBe('kms endpoint has no network interface in us-east-1b');
  });

  it('counts only the zones DescribeVpcEndpointServices offers the service in', () => {
    // AWS offers some services in only some AZs (AvailabilityZones of ServiceDetail); an endpoint cannot be put elsewhere.
    expect(coverage([kms], { 'com.amazonaws.us-east-1.kms': ['us-east-1a'] })).toEqual([]);
    expect(coverage([kms], { 'com.amazonaws.us-east-1.kms': ['us-east-1a', 'us-east-1b'] }).map((f) => f.resourceIds)).toEqual([['vpce-kms', 'subnet-app-b']]);
  });

  it('tells Region AZs from Local Zones, Wavelength Zones and Outposts', () => {
    // The subnet's zone type (DescribeAvailabilityZones' ZoneType, `outpost` for a subnet with an OutpostArn), not its name.
    expect(zoneCanHoldEndpoint({ zoneType: 'availability-zone' })).toBe(true);
    expect(zoneCanHoldEndpoint({ zoneType: 'local-zone' })).toBe(false);
    expect(zoneCanHoldEndpoint({ zoneType: 'wavelength-zone' })).toBe(false);
    expect(zoneCanHoldEndpoint({ zoneType: 'outpost' })).toBe(false);
  });
});

describe('findings never show a blank name or id', () => {
  it('names a VPC Lattice endpoint (no ServiceName) by its name or id', () => {
    const lattice: Endpoint = { ...interfaceEndpoint('vpce-0lattice', '', ['subnet-app-a']), type: 'Interface', serviceName: '', serviceShortName: '', name: '', state: 'pendingAcceptance' };
    const unnamed = gatewayEndpoint('vpce-0s3', 's3', [], { name: '   ' });
    const t = topology(parts([kms, lattice, unnamed]));
    const findings = findIssues(t, resolvePaths(t));
    expect(findings.map((f) => f.title)).toContain('vpce-0lattice endpoint is pendingAcceptance');
    for (const f of findings) {
      for (const text of [f.title, f.detail, f.fix.text]) {
        expect(text, f.id).not.toMatch(/^\s|\s$|\s{2}|\(\)|\s[,.;:]/);
      }
      expect(f.resourceIds.every((id) => id.trim() !== ''), f.id).toBe(true);
    }
  });
});

describe('interface endpoint AZ coverage, the edges', () => {
  const c = subnet('subnet-app-c', 'us-east-1c', '10.0.64.0/20');
  const three = (endpoints: Endpoint[], over: Partial<Parts> = {}): Finding[] => {
    const t = topology({ ...parts(endpoints), subnets: [pub, appA, appB, c], routeTables: [table('rtb-pub', ['subnet-pub'], [route('0.0.0.0/0', 'igw-1')]), table('rtb-app', ['subnet-app-a', 'subnet-app-b', 'subnet-app-c'], [route('0.0.0.0/0', 'nat-a')])], ...over });
    return findIssues(t, resolvePaths(t)).filter((f) => f.rule === 'interface-endpoint-az-coverage');
  };

  it('two subnets in two other AZs: both named, the AZs sorted, "reach"', () => {
    const [f] = three([kms]);
    expect(f).toMatchObject({
      id: 'interface-endpoint-az-coverage:vpce-kms',
      resourceIds: ['vpce-kms', 'subnet-app-b', 'subnet-app-c'],
      service: 'kms',
      title: 'kms endpoint has no network interface in us-east-1b and us-east-1c',
      detail: 'vpce-kms is in us-east-1a; 2 subnets in us-east-1b and us-east-1c (subnet-app-b and subnet-app-c) reach it across Availability Zones.',
      fix: { text: 'Add a subnet in us-east-1b and us-east-1c to vpce-kms (one subnet per Availability Zone).', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpce-kms' },
    });
  });

  it('counts the AZs of the endpoint’s network interfaces as well as its subnets', () => {
    // DescribeNetworkInterfaces lists an ENI of the endpoint in us-east-1b that its SubnetIds did not.
    const enis = topology(parts([kms])).networkInterfaces;
    const extra = { ...enis[0]!, id: 'eni-extra', subnetId: 'subnet-app-b', az: 'us-east-1b', endpointId: null };
    const listed = { ...kms, networkInterfaceIds: ['eni-extra'] };
    expect(three([listed], { networkInterfaces: [...enis, extra] }).map((f) => f.resourceIds)).toEqual([['vpce-kms', 'subnet-app-c']]);
  });

  it('an endpoint that is not available, or a gateway endpoint, is not judged here', () => {
    expect(three([{ ...kms, state: 'pending' }])).toEqual([]);
    expect(three([gatewayEndpoint('vpce-s3', 's3', ['rtb-app'])])).toEqual([]);
  });

  it('with private DNS held back, an endpoint in no subnet yet still names every subnet that will cross', () => {
    const t = topology({ ...parts([interfaceEndpoint('vpce-kms', 'kms', [])]), vpcs: [vpc({ dnsHostnames: false })], subnets: [pub, appA] });
    const [f] = findIssues(t, resolvePaths(t)).filter((x) => x.rule === 'interface-endpoint-az-coverage');
    expect(f!.detail).toBe('vpce-kms is in no Availability Zone; 2 subnets in us-east-1a (subnet-pub and subnet-app-a) will cross Availability Zones to reach it once the VPC’s DNS attributes let private DNS answer.');
  });

  it('DNS held back does not count for an endpoint with private DNS off: its clients call it by its own names', () => {
    const off = interfaceEndpoint('vpce-kms', 'kms', ['subnet-app-a'], { privateDnsEnabled: false });
    const t = topology({ ...parts([off]), vpcs: [vpc({ dnsSupport: false })], subnets: [pub, appA, appB] });
    expect(findIssues(t, resolvePaths(t)).filter((x) => x.rule === 'interface-endpoint-az-coverage')).toEqual([]);
  });
});
