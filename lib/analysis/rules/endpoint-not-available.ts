import { DOCS, endpointService, resourceHref, defineRule, type RuleFinding } from './context';

/** States an endpoint does not leave by itself. */
const HARD = new Set(['failed', 'rejected', 'expired']);

/** An endpoint in any state but available carries no traffic: high when it failed, medium while it may still come up. */
export const endpointNotAvailable = defineRule({
  id: 'endpoint-not-available',
  severity: 'medium',
  label: 'Endpoint not available',
  check({ t, names }) {
    return t.endpoints
      .filter((e) => e.state !== 'available')
      .map((e): RuleFinding => {
        const err = e.lastError ? ` Last error: ${e.lastError.code}${e.lastError.message ? ` — ${e.lastError.message}` : ''}.` : '';
        const hard = HARD.has(e.state.toLowerCase());
        return {
          id: `endpoint-not-available:${e.id}`,
          ...(hard ? { severity: 'high' as const } : {}),
          vpcId: e.vpcId,
          resourceIds: [e.id],
          service: e.serviceShortName,
          title: `${endpointService(e, names)} endpoint is ${e.state}`,
          detail: `${names.label(e.id)} is in state ${e.state}, so it carries no traffic.${err}`,
          why: 'Until an endpoint is available, traffic that should use it goes the public way or nowhere.',
          fix: {
            text:
              e.state === 'pendingAcceptance'
                ? 'Ask the endpoint service’s owner to accept the connection.'
                : hard
                  ? 'Fix the cause in the last error, delete the endpoint and create it again.'
                  : 'Wait for the endpoint to become available; if it stays pending, check its last error.',
            href: resourceHref(t.region, e.vpcId, e.id),
          },
          docUrl: DOCS.interfaceEndpoints,
        };
      });
  },
});
