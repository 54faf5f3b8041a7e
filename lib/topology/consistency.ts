import { regionOfZone } from '@/lib/aws/ids';
import { cidrCovers, cidrFamily, type IpFamily } from '@/lib/net/ip';
import type { DataWarnings } from './normalize-common';
import type { Topology } from './types';

/**
 * Data that does not add up, said per VPC instead of drawn as if fine: records that name a VPC missing from the
 * data, subnets outside their VPC's IPv4 or IPv6 CIDR blocks, and subnets in a zone of another region. (Duplicate ids, IPv6 blocks in CidrBlock and associations
 * with another VPC's tables are caught where those records are read.)
 */
export function checkConsistency(t: Topology, w: DataWarnings): void {
  const vpcIds = new Set(t.vpcs.map((v) => v.id));
  const orphans = new Map<string, string[]>();
  const note = (vpcId: string, what: string) => {
    if (!vpcId || vpcIds.has(vpcId)) return;
    const list = orphans.get(vpcId) ?? [];
    list.push(what);
    orphans.set(vpcId, list);
  };
  for (const s of t.subnets) note(s.vpcId, `subnet ${s.id}`);
  for (const r of t.routeTables) note(r.vpcId, `route table ${r.id}`);
  for (const e of t.endpoints) note(e.vpcId, `endpoint ${e.id}`);
  for (const g of t.natGateways) note(g.vpcId, `NAT gateway ${g.id}`);
  for (const g of t.securityGroups) note(g.vpcId, `security group ${g.id}`);
  for (const n of t.networkInterfaces) note(n.vpcId, `network interface ${n.id}`);
  for (const g of t.internetGateways) for (const v of g.vpcIds) note(v, `internet gateway ${g.id}`);
  for (const g of t.egressOnlyInternetGateways) for (const v of g.vpcIds) note(v, `egress-only internet gateway ${g.id}`);
  for (const g of t.carrierGateways) note(g.vpcId, `carrier gateway ${g.id}`);
  for (const a of t.transitGatewayAttachments) note(a.vpcId, `transit gateway attachment ${a.id}`);
  for (const [vpcId, what] of [...orphans.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const shown = what.slice(0, 8).join(', ') + (what.length > 8 ? ` and ${what.length - 8} more` : '');
    w.add(
      'inconsistent',
      null,
      `VPC ${vpcId} is not in the data, but ${what.length === 1 ? '1 record names' : `${what.length} records name`} it (${shown}); they are on no VPC page.`,
    );
  }

  // IPv4 and IPv6 alike: a subnet's block must lie inside one of its VPC's blocks of that family (AWS refuses
  // CreateSubnet otherwise, so a block outside is a hand-edited or mixed-up dump).
  const vpcById = new Map(t.vpcs.map((v) => [v.id, v]));
  for (const s of t.subnets) {
    const vpc = vpcById.get(s.vpcId);
    if (!vpc) continue;
    const families: [family: IpFamily, blocks: readonly string[], vpcBlocks: readonly string[]][] = [
      [4, s.cidr ? [s.cidr] : [], vpc.cidrBlocks],
      [6, s.ipv6Cidrs, vpc.ipv6CidrBlocks],
    ];
    for (const [family, blocks, vpcBlocks] of families) {
      if (!vpcBlocks.length) continue;
      // A block of the other family where this one belongs (IPv6 in CidrBlock) is said where subnets are read.
      for (const block of blocks) {
        if (cidrFamily(block) !== family || vpcBlocks.some((b) => cidrCovers(b, block))) continue;
        w.add('inconsistent', s.vpcId, `Subnet ${s.id} (${block}) lies outside its VPC's CIDR blocks (${vpcBlocks.join(', ')}).`);
      }
    }
  }

  // A subnet lives in a zone of its VPC's region; one in another region's zone comes from a dump of mixed regions.
  for (const s of t.subnets) {
    const zoneRegion = regionOfZone(s.az);
    if (zoneRegion && zoneRegion !== t.region) {
      w.add('inconsistent', s.vpcId, `Subnet ${s.id} is in ${s.az}, a zone of ${zoneRegion}, not of ${t.region} (the region this data was read for).`);
    }
  }
}
