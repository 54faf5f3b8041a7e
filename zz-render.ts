import { writeFileSync } from 'node:fs';
import { buildGraph } from '@/lib/graph/build';
import { layoutGraph } from '@/lib/graph/layout';
import { toLayoutInput } from '@/lib/graph/layout-key';
import { sampleTopology, largeTopology } from '@/lib/graph/test-topology';
import type { Direction } from '@/lib/graph/types';

const colors: Record<string, string> = { vpc: '#eef', az: '#f6f6f6', subnet: '#dbeafe', routeTable: '#fde68a', internetGateway: '#ddd6fe', natGateway: '#fbcfe8', gatewayEndpoint: '#a7f3d0', interfaceEndpoint: '#a5f3fc', endpointEni: '#d9f99d', external: '#e7e5e4' };
async function main() {
  const which = process.argv[2] ?? 'sample';
  const dir = (process.argv[3] ?? 'RIGHT') as Direction;
  const topo = which === 'large' ? largeTopology(Number(process.argv[4] ?? 200), Number(process.argv[5] ?? 50)) : sampleTopology();
  const g = buildGraph(topo, { direction: dir, vpcId: which === 'large' ? undefined : 'vpc-0a1' });
  const t0 = performance.now();
  const l = await layoutGraph(toLayoutInput(g), dir);
  console.log('nodes', g.nodes.length, 'edges', g.edges.length, 'ms', Math.round(performance.now() - t0), 'size', l.width, l.height);
  const abs = new Map<string, { x: number; y: number; w: number; h: number }>();
  let body = '';
  for (const n of l.nodes) {
    const p = n.parentId ? abs.get(n.parentId)! : { x: 0, y: 0 };
    const a = { x: p.x + n.x, y: p.y + n.y, w: n.width, h: n.height };
    abs.set(n.id, a);
    body += `<rect x="${a.x}" y="${a.y}" width="${a.w}" height="${a.h}" fill="${colors[n.kind]}" stroke="#555" rx="6"/><text x="${a.x + 6}" y="${a.y + 16}" font-size="12">${n.id}</text>`;
  }
  const pt = (r: { x: number; y: number; w: number; h: number }, side: string) => side === 'left' ? [r.x, r.y + r.h / 2] : side === 'right' ? [r.x + r.w, r.y + r.h / 2] : side === 'top' ? [r.x + r.w / 2, r.y] : [r.x + r.w / 2, r.y + r.h];
  for (const e of g.edges) {
    const s = abs.get(e.source), t = abs.get(e.target), sides = l.edges[e.id];
    if (!s || !t || !sides) continue;
    const [x1, y1] = pt(s, sides.source); const [x2, y2] = pt(t, sides.target);
    body += `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${e.blackhole ? 'red' : '#333'}" stroke-dasharray="${e.dashed ? '5 4' : ''}"/>`;
  }
  writeFileSync(`/tmp/gv/${which}-${dir}.svg`, `<svg xmlns="http://www.w3.org/2000/svg" width="${l.width}" height="${l.height}" style="background:white">${body}</svg>`);
}
main();
