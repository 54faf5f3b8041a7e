import 'server-only';
import type { Ec2Api } from './api';
import { byIds, describe, describeLaterLists } from './fixture-describe';
import { fixtureReadNotes, type FixtureReadNotes, type FixtureRegionData } from './fixture-files';
import type { Tag, VpcEndpoint } from '@aws-sdk/client-ec2';
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
  /** What reading the seed files said (records skipped, where each came from); by default, that of `data`. */
  notes?: FixtureReadNotes;
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
  /** Read by readRegion, so that skipped records are warned about and kept ones named by file and index. */
  readonly readNotes: FixtureReadNotes | undefined;

  constructor(data: FixtureRegionData, options: FixtureApiOptions = {}) {
    this.region = data.region;
    this.state = data;
    this.options = options;
    this.readNotes = options.notes ?? fixtureReadNotes(data);
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

  private readonly later = describeLaterLists(() => this.state);
  describeEgressOnlyInternetGateways: Ec2Api['describeEgressOnlyInternetGateways'] = (input) => this.later.describeEgressOnlyInternetGateways(input);
  describeCarrierGateways: Ec2Api['describeCarrierGateways'] = (input) => this.later.describeCarrierGateways(input);
  describeTransitGatewayVpcAttachments: Ec2Api['describeTransitGatewayVpcAttachments'] = (input) => this.later.describeTransitGatewayVpcAttachments(input);
  describeAvailabilityZones: Ec2Api['describeAvailabilityZones'] = (input) => this.later.describeAvailabilityZones(input);
  describeManagedPrefixLists: Ec2Api['describeManagedPrefixLists'] = (input) => this.later.describeManagedPrefixLists(input);
  getManagedPrefixListEntries: Ec2Api['getManagedPrefixListEntries'] = (input) => this.later.getManagedPrefixListEntries(input);

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
