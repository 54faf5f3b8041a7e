import { describe, expect, it } from 'vitest';
import { DEFAULT_GATEWAY_POLICY, DEFAULT_INTERFACE_POLICY, defaultEndpointPolicy, endpointEniRecord, endpointRecord, VPCE_REQUESTER_ID, type EndpointFacts } from './ec2-emulation';

const facts: EndpointFacts = {
  id: 'vpce-1',
  type: 'Gateway',
  vpcId: 'vpc-1',
  serviceName: 'com.amazonaws.us-east-1.s3',
  state: 'available',
  policy: null,
  routeTableIds: ['rtb-1'],
  subnetIds: [],
  groups: [],
  privateDnsEnabled: false,
  networkInterfaceIds: [],
  dnsEntries: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  tags: [],
  ownerId: '111122223333',
  region: 'us-east-1',
};

describe('EC2 emulation facts', () => {
  it('give each endpoint type the policy AWS attaches when none is named, both valid JSON allowing everything', () => {
    expect(defaultEndpointPolicy('Gateway')).toBe(DEFAULT_GATEWAY_POLICY);
    expect(defaultEndpointPolicy('Interface')).toBe(DEFAULT_INTERFACE_POLICY);
    for (const p of [DEFAULT_GATEWAY_POLICY, DEFAULT_INTERFACE_POLICY]) {
      expect(JSON.parse(p).Statement).toEqual([{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }]);
    }
    expect(endpointRecord(facts).PolicyDocument).toBe(DEFAULT_GATEWAY_POLICY);
    expect(endpointRecord({ ...facts, policy: '{"Statement":[]}' }).PolicyDocument).toBe('{"Statement":[]}');
  });

  it('write an endpoint as DescribeVpcEndpoints lists it, IP options only for interface endpoints', () => {
    const gateway = endpointRecord(facts);
    expect(gateway).toMatchObject({ VpcEndpointId: 'vpce-1', RequesterManaged: false, RouteTableIds: ['rtb-1'], ServiceRegion: 'us-east-1' });
    expect(gateway).not.toHaveProperty('IpAddressType');
    const iface = endpointRecord({ ...facts, type: 'Interface', ipAddressType: 'dualstack' });
    expect(iface).toMatchObject({ IpAddressType: 'dualstack', DnsOptions: { DnsRecordIpType: 'dualstack' } });
    // The CLI's field order, which the fixture files keep byte for byte.
    expect(Object.keys(iface).slice(8, 12)).toEqual(['Groups', 'IpAddressType', 'DnsOptions', 'PrivateDnsEnabled']);
  });

  it('write an endpoint ENI owned by the endpoint\'s account, requested by AWS, in use from the start', () => {
    const eni = endpointEniRecord({
      id: 'eni-1',
      endpointId: 'vpce-1',
      subnet: { id: 'subnet-1', vpcId: 'vpc-1', az: 'us-east-1a', azId: 'use1-az1' },
      groups: [{ GroupId: 'sg-1', GroupName: 'default' }],
      ownerId: '111122223333',
      macAddress: '0e:00:00:00:00:01',
      ipv4: '10.0.0.5',
      privateDnsName: 'ip-10-0-0-5.ec2.internal',
      ipv6: null,
      requesterId: VPCE_REQUESTER_ID,
    });
    expect(eni).toMatchObject({
      Description: 'VPC Endpoint Interface vpce-1',
      InterfaceType: 'vpc_endpoint',
      RequesterId: '727180483921',
      RequesterManaged: true,
      Status: 'in-use',
      PrivateIpAddresses: [{ Primary: true, PrivateDnsName: 'ip-10-0-0-5.ec2.internal', PrivateIpAddress: '10.0.0.5' }],
      Ipv6Addresses: [],
    });
    const v6only = endpointEniRecord({ ...{ id: 'eni-2', endpointId: 'vpce-1', subnet: { id: 's', vpcId: 'v', az: 'a', azId: 'z' }, groups: [], ownerId: undefined, macAddress: 'm', privateDnsName: undefined, requesterId: 'r' }, ipv4: null, ipv6: '2600::5' });
    expect(v6only).toMatchObject({ PrivateIpAddresses: [], Ipv6Addresses: [{ Ipv6Address: '2600::5' }] });
    expect(v6only.PrivateIpAddress).toBeUndefined();
  });
});
