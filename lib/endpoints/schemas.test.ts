import { describe, expect, it } from 'vitest';
import { DeleteEndpointInput, EndpointInput, GatewayRouteTablesChange, zodFieldErrors } from './schemas';

const base = { region: 'us-east-1', vpcId: 'vpc-0a05cda0235155c00', serviceName: 'com.amazonaws.us-east-1.s3', clientToken: 'f3b1c7a2-1111-4222-8333-944455556666' };

describe('endpoint schemas', () => {
  it('parses a gateway request with defaults', () => {
    const r = EndpointInput.parse({ ...base, type: 'gateway', routeTableIds: ['rtb-0030079b1230b8a04'] });
    expect(r).toMatchObject({ type: 'gateway', name: '', policy: '' });
  });

  it('parses an interface request with defaults', () => {
    const r = EndpointInput.parse({ ...base, type: 'interface', subnetIds: ['subnet-030e4dfb92e4810d3'] });
    expect(r).toMatchObject({ securityGroupIds: [], privateDnsEnabled: true, ipAddressType: 'ipv4' });
  });

  it('gives field errors a person can act on', () => {
    const r = EndpointInput.safeParse({ ...base, type: 'gateway', vpcId: 'nope', routeTableIds: [] });
    expect(r.success).toBe(false);
    const errors = zodFieldErrors(r.error!);
    expect(errors.vpcId).toEqual(['vpc must look like vpc-0a1b2c3d4e5f60718']);
    expect(errors.routeTableIds?.[0]).toMatch(/^Choose at least one route table/);
  });

  it('refuses duplicates, bad ids, a missing service and a wrong type', () => {
    const dup = EndpointInput.safeParse({ ...base, type: 'interface', subnetIds: ['subnet-030e4dfb92e4810d3', 'subnet-030e4dfb92e4810d3', 'subnet-<x>'] });
    expect(zodFieldErrors(dup.error!).subnetIds).toEqual(['a subnet id must look like subnet-0a1b2c3d4e5f60718 (item 3)', 'a subnet is listed twice']);
    expect(zodFieldErrors(EndpointInput.safeParse({ ...base, serviceName: '', type: 'gateway', routeTableIds: ['rtb-0030079b1230b8a04'] }).error!).serviceName).toEqual(['Choose a service']);
    expect(EndpointInput.safeParse({ ...base, type: 'loadbalancer' }).success).toBe(false);
  });

  it('needs a change for route tables and the id again for a delete', () => {
    expect(GatewayRouteTablesChange.safeParse({ region: 'us-east-1', endpointId: 'vpce-0775e1b3d7bdb0442' }).success).toBe(false);
    expect(DeleteEndpointInput.safeParse({ region: 'us-east-1', endpointId: 'vpce-0775e1b3d7bdb0442', confirm: 'yes' }).success).toBe(false);
    expect(DeleteEndpointInput.safeParse({ region: 'us-east-1', endpointId: 'vpce-0775e1b3d7bdb0442', confirm: 'vpce-0775e1b3d7bdb0442' }).success).toBe(true);
  });
});
