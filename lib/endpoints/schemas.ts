import { z } from 'zod';
import { RegionName, RouteTableId, SecurityGroupId, SubnetId, VpcEndpointId, VpcId } from '@/lib/aws/ids';
import { SourceName } from '@/lib/topology/params';
import type { EndpointField, FieldErrors } from './types';
import { addFieldError } from './types';

/**
 * What the endpoint forms send, parsed with zod before anything else looks at it. A schema and its
 * type share one name. Topology rules (does the route table exist, is it in this VPC, ...) are in
 * `rules.ts`; these only check shapes.
 */

export { RouteTableId, SecurityGroupId, SubnetId, VpcEndpointId };

export const ServiceName = z
  .string({ error: 'Choose a service' })
  .trim()
  .min(1, { error: 'Choose a service', abort: true })
  .max(255)
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'a service name looks like com.amazonaws.us-east-1.s3');

/** The Name tag; AWS allows 256 characters in a tag value. */
export const NameTag = z.string().trim().max(256, 'A name is at most 256 characters').default('');

/** Empty means AWS's default policy (full access). The rules check the JSON. */
export const PolicyText = z.string().default('');

/** AWS: a ClientToken is a case-sensitive string of up to 64 ASCII characters. */
export const ClientToken = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[\x21-\x7e]+$/, 'the client token must be printable ASCII');

export const IpAddressType = z.enum(['ipv4', 'dualstack', 'ipv6'], { error: 'IP address type must be ipv4, dualstack or ipv6' });
export type IpAddressType = z.infer<typeof IpAddressType>;

/** Live only: a profile of the server's AWS config files (the action checks it against their list). */
export const ProfileName = z.string().trim().max(128).optional();

const common = {
  source: SourceName.optional(),
  profile: ProfileName,
  region: RegionName,
  vpcId: VpcId,
  serviceName: ServiceName,
  name: NameTag,
  policy: PolicyText,
  clientToken: ClientToken,
};

export const GatewayEndpointInput = z.object({
  type: z.literal('gateway'),
  ...common,
  routeTableIds: z
    .array(RouteTableId)
    .min(1, 'Choose at least one route table: a gateway endpoint only carries traffic of the subnets whose tables route to it')
    .refine((ids) => new Set(ids).size === ids.length, 'a route table is listed twice'),
});
export type GatewayEndpointInput = z.infer<typeof GatewayEndpointInput>;

export const InterfaceEndpointInput = z.object({
  type: z.literal('interface'),
  ...common,
  subnetIds: z
    .array(SubnetId)
    .min(1, 'Choose at least one subnet: the endpoint puts a network interface in each')
    .refine((ids) => new Set(ids).size === ids.length, 'a subnet is listed twice'),
  securityGroupIds: z.array(SecurityGroupId).default([]),
  privateDnsEnabled: z.boolean().default(true),
  ipAddressType: IpAddressType.default('ipv4'),
});
export type InterfaceEndpointInput = z.infer<typeof InterfaceEndpointInput>;

export const EndpointInput = z.discriminatedUnion('type', [GatewayEndpointInput, InterfaceEndpointInput], {
  error: 'type must be gateway or interface',
});
export type EndpointInput = z.infer<typeof EndpointInput>;

/** Add or remove route tables of a gateway endpoint. */
export const GatewayRouteTablesChange = z
  .object({
    source: SourceName.optional(),
    profile: ProfileName,
    region: RegionName,
    endpointId: VpcEndpointId,
    addRouteTableIds: z.array(RouteTableId).default([]),
    removeRouteTableIds: z.array(RouteTableId).default([]),
  })
  .refine((c) => c.addRouteTableIds.length + c.removeRouteTableIds.length > 0, {
    message: 'Tick or untick a route table first: nothing would change',
    path: ['routeTableIds'],
  });
export type GatewayRouteTablesChange = z.infer<typeof GatewayRouteTablesChange>;

/** Delete one endpoint; `confirm` must repeat its id, as the confirmation dialog asks. */
export const DeleteEndpointInput = z
  .object({
    source: SourceName.optional(),
    profile: ProfileName,
    region: RegionName,
    endpointId: VpcEndpointId,
    confirm: z.string().trim(),
  })
  .refine((d) => d.confirm === d.endpointId, { message: 'Type the endpoint id to confirm the deletion', path: ['confirm'] });
export type DeleteEndpointInput = z.infer<typeof DeleteEndpointInput>;

const FIELDS: ReadonlySet<string> = new Set<EndpointField>([
  'region',
  'vpcId',
  'type',
  'serviceName',
  'routeTableIds',
  'subnetIds',
  'securityGroupIds',
  'privateDnsEnabled',
  'ipAddressType',
  'policy',
  'name',
  'clientToken',
]);

/** A failed parse as field errors: the first path element names the field, everything else goes to `form`. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const head = String(issue.path[0] ?? '');
    const field = (FIELDS.has(head) ? head : 'form') as EndpointField;
    const where = issue.path.length > 1 && typeof issue.path[1] === 'number' ? ` (item ${issue.path[1] + 1})` : '';
    addFieldError(out, field, `${issue.message}${where}`);
  }
  return out;
}
