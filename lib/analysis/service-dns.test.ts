import { describe, expect, it } from 'vitest';
import type { Endpoint } from '@/lib/topology/types';
import { hasIpv6Dns, isAwsServiceName, isGatewayService, isIpv6Only, privateDnsBlocker, resolveServiceDns, serviceHostname } from './service-dns';
import { interfaceEndpoint, subnet, vpc } from './test-topology';

/** How a subnet's clients resolve a service's name: the endpoint private DNS hands them, or the routes, and why. */

const label = (id: string) => `<${id}>`;
const dns = (dnsRecordIpType: string, privateDnsOnlyForInboundResolverEndpoint: boolean): Endpoint['dnsOptions'] => ({ dnsRecordIpType, privateDnsOnlyForInboundResolverEndpoint, privateDnsPreference: null, privateDnsSpecifiedDomains: [] });
const kms = (over: Partial<Endpoint> = {}) => interfaceEndpoint('vpce-kms', 'kms', ['subnet-a'], over);
const partner = (over: Partial<Endpoint> = {}) => interfaceEndpoint('vpce-p', 'vpce-svc-0abc', ['subnet-a'], { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0abc', ...over });
const resolve = (interfaceEps: Endpoint[], over: Partial<Parameters<typeof resolveServiceDns>[0]> = {}) =>
  resolveServiceDns({ vpc: vpc(), region: 'us-east-1', service: 'kms', interfaceEps, ipv6Only: false, dns64: false, ipv4Dest: { kind: 'default' }, ...over }, label);

describe('names and address families', () => {
  it('tells AWS services from PrivateLink services by the service name', () => {
    expect(isAwsServiceName('com.amazonaws.us-east-1.kms')).toBe(true);
    expect(isAwsServiceName('cn.com.amazonaws.cn-north-1.kms')).toBe(true);
    expect(isAwsServiceName('com.amazonaws.vpce.us-east-1.vpce-svc-0abc')).toBe(false);
    expect(isAwsServiceName('aws.sagemaker.us-east-1.notebook')).toBe(false);
    expect(isAwsServiceName('xcom.amazonaws.us-east-1.kms')).toBe(false);
    expect(isAwsServiceName('com.amazonaws.')).toBe(false);
    expect(isAwsServiceName('')).toBe(false);
  });

  it('S3 and DynamoDB are the gateway services; the hostname is the regional one', () => {
    expect(['s3', 'dynamodb', 'kms', 'S3'].map(isGatewayService)).toEqual([true, true, false, false]);
    expect(serviceHostname('sts', 'eu-west-1')).toBe('sts.eu-west-1.amazonaws.com');
  });

  it('an IPv6-only subnet: Ipv6Native, or no IPv4 block and an IPv6 one', () => {
    expect(isIpv6Only(subnet('s', 'us-east-1a', '10.0.0.0/24'))).toBe(false);
    expect(isIpv6Only(subnet('s', 'us-east-1a', '10.0.0.0/24', { ipv6Native: true }))).toBe(true);
    expect(isIpv6Only(subnet('s', 'us-east-1a', '', { ipv6Cidrs: ['2600:1f18::/64'] }))).toBe(true);
    expect(isIpv6Only(subnet('s', 'us-east-1a', '', { ipv6Cidrs: [] }))).toBe(false);
    expect(isIpv6Only(subnet('s', 'us-east-1a', '10.0.0.0/24', { ipv6Cidrs: ['2600:1f18::/64'] }))).toBe(false);
  });

  it('an endpoint answers IPv6 when it is ipv6 or dual-stack and its AAAA records are not turned off', () => {
    expect(hasIpv6Dns(kms({ ipAddressType: 'dualstack' }))).toBe(true);
    expect(hasIpv6Dns(kms({ ipAddressType: 'ipv6' }))).toBe(true);
    expect(hasIpv6Dns(kms({ ipAddressType: 'ipv4' }))).toBe(false);
    expect(hasIpv6Dns(kms({ ipAddressType: 'dualstack', dnsOptions: dns('ipv4', false) }))).toBe(false);
    expect(hasIpv6Dns(kms({ ipAddressType: 'dualstack', dnsOptions: dns('dualstack', false) }))).toBe(true);
  });
});

describe('privateDnsBlocker', () => {
  it.each<[string, Parameters<typeof vpc>[0], Partial<Endpoint>, string | null]>([
    ['private DNS off', {}, { privateDnsEnabled: false }, 'private DNS is off on <vpce-kms>'],
    ['DNS support off', { dnsSupport: false }, {}, 'the VPC has DNS support off, so private DNS of <vpce-kms> does not answer'],
    ['DNS hostnames off', { dnsHostnames: false }, {}, 'the VPC has DNS hostnames off, so private DNS of <vpce-kms> does not answer'],
    ['not available', {}, { state: 'pending' }, 'endpoint <vpce-kms> is pending'],
    ['attributes not reported (taken as on)', { dnsSupport: null, dnsHostnames: null }, {}, null],
    ['nothing in the way', {}, {}, null],
  ])('%s', (_, v, e, expected) => {
    expect(privateDnsBlocker(vpc(v), kms(e), label)).toBe(expected);
  });

  it('a VPC missing from the data does not block', () => {
    expect(privateDnsBlocker(undefined, kms(), label)).toBeNull();
  });
});

describe('resolveServiceDns', () => {
  it('private DNS hands clients the first endpoint nothing blocks', () => {
    const off = kms({ id: 'vpce-off', privateDnsEnabled: false });
    const on = kms({ id: 'vpce-on' });
    expect(resolve([off, on])).toEqual({ endpoint: on, lead: '', dest: { kind: 'default' } });
  });

  it('no endpoint: the public name, said so', () => {
    expect(resolve([])).toEqual({ endpoint: undefined, lead: 'No interface endpoint for kms in the VPC: kms.us-east-1.amazonaws.com resolves to public addresses.', dest: { kind: 'default' } });
  });

  it('a blocked endpoint: the first reason, capitalised', () => {
    expect(resolve([kms({ privateDnsEnabled: false }), kms({ id: 'vpce-2', state: 'failed' })]).lead).toBe('Private DNS is off on <vpce-kms>: kms.us-east-1.amazonaws.com resolves to public addresses.');
  });

  it('private DNS only for inbound Resolver endpoints: the VPC follows the routes', () => {
    const inbound = kms({ dnsOptions: dns('ipv4', true) });
    expect(resolve([inbound], { service: 's3' })).toEqual({
      endpoint: undefined,
      lead: 'Private DNS of <vpce-kms> answers only inbound Resolver endpoints (on-premises clients), so traffic from the VPC follows the routes.',
      dest: { kind: 'default' },
    });
  });

  it('an IPv6-only subnet cannot use an IPv4-only endpoint; with DNS64 it routes the synthesized address', () => {
    const r = resolve([kms()], { ipv6Only: true, dns64: true });
    expect(r.endpoint).toBeUndefined();
    expect(r.dest).toEqual({ kind: 'nat64', ipv4: { kind: 'default' } });
    expect(r.lead).toBe(
      'Endpoint <vpce-kms> has IPv4 addresses only (IpAddressType ipv4), which an IPv6-only subnet cannot reach. The subnet is IPv6-only with DNS64: kms.us-east-1.amazonaws.com gets a 64:ff9b::/96 address, which a NAT gateway must translate (NAT64).',
    );
    const unset = resolve([kms({ ipAddressType: undefined })], { ipv6Only: true });
    expect(unset.lead).toBe(
      'Endpoint <vpce-kms> has IPv4 addresses only (IpAddressType ipv4), which an IPv6-only subnet cannot reach. The subnet is IPv6-only without DNS64: clients reach the service over IPv6 by its dual-stack name.',
    );
    expect(unset.dest).toEqual({ kind: 'ipv6' });
  });

  it('an IPv6-only subnet uses a dual-stack endpoint', () => {
    const dual = kms({ ipAddressType: 'dualstack' });
    expect(resolve([dual], { ipv6Only: true })).toEqual({ endpoint: dual, lead: '', dest: { kind: 'ipv6' } });
  });

  it('a partner service is called by the endpoint’s own names; while it is not available there is no path', () => {
    const up = partner();
    expect(resolve([up], { service: 'vpce-svc-0abc' })).toEqual({ endpoint: up, lead: '', dest: { kind: 'default' } });
    expect(resolve([partner({ state: 'pendingAcceptance' })], { service: 'vpce-svc-0abc' })).toEqual({
      endpoint: undefined,
      lead: '',
      dest: { kind: 'default' },
      noPath: 'Endpoint <vpce-p> is pendingAcceptance, and the service has no other name to call: no path until it is available.',
    });
  });

  it('a gateway service has a public name to fall back on, without a lead', () => {
    expect(resolve([], { service: 's3' })).toEqual({ endpoint: undefined, lead: '', dest: { kind: 'default' } });
  });
});
