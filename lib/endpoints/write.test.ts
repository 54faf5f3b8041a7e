import { describe, expect, it } from 'vitest';
import type { EndpointInput } from './schemas';
import { demoApi } from './test-data';
import { createWith, EndpointWriteError, toCreateRequest } from './write';

const gateway: EndpointInput = {
  type: 'gateway',
  region: 'us-east-1',
  vpcId: 'vpc-0a05cda0235155c00',
  serviceName: 'com.amazonaws.us-east-1.s3',
  name: 'shared-s3',
  policy: '',
  clientToken: 'tok-w',
  routeTableIds: ['rtb-0030079b1230b8a04'],
};

describe('toCreateRequest', () => {
  it('maps a gateway form to CreateVpcEndpoint', () => {
    expect(toCreateRequest(gateway)).toEqual({
      VpcId: 'vpc-0a05cda0235155c00',
      ServiceName: 'com.amazonaws.us-east-1.s3',
      ClientToken: 'tok-w',
      DryRun: undefined,
      VpcEndpointType: 'Gateway',
      RouteTableIds: ['rtb-0030079b1230b8a04'],
      TagSpecifications: [{ ResourceType: 'vpc-endpoint', Tags: [{ Key: 'Name', Value: 'shared-s3' }] }],
    });
  });

  it('maps an interface form, leaving out an empty security group list so AWS picks the default group', () => {
    const r = toCreateRequest(
      { ...gateway, type: 'interface', subnetIds: ['subnet-030e4dfb92e4810d3'], securityGroupIds: [], privateDnsEnabled: false, ipAddressType: 'ipv4', policy: '{"Statement":[]}' },
      true,
    );
    expect(r).toMatchObject({ VpcEndpointType: 'Interface', SubnetIds: ['subnet-030e4dfb92e4810d3'], PrivateDnsEnabled: false, DryRun: true, PolicyDocument: '{"Statement":[]}' });
    expect(r.SecurityGroupIds).toBeUndefined();
  });
});

describe('createWith', () => {
  it('creates through the fixture backend and reports the id and state', async () => {
    const api = await demoApi();
    const out = await createWith(api, gateway, false);
    expect(out).toMatchObject({ kind: 'created', state: 'available' });
  });

  it('turns DryRunOperation into "allowed" and UnauthorizedOperation into "not permitted"', async () => {
    const api = await demoApi();
    expect(await createWith(api, gateway, true)).toMatchObject({ kind: 'dry-run', allowed: true, message: expect.stringMatching(/^Allowed/) });
    const denied = {
      createVpcEndpoint: async () => {
        throw Object.assign(new Error('You are not authorized to perform this operation.'), { name: 'UnauthorizedOperation', $metadata: { httpStatusCode: 403 } });
      },
    };
    expect(await createWith(denied, gateway, true)).toMatchObject({ kind: 'dry-run', allowed: false, message: expect.stringMatching(/^Not permitted: .*ec2:CreateVpcEndpoint/) });
  });

  it('says so when the EC2 endpoint ignored DryRun and created the endpoint (moto, LocalStack)', async () => {
    const ignoring = { createVpcEndpoint: async () => ({ VpcEndpoint: { VpcEndpointId: 'vpce-0123456789abcdef0', State: 'Available' as const } }) };
    const out = await createWith(ignoring, gateway, true);
    expect(out).toMatchObject({ kind: 'dry-run', code: 'DryRunIgnored' });
    expect(out.kind === 'dry-run' && out.message).toMatch(/ignored DryRun.*created vpce-0123456789abcdef0/);
  });

  it('maps a refusal to the field it concerns', async () => {
    const api = await demoApi();
    const err = await createWith(api, { ...gateway, vpcId: 'vpc-0661f838a98aac5f6', routeTableIds: ['rtb-0300bcc27e6c8b85e'] }, false).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EndpointWriteError);
    expect(err).toMatchObject({ field: 'routeTableIds', code: 'RouteAlreadyExists' });
  });
});
