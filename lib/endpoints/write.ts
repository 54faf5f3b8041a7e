import 'server-only';
import type { Ec2Api } from '@/lib/ec2/api';
import { getEc2Api, type Source } from '@/lib/ec2/backend';
import { Ec2Error, toEc2Error } from '@/lib/ec2/errors';
import type { CreateVpcEndpointCommandInput } from '@/lib/ec2/types';
import { invalidateTopology } from '@/lib/topology/load';
import { explainEndpointError } from './errors';
import type { EndpointInput, GatewayEndpointInput, GatewayRouteTablesChange, InterfaceEndpointInput } from './schemas';
import type { EndpointField } from './types';

/**
 * The endpoint writes, one verb each: parse and rule checks are done by the caller (the server
 * action); these turn the request into EC2 calls and EC2's answers into outcomes a form can show.
 */

/** A write EC2 refused, with the form field it concerns and words that say what to do. */
export class EndpointWriteError extends Error {
  readonly field: EndpointField;
  readonly code: string;
  constructor(field: EndpointField, code: string, message: string) {
    super(message);
    this.name = 'EndpointWriteError';
    this.field = field;
    this.code = code;
  }
}

export type CreateOutcome =
  | { kind: 'created'; endpointId: string; state: string }
  /** DryRun: AWS answered DryRunOperation (allowed) or UnauthorizedOperation (not permitted). */
  | { kind: 'dry-run'; allowed: boolean; message: string };

export type ChangeOutcome = { kind: 'done' } | { kind: 'dry-run'; allowed: boolean; message: string };

/** Where a write goes: the source, and for live the profile (unset: the SDK's default credentials). */
export interface WriteTarget {
  source: Source;
  profile?: string;
  dryRun?: boolean;
}

/** The CreateVpcEndpoint request for a form's input. */
export function toCreateRequest(input: EndpointInput, dryRun = false): CreateVpcEndpointCommandInput {
  const request: CreateVpcEndpointCommandInput = {
    VpcId: input.vpcId,
    ServiceName: input.serviceName,
    ClientToken: input.clientToken,
    DryRun: dryRun || undefined,
  };
  if (input.policy.trim()) request.PolicyDocument = input.policy;
  if (input.name.trim()) request.TagSpecifications = [{ ResourceType: 'vpc-endpoint', Tags: [{ Key: 'Name', Value: input.name.trim() }] }];
  if (input.type === 'gateway') {
    request.VpcEndpointType = 'Gateway';
    request.RouteTableIds = input.routeTableIds;
  } else {
    request.VpcEndpointType = 'Interface';
    request.SubnetIds = input.subnetIds;
    if (input.securityGroupIds.length) request.SecurityGroupIds = input.securityGroupIds;
    request.PrivateDnsEnabled = input.privateDnsEnabled;
    request.IpAddressType = input.ipAddressType;
  }
  return request;
}

function refused(err: unknown, operation: string): EndpointWriteError {
  const e = toEc2Error(err, operation);
  if (e.kind === 'invalid-request' || e.kind === 'not-found') {
    const { field, message } = explainEndpointError(e.code, e.message);
    return new EndpointWriteError(field, e.code, message);
  }
  return new EndpointWriteError('form', e.code, e.message);
}

/** A DryRun's answer in words, or null when the error is not one of the two DryRun answers. */
function dryRunVerdict(err: unknown, operation: string): { allowed: boolean; message: string } | null {
  const e = toEc2Error(err, operation);
  if (e.kind === 'dry-run-ok') {
    return { allowed: true, message: `Allowed: AWS checked the request and the permissions, and would run ${operation} (DryRunOperation).` };
  }
  if (e.kind === 'access-denied') {
    return {
      allowed: false,
      message: `Not permitted: the credentials vpc-atlas runs with may not call ec2:${operation} here (${e.code}). Add that action to their IAM policy.`,
    };
  }
  return null;
}

/** CreateVpcEndpoint through `api`, its answer as an outcome (exported for tests). */
export async function createWith(api: Pick<Ec2Api, 'createVpcEndpoint'>, input: EndpointInput, dryRun: boolean): Promise<CreateOutcome> {
  try {
    const out = await api.createVpcEndpoint(toCreateRequest(input, dryRun));
    const endpoint = out.VpcEndpoint;
    if (!endpoint?.VpcEndpointId) throw new Ec2Error('malformed-response', 'MalformedResponse', 'CreateVpcEndpoint answered without an endpoint id.');
    return { kind: 'created', endpointId: endpoint.VpcEndpointId, state: String(endpoint.State ?? 'pending').toLowerCase() };
  } catch (err) {
    const verdict = dryRun ? dryRunVerdict(err, 'CreateVpcEndpoint') : null;
    if (verdict) return { kind: 'dry-run', ...verdict };
    throw refused(err, 'CreateVpcEndpoint');
  }
}

async function create(input: EndpointInput, target: WriteTarget): Promise<CreateOutcome> {
  const outcome = await createWith(await getEc2Api(target.source, input.region, target.profile), input, target.dryRun ?? false);
  if (outcome.kind === 'created') invalidateTopology(target.source, input.region, target.profile);
  return outcome;
}

/** CreateVpcEndpoint for a gateway endpoint (or its DryRun). Throws EndpointWriteError when EC2 refuses. */
export function createGatewayEndpoint(input: GatewayEndpointInput, target: WriteTarget): Promise<CreateOutcome> {
  return create(input, target);
}

/** CreateVpcEndpoint for an interface endpoint (or its DryRun). Throws EndpointWriteError when EC2 refuses. */
export function createInterfaceEndpoint(input: InterfaceEndpointInput, target: WriteTarget): Promise<CreateOutcome> {
  return create(input, target);
}

/** ModifyVpcEndpoint adding and removing route tables of a gateway endpoint (or its DryRun). */
export async function modifyGatewayRouteTables(change: GatewayRouteTablesChange, target: WriteTarget): Promise<ChangeOutcome> {
  const api = await getEc2Api(target.source, change.region, target.profile);
  try {
    await api.modifyVpcEndpoint({
      VpcEndpointId: change.endpointId,
      AddRouteTableIds: change.addRouteTableIds.length ? change.addRouteTableIds : undefined,
      RemoveRouteTableIds: change.removeRouteTableIds.length ? change.removeRouteTableIds : undefined,
      DryRun: target.dryRun || undefined,
    });
  } catch (err) {
    const verdict = target.dryRun ? dryRunVerdict(err, 'ModifyVpcEndpoint') : null;
    if (verdict) return { kind: 'dry-run', ...verdict };
    throw refused(err, 'ModifyVpcEndpoint');
  }
  invalidateTopology(target.source, change.region, target.profile);
  return { kind: 'done' };
}

/** DeleteVpcEndpoints for one endpoint (or its DryRun); an Unsuccessful item becomes an EndpointWriteError. */
export async function deleteEndpoint(endpointId: string, region: string, target: WriteTarget): Promise<ChangeOutcome> {
  const api = await getEc2Api(target.source, region, target.profile);
  let out;
  try {
    out = await api.deleteVpcEndpoints({ VpcEndpointIds: [endpointId], DryRun: target.dryRun || undefined });
  } catch (err) {
    const verdict = target.dryRun ? dryRunVerdict(err, 'DeleteVpcEndpoints') : null;
    if (verdict) return { kind: 'dry-run', ...verdict };
    throw refused(err, 'DeleteVpcEndpoints');
  }
  invalidateTopology(target.source, region, target.profile);
  const failed = out.Unsuccessful?.find((u) => u.ResourceId === endpointId);
  if (failed) {
    const code = failed.Error?.Code ?? 'Unknown';
    throw new EndpointWriteError('form', code, `${failed.Error?.Message ?? 'AWS did not delete the endpoint'} (AWS: ${code})`);
  }
  return { kind: 'done' };
}
