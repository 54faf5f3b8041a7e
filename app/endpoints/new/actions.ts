'use server';

import { actorFor, auditRefusal } from '@/lib/audit/actor';
import { requireRole } from '@/lib/auth/viewer';
import { checkEndpointInput } from '@/lib/endpoints/rules';
import { toDryRunAnswer, type SubmitEndpointResult } from '@/lib/endpoints/results';
import { EndpointInput, zodFieldErrors } from '@/lib/endpoints/schemas';
import { resolveWriteScope } from '@/lib/endpoints/scope';
import { loadEndpointServices } from '@/lib/endpoints/services';
import { lookupSubmission, recordSubmission } from '@/lib/endpoints/submissions';
import { hasErrors } from '@/lib/endpoints/types';
import { createGatewayEndpoint, createInterfaceEndpoint, EndpointWriteError } from '@/lib/endpoints/write';
import { VIEW_STATE_KEYS } from '@/lib/graph/view-state';
import { describeLoadFailure } from '@/lib/topology/errors';
import { loadTopology } from '@/lib/topology/load';

/** Where a new endpoint is shown: its VPC's page with the endpoint selected (the graph reads the selection key). */
function focusHref(input: EndpointInput, endpointId: string): string {
  const q = new URLSearchParams({ region: input.region });
  if (input.source) q.set('source', input.source);
  if (input.profile) q.set('profile', input.profile);
  q.set(VIEW_STATE_KEYS.selected, endpointId);
  return `/vpcs/${input.vpcId}?${q.toString()}`;
}

/** The request without its ClientToken: what must match for a resubmit to count as the same request. */
function requestKey(input: EndpointInput): string {
  const { clientToken: _token, ...rest } = input;
  return JSON.stringify(rest);
}

/**
 * Creates a gateway or interface endpoint, or dry-runs the request. In order: check the role (editors
 * create; any signed-in viewer may dry-run, which changes nothing), parse with zod, check against the
 * current topology, call one lib verb; the answer names the field each problem concerns.
 */
export async function submitEndpoint(raw: unknown, mode: 'create' | 'dry-run'): Promise<SubmitEndpointResult> {
  const dryRun = mode !== 'create';
  const who = await requireRole(dryRun ? 'viewer' : 'editor', 'create endpoints');
  if (!who.ok) {
    await auditRefusal(who, 'CreateVpcEndpoint', {}, raw, dryRun);
    return { ok: false, status: who.status, error: who.error, fieldErrors: {} };
  }
  const parsed = EndpointInput.safeParse(raw);
  if (!parsed.success) return { ok: false, error: 'Some fields need attention.', fieldErrors: zodFieldErrors(parsed.error) };
  const input = parsed.data;

  const scope = await resolveWriteScope(input.source, input.profile);
  if (!scope.ok) return { ok: false, error: scope.error, fieldErrors: {} };
  if (!dryRun && !scope.writes.enabled) return { ok: false, error: scope.writes.reason ?? 'Writes are off.', fieldErrors: {} };

  try {
    const [topology, services] = await Promise.all([
      loadTopology({ source: scope.source, region: input.region, profile: scope.profile, refresh: true }),
      loadEndpointServices(scope.source, input.region, scope.profile),
    ]);
    // A second click or a resubmit of this form: the answer of the first, not a second endpoint.
    if (!dryRun) {
      const seen = lookupSubmission(input.clientToken, requestKey(input));
      if (seen.kind === 'same' && topology.endpoints.some((e) => e.id === seen.endpointId)) {
        return { ok: true, kind: 'created', endpointId: seen.endpointId, state: 'pending', redirectTo: focusHref(input, seen.endpointId) };
      }
      if (seen.kind === 'mismatch') {
        return { ok: false, error: 'This form was already used to create an endpoint with other values. Reload the page to start a new request.', fieldErrors: {} };
      }
    }
    const check = checkEndpointInput(input, { topology, services });
    if (hasErrors(check.fieldErrors)) {
      return { ok: false, error: 'The request does not fit the VPC as it is now; see the marked fields.', fieldErrors: check.fieldErrors };
    }

    const target = { source: scope.source, profile: scope.profile, dryRun, actor: await actorFor(who.viewer) };
    const outcome = input.type === 'gateway' ? await createGatewayEndpoint(input, target) : await createInterfaceEndpoint(input, target);
    if (outcome.kind === 'dry-run') return { ok: true, kind: 'dry-run', dryRun: toDryRunAnswer(outcome) };
    recordSubmission(input.clientToken, requestKey(input), outcome.endpointId);
    return { ok: true, kind: 'created', endpointId: outcome.endpointId, state: outcome.state, redirectTo: focusHref(input, outcome.endpointId) };
  } catch (err) {
    if (err instanceof EndpointWriteError) {
      return { ok: false, error: err.message, fieldErrors: err.field === 'form' ? {} : { [err.field]: [err.message] } };
    }
    const failure = describeLoadFailure(err);
    if (failure.code === 'Internal') console.error('submitEndpoint failed', err);
    return { ok: false, error: failure.message, fieldErrors: {} };
  }
}
