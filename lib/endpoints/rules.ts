import { parseIpv4Cidr } from '@/lib/net/cidr';
import type { Endpoint, RouteTable, SecurityGroup, SecurityGroupRule, Subnet, Topology, Vpc } from '@/lib/topology/types';
import { validatePolicy } from './policy';
import type { EndpointInput } from './schemas';
import type { EndpointKind, FieldErrors, ServiceOffering } from './types';
import { addFieldError } from './types';

/**
 * The rules a request must pass before it reaches CreateVpcEndpoint, checked against the current
 * topology and worded for the person filling the form: which table already routes the prefix list,
 * which two subnets share an AZ, which AZs the service lacks. The same AWS rules the fixture backend
 * enforces (`lib/ec2/fixture-writes.ts`), so a request that passes here should not fail there except
 * on a race. Pure: the form runs them as you type, the server action runs them again.
 */

export interface RuleContext {
  topology: Topology;
  services: ServiceOffering[];
}

export interface RuleResult {
  fieldErrors: FieldErrors;
  /** Allowed, but worth a second look (no security group admits HTTPS from the VPC). */
  warnings: FieldErrors;
}

const label = (id: string, name: string) => (name && name !== id ? `${id} (${name})` : id);

/** The offering of a service for one endpoint type. */
export function findOffering(services: ServiceOffering[], serviceName: string, type: EndpointKind): ServiceOffering | undefined {
  return services.find((s) => s.serviceName === serviceName && s.type === type);
}

/** The AWS-managed prefix list of a gateway service: the one named like the service. */
export function prefixListOf(topology: Topology, serviceName: string) {
  return topology.prefixLists.find((p) => p.name === serviceName);
}

/** The route that already sends `prefixListId` somewhere from this table, if any. */
export function prefixListRoute(table: RouteTable, prefixListId: string) {
  return table.routes.find((r) => r.destination === prefixListId);
}

/** Why a route table cannot take a gateway endpoint for this prefix list, or null when it can. */
export function routeTableConflict(topology: Topology, table: RouteTable, prefixListId: string, prefixListLabel: string): string | null {
  const route = prefixListRoute(table, prefixListId);
  if (!route) return null;
  const endpoint = topology.endpoints.find((e) => e.id === route.target);
  const target = endpoint ? label(endpoint.id, endpoint.name) : route.target;
  return `Already routes ${prefixListLabel} (${prefixListId}) to ${target}. A route table sends a prefix list to one endpoint only: remove it there first, or leave this table out.`;
}

export interface RouteTableOption {
  id: string;
  name: string;
  main: boolean;
  /** The subnets that use this table (explicitly or as the main table). */
  subnets: Array<{ id: string; name: string; az: string; public: boolean }>;
  /** Why it cannot be chosen, or null. */
  disabledReason: string | null;
}

/** The VPC's route tables for the gateway form, each with the subnets it serves and why it is unavailable. */
export function routeTableOptions(topology: Topology, vpcId: string, serviceName: string | null): RouteTableOption[] {
  const pl = serviceName ? prefixListOf(topology, serviceName) : undefined;
  const subnetById = new Map(topology.subnets.map((s) => [s.id, s]));
  return topology.routeTables
    .filter((t) => t.vpcId === vpcId)
    .map((t) => ({
      id: t.id,
      name: t.name,
      main: t.main,
      subnets: t.effectiveSubnetIds.flatMap((id) => {
        const s = subnetById.get(id);
        return s ? [{ id: s.id, name: s.name, az: s.az, public: s.public }] : [];
      }),
      disabledReason: pl ? routeTableConflict(topology, t, pl.id, pl.serviceShortName || pl.name) : null,
    }))
    .sort((a, b) => Number(b.main) - Number(a.main) || a.name.localeCompare(b.name));
}

export interface SubnetGroup {
  az: string;
  /** Whether the service has an endpoint in this AZ. */
  offered: boolean;
  subnets: Array<{ id: string; name: string; cidr: string; public: boolean; availableIps: number | null }>;
}

/** The VPC's subnets grouped by AZ for the interface form; AZs the service does not offer are marked. */
export function subnetGroups(topology: Topology, vpcId: string, offering: ServiceOffering | undefined): SubnetGroup[] {
  const byAz = new Map<string, SubnetGroup>();
  for (const s of topology.subnets.filter((x) => x.vpcId === vpcId)) {
    let g = byAz.get(s.az);
    if (!g) {
      g = { az: s.az, offered: !offering || offering.azs.length === 0 || offering.azs.includes(s.az), subnets: [] };
      byAz.set(s.az, g);
    }
    g.subnets.push({ id: s.id, name: s.name, cidr: s.cidr, public: s.public, availableIps: s.availableIps });
  }
  return [...byAz.values()].sort((a, b) => a.az.localeCompare(b.az));
}

function coversCidr(outer: string, inner: string): boolean {
  const o = parseIpv4Cidr(outer);
  const i = parseIpv4Cidr(inner);
  return !!o && !!i && o.prefix <= i.prefix && i.base >= o.base && i.base + i.size <= o.base + o.size;
}

function admitsHttps(rule: SecurityGroupRule): boolean {
  if (rule.protocol === '-1' || rule.protocol === 'all') return true;
  if (rule.protocol !== 'tcp' && rule.protocol !== '6') return false;
  return (rule.fromPort ?? 0) <= 443 && 443 <= (rule.toPort ?? 65535);
}

/** The VPC CIDRs from which none of `groups` admits TCP 443. Rules naming other groups do not count: they admit only members. */
export function cidrsWithoutHttps(groups: SecurityGroup[], vpc: Vpc): string[] {
  return vpc.cidrBlocks.filter((cidr) => !groups.some((g) => g.inbound.some((r) => admitsHttps(r) && r.cidrs.some((c) => coversCidr(c, cidr)))));
}

export interface SecurityGroupOption {
  id: string;
  name: string;
  groupName: string;
  description: string;
  /** Admits TCP 443 from all of the VPC's IPv4 CIDRs. */
  admitsHttpsFromVpc: boolean;
}

export function securityGroupOptions(topology: Topology, vpc: Vpc): SecurityGroupOption[] {
  return topology.securityGroups
    .filter((g) => g.vpcId === vpc.id)
    .map((g) => ({ id: g.id, name: g.name, groupName: g.groupName, description: g.description, admitsHttpsFromVpc: cidrsWithoutHttps([g], vpc).length === 0 }))
    .sort((a, b) => Number(b.admitsHttpsFromVpc) - Number(a.admitsHttpsFromVpc) || a.name.localeCompare(b.name));
}

/** The security groups an interface endpoint would get: the chosen ones, else the VPC's default group (AWS's rule). */
export function effectiveSecurityGroups(topology: Topology, vpcId: string, chosen: string[]): SecurityGroup[] {
  if (chosen.length) return topology.securityGroups.filter((g) => chosen.includes(g.id));
  return topology.securityGroups.filter((g) => g.vpcId === vpcId && g.groupName === 'default').slice(0, 1);
}

export interface PrivateDnsState {
  /** Whether private DNS may be turned on. */
  available: boolean;
  /** Why not, in words that say what to change. */
  reason: string | null;
  /** The name private DNS would answer for. */
  name: string | null;
}

/**
 * Whether private DNS can be on for this service in this VPC: the service must have a private DNS
 * name, the VPC needs enableDnsSupport and enableDnsHostnames (unknown counts as allowed), no other
 * endpoint of the VPC may own the name, and S3 needs a gateway endpoint in the VPC too.
 */
export function privateDnsState(topology: Topology, vpc: Vpc, offering: ServiceOffering | undefined, selfId: string | null = null): PrivateDnsState {
  const name = offering?.privateDnsName ?? null;
  const no = (reason: string): PrivateDnsState => ({ available: false, reason, name });
  if (offering && !name) return no(`${offering.shortName} has no private DNS name: clients use the endpoint’s own DNS names.`);
  if (vpc.dnsSupport === false) {
    return no(`${vpc.name} has enableDnsSupport off. Turn on DNS resolution (VPC › Actions › Edit VPC settings) to use private DNS.`);
  }
  if (vpc.dnsHostnames === false) {
    return no(`${vpc.name} has enableDnsHostnames off. Turn on DNS hostnames (VPC › Actions › Edit VPC settings) to use private DNS.`);
  }
  if (offering) {
    const owner = topology.endpoints.find(
      (e) => e.id !== selfId && e.vpcId === vpc.id && e.type === 'Interface' && e.serviceName === offering.serviceName && e.privateDnsEnabled,
    );
    if (owner) return no(`${label(owner.id, owner.name)} already answers for ${name} in this VPC; a VPC can have one private DNS endpoint per name.`);
    if (offering.shortName === 's3') {
      const gateway = topology.endpoints.some((e) => e.vpcId === vpc.id && e.type === 'Gateway' && e.serviceName === offering.serviceName);
      if (!gateway) return no('S3 private DNS needs an S3 gateway endpoint in the same VPC (AWS routes in-VPC S3 traffic through it). Create that first.');
    }
  }
  return { available: true, reason: null, name };
}

/** The IP address types a request may use, given the service and the chosen subnets. */
export function ipAddressTypes(offering: ServiceOffering | undefined, subnets: Subnet[]): Array<{ type: 'ipv4' | 'dualstack' | 'ipv6'; reason: string | null }> {
  const ipv6Service = !offering || offering.ipAddressTypes.length === 0 || offering.ipAddressTypes.includes('ipv6');
  const noV6 = subnets.filter((s) => s.ipv6Cidrs.length === 0);
  const why = !ipv6Service
    ? `${offering?.shortName ?? 'The service'} supports IPv4 only.`
    : noV6.length
      ? `${noV6.map((s) => label(s.id, s.name)).join(', ')} ${noV6.length > 1 ? 'have' : 'has'} no IPv6 CIDR block.`
      : null;
  return [
    { type: 'ipv4', reason: null },
    { type: 'dualstack', reason: why },
    { type: 'ipv6', reason: why ?? (subnets.some((s) => s.cidr) ? 'ipv6 needs IPv6-only subnets; the chosen ones have IPv4 CIDR blocks.' : null) },
  ];
}

function checkPolicyField(policy: string, offering: ServiceOffering | undefined, out: RuleResult): void {
  if (!policy.trim()) return;
  if (offering && !offering.policySupported) {
    addFieldError(out.fieldErrors, 'policy', `${offering.shortName} does not support endpoint policies; leave the policy empty.`);
    return;
  }
  const check = validatePolicy(policy);
  for (const e of check.errors) addFieldError(out.fieldErrors, 'policy', e);
  for (const w of check.warnings) addFieldError(out.warnings, 'policy', w);
}

function checkVpcAndService(input: EndpointInput, ctx: RuleContext, type: EndpointKind, out: RuleResult): { vpc?: Vpc; offering?: ServiceOffering } {
  const vpc = ctx.topology.vpcs.find((v) => v.id === input.vpcId);
  if (!vpc) addFieldError(out.fieldErrors, 'vpcId', `${input.vpcId} is not a VPC of ${ctx.topology.region} (any more). Pick one from the list.`);
  const offering = findOffering(ctx.services, input.serviceName, type);
  if (!offering) {
    const other = ctx.services.find((s) => s.serviceName === input.serviceName);
    addFieldError(
      out.fieldErrors,
      'serviceName',
      other
        ? `${other.shortName} offers ${other.type} endpoints only here; switch the type to ${other.type.toLowerCase()}.`
        : `${input.serviceName} is not an endpoint service of ${ctx.topology.region}.`,
    );
  }
  return { vpc, offering };
}

function checkGateway(input: Extract<EndpointInput, { type: 'gateway' }>, ctx: RuleContext, out: RuleResult): void {
  const { topology } = ctx;
  const { offering } = checkVpcAndService(input, ctx, 'Gateway', out);
  const pl = prefixListOf(topology, input.serviceName);
  if (offering && !pl) {
    addFieldError(out.fieldErrors, 'serviceName', `No prefix list named ${input.serviceName} in this region’s DescribePrefixLists: the route cannot be made.`);
  }
  for (const id of input.routeTableIds) {
    const table = topology.routeTables.find((t) => t.id === id);
    if (!table) {
      addFieldError(out.fieldErrors, 'routeTableIds', `${id} does not exist (any more). Reload the page to see the current route tables.`);
      continue;
    }
    if (table.vpcId !== input.vpcId) {
      addFieldError(out.fieldErrors, 'routeTableIds', `${label(table.id, table.name)} belongs to ${table.vpcId}, not to ${input.vpcId}.`);
      continue;
    }
    if (pl) {
      const conflict = routeTableConflict(topology, table, pl.id, pl.serviceShortName || pl.name);
      if (conflict) addFieldError(out.fieldErrors, 'routeTableIds', `${label(table.id, table.name)}: ${conflict}`);
    }
  }
  checkPolicyField(input.policy, offering, out);
}

function checkInterface(input: Extract<EndpointInput, { type: 'interface' }>, ctx: RuleContext, out: RuleResult): void {
  const { topology } = ctx;
  const { vpc, offering } = checkVpcAndService(input, ctx, 'Interface', out);
  const subnets: Subnet[] = [];
  for (const id of input.subnetIds) {
    const s = topology.subnets.find((x) => x.id === id);
    if (!s) {
      addFieldError(out.fieldErrors, 'subnetIds', `${id} does not exist (any more). Reload the page to see the current subnets.`);
      continue;
    }
    if (s.vpcId !== input.vpcId) {
      addFieldError(out.fieldErrors, 'subnetIds', `${label(s.id, s.name)} belongs to ${s.vpcId}, not to ${input.vpcId}.`);
      continue;
    }
    subnets.push(s);
  }
  if (offering && offering.azs.length) {
    for (const s of subnets) {
      if (!offering.azs.includes(s.az)) {
        addFieldError(
          out.fieldErrors,
          'subnetIds',
          `${label(s.id, s.name)} is in ${s.az}, where ${offering.shortName} has no endpoint (it is offered in ${offering.azs.join(', ')}).`,
        );
      }
    }
  }
  const firstInAz = new Map<string, Subnet>();
  for (const s of subnets) {
    const first = firstInAz.get(s.az);
    if (first) {
      addFieldError(
        out.fieldErrors,
        'subnetIds',
        `${label(first.id, first.name)} and ${label(s.id, s.name)} are both in ${s.az}: an interface endpoint takes one subnet per AZ. Keep one of them.`,
      );
    } else firstInAz.set(s.az, s);
  }
  for (const s of subnets) {
    if (s.availableIps === 0) addFieldError(out.fieldErrors, 'subnetIds', `${label(s.id, s.name)} has no free IP address for the endpoint’s network interface.`);
  }

  const unknownGroups = input.securityGroupIds.filter((id) => !topology.securityGroups.some((g) => g.id === id));
  for (const id of unknownGroups) addFieldError(out.fieldErrors, 'securityGroupIds', `${id} does not exist (any more).`);
  for (const g of topology.securityGroups.filter((x) => input.securityGroupIds.includes(x.id) && x.vpcId !== input.vpcId)) {
    addFieldError(out.fieldErrors, 'securityGroupIds', `${label(g.id, g.name)} belongs to ${g.vpcId}, not to ${input.vpcId}.`);
  }
  if (vpc && !unknownGroups.length) {
    const groups = effectiveSecurityGroups(topology, vpc.id, input.securityGroupIds);
    const missing = cidrsWithoutHttps(groups, vpc);
    if (missing.length) {
      const which = input.securityGroupIds.length ? 'None of the chosen security groups' : `The VPC’s default security group (used when none is chosen)`;
      addFieldError(
        out.warnings,
        'securityGroupIds',
        `${which} admits TCP 443 from ${missing.join(', ')}: clients there could not reach the endpoint. Choose a group that allows HTTPS from the VPC, or add that inbound rule.`,
      );
    }
  }

  if (vpc && input.privateDnsEnabled) {
    const dns = privateDnsState(topology, vpc, offering);
    if (!dns.available) addFieldError(out.fieldErrors, 'privateDnsEnabled', `Private DNS cannot be on: ${dns.reason}`);
  }
  if (input.ipAddressType !== 'ipv4') {
    const option = ipAddressTypes(offering, subnets).find((o) => o.type === input.ipAddressType);
    if (option?.reason) addFieldError(out.fieldErrors, 'ipAddressType', `${input.ipAddressType} is not possible: ${option.reason}`);
  }
  checkPolicyField(input.policy, offering, out);
}

/** Every rule for a create request, as field errors and warnings. */
export function checkEndpointInput(input: EndpointInput, ctx: RuleContext): RuleResult {
  const out: RuleResult = { fieldErrors: {}, warnings: {} };
  if (input.region !== ctx.topology.region) addFieldError(out.fieldErrors, 'region', `The form was for ${input.region} but the data is of ${ctx.topology.region}.`);
  if (input.type === 'gateway') checkGateway(input, ctx, out);
  else checkInterface(input, ctx, out);
  return out;
}

/** Rules for adding and removing route tables of an existing gateway endpoint. */
export function checkRouteTableChange(endpoint: Endpoint, add: string[], remove: string[], topology: Topology): FieldErrors {
  const errors: FieldErrors = {};
  if (endpoint.type !== 'Gateway') addFieldError(errors, 'routeTableIds', 'Only gateway endpoints have route tables.');
  const pl = prefixListOf(topology, endpoint.serviceName);
  for (const id of add) {
    const table = topology.routeTables.find((t) => t.id === id);
    if (!table) addFieldError(errors, 'routeTableIds', `${id} does not exist (any more).`);
    else if (table.vpcId !== endpoint.vpcId) addFieldError(errors, 'routeTableIds', `${label(table.id, table.name)} is in another VPC.`);
    else if (endpoint.routeTableIds.includes(id)) addFieldError(errors, 'routeTableIds', `${label(table.id, table.name)} already uses this endpoint.`);
    else if (pl) {
      const conflict = routeTableConflict(topology, table, pl.id, pl.serviceShortName || pl.name);
      if (conflict) addFieldError(errors, 'routeTableIds', `${label(table.id, table.name)}: ${conflict}`);
    }
  }
  for (const id of remove) {
    if (!endpoint.routeTableIds.includes(id)) addFieldError(errors, 'routeTableIds', `${id} does not use this endpoint, so it cannot be removed.`);
  }
  return errors;
}
