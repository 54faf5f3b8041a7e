import { describe, expect, it } from 'vitest';
import { explainEndpointError } from './errors';

describe('explainEndpointError', () => {
  it.each([
    ['InvalidServiceName', "The Vpc Endpoint Service 'x' does not exist", 'serviceName'],
    ['InvalidVpcID.NotFound', "The vpc ID 'vpc-1' does not exist", 'vpcId'],
    ['InvalidRouteTableID.NotFound', "The routeTable ID 'rtb-1' does not exist", 'routeTableIds'],
    ['InvalidSubnetID.NotFound', "The subnet ID 'subnet-1' does not exist", 'subnetIds'],
    ['InvalidSecurityGroupID.NotFound', "The securityGroup ID 'sg-1' does not exist", 'securityGroupIds'],
    ['DuplicateSubnetsInSameZone', 'Found another VPC endpoint subnet in the availability zone of subnet-1.', 'subnetIds'],
    ['RouteAlreadyExists', 'route table rtb-1 already has a route with destination-prefix-list-id pl-1', 'routeTableIds'],
    ['InvalidPolicyDocument', 'The Policy Document is not valid.', 'policy'],
    ['IdempotentParameterMismatch', 'Arguments on this idempotent request are inconsistent', 'form'],
    ['InvalidParameter', 'Route table IDs are only supported for Gateway type VPC Endpoint.', 'routeTableIds'],
    ['InvalidParameter', 'Subnet IDs are only supported for Interface and GatewayLoadBalancer type VPC Endpoints.', 'subnetIds'],
    ['InvalidParameter', 'Enabling private DNS requires both enableDnsSupport and enableDnsHostnames VPC attributes set to true for vpc-1', 'privateDnsEnabled'],
    ['InvalidParameter', 'Endpoint type (Gateway) does not match available service types ([Interface]).', 'serviceName'],
    ['InvalidParameter', 'The VPC endpoint service x does not support the availability zone of the subnet: subnet-1.', 'subnetIds'],
    ['Throttling', 'slow down', 'form'],
  ])('%s (%s) concerns %s', (code, message, field) => {
    const r = explainEndpointError(code, message);
    expect(r.field).toBe(field);
    expect(r.message).toContain(message);
    expect(r.message).toContain(code);
  });
});
