/**
 * Shapes shared by the endpoint forms, their rules and the server actions. Plain data: safe to send to
 * the browser, free of SDK types.
 */

export type EndpointKind = 'Gateway' | 'Interface';

/** One endpoint type a service offers in a region (DescribeVpcEndpointServices lists S3 twice: Gateway and Interface). */
export interface ServiceOffering {
  serviceName: string;
  /** 's3', 'ecr.dkr', ...: the name without `com.amazonaws.<region>.`. */
  shortName: string;
  type: EndpointKind;
  /** The AZs where the service has an endpoint of this type. */
  azs: string[];
  /** The regional endpoint name endpoints get under (`ssm.us-east-1.vpce.amazonaws.com`), or null. */
  vpceDnsName: string | null;
  /** The name private DNS answers for (`ssm.us-east-1.amazonaws.com`), or null. */
  privateDnsName: string | null;
  /** 'ipv4', 'ipv6'; empty when the source does not say. */
  ipAddressTypes: string[];
  policySupported: boolean;
  owner: string;
}

/** The fields of the endpoint forms; `form` is for what concerns the request as a whole. */
export type EndpointField =
  | 'region'
  | 'vpcId'
  | 'type'
  | 'serviceName'
  | 'routeTableIds'
  | 'subnetIds'
  | 'securityGroupIds'
  | 'privateDnsEnabled'
  | 'ipAddressType'
  | 'policy'
  | 'name'
  | 'clientToken'
  | 'form';

export type FieldErrors = Partial<Record<EndpointField, string[]>>;

/** Adds `message` under `field`. */
export function addFieldError(errors: FieldErrors, field: EndpointField, message: string): void {
  (errors[field] ??= []).push(message);
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some((list) => (list?.length ?? 0) > 0);
}
