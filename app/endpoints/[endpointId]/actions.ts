'use server';

import { actorFor, auditRefusal } from '@/lib/audit/actor';
import { requireRole } from '@/lib/auth/viewer';
import { toDryRunAnswer, type ChangeEndpointResult } from '@/lib/endpoints/results';
import { changeFieldErrors, checkEndpointChange, EndpointChange, previewEndpointChange } from '@/lib/endpoints/modify';
import { checkRouteTableChange } from '@/lib/endpoints/rules';
import { DeleteEndpointInput, GatewayRouteTablesChange, zodFieldErrors } from '@/lib/endpoints/schemas';
import { resolveWriteScope } from '@/lib/endpoints/scope';
import { loadEndpointServices } from '@/lib/endpoints/services';
import { hasErrors } from '@/lib/endpoints/types';
import { deleteEndpoint, EndpointWriteError, modifyEndpoint, modifyGatewayRouteTables } from '@/lib/endpoints/write';
import { describeLoadFailure } from '@/lib/topology/errors';
import { loadTopology } from '@/lib/topology/load';

function failed(err: unknown): ChangeEndpointResult {
  if (err instanceof EndpointWriteError) return { ok: false, error: err.message, fieldErrors: err.field === 'form' ? {} : { [err.field]: [err.message] } };
  const failure = describeLoadFailure(err);
  if (failure.code === 'Internal') console.error('endpoint change failed', err);
  return { ok: false, error: failure.message, fieldErrors: {} };
}

/** Adds and removes route tables of a gateway endpoint (or dry-runs it): role, parse, check against the topology, ModifyVpcEndpoint. */
export async function changeRouteTables(raw: unknown, mode: 'apply' | 'dry-run'): Promise<ChangeEndpointResult> {
  const dryRun = mode !== 'apply';
  const who = await requireRole(dryRun ? 'viewer' : 'editor', 'change endpoints');
  if (!who.ok) {
    await auditRefusal(who, 'ModifyVpcEndpoint', {}, raw, dryRun);
    return { ok: false, status: who.status, error: who.error, fieldErrors: {} };
  }
  const parsed = GatewayRouteTablesChange.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Nothing to change yet.', fieldErrors: zodFieldErrors(parsed.error) };
  const change = parsed.data;
  const scope = await resolveWriteScope(change.source, change.profile);
  if (!scope.ok) return { ok: false, error: scope.error, fieldErrors: {} };
  if (!dryRun && !scope.writes.enabled) return { ok: false, error: scope.writes.reason ?? 'Writes are off.', fieldErrors: {} };
  try {
    const topology = await loadTopology({ source: scope.source, region: change.region, profile: scope.profile, refresh: true });
    const endpoint = topology.endpoints.find((e) => e.id === change.endpointId);
    if (!endpoint) return { ok: false, error: `${change.endpointId} does not exist any more.`, fieldErrors: {} };
    const errors = checkRouteTableChange(endpoint, change.addRouteTableIds, change.removeRouteTableIds, topology);
    if (hasErrors(errors)) return { ok: false, error: 'The change does not fit the VPC as it is now.', fieldErrors: errors };
    const outcome = await modifyGatewayRouteTables(change, { source: scope.source, profile: scope.profile, dryRun, actor: await actorFor(who.viewer) });
    if (outcome.kind === 'dry-run') return { ok: true, kind: 'dry-run', dryRun: toDryRunAnswer(outcome) };
    const n = change.addRouteTableIds.length + change.removeRouteTableIds.length;
    return { ok: true, kind: 'done', message: `Saved: ${n} route table${n === 1 ? '' : 's'} changed.` };
  } catch (err) {
    return failed(err);
  }
}

/**
 * Changes an endpoint's subnets, security groups, private DNS or policy with one ModifyVpcEndpoint (or
 * dry-runs it). In order: the role (editors change; any signed-in viewer may dry-run, which changes
 * nothing), the shape (zod), the rules against the topology as it is now, then EC2. Each problem comes
 * back under the field it concerns; AWS applies the request whole or not at all.
 */
export async function changeEndpoint(raw: unknown, mode: 'apply' | 'dry-run'): Promise<ChangeEndpointResult> {
  const dryRun = mode !== 'apply';
  const who = await requireRole(dryRun ? 'viewer' : 'editor', 'change endpoints');
  if (!who.ok) {
    await auditRefusal(who, 'ModifyVpcEndpoint', {}, raw, dryRun);
    return { ok: false, status: who.status, error: who.error, fieldErrors: {} };
  }
  const parsed = EndpointChange.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = changeFieldErrors(parsed.error);
    const onlyForm = Object.keys(fieldErrors).every((k) => k === 'form');
    return { ok: false, error: onlyForm ? (fieldErrors.form?.[0] ?? 'The change could not be read.') : 'Nothing was changed: fix the marked fields first.', fieldErrors: onlyForm ? {} : fieldErrors };
  }
  const change = parsed.data;
  const scope = await resolveWriteScope(change.source, change.profile);
  if (!scope.ok) return { ok: false, error: scope.error, fieldErrors: {} };
  if (!dryRun && !scope.writes.enabled) return { ok: false, error: scope.writes.reason ?? 'Writes are off.', fieldErrors: {} };
  try {
    const [topology, services] = await Promise.all([
      loadTopology({ source: scope.source, region: change.region, profile: scope.profile, refresh: true }),
      loadEndpointServices(scope.source, change.region, scope.profile),
    ]);
    const endpoint = topology.endpoints.find((e) => e.id === change.endpointId);
    if (!endpoint) return { ok: false, error: `${change.endpointId} does not exist any more.`, fieldErrors: {} };
    const check = checkEndpointChange(endpoint, change, { topology, services });
    if (hasErrors(check.fieldErrors)) {
      const { form, region, ...fields } = check.fieldErrors;
      const general = [...(form ?? []), ...(region ?? [])];
      return { ok: false, error: general[0] ?? 'Nothing was changed: fix the marked fields first.', fieldErrors: fields };
    }
    const outcome = await modifyEndpoint(change, { source: scope.source, profile: scope.profile, dryRun, actor: await actorFor(who.viewer) });
    if (outcome.kind === 'dry-run') return { ok: true, kind: 'dry-run', dryRun: toDryRunAnswer(outcome) };
    const n = previewEndpointChange(endpoint, change, topology, { services }).summary.length;
    return { ok: true, kind: 'done', message: `Saved: ${n} change${n === 1 ? '' : 's'} to ${endpoint.id} applied.` };
  } catch (err) {
    return failed(err);
  }
}

/** Deletes an endpoint (or dry-runs it) once the confirmation repeats its id. */
export async function removeEndpoint(raw: unknown, mode: 'apply' | 'dry-run'): Promise<ChangeEndpointResult> {
  const dryRun = mode !== 'apply';
  const who = await requireRole(dryRun ? 'viewer' : 'editor', 'delete endpoints');
  if (!who.ok) {
    await auditRefusal(who, 'DeleteVpcEndpoints', {}, raw, dryRun);
    return { ok: false, status: who.status, error: who.error, fieldErrors: {} };
  }
  const parsed = DeleteEndpointInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Type the endpoint id to confirm.', fieldErrors: { form: parsed.error.issues.map((i) => i.message) } };
  const input = parsed.data;
  const scope = await resolveWriteScope(input.source, input.profile);
  if (!scope.ok) return { ok: false, error: scope.error, fieldErrors: {} };
  if (!dryRun && !scope.writes.enabled) return { ok: false, error: scope.writes.reason ?? 'Writes are off.', fieldErrors: {} };
  try {
    const topology = await loadTopology({ source: scope.source, region: input.region, profile: scope.profile, refresh: true });
    const endpoint = topology.endpoints.find((e) => e.id === input.endpointId);
    if (!endpoint) return { ok: false, error: `${input.endpointId} does not exist any more.`, fieldErrors: {} };
    const outcome = await deleteEndpoint(input.endpointId, input.region, { source: scope.source, profile: scope.profile, dryRun, actor: await actorFor(who.viewer) });
    if (outcome.kind === 'dry-run') return { ok: true, kind: 'dry-run', dryRun: toDryRunAnswer(outcome) };
    const q = new URLSearchParams({ region: input.region });
    if (input.source) q.set('source', input.source);
    if (input.profile) q.set('profile', input.profile);
    return { ok: true, kind: 'done', message: `Deleted ${input.endpointId}.`, redirectTo: `/vpcs/${endpoint.vpcId}?${q.toString()}` };
  } catch (err) {
    return failed(err);
  }
}
