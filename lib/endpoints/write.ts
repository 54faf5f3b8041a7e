import 'server-only';
import { auditAction, type AuditActor } from '@/lib/audit/actor';
import type { AuditAction, AuditResult } from '@/lib/audit/log';
import type { Ec2Api } from '@/lib/ec2/api';
import { getEc2Api, type Source } from '@/lib/ec2/backend';
import { Ec2Error, toEc2Error } from '@/lib/ec2/errors';
import type { CreateVpcEndpointCommandInput, DeleteVpcEndpointsCommandInput, ModifyVpcEndpointCommandInput } from '@/lib/ec2/types';
import { invalidateTopology } from '@/lib/topology/load';
import { explainEndpointError } from './errors';
import { toModifyEndpointRequest, type EndpointChange } from './modify';
import type { EndpointInput, GatewayEndpointInput, GatewayRouteTablesChange, InterfaceEndpointInput } from './schemas';
import type { EndpointField } from './types';

/**
 * The endpoint writes, one verb each: parse, role and rule checks are done by the caller (the server
 * action); these turn the request into EC2 calls and EC2's answers into outcomes a form can show.
 * Every call to EC2 here, dry run or not, is audited (lib/audit) with the request as sent and AWS's answer.
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
  | { kind: 'dry-run'; allowed: boolean; message: string; code: string };

export type ChangeOutcome = { kind: 'done' } | { kind: 'dry-run'; allowed: boolean; message: string; code: string };

/** Where a write goes: the source, and for live the profile (unset: the SDK's default credentials); and who asks, for the audit log. */
export interface WriteTarget {
  source: Source;
  profile?: string;
  dryRun?: boolean;
  actor: AuditActor;
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
function dryRunVerdict(err: unknown, operation: string): { allowed: boolean; message: string; code: string } | null {
  const e = toEc2Error(err, operation);
  if (e.kind === 'dry-run-ok') {
    return { allowed: true, code: e.code, message: `Allowed: AWS checked the request and the permissions, and would run ${operation} (DryRunOperation).` };
  }
  if (e.kind === 'access-denied') {
    return {
      allowed: false,
      code: e.code,
      message: `Not permitted: the credentials vpc-atlas runs with may not call ec2:${operation} here (${e.code}). Add that action to their IAM policy.`,
    };
  }
  return null;
}

/**
 * The verdict when a DryRun call succeeded: AWS never does that (it answers DryRunOperation or
 * UnauthorizedOperation), but emulators that ignore DryRun make the change. Said plainly, as not allowed-or-denied
 * but done, so nobody believes nothing changed.
 */
function dryRunIgnored(operation: string, what: string): { kind: 'dry-run'; allowed: boolean; message: string; code: string } {
  return {
    kind: 'dry-run',
    allowed: true,
    code: 'DryRunIgnored',
    message: `The EC2 endpoint ignored DryRun and ran ${operation} for real (AWS never does this; moto and LocalStack do). ${what}`,
  };
}

/** CreateVpcEndpoint through `api`, its answer as an outcome (exported for tests). */
export async function createWith(api: Pick<Ec2Api, 'createVpcEndpoint'>, input: EndpointInput, dryRun: boolean): Promise<CreateOutcome> {
  try {
    const out = await api.createVpcEndpoint(toCreateRequest(input, dryRun));
    const endpoint = out.VpcEndpoint;
    if (!endpoint?.VpcEndpointId) throw new Ec2Error('malformed-response', 'MalformedResponse', 'CreateVpcEndpoint answered without an endpoint id.');
    // AWS answers a DryRun with an error, always; an emulator that ignores DryRun (moto, LocalStack) creates.
    if (dryRun) return dryRunIgnored('CreateVpcEndpoint', `It created ${endpoint.VpcEndpointId}; delete it if you did not want it.`);
    return { kind: 'created', endpointId: endpoint.VpcEndpointId, state: String(endpoint.State ?? 'pending').toLowerCase() };
  } catch (err) {
    const verdict = dryRun ? dryRunVerdict(err, 'CreateVpcEndpoint') : null;
    if (verdict) return { kind: 'dry-run', ...verdict };
    throw refused(err, 'CreateVpcEndpoint');
  }
}

/** What the audit log says AWS answered: a dry run's verdict, a success, or the error code. */
function auditResult(outcome: CreateOutcome | ChangeOutcome | null, err: unknown, resourceId?: string): AuditResult {
  if (err !== undefined) {
    const code = err instanceof EndpointWriteError ? err.code : err instanceof Ec2Error ? err.code : err instanceof Error ? err.name : 'Unknown';
    return { status: 'error', code, message: err instanceof Error ? err.message : String(err) };
  }
  if (outcome?.kind === 'dry-run') return { status: outcome.allowed ? 'ok' : 'error', code: outcome.code, message: outcome.message };
  if (outcome?.kind === 'created') return { status: 'ok', resourceId: outcome.endpointId, message: `state ${outcome.state}` };
  return { status: 'ok', ...(resourceId ? { resourceId } : {}) };
}

/**
 * Runs one EC2 write and records it in the audit log, whatever AWS answered. Throws AuditWriteError when the
 * line of a write AWS accepted cannot be written: the caller must not acknowledge it (AWS cannot be rolled back;
 * a resubmit with the same ClientToken finds the same endpoint).
 */
async function audited<T extends CreateOutcome | ChangeOutcome>(
  action: AuditAction,
  region: string,
  target: WriteTarget,
  request: object,
  run: () => Promise<T>,
  resourceId?: string,
): Promise<T> {
  const scope = { source: target.source, region, ...(target.profile ? { profile: target.profile } : {}) };
  let outcome: T;
  try {
    outcome = await run();
  } catch (err) {
    await auditAction(target.actor, action, scope, { dryRun: !!target.dryRun, request, result: auditResult(null, err, resourceId) });
    throw err;
  }
  // Durable: the answer ("created", "saved") waits for the line, and is not given when it cannot be written.
  await auditAction(target.actor, action, scope, { dryRun: !!target.dryRun, request, result: auditResult(outcome, undefined, resourceId) }, { durable: true });
  return outcome;
}

async function create(input: EndpointInput, target: WriteTarget): Promise<CreateOutcome> {
  const dryRun = target.dryRun ?? false;
  const outcome = await audited('CreateVpcEndpoint', input.region, target, toCreateRequest(input, dryRun), async () =>
    createWith(await getEc2Api(target.source, input.region, target.profile), input, dryRun),
  );
  if (outcome.kind === 'created' || outcome.code === 'DryRunIgnored') invalidateTopology(target.source, input.region, target.profile);
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

/** The ModifyVpcEndpoint request for a route-table change. */
export function toModifyRequest(change: GatewayRouteTablesChange, dryRun = false): ModifyVpcEndpointCommandInput {
  return {
    VpcEndpointId: change.endpointId,
    AddRouteTableIds: change.addRouteTableIds.length ? change.addRouteTableIds : undefined,
    RemoveRouteTableIds: change.removeRouteTableIds.length ? change.removeRouteTableIds : undefined,
    DryRun: dryRun || undefined,
  };
}

/** One ModifyVpcEndpoint call, audited; a DryRun's answer as a verdict, a refusal as an EndpointWriteError. */
function sendModify(request: ModifyVpcEndpointCommandInput, change: { region: string; endpointId: string }, target: WriteTarget): Promise<ChangeOutcome> {
  return audited(
    'ModifyVpcEndpoint',
    change.region,
    target,
    request,
    async (): Promise<ChangeOutcome> => {
      const api = await getEc2Api(target.source, change.region, target.profile);
      try {
        await api.modifyVpcEndpoint(request);
      } catch (err) {
        const verdict = target.dryRun ? dryRunVerdict(err, 'ModifyVpcEndpoint') : null;
        if (verdict) return { kind: 'dry-run', ...verdict };
        throw refused(err, 'ModifyVpcEndpoint');
      }
      invalidateTopology(target.source, change.region, target.profile);
      if (target.dryRun) return dryRunIgnored('ModifyVpcEndpoint', `It changed ${change.endpointId}.`);
      return { kind: 'done' };
    },
    change.endpointId,
  );
}

/** ModifyVpcEndpoint adding and removing route tables of a gateway endpoint (or its DryRun). */
export async function modifyGatewayRouteTables(change: GatewayRouteTablesChange, target: WriteTarget): Promise<ChangeOutcome> {
  return sendModify(toModifyRequest(change, target.dryRun), change, target);
}

/** DeleteVpcEndpoints for one endpoint (or its DryRun); an Unsuccessful item becomes an EndpointWriteError. */
export async function deleteEndpoint(endpointId: string, region: string, target: WriteTarget): Promise<ChangeOutcome> {
  const request: DeleteVpcEndpointsCommandInput = { VpcEndpointIds: [endpointId], DryRun: target.dryRun || undefined };
  return audited(
    'DeleteVpcEndpoints',
    region,
    target,
    request,
    async (): Promise<ChangeOutcome> => {
      const api = await getEc2Api(target.source, region, target.profile);
      let out;
      try {
        out = await api.deleteVpcEndpoints(request);
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
      if (target.dryRun) return dryRunIgnored('DeleteVpcEndpoints', `It deleted ${endpointId}.`);
      return { kind: 'done' };
    },
    endpointId,
  );
}

/**
 * ModifyVpcEndpoint changing an endpoint's subnets, security groups, private DNS or policy (or its
 * DryRun). AWS applies such a request whole or not at all; a refusal becomes an EndpointWriteError
 * naming the field it concerns.
 */
export async function modifyEndpoint(change: EndpointChange, target: WriteTarget): Promise<ChangeOutcome> {
  return sendModify(toModifyEndpointRequest(change, target.dryRun), change, target);
}
