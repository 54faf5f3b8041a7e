import 'server-only';
import type { Filter, Tag } from '@aws-sdk/client-ec2';
import type { Ec2Api } from './api';
import { FixtureApiError } from './fixture-api-error';
import type { FixtureRegionData } from './fixture-files';

/**
 * How the fixture backend answers a Describe call as EC2 does: ids (NotFound for an unknown one), filters with
 * wildcards, MaxResults within each action's documented bounds, an opaque NextToken.
 */

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
  DescribeEgressOnlyInternetGateways: { min: 5, max: 255 },
  DescribeCarrierGateways: { min: 5, max: 1000 },
  DescribeTransitGatewayVpcAttachments: { min: 5, max: 1000 },
  DescribeManagedPrefixLists: { min: 1, max: 100 },
  GetManagedPrefixListEntries: { min: 1, max: 100 },
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

export function byIds<T>(
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

export function describe<T extends { Tags?: Tag[]; TagSet?: Tag[] }>(
  operation: string,
  items: T[],
  input: PageInput,
  filters: FilterMap<T>,
): { items: T[]; NextToken?: string } {
  // Ids combined with MaxResults is refused by several Describe actions; AWS sorts by id.
  return page(operation, applyFilters(items, input.Filters, filters, operation), input);
}

/**
 * The Describe calls of the lists added to a load later (egress-only and carrier gateways, transit gateway
 * attachments, zones, managed prefix lists and their entries), over a region's state; a state saved before
 * they existed has none.
 */
export function describeLaterLists(state: () => FixtureRegionData) {
  const calls: Pick<
    Ec2Api,
    | 'describeEgressOnlyInternetGateways'
    | 'describeCarrierGateways'
    | 'describeTransitGatewayVpcAttachments'
    | 'describeAvailabilityZones'
    | 'describeManagedPrefixLists'
    | 'getManagedPrefixListEntries'
  > = {
    describeEgressOnlyInternetGateways: async (input = {}) => {
      const all = state().egressOnlyInternetGateways ?? [];
      const items = byIds(all, input.EgressOnlyInternetGatewayIds, (g) => g.EgressOnlyInternetGatewayId, 'InvalidEgressOnlyInternetGatewayId.NotFound', 'egress-only internet gateway');
      const p = describe('DescribeEgressOnlyInternetGateways', items, input, {
        'egress-only-internet-gateway-id': (g) => g.EgressOnlyInternetGatewayId,
      });
      return { EgressOnlyInternetGateways: p.items, NextToken: p.NextToken };
    },
    describeCarrierGateways: async (input = {}) => {
      const items = byIds(state().carrierGateways ?? [], input.CarrierGatewayIds, (g) => g.CarrierGatewayId, 'InvalidCarrierGatewayID.NotFound', 'carrier gateway');
      const p = describe('DescribeCarrierGateways', items, input, {
        'carrier-gateway-id': (g) => g.CarrierGatewayId,
        'vpc-id': (g) => g.VpcId,
        'state': (g) => g.State,
      });
      return { CarrierGateways: p.items, NextToken: p.NextToken };
    },
    describeTransitGatewayVpcAttachments: async (input = {}) => {
      const items = byIds(
        state().transitGatewayVpcAttachments ?? [],
        input.TransitGatewayAttachmentIds,
        (a) => a.TransitGatewayAttachmentId,
        'InvalidTransitGatewayAttachmentID.NotFound',
        'transit gateway attachment',
      );
      const p = describe('DescribeTransitGatewayVpcAttachments', items, input, {
        'transit-gateway-attachment-id': (a) => a.TransitGatewayAttachmentId,
        'transit-gateway-id': (a) => a.TransitGatewayId,
        'vpc-id': (a) => a.VpcId,
        'state': (a) => a.State,
      });
      return { TransitGatewayVpcAttachments: p.items, NextToken: p.NextToken };
    },
    describeAvailabilityZones: async (input = {}) => {
      const zones = (state().availabilityZones ?? []).filter((z) => !input.ZoneNames?.length || input.ZoneNames.includes(z.ZoneName ?? ''));
      return { AvailabilityZones: zones.map((z) => ({ RegionName: state().region, ...z })) };
    },
    describeManagedPrefixLists: async (input = {}) => {
      const all = (state().managedPrefixLists ?? []).map(({ Entries: _entries, ...list }) => list);
      const items = byIds(all, input.PrefixListIds, (l) => l.PrefixListId, 'InvalidPrefixListID.NotFound', 'prefix list');
      const p = describe('DescribeManagedPrefixLists', items, input, {
        'prefix-list-id': (l) => l.PrefixListId,
        'prefix-list-name': (l) => l.PrefixListName,
        'owner-id': (l) => l.OwnerId,
      });
      return { PrefixLists: p.items, NextToken: p.NextToken };
    },
    getManagedPrefixListEntries: async (input) => {
      const list = (state().managedPrefixLists ?? []).find((l) => l.PrefixListId === input.PrefixListId);
      if (!list) throw new FixtureApiError('InvalidPrefixListID.NotFound', `The prefix list ID '${input.PrefixListId ?? ''}' does not exist`);
      const p = describe('GetManagedPrefixListEntries', (list.Entries ?? []) as Array<{ Cidr?: string; Description?: string; Tags?: Tag[] }>, input, {});
      return { Entries: p.items, NextToken: p.NextToken };
    },
  };
  return calls;
}
