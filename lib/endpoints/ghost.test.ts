import { describe, expect, it } from 'vitest';
import { buildGraph } from '@/lib/graph/build';
import type { Graph } from '@/lib/graph/types';
import type { Topology } from '@/lib/topology/types';
import { applyEndpointPreview, ghostEniId } from './ghost';
import { changeBetween, currentOf, previewEndpointChange } from './modify';
import { NEW_ENDPOINT_ID, previewCreate, previewDelete, previewRouteTableChange, endpointPreview } from './preview';
import { demoRegion, IDS } from './test-data';

const { topology, services } = await demoRegion();

// Prod's tables that do not route S3 yet (prod-data and prod-private-a/b already send it to vpce-0775e1b3d7bdb0442).
const PROD_PUBLIC = 'rtb-04f30a25760786ddb';
const PROD_PRIVATE_C = 'rtb-0c308cb081b784055';
const { prodAppB: PROD_APP_B, prodAppC: PROD_APP_C, prodKms: KMS } = IDS;
const S3 = 'com.amazonaws.us-east-1.s3';
const SQS = 'com.amazonaws.us-east-1.sqs';

const s3Pl = () => topology.prefixLists.find((p) => p.name === S3)!.id;
const routesTo = (t: Topology, target: string) =>
  t.routeTables.flatMap((rt) => rt.routes.filter((r) => r.target === target).map((r) => ({ routeTableId: rt.id, destination: r.destination })));
const edgeIds = (g: Graph) => new Set(g.edges.map((e) => e.id));
const nodeOf = (g: Graph, id: string) => g.nodes.find((n) => n.id === id);

describe('applyEndpointPreview', () => {
  it('a gateway create adds the endpoint and a prefix-list route in each chosen table, and nothing else', () => {
    const preview = previewCreate({ type: 'gateway', vpcId: IDS.prod, serviceName: S3, routeTableIds: [PROD_PUBLIC, PROD_PRIVATE_C] }, topology, services);
    const ghost = applyEndpointPreview(topology, preview);

    expect(ghost.topology.endpoints.length).toBe(topology.endpoints.length + 1);
    expect(ghost.topology.endpoints.find((e) => e.id === NEW_ENDPOINT_ID)).toMatchObject({
      type: 'Gateway',
      vpcId: IDS.prod,
      serviceName: S3,
      serviceShortName: 's3',
      routeTableIds: [PROD_PUBLIC, PROD_PRIVATE_C],
      subnetIds: [],
      networkInterfaceIds: [],
    });
    // The prefix list comes from the region's own list, not a constant.
    expect(routesTo(ghost.after, NEW_ENDPOINT_ID)).toEqual([
      { routeTableId: PROD_PUBLIC, destination: s3Pl() },
      { routeTableId: PROD_PRIVATE_C, destination: s3Pl() },
    ]);
    const added = ghost.after.routeTables.flatMap((rt) => rt.routes).length - topology.routeTables.flatMap((rt) => rt.routes).length;
    expect(added).toBe(2);
    expect(ghost.after.networkInterfaces).toEqual(topology.networkInterfaces);
    expect(ghost.added).toEqual([NEW_ENDPOINT_ID, `${PROD_PUBLIC}->${NEW_ENDPOINT_ID}`, `${PROD_PRIVATE_C}->${NEW_ENDPOINT_ID}`]);
    expect(ghost.removed).toEqual([]);
    expect(ghost.focus).toEqual([NEW_ENDPOINT_ID, PROD_PUBLIC, PROD_PRIVATE_C]);
    // The input is left as it was.
    expect(routesTo(topology, NEW_ENDPOINT_ID)).toEqual([]);
  });

  it('builds into a graph with a gateway endpoint node and route edges from the chosen tables, labelled with the prefix list', () => {
    const preview = previewCreate({ type: 'gateway', vpcId: IDS.prod, serviceName: S3, routeTableIds: [PROD_PUBLIC, PROD_PRIVATE_C] }, topology, services);
    const ghost = applyEndpointPreview(topology, preview);
    const before = buildGraph(topology, { vpcId: IDS.prod });
    const g = buildGraph(ghost.topology, { vpcId: IDS.prod });

    expect(nodeOf(g, NEW_ENDPOINT_ID)).toMatchObject({ kind: 'gatewayEndpoint', parentId: IDS.prod, data: { service: 's3', routeTableCount: 2 } });
    const ids = edgeIds(g);
    for (const id of ghost.added) expect(ids.has(id) || nodeOf(g, id) !== undefined, id).toBe(true);
    const newEdges = g.edges.filter((e) => !edgeIds(before).has(e.id));
    expect(newEdges.map((e) => [e.source, e.target, e.kind, e.label])).toEqual([
      [PROD_PUBLIC, NEW_ENDPOINT_ID, 'route', `s3 (${s3Pl()})`],
      [PROD_PRIVATE_C, NEW_ENDPOINT_ID, 'route', `s3 (${s3Pl()})`],
    ]);
    expect(g.nodes.length).toBe(before.nodes.length + 1);
  });

  it('an interface create adds a requester-managed vpc_endpoint ENI in each chosen subnet, drawn inside it', () => {
    const preview = previewCreate(
      { type: 'interface', vpcId: IDS.prod, serviceName: SQS, subnetIds: [IDS.prodAppA, PROD_APP_B], securityGroupIds: [], privateDnsEnabled: true },
      topology,
      services,
    );
    const ghost = applyEndpointPreview(topology, preview);
    const enis = ghost.after.networkInterfaces.filter((n) => !topology.networkInterfaces.includes(n));
    expect(enis.map((n) => [n.id, n.subnetId, n.az, n.interfaceType, n.requesterManaged, n.endpointId])).toEqual([
      [ghostEniId(IDS.prodAppA), IDS.prodAppA, 'us-east-1a', 'vpc_endpoint', true, NEW_ENDPOINT_ID],
      [ghostEniId(PROD_APP_B), PROD_APP_B, 'us-east-1b', 'vpc_endpoint', true, NEW_ENDPOINT_ID],
    ]);
    expect(enis[0]!.securityGroupIds).toEqual(preview.addNetworkInterfaces[0]!.securityGroupIds);
    const endpoint = ghost.after.endpoints.find((e) => e.id === NEW_ENDPOINT_ID)!;
    expect(endpoint).toMatchObject({ type: 'Interface', subnetIds: [IDS.prodAppA, PROD_APP_B], networkInterfaceIds: enis.map((n) => n.id), routeTableIds: [], privateDnsEnabled: true });
    expect(routesTo(ghost.after, NEW_ENDPOINT_ID)).toEqual([]);

    const g = buildGraph(ghost.topology, { vpcId: IDS.prod });
    expect(nodeOf(g, NEW_ENDPOINT_ID)).toMatchObject({ kind: 'interfaceEndpoint', data: { service: 'sqs', azs: ['us-east-1a', 'us-east-1b'], eniCount: 2 } });
    for (const subnetId of [IDS.prodAppA, PROD_APP_B]) {
      expect(nodeOf(g, ghostEniId(subnetId))).toMatchObject({ kind: 'endpointEni', parentId: subnetId, data: { endpointId: NEW_ENDPOINT_ID, service: 'sqs', privateIp: null } });
      expect(edgeIds(g).has(`${NEW_ENDPOINT_ID}->${ghostEniId(subnetId)}`)).toBe(true);
    }
    expect(ghost.focus).toEqual([NEW_ENDPOINT_ID, IDS.prodAppA, PROD_APP_B]);
    expect(ghost.added).toEqual([
      NEW_ENDPOINT_ID,
      ghostEniId(IDS.prodAppA),
      `${NEW_ENDPOINT_ID}->${ghostEniId(IDS.prodAppA)}`,
      ghostEniId(PROD_APP_B),
      `${NEW_ENDPOINT_ID}->${ghostEniId(PROD_APP_B)}`,
    ]);
  });

  it('a create without a service yet draws the VPC as it is', () => {
    const preview = previewCreate({ type: 'gateway', vpcId: IDS.prod, serviceName: '', routeTableIds: [PROD_PUBLIC] }, topology, services);
    const ghost = applyEndpointPreview(topology, preview);
    expect(ghost.topology).toBe(topology);
    expect(ghost.added).toEqual([]);
    expect(ghost.focus).toEqual([]);
  });

  it('a route table change marks the routes it adds and the ones it removes; the latter are gone after', () => {
    const s3 = topology.endpoints.find((e) => e.id === IDS.prodS3)!;
    const ghost = applyEndpointPreview(topology, previewRouteTableChange(s3, [PROD_PRIVATE_C], [IDS.prodPrivateA], topology));
    expect(ghost.added).toEqual([`${PROD_PRIVATE_C}->${IDS.prodS3}`]);
    expect(ghost.removed).toEqual([`${IDS.prodPrivateA}->${IDS.prodS3}`]);

    const drawn = buildGraph(ghost.topology, { vpcId: IDS.prod });
    expect(edgeIds(drawn).has(`${PROD_PRIVATE_C}->${IDS.prodS3}`)).toBe(true);
    expect(edgeIds(drawn).has(`${IDS.prodPrivateA}->${IDS.prodS3}`)).toBe(true);
    const after = buildGraph(ghost.after, { vpcId: IDS.prod });
    expect(edgeIds(after).has(`${IDS.prodPrivateA}->${IDS.prodS3}`)).toBe(false);
    expect(ghost.after.endpoints.find((e) => e.id === IDS.prodS3)!.routeTableIds.sort()).toEqual(
      [...s3.routeTableIds.filter((id) => id !== IDS.prodPrivateA), PROD_PRIVATE_C].sort(),
    );
  });

  it('a subnet change of an interface endpoint adds a ghost ENI in the new subnet and marks the one it deletes', () => {
    // prod's KMS endpoint is in prod-app-a and prod-app-b; moving it from prod-app-b to prod-app-c (us-east-1c).
    const kms = topology.endpoints.find((e) => e.id === KMS)!;
    const subnetIds = [...kms.subnetIds.filter((id) => id !== PROD_APP_B), PROD_APP_C];
    const change = changeBetween(kms, { ...currentOf(kms), subnetIds });
    const { preview } = previewEndpointChange(kms, change, topology, { services });
    const ghost = applyEndpointPreview(topology, preview);
    const gone = topology.networkInterfaces.find((n) => n.subnetId === PROD_APP_B && kms.networkInterfaceIds.includes(n.id))!;

    expect(ghost.added).toEqual([ghostEniId(PROD_APP_C), `${KMS}->${ghostEniId(PROD_APP_C)}`]);
    expect(ghost.removed).toEqual([gone.id, `${KMS}->${gone.id}`]);
    expect(ghost.focus).toEqual([KMS, PROD_APP_C, PROD_APP_B]);
    // Drawn: both the interface that goes and the one that comes, on the endpoint as it is.
    const drawn = ghost.topology.endpoints.find((e) => e.id === KMS)!;
    expect(drawn.networkInterfaceIds).toEqual([...kms.networkInterfaceIds, ghostEniId(PROD_APP_C)]);
    const g = buildGraph(ghost.topology, { vpcId: IDS.prod });
    expect(nodeOf(g, ghostEniId(PROD_APP_C))).toMatchObject({ kind: 'endpointEni', parentId: PROD_APP_C, data: { endpointId: KMS } });
    for (const id of [...ghost.added, ...ghost.removed]) expect(edgeIds(g).has(id) || nodeOf(g, id) !== undefined, id).toBe(true);
    // After: the endpoint in prod-app-a and prod-app-c.
    const after = ghost.after.endpoints.find((e) => e.id === KMS)!;
    expect(after.subnetIds).toEqual(subnetIds);
    expect(after.networkInterfaceIds).not.toContain(gone.id);
    expect(ghost.after.networkInterfaces.some((n) => n.id === gone.id)).toBe(false);
  });

  it('no change to an existing endpoint marks nothing and draws the topology as it is', () => {
    const kms = topology.endpoints.find((e) => e.id === KMS)!;
    const ghost = applyEndpointPreview(topology, endpointPreview(kms));
    expect(ghost).toMatchObject({ added: [], removed: [], focus: [KMS] });
    expect(ghost.topology.endpoints).toEqual(topology.endpoints);
    expect(ghost.topology.networkInterfaces).toEqual(topology.networkInterfaces);
  });

  it('a delete marks the endpoint, its ENIs and their edges as removed, and leaves them out after', () => {
    const ssm = topology.endpoints.find((e) => e.serviceShortName === 'ssm' && e.vpcId === IDS.prod)!;
    const ghost = applyEndpointPreview(topology, previewDelete(ssm, topology));
    expect(ghost.added).toEqual([]);
    expect(ghost.removed[0]).toBe(ssm.id);
    for (const eni of ssm.networkInterfaceIds) expect(ghost.removed).toEqual(expect.arrayContaining([eni, `${ssm.id}->${eni}`]));
    expect(ghost.topology).toMatchObject({ endpoints: topology.endpoints, networkInterfaces: topology.networkInterfaces });
    expect(ghost.after.endpoints.some((e) => e.id === ssm.id)).toBe(false);
    expect(ghost.after.networkInterfaces.some((n) => ssm.networkInterfaceIds.includes(n.id))).toBe(false);
    const g = buildGraph(ghost.topology, { vpcId: IDS.prod });
    for (const id of ghost.removed) expect(edgeIds(g).has(id) || nodeOf(g, id) !== undefined, id).toBe(true);
  });

  it('a gateway delete marks its route edges', () => {
    const s3 = topology.endpoints.find((e) => e.id === IDS.prodS3)!;
    const ghost = applyEndpointPreview(topology, previewDelete(s3, topology));
    expect(ghost.removed).toEqual([IDS.prodS3, ...[...s3.routeTableIds].map((rt) => `${rt}->${IDS.prodS3}`)]);
    expect(routesTo(ghost.after, IDS.prodS3)).toEqual([]);
  });
});
