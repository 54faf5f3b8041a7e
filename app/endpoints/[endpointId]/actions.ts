'use server';

import { endpointFailure } from '@/lib/actions/endpoint-failure';
import { guarded } from '@/lib/actions/guarded';
import { changeFieldErrors, checkEndpointChange, EndpointChange, previewEndpointChange } from '@/lib/endpoints/modify';
import { toDryRunAnswer, type ChangeEndpointResult } from '@/lib/endpoints/results';
import { checkRouteTableChange } from '@/lib/endpoints/rules';
import { DeleteEndpointInput, GatewayRouteTablesChange, zodFieldErrors } from '@/lib/endpoints/schemas';
import { loadEndpointServices } from '@/lib/endpoints/services';
import { hasErrors } from '@/lib/endpoints/types';
import { deleteEndpoint, modifyEndpoint, modifyGatewayRouteTables } from '@/lib/endpoints/write';
import { loadTopology } from '@/lib/topology/load';
import { scopeQuery } from '@/lib/topology/scope-query';

/** What the three actions share behind the guard: editors apply, any signed-in viewer may dry-run. */
function endpointGuard(action: 'ModifyVpcEndpoint' | 'DeleteVpcEndpoints', doing: string, mode: 'apply' | 'dry-run') {
  const dryRun = mode !== 'apply';
  return {
    action,
    doing,
    role: dryRun ? ('viewer' as const) : ('editor' as const),
    dryRun,
    writeTarget: (input: { source?: 'fixture' | 'live'; profile?: string }) => ({ source: input.source, profile: input.profile }),
    auditScope: (input: { region: string }) => ({ region: input.region }),
    failed: endpointFailure,
  };
}

const gone = (endpointId: string): ChangeEndpointResult => ({ ok: false, error: `${endpointId} does not exist any more.`, fieldErrors: {} });

/** Adds and removes route tables of a gateway endpoint (or dry-runs it): checked against the topology, then ModifyVpcEndpoint. */
export async function changeRouteTables(raw: unknown, mode: 'apply' | 'dry-run'): Promise<ChangeEndpointResult> {
  const guard = endpointGuard('ModifyVpcEndpoint', 'change endpoints', mode);
  return guarded(
    { ...guard, schema: GatewayRouteTablesChange, invalid: (error) => ({ ok: false, error: 'Nothing to change yet.', fieldErrors: zodFieldErrors(error) }) },
    raw,
    async ({ input: change, scope, actor, refuse }) => {
      const source = scope.source!;
      const topology = await loadTopology({ source, region: change.region, profile: scope.profile, refresh: true });
      const endpoint = topology.endpoints.find((e) => e.id === change.endpointId);
      if (!endpoint) return gone(change.endpointId);
      const errors = checkRouteTableChange(endpoint, change.addRouteTableIds, change.removeRouteTableIds, topology);
      if (hasErrors(errors)) return refuse('ValidationFailed', { ok: false, error: 'The change does not fit the VPC as it is now.', fieldErrors: errors });
      const outcome = await modifyGatewayRouteTables(change, { source, profile: scope.profile, dryRun: guard.dryRun, actor });
      if (outcome.kind === 'dry-run') return { ok: true, kind: 'dry-run', dryRun: toDryRunAnswer(outcome) };
      const n = change.addRouteTableIds.length + change.removeRouteTableIds.length;
      return { ok: true, kind: 'done', message: `Saved: ${n} route table${n === 1 ? '' : 's'} changed.` };
    },
  );
}

/**
 * Changes an endpoint's subnets, security groups, private DNS or policy with one ModifyVpcEndpoint (or
 * dry-runs it): the rules against the topology as it is now, then EC2. Each problem comes back under the
 * field it concerns; AWS applies the request whole or not at all.
 */
export async function changeEndpoint(raw: unknown, mode: 'apply' | 'dry-run'): Promise<ChangeEndpointResult> {
  const guard = endpointGuard('ModifyVpcEndpoint', 'change endpoints', mode);
  return guarded(
    {
      ...guard,
      schema: EndpointChange,
      invalid: (error) => {
        const fieldErrors = changeFieldErrors(error);
        const onlyForm = Object.keys(fieldErrors).every((k) => k === 'form');
        return { ok: false, error: onlyForm ? (fieldErrors.form?.[0] ?? 'The change could not be read.') : 'Nothing was changed: fix the marked fields first.', fieldErrors: onlyForm ? {} : fieldErrors };
      },
    },
    raw,
    async ({ input: change, scope, actor, refuse }) => {
      const source = scope.source!;
      const [topology, services] = await Promise.all([
        loadTopology({ source, region: change.region, profile: scope.profile, refresh: true }),
        loadEndpointServices(source, change.region, scope.profile),
      ]);
      const endpoint = topology.endpoints.find((e) => e.id === change.endpointId);
      if (!endpoint) return gone(change.endpointId);
      const check = checkEndpointChange(endpoint, change, { topology, services });
      if (hasErrors(check.fieldErrors)) {
        const { form, region, ...fields } = check.fieldErrors;
        const general = [...(form ?? []), ...(region ?? [])];
        return refuse('ValidationFailed', { ok: false, error: general[0] ?? 'Nothing was changed: fix the marked fields first.', fieldErrors: fields });
      }
      const outcome = await modifyEndpoint(change, { source, profile: scope.profile, dryRun: guard.dryRun, actor });
      if (outcome.kind === 'dry-run') return { ok: true, kind: 'dry-run', dryRun: toDryRunAnswer(outcome) };
      const n = previewEndpointChange(endpoint, change, topology, { services }).summary.length;
      return { ok: true, kind: 'done', message: `Saved: ${n} change${n === 1 ? '' : 's'} to ${endpoint.id} applied.` };
    },
  );
}

/** Deletes an endpoint (or dry-runs it) once the confirmation repeats its id. */
export async function removeEndpoint(raw: unknown, mode: 'apply' | 'dry-run'): Promise<ChangeEndpointResult> {
  const guard = endpointGuard('DeleteVpcEndpoints', 'delete endpoints', mode);
  return guarded(
    {
      ...guard,
      schema: DeleteEndpointInput,
      invalid: (error) => ({ ok: false, error: 'Type the endpoint id to confirm.', fieldErrors: { form: error.issues.map((i) => i.message) } }),
    },
    raw,
    async ({ input, scope, actor }) => {
      const source = scope.source!;
      const topology = await loadTopology({ source, region: input.region, profile: scope.profile, refresh: true });
      const endpoint = topology.endpoints.find((e) => e.id === input.endpointId);
      if (!endpoint) return gone(input.endpointId);
      const outcome = await deleteEndpoint(input.endpointId, input.region, { source, profile: scope.profile, dryRun: guard.dryRun, actor });
      if (outcome.kind === 'dry-run') return { ok: true, kind: 'dry-run', dryRun: toDryRunAnswer(outcome) };
      return { ok: true, kind: 'done', message: `Deleted ${input.endpointId}.`, redirectTo: `/vpcs/${endpoint.vpcId}?${scopeQuery(input)}` };
    },
  );
}
