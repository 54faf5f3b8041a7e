/**
 * A diagram for a link preview: the same graph and the same ELK layout the canvas draws, scaled into a fixed
 * frame, as plain boxes and lines that a server-side renderer (next/og) can draw without React Flow.
 */

import { buildGraph } from '@/lib/graph/build';
import { absoluteBoxes } from '@/lib/graph/geometry';
import { toLayoutInput } from '@/lib/graph/layout-key';
import { layoutGraph } from '@/lib/graph/layout';
import type { Direction, EdgeKind, GraphNode, NodeKind } from '@/lib/graph/types';
import type { Topology } from '@/lib/topology/types';

export interface PreviewBox {
  id: string;
  kind: NodeKind;
  /** Drawn as a container (VPC, AZ, a subnet holding NAT gateways or ENIs). */
  group: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  title: string;
  subtitle: string;
}

export interface PreviewLine {
  kind: EdgeKind;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  dashed: boolean;
  blackhole: boolean;
}

export interface DiagramPreview {
  width: number;
  height: number;
  /** How much the layout was shrunk to fit; labels are drawn only when they would be legible. */
  scale: number;
  boxes: PreviewBox[];
  lines: PreviewLine[];
}

/** The words a node shows: its name (or id) and one fact. */
export function nodeLabel(n: GraphNode): { title: string; subtitle: string } {
  const named = (name: string, fallback: string) => (name && name !== n.id ? name : fallback);
  switch (n.kind) {
    case 'vpc':
      return { title: named(n.data.name, n.id), subtitle: n.data.cidrBlocks.join(', ') };
    case 'az':
      return { title: n.data.az, subtitle: `${n.data.subnetCount} subnets` };
    case 'subnet':
      return { title: named(n.data.name, n.id), subtitle: `${n.data.cidr} · ${n.data.public ? 'public' : 'private'}` };
    case 'routeTable':
      return { title: named(n.data.name, n.id), subtitle: `${n.data.main ? 'main · ' : ''}${n.data.routeCount} routes` };
    case 'internetGateway':
      return { title: named(n.data.name, 'Internet gateway'), subtitle: n.id };
    case 'natGateway':
      return { title: named(n.data.name, 'NAT gateway'), subtitle: n.data.publicIp ?? n.id };
    case 'gatewayEndpoint':
      return { title: n.data.service, subtitle: 'gateway endpoint' };
    case 'interfaceEndpoint':
      return { title: n.data.service, subtitle: `interface endpoint · ${n.data.eniCount} ENIs` };
    case 'endpointEni':
      return { title: n.data.privateIp ?? n.id, subtitle: n.data.service ?? 'endpoint ENI' };
    case 'external':
      return { title: n.data.label, subtitle: n.id };
  }
}

/**
 * Lays out the topology (all VPCs, or one) and fits it into `width` × `height`, centred. Never scales up: a small
 * VPC is drawn at its natural size.
 */
export async function previewDiagram(
  topology: Topology,
  options: { vpcId?: string; direction?: Direction; width: number; height: number },
): Promise<DiagramPreview> {
  const graph = buildGraph(topology, options.vpcId ? { vpcId: options.vpcId } : {});
  if (graph.nodes.length === 0) return { width: options.width, height: options.height, scale: 1, boxes: [], lines: [] };
  const layout = await layoutGraph(toLayoutInput(graph), options.direction ?? 'RIGHT');
  const abs = absoluteBoxes(layout.nodes);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const b of abs.values()) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.width);
    maxY = Math.max(maxY, b.y + b.height);
  }
  const w = Math.max(1, maxX - minX);
  const h = Math.max(1, maxY - minY);
  const scale = Math.min(options.width / w, options.height / h, 1);
  const ox = (options.width - w * scale) / 2 - minX * scale;
  const oy = (options.height - h * scale) / 2 - minY * scale;
  const place = (b: { x: number; y: number; width: number; height: number }) => ({
    x: Math.round(ox + b.x * scale),
    y: Math.round(oy + b.y * scale),
    width: Math.max(1, Math.round(b.width * scale)),
    height: Math.max(1, Math.round(b.height * scale)),
  });
  const parents = new Set(graph.nodes.flatMap((n) => (n.parentId ? [n.parentId] : [])));
  const boxes: PreviewBox[] = [];
  for (const n of graph.nodes) {
    const b = abs.get(n.id);
    if (!b) continue;
    boxes.push({ id: n.id, kind: n.kind, group: parents.has(n.id), ...place(b), ...nodeLabel(n) });
  }
  const lines: PreviewLine[] = [];
  for (const e of graph.edges) {
    const s = abs.get(e.source);
    const t = abs.get(e.target);
    const sides = layout.edges[e.id];
    if (!s || !t || !sides) continue;
    const at = (b: typeof s, side: string) => {
      const p = place(b);
      if (side === 'left') return [p.x, p.y + p.height / 2];
      if (side === 'right') return [p.x + p.width, p.y + p.height / 2];
      if (side === 'top') return [p.x + p.width / 2, p.y];
      return [p.x + p.width / 2, p.y + p.height];
    };
    const [x1, y1] = at(s, sides.source) as [number, number];
    const [x2, y2] = at(t, sides.target) as [number, number];
    lines.push({ kind: e.kind, x1, y1, x2, y2, dashed: e.dashed, blackhole: e.blackhole });
  }
  return { width: options.width, height: options.height, scale, boxes, lines };
}

/**
 * The preview in the direction the view chose, or when it chose none, in whichever direction fits the frame at
 * the larger scale: a wide link-preview card reads a VPC laid out top to bottom far better than a tall column.
 */
export async function bestPreview(
  topology: Topology,
  options: { vpcId?: string; direction?: Direction; width: number; height: number },
): Promise<DiagramPreview> {
  if (options.direction) return previewDiagram(topology, options);
  const [right, down] = await Promise.all([
    previewDiagram(topology, { ...options, direction: 'RIGHT' }),
    previewDiagram(topology, { ...options, direction: 'DOWN' }),
  ]);
  return down.scale > right.scale * 1.1 ? down : right;
}
