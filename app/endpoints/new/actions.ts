'use server';

import { endpointFailure } from '@/lib/actions/endpoint-failure';
import { guarded } from '@/lib/actions/guarded';
import { checkEndpointInput } from '@/lib/endpoints/rules';
import { toDryRunAnswer, type SubmitEndpointResult } from '@/lib/endpoints/results';
import { EndpointInput, zodFieldErrors } from '@/lib/endpoints/schemas';
import { loadEndpointServices } from '@/lib/endpoints/services';
import { lookupSubmission, recordSubmission } from '@/lib/endpoints/submissions';
import { hasErrors } from '@/lib/endpoints/types';
import { createGatewayEndpoint, createInterfaceEndpoint } from '@/lib/endpoints/write';
import { VIEW_STATE_KEYS } from '@/lib/graph/view-state';
import { loadTopology } from '@/lib/topology/load';
import { scopeQuery } from '@/lib/topology/scope-query';

/** Where a new endpoint is shown: its VPC's page with the endpoint selected (the graph reads the selection key). */
function focusHref(input: EndpointInput, endpointId: string): string {
  return `/vpcs/${input.vpcId}?${scopeQuery(input, { [VIEW_STATE_KEYS.selected]: endpointId })}`;
}

/** The request without its ClientToken: what must match for a resubmit to count as the same request. */
function requestKey(input: EndpointInput): string {
  const { clientToken: _token, ...rest } = input;
  return JSON.stringify(rest);
}

/**
 * Creates a gateway or interface endpoint, or dry-runs the request. Behind the guard (role: editors create,
 * any signed-in viewer may dry-run, which changes nothing; zod; the write scope), it checks the request
 * against the current topology and calls one lib verb; the answer names the field each problem concerns.
 */
export async function submitEndpoint(raw: unknown, mode: 'create' | 'dry-run'): Promise<SubmitEndpointResult> {
  const dryRun = mode !== 'create';
  return guarded(
    {
      action: 'CreateVpcEndpoint',
      doing: 'create endpoints',
      role: dryRun ? 'viewer' : 'editor',
      dryRun,
      schema: EndpointInput,
      invalid: (error) => ({ ok: false, error: 'Some fields need attention.', fieldErrors: zodFieldErrors(error) }),
      writeTarget: (input) => ({ source: input.source, profile: input.profile }),
      auditScope: (input) => ({ region: input.region }),
      failed: endpointFailure,
    },
    raw,
    async ({ input, scope, actor, refuse }) => {
      const source = scope.source!;
      const [topology, services] = await Promise.all([
        loadTopology({ source, region: input.region, profile: scope.profile, refresh: true }),
        loadEndpointServices(source, input.region, scope.profile),
      ]);
      // A second click or a resubmit of this form: the answer of the first, not a second endpoint.
      if (!dryRun) {
        const seen = lookupSubmission(input.clientToken, requestKey(input));
        if (seen.kind === 'same' && topology.endpoints.some((e) => e.id === seen.endpointId)) {
          return { ok: true, kind: 'created', endpointId: seen.endpointId, state: 'pending', redirectTo: focusHref(input, seen.endpointId) };
        }
        if (seen.kind === 'mismatch') {
          return refuse('ClientTokenReused', {
            ok: false,
            error: 'This form was already used to create an endpoint with other values. Reload the page to start a new request.',
            fieldErrors: {},
          });
        }
      }
      const check = checkEndpointInput(input, { topology, services });
      if (hasErrors(check.fieldErrors)) {
        return refuse('ValidationFailed', { ok: false, error: 'The request does not fit the VPC as it is now; see the marked fields.', fieldErrors: check.fieldErrors });
      }
      const target = { source, profile: scope.profile, dryRun, actor };
      const outcome = input.type === 'gateway' ? await createGatewayEndpoint(input, target) : await createInterfaceEndpoint(input, target);
      if (outcome.kind === 'dry-run') return { ok: true, kind: 'dry-run', dryRun: toDryRunAnswer(outcome) };
      recordSubmission(input.clientToken, requestKey(input), outcome.endpointId);
      return { ok: true, kind: 'created', endpointId: outcome.endpointId, state: outcome.state, redirectTo: focusHref(input, outcome.endpointId) };
    },
  );
}
