import type { EndpointField } from './types';

/**
 * Maps an EC2 error of CreateVpcEndpoint, ModifyVpcEndpoint or DeleteVpcEndpoints to the form field
 * it concerns and a sentence that says what to do, with AWS's own code and message kept at the end
 * so nothing is lost. Pure.
 */

export interface FieldMessage {
  field: EndpointField;
  message: string;
}

const BY_CODE: Record<string, { field: EndpointField; hint: string }> = {
  InvalidServiceName: { field: 'serviceName', hint: 'AWS does not know this service in the region. Pick one from the list.' },
  'InvalidVpcID.NotFound': { field: 'vpcId', hint: 'The VPC does not exist (any more). Reload the page and pick another.' },
  'InvalidRouteTableID.NotFound': { field: 'routeTableIds', hint: 'A chosen route table does not exist (any more). Reload the page.' },
  'InvalidSubnetID.NotFound': { field: 'subnetIds', hint: 'A chosen subnet does not exist (any more). Reload the page.' },
  'InvalidSecurityGroupID.NotFound': { field: 'securityGroupIds', hint: 'A chosen security group does not exist (any more). Reload the page.' },
  DuplicateSubnetsInSameZone: { field: 'subnetIds', hint: 'Two chosen subnets share an availability zone; keep one per AZ.' },
  RouteAlreadyExists: { field: 'routeTableIds', hint: 'A chosen route table already routes this service’s prefix list; leave it out.' },
  InvalidPolicyDocument: { field: 'policy', hint: 'AWS refused the policy. Fix it in the editor, or clear it to use the default full-access policy.' },
  IdempotentParameterMismatch: {
    field: 'form',
    hint: 'This form was already submitted with other values. Reload the page to start a new request.',
  },
  InsufficientFreeAddressesInSubnet: { field: 'subnetIds', hint: 'A chosen subnet has no free address for the endpoint’s network interface.' },
  'InvalidVpcEndpointId.NotFound': { field: 'form', hint: 'The endpoint does not exist (any more). Reload the page.' },
};

/** The field an InvalidParameter message is about, from AWS's wording. */
function fieldOfMessage(message: string): EndpointField {
  if (/route ?table/i.test(message)) return 'routeTableIds';
  if (/private.?dns|enableDns/i.test(message)) return 'privateDnsEnabled';
  if (/security group/i.test(message)) return 'securityGroupIds';
  if (/subnet|availability zone/i.test(message)) return 'subnetIds';
  if (/endpoint type|service types|Vpc Endpoint Service/i.test(message)) return 'serviceName';
  if (/ip ?address ?type|ipv6|dualstack/i.test(message)) return 'ipAddressType';
  if (/polic/i.test(message)) return 'policy';
  return 'form';
}

/** The field and words for an EC2 error code and message. */
export function explainEndpointError(code: string, message: string): FieldMessage {
  const known = BY_CODE[code];
  if (known) return { field: known.field, message: `${known.hint} (AWS: ${code}: ${message})` };
  if (code === 'InvalidParameter' || code === 'InvalidParameterValue' || code === 'InvalidParameterCombination') {
    return { field: fieldOfMessage(message), message: `${message} (AWS: ${code})` };
  }
  return { field: 'form', message: code ? `${message} (AWS: ${code})` : message };
}
