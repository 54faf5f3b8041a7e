import type { Endpoint } from '@/lib/topology/types';
import { pushTo } from '../group';
import { DOCS, endpointService, joinWords, plural, resourceHref, serviceTitle, defineRule, type RuleFinding } from './context';

function asArray(x: unknown): unknown[] {
  return Array.isArray(x) ? x : x === undefined ? [] : [x];
}

/**
 * Whether an endpoint policy document allows everything: a statement with Effect Allow, Principal
 * `*` (or `{"AWS": "*"}`), Action `*` and Resource `*`, and no Condition. False for a document that is
 * not JSON.
 */
export function policyAllowsAll(policy: string): boolean {
  let doc: unknown;
  try {
    doc = JSON.parse(policy);
  } catch {
    return false;
  }
  if (!doc || typeof doc !== 'object') return false;
  return asArray((doc as { Statement?: unknown }).Statement).some((s) => {
    if (!s || typeof s !== 'object') return false;
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' || st.Condition !== undefined) return false;
    const p = st.Principal;
    const anyPrincipal = p === '*' || (!!p && typeof p === 'object' && asArray((p as Record<string, unknown>).AWS).includes('*'));
    return anyPrincipal && asArray(st.Action).includes('*') && asArray(st.Resource).includes('*');
  });
}

/** Endpoint policies that allow everything: low for a gateway endpoint (its policy is the data perimeter), info for interface endpoints. */
export const endpointPolicyAllowsAll = defineRule({
  id: 'endpoint-policy-allows-all',
  severity: 'low',
  label: 'Full-access policy',
  check({ t, names }) {
    const out: RuleFinding[] = [];
    const open = t.endpoints.filter((e) => e.policy !== null && policyAllowsAll(e.policy));
    for (const e of open.filter((x) => x.type === 'Gateway')) {
      const svc = serviceTitle(endpointService(e, names));
      out.push({
        id: `endpoint-policy-allows-all:${e.id}`,
        vpcId: e.vpcId,
        resourceIds: [e.id],
        service: e.serviceShortName,
        title: `${svc} gateway endpoint policy allows everything`,
        detail: `The policy of ${names.label(e.id)} allows any principal every action on every resource.`,
        why: `A gateway endpoint policy is where a VPC can limit ${svc} to the account’s own ${e.serviceShortName === 's3' ? 'buckets' : 'tables'}; a full-access policy lets a compromised workload copy data anywhere in ${svc}.`,
        fix: { text: `Restrict the policy to the ${e.serviceShortName === 's3' ? 'buckets' : 'tables'} this VPC uses (Resource) or to your organization (aws:ResourceOrgID).`, href: resourceHref(t.region, e.vpcId, e.id) },
        docUrl: DOCS.endpointPolicies,
      });
    }
    const byVpc = new Map<string, Endpoint[]>();
    for (const e of open.filter((x) => x.type === 'Interface')) pushTo(byVpc, e.vpcId, e);
    for (const [vpcId, eps] of byVpc) {
      out.push({
        id: `endpoint-policy-allows-all:${vpcId}:interface`,
        severity: 'info',
        vpcId,
        resourceIds: eps.map((e) => e.id),
        title: `${plural(eps.length, 'interface endpoint')} in ${names.short(vpcId)} ${eps.length === 1 ? 'has' : 'have'} the full-access policy`,
        detail: `${joinWords(eps.map((e) => endpointService(e, names)))}: the default policy allows any principal every action on every resource.`,
        why: 'The default policy leaves all control to IAM; an endpoint policy adds a network-side limit, such as only your organization’s principals and resources.',
        fix: { text: 'Where it matters (kms, secretsmanager, sts), limit the policy to your account or organization (aws:PrincipalOrgID, aws:ResourceOrgID).', href: resourceHref(t.region, vpcId, eps[0]!.id) },
        docUrl: DOCS.endpointPolicies,
      });
    }
    return out;
  },
});
