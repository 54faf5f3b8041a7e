import 'server-only';
import type { Ec2Api } from './api';
import type { FixtureRegionData } from './fixture-files';
import type { Filter, Tag, VpcEndpoint } from '@aws-sdk/client-ec2';
import { randomBytes as nodeRandomBytes } from 'node:crypto';
import { FixtureApiError } from './fixture-api-error';
import type { FixtureWriteMeta } from './fixture-store';
import { createVpcEndpointIn, deleteVpcEndpointsIn, idempotencyKey, modifyVpcEndpointIn, type WriteEnv } from './fixture-writes';

/**
 * An in-process EC2 for one region, seeded from fixture files. It answers the Describe calls with
 * the SDK's shapes, AWS's pagination (MaxResults bounds, opaque NextToken) and AWS's error codes,
 * so everything above `Ec2Api` cannot tell it from the real service.
 */

export { FixtureApiError };

interface PageRule {
  min: number;
  max: number;
}

// MaxResults bounds from the EC2 API reference for each action.
const PAGE_RULES: Record<string, PageRule> = {
  DescribeVpcs: { min: 5, max: 1000 },
  DescribeSubnets: { min: 5, max: 1000 },
  DescribeRouteTables: { min: 5, max: 100 },
  DescribeVpcEndpoints: { min: 1, max: 1000 },
  DescribeVpcEndpointServices: { min: 1, max: 1000 },
  DescribeNetworkInterfaces: { min: 5, max: 1000 },
  DescribeSecurityGroups: { min: 5, max: 1000 },
  DescribeInternetGateways: { min: 5, max: 1000 },
  DescribeNatGateways: { min: 5, max: 1000 },
  DescribePrefixLists: { min: 1, max: 1000 },
};

interface PageInput {
  MaxResults?: number;
  NextToken?: string;
  Filters?: Filter[];
}

type FilterMap<T> = Record<string, (item: T) => Array<string | undefined> | string | undefined>;

function tagValues(tags: Tag[] | undefined, key: string): string[] {
  return (tags ?? []).filter((t) => t.Key === key).map((t) => t.Value ?? '');
}

/** AWS filter values accept `*` and `?` wildcards. */
function wildcard(pattern: string): RegExp {
  return new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
}

function applyFilters<T extends { Tags?: Tag[]; TagSet?: Tag[] }>(
  items: T[],
  filters: Filter[] | undefined,
  map: FilterMap<T>,
  operation: string,
): T[] {
  if (!filters?.length) return items;
  for (const f of filters) {
    if (!f.Name || (!f.Name.startsWith('tag:') && f.Name !== 'tag-key' && !map[f.Name])) {
      throw new FixtureApiError('InvalidParameterValue', `The filter '${f.Name ?? ''}' is invalid for ${operation}`);
    }
  }
  return items.filter((item) =>
    filters.every((f) => {
      const name = f.Name ?? '';
      const patterns = (f.Values ?? []).map(wildcard);
      let values: string[];
      if (name.startsWith('tag:')) values = tagValues(item.Tags ?? item.TagSet, name.slice(4));
      else if (name === 'tag-key') values = (item.Tags ?? item.TagSet ?? []).map((t) => t.Key ?? '');
      else {
        const got = map[name]!(item);
        values = (Array.isArray(got) ? got : [got]).filter((v): v is string => typeof v === 'string');
      }
      return values.some((v) => patterns.some((p) => p.test(v)));
    }),
  );
}

function encodeToken(operation: string, offset: number): string {
  return Buffer.from(JSON.stringify({ op: operation, o: offset })).toString('base64url');
}

function decodeToken(operation: string, token: string): number {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { op?: unknown; o?: unknown };
    if (t.op === operation && typeof t.o === 'number' && Number.isInteger(t.o) && t.o >= 0) return t.o;
  } catch {
    // Fall through to AWS's error.
  }
  throw new FixtureApiError('InvalidPaginationToken', `The pagination token is not valid for ${operation}.`);
}

/** One page of `items` by AWS's rules: no MaxResults means everything at once. */
function page<T>(operation: string, items: T[], input: PageInput): { items: T[]; NextToken?: string } {
  const rule = PAGE_RULES[operation];
  const start = input.NextToken ? decodeToken(operation, input.NextToken) : 0;
  if (input.MaxResults === undefined) {
    return { items: items.slice(start) };
  }
  if (rule && (input.MaxResults < rule.min || input.MaxResults > rule.max)) {
    throw new FixtureApiError(
      'InvalidParameterValue',
      `Value ( ${input.MaxResults} ) for parameter maxResults is invalid. Expecting a value between ${rule.min} and ${rule.max}.`,
    );
  }
  const end = start + input.MaxResults;
  const out: { items: T[]; NextToken?: string } = { items: items.slice(start, end) };
  if (end < items.length) out.NextToken = encodeToken(operation, end);
  return out;
}

function byIds<T>(
  items: T[],
  ids: string[] | undefined,
  idOf: (item: T) => string | undefined,
  notFoundCode: string,
  noun: string,
): T[] {
  if (!ids?.length) return items;
  const found = items.filter((i) => ids.includes(idOf(i) ?? ''));
  const missing = ids.filter((id) => !found.some((i) => idOf(i) === id));
  if (missing.length) {
    throw new FixtureApiError(notFoundCode, `The ${noun} '${missing.join(', ')}' does not exist`);
  }
  return found;
}

function describe<T extends { Tags?: Tag[]; TagSet?: Tag[] }>(
  operation: string,
  items: T[],
  input: PageInput,
  filters: FilterMap<T>,
): { items: T[]; NextToken?: string } {
  // Ids combined with MaxResults is refused by several Describe actions; AWS sorts by id.
  return page(operation, applyFilters(items, input.Filters, filters, operation), input);
}

export interface FixtureApiOptions {
  /** Bookkeeping saved with the state by an earlier process: ClientTokens, pending endpoints. */
  meta?: FixtureWriteMeta;
  /**
   * Called with the state a write would produce, before the write takes effect. If it throws, the
   * request fails and the state stays as it was (`lib/ec2/fixture-store.ts` writes it atomically).
   */
  persist?: (state: FixtureRegionData, meta: FixtureWriteMeta) => Promise<void>;
  /** How long a new interface endpoint stays `pending` before it turns `available`; 0: at once. */
  pendingMs?: number;
  /** Source of randomness for ids and DNS labels (tests make it deterministic). */
  randomBytes?: (n: number) => Uint8Array;
  now?: () => Date;
}

const DNS_LABEL_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

export class FixtureEc2Api implements Ec2Api {
  readonly source = 'fixture' as const;
  readonly region: string;
  private state: FixtureRegionData;
  private meta: FixtureWriteMeta;
  private readonly options: FixtureApiOptions;
  /** Writes run one at a time, each on the state the previous one left. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private closed = false;
  private revisionCount = 0;

  constructor(data: FixtureRegionData, options: FixtureApiOptions = {}) {
    this.region = data.region;
    this.state = data;
    this.options = options;
    this.meta = structuredClone(options.meta ?? { clientTokens: {}, pendingUntil: {} });
    for (const [id, until] of Object.entries(this.meta.pendingUntil)) this.schedulePendingEnd(id, Date.parse(until) - this.now().getTime());
  }

  /** Goes up by one each time the state changes (a write or a pending endpoint becoming available). */
  get revision(): number {
    return this.revisionCount;
  }

  /** The current state, for persistence and for `fixtures:capture`-style dumps. */
  snapshot(): FixtureRegionData {
    return structuredClone(this.state);
  }

  describeVpcs: Ec2Api['describeVpcs'] = async (input = {}) => {
    const items = byIds(this.state.vpcs, input.VpcIds, (v) => v.VpcId, 'InvalidVpcID.NotFound', 'vpc ID');
    const p = describe('DescribeVpcs', items, input, {
      'vpc-id': (v) => v.VpcId,
      'cidr': (v) => v.CidrBlock,
      'cidr-block-association.cidr-block': (v) => (v.CidrBlockAssociationSet ?? []).map((a) => a.CidrBlock),
      'is-default': (v) => String(v.IsDefault ?? false),
      'state': (v) => v.State,
      'owner-id': (v) => v.OwnerId,
    });
    return { Vpcs: p.items, NextToken: p.NextToken };
  };

  describeVpcAttribute: Ec2Api['describeVpcAttribute'] = async (input) => {
    const vpc = this.state.vpcs.find((v) => v.VpcId === input.VpcId);
    if (!vpc) throw new FixtureApiError('InvalidVpcID.NotFound', `The vpc ID '${input.VpcId ?? ''}' does not exist`);
    const attr = this.state.vpcAttributes.find((a) => a.VpcId === input.VpcId);
    if (input.Attribute === 'enableDnsSupport') {
      return { VpcId: input.VpcId, EnableDnsSupport: attr?.EnableDnsSupport?.Value === undefined ? undefined : { Value: attr.EnableDnsSupport.Value } };
    }
    if (input.Attribute === 'enableDnsHostnames') {
      return { VpcId: input.VpcId, EnableDnsHostnames: attr?.EnableDnsHostnames?.Value === undefined ? undefined : { Value: attr.EnableDnsHostnames.Value } };
    }
    throw new FixtureApiError('InvalidParameterValue', `Value (${String(input.Attribute)}) for parameter attribute is invalid.`);
  };

  describeSubnets: Ec2Api['describeSubnets'] = async (input = {}) => {
    const items = byIds(this.state.subnets, input.SubnetIds, (s) => s.SubnetId, 'InvalidSubnetID.NotFound', 'subnet ID');
    const p = describe('DescribeSubnets', items, input, {
      'subnet-id': (s) => s.SubnetId,
      'vpc-id': (s) => s.VpcId,
      'availability-zone': (s) => s.AvailabilityZone,
      'cidr-block': (s) => s.CidrBlock,
      'state': (s) => s.State,
      'default-for-az': (s) => String(s.DefaultForAz ?? false),
    });
    return { Subnets: p.items, NextToken: p.NextToken };
  };

  describeRouteTables: Ec2Api['describeRouteTables'] = async (input = {}) => {
    const items = byIds(
      this.state.routeTables,
      input.RouteTableIds,
      (r) => r.RouteTableId,
      'InvalidRouteTableID.NotFound',
      'routeTable ID',
    );
    const p = describe('DescribeRouteTables', items, input, {
      'route-table-id': (r) => r.RouteTableId,
      'vpc-id': (r) => r.VpcId,
      'association.subnet-id': (r) => (r.Associations ?? []).map((a) => a.SubnetId),
      'association.main': (r) => String((r.Associations ?? []).some((a) => a.Main)),
      'route.gateway-id': (r) => (r.Routes ?? []).map((x) => x.GatewayId),
      'route.destination-prefix-list-id': (r) => (r.Routes ?? []).map((x) => x.DestinationPrefixListId),
    });
    return { RouteTables: p.items, NextToken: p.NextToken };
  };

  describeVpcEndpoints: Ec2Api['describeVpcEndpoints'] = async (input = {}) => {
    const items = byIds(
      this.state.vpcEndpoints,
      input.VpcEndpointIds,
      (e) => e.VpcEndpointId,
      'InvalidVpcEndpointId.NotFound',
      'Vpc Endpoint Id',
    );
    const p = describe('DescribeVpcEndpoints', items, input, {
      'vpc-endpoint-id': (e) => e.VpcEndpointId,
      'vpc-id': (e) => e.VpcId,
      'service-name': (e) => e.ServiceName,
      'vpc-endpoint-state': (e) => e.State,
      'vpc-endpoint-type': (e) => e.VpcEndpointType,
    });
    return { VpcEndpoints: p.items, NextToken: p.NextToken };
  };

  describeVpcEndpointServices: Ec2Api['describeVpcEndpointServices'] = async (input = {}) => {
    let items = this.state.services;
    if (input.ServiceNames?.length) {
      const missing = input.ServiceNames.filter((n) => !items.some((s) => s.ServiceName === n));
      if (missing.length) {
        throw new FixtureApiError('InvalidServiceName', `The Vpc Endpoint Service '${missing.join(', ')}' does not exist`);
      }
      items = items.filter((s) => input.ServiceNames!.includes(s.ServiceName ?? ''));
    }
    const p = describe('DescribeVpcEndpointServices', items as Array<(typeof items)[number] & { TagSet?: Tag[] }>, input, {
      'service-name': (s) => s.ServiceName,
      'service-type': (s) => (s.ServiceType ?? []).map((t) => t.ServiceType),
      'owner': (s) => s.Owner,
    });
    return {
      ServiceDetails: p.items,
      ServiceNames: p.items.map((s) => s.ServiceName ?? ''),
      NextToken: p.NextToken,
    };
  };

  describeNetworkInterfaces: Ec2Api['describeNetworkInterfaces'] = async (input = {}) => {
    const items = byIds(
      this.state.networkInterfaces,
      input.NetworkInterfaceIds,
      (n) => n.NetworkInterfaceId,
      'InvalidNetworkInterfaceID.NotFound',
      'networkInterface ID',
    );
    const p = describe('DescribeNetworkInterfaces', items, input, {
      'network-interface-id': (n) => n.NetworkInterfaceId,
      'vpc-id': (n) => n.VpcId,
      'subnet-id': (n) => n.SubnetId,
      'interface-type': (n) => n.InterfaceType,
      'availability-zone': (n) => n.AvailabilityZone,
      'addresses.private-ip-address': (n) => (n.PrivateIpAddresses ?? []).map((a) => a.PrivateIpAddress),
      'description': (n) => n.Description,
    });
    return { NetworkInterfaces: p.items, NextToken: p.NextToken };
  };

  describeSecurityGroups: Ec2Api['describeSecurityGroups'] = async (input = {}) => {
    const items = byIds(this.state.securityGroups, input.GroupIds, (g) => g.GroupId, 'InvalidGroup.NotFound', 'security group');
    const p = describe('DescribeSecurityGroups', items, input, {
      'group-id': (g) => g.GroupId,
      'group-name': (g) => g.GroupName,
      'vpc-id': (g) => g.VpcId,
    });
    return { SecurityGroups: p.items, NextToken: p.NextToken };
  };

  describeInternetGateways: Ec2Api['describeInternetGateways'] = async (input = {}) => {
    const items = byIds(
      this.state.internetGateways,
      input.InternetGatewayIds,
      (g) => g.InternetGatewayId,
      'InvalidInternetGatewayID.NotFound',
      'internetGateway ID',
    );
    const p = describe('DescribeInternetGateways', items, input, {
      'internet-gateway-id': (g) => g.InternetGatewayId,
      'attachment.vpc-id': (g) => (g.Attachments ?? []).map((a) => a.VpcId),
    });
    return { InternetGateways: p.items, NextToken: p.NextToken };
  };

  describeNatGateways: Ec2Api['describeNatGateways'] = async (input = {}) => {
    const items = byIds(this.state.natGateways, input.NatGatewayIds, (g) => g.NatGatewayId, 'NatGatewayNotFound', 'NAT gateway');
    const p = describe('DescribeNatGateways', items, { ...input, Filters: input.Filter }, {
      'nat-gateway-id': (g) => g.NatGatewayId,
      'vpc-id': (g) => g.VpcId,
      'subnet-id': (g) => g.SubnetId,
      'state': (g) => g.State,
    });
    return { NatGateways: p.items, NextToken: p.NextToken };
  };

  describePrefixLists: Ec2Api['describePrefixLists'] = async (input = {}) => {
    const items = byIds(this.state.prefixLists, input.PrefixListIds, (p) => p.PrefixListId, 'InvalidPrefixListId.NotFound', 'prefix list');
    const p = describe('DescribePrefixLists', items as Array<(typeof items)[number] & { Tags?: Tag[] }>, input, {
      'prefix-list-id': (x) => x.PrefixListId,
      'prefix-list-name': (x) => x.PrefixListName,
    });
    return { PrefixLists: p.items, NextToken: p.NextToken };
  };

  describeRegions: Ec2Api['describeRegions'] = async () => ({
    Regions: [{ RegionName: this.region, Endpoint: `ec2.${this.region}.amazonaws.com`, OptInStatus: 'opt-in-not-required' }],
  });

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private env(): WriteEnv {
    const bytes = (n: number) => this.options.randomBytes?.(n) ?? nodeRandomBytes(n);
    return {
      region: this.region,
      now: () => this.now(),
      randomHex: (chars) => Buffer.from(bytes(Math.ceil(chars / 2))).toString('hex').slice(0, chars),
      randomLabel: (chars) => [...bytes(chars)].map((b) => DNS_LABEL_CHARS[b % DNS_LABEL_CHARS.length]).join(''),
      interfaceStartsPending: (this.options.pendingMs ?? 0) > 0,
    };
  }

  /**
   * Runs one write: `change` edits a copy of the state; a DryRun stops after validation with AWS's
   * DryRunOperation; otherwise the copy is persisted and only then becomes the state. Anything that
   * throws on the way leaves the state and its saved copy untouched.
   */
  private write<T>(dryRun: boolean | undefined, change: (draft: FixtureRegionData, meta: FixtureWriteMeta) => T): Promise<T> {
    const run = async () => {
      if (this.closed) throw new FixtureApiError('ServiceUnavailable', 'The demo data was just reset; reload the page and try again.', 503);
      const draft = structuredClone(this.state);
      const meta = structuredClone(this.meta);
      const result = change(draft, meta);
      if (dryRun) throw new FixtureApiError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412);
      await this.options.persist?.(draft, meta);
      this.state = draft;
      this.meta = meta;
      this.revisionCount += 1;
      return result;
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private schedulePendingEnd(endpointId: string, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.write(false, (draft, meta) => {
        delete meta.pendingUntil[endpointId];
        const e = draft.vpcEndpoints.find((x) => x.VpcEndpointId === endpointId);
        if (e && String(e.State) === 'pending') e.State = 'available' as typeof e.State;
      }).catch(() => {
        // A failed save leaves the endpoint pending; the next process start tries again.
      });
    }, Math.max(0, delayMs));
    timer.unref?.();
    this.timers.add(timer);
  }

  /**
   * Retires this instance (reset, tests): stops its timers, refuses further writes, and resolves
   * once the write in progress, if any, has finished.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    await this.queue;
  }

  /**
   * CreateVpcEndpoint with AWS's checks (see fixture-writes.ts). A ClientToken seen before with the
   * same parameters returns the endpoint it created; with other parameters, IdempotentParameterMismatch.
   */
  createVpcEndpoint: Ec2Api['createVpcEndpoint'] = async (input) => {
    const env = this.env();
    const key = idempotencyKey(input);
    let created: string | null = null;
    const out = await this.write(input.DryRun, (draft, meta) => {
      const token = input.ClientToken;
      const seen = token ? meta.clientTokens[token] : undefined;
      if (seen) {
        if (seen.params !== key) {
          throw new FixtureApiError(
            'IdempotentParameterMismatch',
            'Arguments on this idempotent request are inconsistent with arguments used in previous request(s).',
          );
        }
        const existing = draft.vpcEndpoints.find((e) => e.VpcEndpointId === seen.endpointId);
        return { VpcEndpoint: structuredClone(existing ?? { VpcEndpointId: seen.endpointId, State: 'deleted' as VpcEndpoint['State'] }), ClientToken: token };
      }
      const endpoint = createVpcEndpointIn(draft, input, env);
      if (token) meta.clientTokens[token] = { params: key, endpointId: endpoint.VpcEndpointId! };
      if (String(endpoint.State) === 'pending') {
        created = endpoint.VpcEndpointId!;
        meta.pendingUntil[created] = new Date(this.now().getTime() + (this.options.pendingMs ?? 0)).toISOString();
      }
      return { VpcEndpoint: structuredClone(endpoint), ClientToken: token };
    });
    if (created) this.schedulePendingEnd(created, this.options.pendingMs ?? 0);
    return out;
  };

  /** ModifyVpcEndpoint: route tables (gateway), subnets and security groups (interface), policy, private DNS. */
  modifyVpcEndpoint: Ec2Api['modifyVpcEndpoint'] = async (input) => {
    const env = this.env();
    return this.write(input.DryRun, (draft) => {
      modifyVpcEndpointIn(draft, input, env);
      return { Return: true };
    });
  };

  /** DeleteVpcEndpoints: removes routes or ENIs with each endpoint; unknown ids come back as Unsuccessful. */
  deleteVpcEndpoints: Ec2Api['deleteVpcEndpoints'] = async (input) =>
    this.write(input.DryRun, (draft, meta) => {
      const unsuccessful = deleteVpcEndpointsIn(draft, input);
      for (const id of input.VpcEndpointIds ?? []) delete meta.pendingUntil[id];
      return { Unsuccessful: unsuccessful };
    });
}
