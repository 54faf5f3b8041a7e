import { z } from 'zod';
import type { ModifyVpcEndpointCommandInput } from '@/lib/ec2/types';
import type { Endpoint, SecurityGroup, Subnet, Topology } from '@/lib/topology/types';
import { RegionName, SourceName } from '@/lib/topology/params';
import { estimateMonthlyCost, type CostEstimate } from './cost';
import { validatePolicy } from './policy';
import { endpointPreview, type EndpointPreview, type PreviewNetworkInterface } from './preview';
import { cidrsWithoutHttps, findOffering, privateDnsState, type RuleContext, type RuleResult } from './rules';
import { ProfileName, SecurityGroupId, SubnetId, VpcEndpointId } from './schemas';
import { addFieldError, type EndpointField, type FieldErrors } from './types';

/**
 * Changing an existing endpoint with ModifyVpcEndpoint: its subnets and security groups (interface),
 * its policy (both types) and private DNS (interface). Route tables of a gateway endpoint have their
 * own request (GatewayRouteTablesChange in schemas.ts).
 *
 * A change is sent as what the person saw and chose: the subnets and groups to add and to remove,
 * not the resulting set, so a change someone else made meanwhile is not undone by accident. The
 * rules check it against the topology as it is now, in the words of `rules.ts`. Pure: the editor
 * runs them as you click, the server action runs them again.
 */

const label = (id: string, name: string) => (name && name !== id ? `${id} (${name})` : id);
const noRepeats = (ids: string[]) => new Set(ids).size === ids.length;

export const EndpointChange = z
  .object({
    source: SourceName.optional(),
    profile: ProfileName,
    region: RegionName,
    endpointId: VpcEndpointId,
    addSubnetIds: z.array(SubnetId).default([]).refine(noRepeats, 'a subnet is listed twice'),
    removeSubnetIds: z.array(SubnetId).default([]).refine(noRepeats, 'a subnet is listed twice'),
    addSecurityGroupIds: z.array(SecurityGroupId).default([]).refine(noRepeats, 'a security group is listed twice'),
    removeSecurityGroupIds: z.array(SecurityGroupId).default([]).refine(noRepeats, 'a security group is listed twice'),
    /** Turn private DNS on or off; left out: unchanged. */
    privateDnsEnabled: z.boolean().optional(),
    /** The new policy document; an empty string puts AWS's default (full access) back; left out: unchanged. */
    policy: z.string().optional(),
  })
  .superRefine((c, ctx) => {
    const both = (add: string[], remove: string[], field: EndpointField, what: string) => {
      for (const id of add.filter((x) => remove.includes(x))) ctx.addIssue({ code: 'custom', path: [field], message: `${id} is both added and removed; ${what} is added or removed, not both.` });
    };
    both(c.addSubnetIds, c.removeSubnetIds, 'subnetIds', 'a subnet');
    both(c.addSecurityGroupIds, c.removeSecurityGroupIds, 'securityGroupIds', 'a security group');
    const n = c.addSubnetIds.length + c.removeSubnetIds.length + c.addSecurityGroupIds.length + c.removeSecurityGroupIds.length;
    if (n === 0 && c.privateDnsEnabled === undefined && c.policy === undefined) {
      ctx.addIssue({ code: 'custom', path: ['form'], message: 'Nothing would change: change a subnet, a security group, private DNS or the policy first.' });
    }
  });
export type EndpointChange = z.infer<typeof EndpointChange>;

const FIELD_OF: Record<string, EndpointField> = {
  addSubnetIds: 'subnetIds',
  removeSubnetIds: 'subnetIds',
  subnetIds: 'subnetIds',
  addSecurityGroupIds: 'securityGroupIds',
  removeSecurityGroupIds: 'securityGroupIds',
  securityGroupIds: 'securityGroupIds',
  privateDnsEnabled: 'privateDnsEnabled',
  policy: 'policy',
  region: 'region',
};

/** A failed parse of an EndpointChange as field errors: added and removed subnets are both `subnetIds`, and so on. */
export function changeFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const head = String(issue.path[0] ?? '');
    const where = issue.path.length > 1 && typeof issue.path[1] === 'number' ? ` (${head.startsWith('add') ? 'added' : 'removed'} item ${issue.path[1] + 1})` : '';
    addFieldError(out, FIELD_OF[head] ?? 'form', `${issue.message}${where}`);
  }
  return out;
}

/** Whether two policy texts say the same: equal JSON once parsed (whitespace and layout aside), else equal text. */
export function samePolicy(a: string, b: string): boolean {
  if (a.trim() === b.trim()) return true;
  try {
    return JSON.stringify(JSON.parse(a)) === JSON.stringify(JSON.parse(b));
  } catch {
    return false;
  }
}

/** A policy as the editor shows it: indented JSON, or the text as stored when it is not JSON. */
export function policyForEditing(policy: string | null): string {
  if (!policy) return '';
  try {
    return JSON.stringify(JSON.parse(policy), null, 2);
  } catch {
    return policy;
  }
}

/** What the editor holds: the endpoint as the person wants it. */
export interface DesiredEndpoint {
  subnetIds: string[];
  securityGroupIds: string[];
  privateDnsEnabled: boolean;
  /** The policy text; empty for AWS's default. */
  policy: string;
}

/** The endpoint as it is, in the editor's terms. */
export function currentOf(endpoint: Endpoint): DesiredEndpoint {
  return {
    subnetIds: endpoint.subnetIds,
    securityGroupIds: endpoint.securityGroupIds,
    privateDnsEnabled: endpoint.privateDnsEnabled,
    policy: policyForEditing(endpoint.policy),
  };
}

/** The change from the endpoint as it is to `desired`, without scope (the caller adds source, profile and region). */
export function changeBetween(endpoint: Endpoint, desired: DesiredEndpoint): Omit<EndpointChange, 'source' | 'profile' | 'region'> {
  const iface = endpoint.type !== 'Gateway';
  const change: Omit<EndpointChange, 'source' | 'profile' | 'region'> = {
    endpointId: endpoint.id,
    addSubnetIds: iface ? desired.subnetIds.filter((id) => !endpoint.subnetIds.includes(id)) : [],
    removeSubnetIds: iface ? endpoint.subnetIds.filter((id) => !desired.subnetIds.includes(id)) : [],
    addSecurityGroupIds: iface ? desired.securityGroupIds.filter((id) => !endpoint.securityGroupIds.includes(id)) : [],
    removeSecurityGroupIds: iface ? endpoint.securityGroupIds.filter((id) => !desired.securityGroupIds.includes(id)) : [],
  };
  if (iface && desired.privateDnsEnabled !== endpoint.privateDnsEnabled) change.privateDnsEnabled = desired.privateDnsEnabled;
  const before = endpoint.policy ?? '';
  if (desired.policy.trim() === '') {
    // An endpoint always has a policy (AWS fills in its default): clearing the editor asks for that default back.
    if (before.trim() !== '' && !isDefaultPolicy(before)) change.policy = '';
  } else if (!samePolicy(desired.policy, before)) change.policy = desired.policy;
  return change;
}

/** Whether a change changes anything. */
export function changesSomething(c: Omit<EndpointChange, 'source' | 'profile' | 'region'>): boolean {
  return c.addSubnetIds.length + c.removeSubnetIds.length + c.addSecurityGroupIds.length + c.removeSecurityGroupIds.length > 0 || c.privateDnsEnabled !== undefined || c.policy !== undefined;
}

/** AWS's default endpoint policy: one statement allowing every action on every resource to every principal. */
export function isDefaultPolicy(policy: string): boolean {
  try {
    const doc = JSON.parse(policy) as { Statement?: unknown };
    const s = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
    if (s.length !== 1) return false;
    const st = s[0] as Record<string, unknown>;
    return st.Effect === 'Allow' && st.Principal === '*' && st.Action === '*' && st.Resource === '*' && Object.keys(st).length === 4;
  } catch {
    return false;
  }
}

/** States in which AWS is still working on the endpoint: a change has to wait. */
const BUSY_STATES = new Set(['pending', 'pendingacceptance', 'deleting', 'deleted']);

/** The subnets the endpoint would have after the change (unknown ids left out). */
export function resultingSubnets(endpoint: Endpoint, change: Pick<EndpointChange, 'addSubnetIds' | 'removeSubnetIds'>, topology: Topology): Subnet[] {
  const ids = [...endpoint.subnetIds.filter((id) => !change.removeSubnetIds.includes(id)), ...change.addSubnetIds.filter((id) => !endpoint.subnetIds.includes(id))];
  return ids.flatMap((id) => topology.subnets.filter((s) => s.id === id));
}

/** The security groups the endpoint would have after the change (unknown ids left out). */
export function resultingGroups(endpoint: Endpoint, change: Pick<EndpointChange, 'addSecurityGroupIds' | 'removeSecurityGroupIds'>, topology: Topology): SecurityGroup[] {
  const ids = [...endpoint.securityGroupIds.filter((id) => !change.removeSecurityGroupIds.includes(id)), ...change.addSecurityGroupIds.filter((id) => !endpoint.securityGroupIds.includes(id))];
  return ids.flatMap((id) => topology.securityGroups.filter((g) => g.id === id));
}

/**
 * Every rule for a change to `endpoint`, as field errors and warnings: AWS's (one subnet per AZ, AZs
 * the service offers, subnets and groups of the endpoint's VPC, at least one of each, private DNS
 * needs the VPC's DNS attributes, a valid policy) and vpc-atlas's (nothing added twice, nothing
 * removed that is not there, a free address for each new interface, HTTPS admitted from the VPC).
 */
export function checkEndpointChange(endpoint: Endpoint, change: Omit<EndpointChange, 'source' | 'profile'>, ctx: RuleContext): RuleResult {
  const { topology } = ctx;
  const out: RuleResult = { fieldErrors: {}, warnings: {} };
  const err = (field: EndpointField, message: string) => addFieldError(out.fieldErrors, field, message);
  if (change.region !== topology.region) err('region', `The change was for ${change.region} but the data is of ${topology.region}.`);
  if (change.endpointId !== endpoint.id) err('form', `The change names ${change.endpointId}, not ${endpoint.id}.`);
  if (BUSY_STATES.has(endpoint.state.toLowerCase())) {
    err('form', `${endpoint.id} is ${endpoint.state}: AWS changes an endpoint once it is available. Wait for that, then try again.`);
  }
  const gateway = endpoint.type === 'Gateway';
  const kind = gateway ? 'Gateway' : 'Interface';
  const offering = findOffering(ctx.services, endpoint.serviceName, kind);
  const vpc = topology.vpcs.find((v) => v.id === endpoint.vpcId);

  if (gateway) {
    if (change.addSubnetIds.length || change.removeSubnetIds.length) err('subnetIds', 'A gateway endpoint has no subnets: it works through its route tables.');
    if (change.addSecurityGroupIds.length || change.removeSecurityGroupIds.length) err('securityGroupIds', 'A gateway endpoint has no security groups: use its policy, or the route tables, to limit it.');
    if (change.privateDnsEnabled !== undefined) err('privateDnsEnabled', 'A gateway endpoint has no private DNS: the route table sends the service’s public addresses to it.');
  } else {
    checkSubnets(endpoint, change, ctx, out);
    checkGroups(endpoint, change, topology, out);
    if (change.privateDnsEnabled === true && !endpoint.privateDnsEnabled && vpc) {
      const dns = privateDnsState(topology, vpc, offering, endpoint.id);
      if (!dns.available) err('privateDnsEnabled', `Private DNS cannot be turned on: ${dns.reason}`);
    }
  }

  if (change.policy !== undefined && change.policy.trim() !== '') {
    if (offering && !offering.policySupported) err('policy', `${offering.shortName} does not support endpoint policies; clear the editor to keep AWS’s default.`);
    else {
      const check = validatePolicy(change.policy);
      for (const e of check.errors) err('policy', e);
      for (const w of check.warnings) addFieldError(out.warnings, 'policy', w);
    }
  }
  return out;
}

function checkSubnets(endpoint: Endpoint, change: Omit<EndpointChange, 'source' | 'profile'>, ctx: RuleContext, out: RuleResult): void {
  const { topology } = ctx;
  const err = (message: string) => addFieldError(out.fieldErrors, 'subnetIds', message);
  const offering = findOffering(ctx.services, endpoint.serviceName, 'Interface');
  const added: Subnet[] = [];
  for (const id of change.addSubnetIds) {
    const s = topology.subnets.find((x) => x.id === id);
    if (!s) err(`${id} does not exist (any more). Reload the page to see the current subnets.`);
    else if (s.vpcId !== endpoint.vpcId) err(`${label(s.id, s.name)} belongs to ${s.vpcId}, not to the endpoint’s VPC ${endpoint.vpcId}.`);
    else if (endpoint.subnetIds.includes(id)) err(`${label(s.id, s.name)} already has a network interface of this endpoint.`);
    else {
      added.push(s);
      if (offering && offering.azs.length && !offering.azs.includes(s.az)) {
        err(`${label(s.id, s.name)} is in ${s.az}, where ${offering.shortName} has no endpoint (it is offered in ${offering.azs.join(', ')}).`);
      }
      if (s.availableIps === 0) err(`${label(s.id, s.name)} has no free IP address for the endpoint’s network interface.`);
    }
  }
  for (const id of change.removeSubnetIds) {
    if (!endpoint.subnetIds.includes(id)) {
      const s = topology.subnets.find((x) => x.id === id);
      err(`${s ? label(s.id, s.name) : id} is not one of the endpoint’s subnets, so it cannot be removed. Reload the page to see the endpoint as it is.`);
    }
  }
  const kept = endpoint.subnetIds.filter((id) => !change.removeSubnetIds.includes(id)).flatMap((id) => topology.subnets.filter((s) => s.id === id));
  const firstInAz = new Map<string, Subnet>(kept.map((s) => [s.az, s]));
  for (const s of added) {
    const first = firstInAz.get(s.az);
    if (!first) {
      firstInAz.set(s.az, s);
      continue;
    }
    err(
      kept.includes(first)
        ? `${label(s.id, s.name)} is in ${s.az}, where the endpoint already has ${label(first.id, first.name)}: an interface endpoint takes one subnet per AZ. Remove ${first.name || first.id} in the same change to move the interface, or leave ${s.name || s.id} out.`
        : `${label(first.id, first.name)} and ${label(s.id, s.name)} are both in ${s.az}: an interface endpoint takes one subnet per AZ. Keep one of them.`,
    );
  }
  const remaining = endpoint.subnetIds.length - change.removeSubnetIds.filter((id) => endpoint.subnetIds.includes(id)).length + added.length;
  if (remaining < 1) err('An interface endpoint keeps at least one subnet. To take it out of every subnet, delete the endpoint instead.');
}

function checkGroups(endpoint: Endpoint, change: Omit<EndpointChange, 'source' | 'profile'>, topology: Topology, out: RuleResult): void {
  const err = (message: string) => addFieldError(out.fieldErrors, 'securityGroupIds', message);
  let unknown = false;
  for (const id of change.addSecurityGroupIds) {
    const g = topology.securityGroups.find((x) => x.id === id);
    if (!g) {
      unknown = true;
      err(`${id} does not exist (any more). Reload the page to see the current security groups.`);
    } else if (g.vpcId !== endpoint.vpcId) err(`${label(g.id, g.name)} belongs to ${g.vpcId}, not to the endpoint’s VPC ${endpoint.vpcId}.`);
    else if (endpoint.securityGroupIds.includes(id)) err(`${label(g.id, g.name)} is already one of the endpoint’s security groups.`);
  }
  for (const id of change.removeSecurityGroupIds) {
    if (!endpoint.securityGroupIds.includes(id)) {
      const g = topology.securityGroups.find((x) => x.id === id);
      err(`${g ? label(g.id, g.name) : id} is not one of the endpoint’s security groups, so it cannot be removed. Reload the page to see the endpoint as it is.`);
    }
  }
  const groups = resultingGroups(endpoint, change, topology);
  if (change.addSecurityGroupIds.length + change.removeSecurityGroupIds.length > 0 && groups.length === 0) {
    err('An interface endpoint keeps at least one security group: tick the one it should use instead before unticking the last.');
  }
  const vpc = topology.vpcs.find((v) => v.id === endpoint.vpcId);
  if (vpc && !unknown && groups.length) {
    const missing = cidrsWithoutHttps(groups, vpc);
    if (missing.length) {
      addFieldError(
        out.warnings,
        'securityGroupIds',
        `None of the chosen security groups admits TCP 443 from ${missing.join(', ')}: clients there cannot reach the endpoint. Choose a group that allows HTTPS from the VPC, or add that inbound rule.`,
      );
    }
  }
}

/** What a change does, beyond the network interfaces of `preview`: groups, private DNS, policy, and the monthly cost before and after. */
export interface ChangePreview {
  /** The network interfaces created (one per added subnet) and deleted (the one in each removed subnet). */
  preview: EndpointPreview;
  addGroups: Array<{ id: string; name: string }>;
  removeGroups: Array<{ id: string; name: string }>;
  /** Private DNS turned on or off, with the name it answers for. */
  privateDns: { to: boolean; name: string | null } | null;
  /** The policy replaced, or put back to AWS's default. */
  policy: 'replace' | 'reset' | null;
  /** Interface endpoints only: AZs x 730 h x the rate, before and after. */
  cost: { before: CostEstimate; after: CostEstimate } | null;
  /** Every change in a sentence. */
  summary: string[];
}

/** The preview of a change to an existing endpoint: what comes and goes, and what it costs before and after. */
export function previewEndpointChange(endpoint: Endpoint, change: Omit<EndpointChange, 'source' | 'profile' | 'region'>, topology: Topology, ctx: Pick<RuleContext, 'services'>): ChangePreview {
  const subnetName = (id: string) => topology.subnets.find((s) => s.id === id)?.name ?? id;
  const groupsAfter = resultingGroups(endpoint, change, topology).map((g) => g.id);
  const addNetworkInterfaces: PreviewNetworkInterface[] = change.addSubnetIds.flatMap((id) => {
    const s = topology.subnets.find((x) => x.id === id);
    return s && !endpoint.subnetIds.includes(id) ? [{ subnetId: s.id, subnetName: s.name, az: s.az, networkInterfaceId: null, privateIp: null, securityGroupIds: groupsAfter }] : [];
  });
  const removeNetworkInterfaces: PreviewNetworkInterface[] = change.removeSubnetIds.flatMap((id) => {
    const eni = topology.networkInterfaces.find((n) => n.subnetId === id && endpoint.networkInterfaceIds.includes(n.id));
    const s = topology.subnets.find((x) => x.id === id);
    if (!endpoint.subnetIds.includes(id)) return [];
    return [{ subnetId: id, subnetName: subnetName(id), az: eni?.az ?? s?.az ?? '', networkInterfaceId: eni?.id ?? null, privateIp: eni?.privateIp ?? null, securityGroupIds: eni?.securityGroupIds ?? [] }];
  });
  const groupRef = (id: string) => ({ id, name: topology.securityGroups.find((g) => g.id === id)?.name ?? id });
  const addGroups = change.addSecurityGroupIds.map(groupRef);
  const removeGroups = change.removeSecurityGroupIds.map(groupRef);
  const offering = findOffering(ctx.services, endpoint.serviceName, endpoint.type === 'Gateway' ? 'Gateway' : 'Interface');
  const privateDns = change.privateDnsEnabled === undefined ? null : { to: change.privateDnsEnabled, name: offering?.privateDnsName ?? null };
  const policy = change.policy === undefined ? null : change.policy.trim() === '' ? 'reset' : 'replace';

  const where = (n: PreviewNetworkInterface) => `${n.subnetName === n.subnetId ? n.subnetId : `${n.subnetName} (${n.subnetId})`}, ${n.az}`;
  const summary = [
    ...addNetworkInterfaces.map((n) => `Creates a network interface in ${where(n)}.`),
    ...removeNetworkInterfaces.map((n) => `Deletes ${n.networkInterfaceId ?? 'the network interface'}${n.privateIp ? ` (${n.privateIp})` : ''} in ${where(n)}.`),
    ...addGroups.map((g) => `Adds security group ${label(g.id, g.name)} to the endpoint’s network interfaces.`),
    ...removeGroups.map((g) => `Removes security group ${label(g.id, g.name)} from the endpoint’s network interfaces.`),
  ];
  if (privateDns) {
    summary.push(
      privateDns.to
        ? `Turns private DNS on: ${privateDns.name ?? 'the service’s name'} resolves to the endpoint inside the VPC.`
        : `Turns private DNS off: ${privateDns.name ?? 'the service’s name'} resolves to the public service endpoint again; clients must use the endpoint’s own DNS names.`,
    );
  }
  if (policy === 'replace') summary.push('Replaces the endpoint policy.');
  if (policy === 'reset') summary.push('Puts AWS’s default policy back: every action by every principal is allowed through the endpoint.');

  let cost: ChangePreview['cost'] = null;
  if (endpoint.type !== 'Gateway') {
    const azs = (subnets: Subnet[]) => new Set(subnets.map((s) => s.az)).size;
    const before = azs(endpoint.subnetIds.flatMap((id) => topology.subnets.filter((s) => s.id === id)));
    const after = azs(resultingSubnets(endpoint, change, topology));
    cost = { before: estimateMonthlyCost('interface', topology.region, before), after: estimateMonthlyCost('interface', topology.region, after) };
  }

  return {
    preview: endpointPreview(endpoint, 'modify', {
      addNetworkInterfaces,
      removeNetworkInterfaces,
      summary: summary.slice(0, addNetworkInterfaces.length + removeNetworkInterfaces.length),
    }),
    addGroups,
    removeGroups,
    privateDns,
    policy,
    cost,
    summary,
  };
}

/** The ModifyVpcEndpoint request for a change. */
export function toModifyEndpointRequest(change: Omit<EndpointChange, 'source' | 'profile' | 'region'>, dryRun = false): ModifyVpcEndpointCommandInput {
  const list = (ids: string[]) => (ids.length ? ids : undefined);
  const request: ModifyVpcEndpointCommandInput = {
    VpcEndpointId: change.endpointId,
    AddSubnetIds: list(change.addSubnetIds),
    RemoveSubnetIds: list(change.removeSubnetIds),
    AddSecurityGroupIds: list(change.addSecurityGroupIds),
    RemoveSecurityGroupIds: list(change.removeSecurityGroupIds),
    PrivateDnsEnabled: change.privateDnsEnabled,
    DryRun: dryRun || undefined,
  };
  if (change.policy !== undefined) {
    if (change.policy.trim() === '') request.ResetPolicy = true;
    else request.PolicyDocument = change.policy;
  }
  return Object.fromEntries(Object.entries(request).filter(([, v]) => v !== undefined)) as ModifyVpcEndpointCommandInput;
}
