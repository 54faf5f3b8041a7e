import { readFileSync } from 'node:fs';
import { buildGraph } from '@/lib/graph/build';
import { layoutGraph } from '@/lib/graph/layout';
import { toLayoutInput } from '@/lib/graph/layout-key';
const [file, vpcId, dir = 'RIGHT'] = process.argv.slice(2);
const topo = JSON.parse(readFileSync(file!, 'utf8'));
const g = buildGraph(topo, vpcId && vpcId !== '-' ? { vpcId } : {});
const t0 = performance.now();
const l = await layoutGraph(toLayoutInput(g), dir as 'RIGHT');
console.log('nodes', g.nodes.length, 'edges', g.edges.length, 'size', l.width, 'x', l.height, 'ms', Math.round(performance.now() - t0));
const W = 1290, H = 600;
console.log('fit zoom', Math.min(W / l.width, H / l.height).toFixed(3));
if (process.env.DUMP) for (const n of l.nodes) if (['vpc','az','routeTable','internetGateway','gatewayEndpoint','external','interfaceEndpoint'].includes(n.kind)) console.log(n.kind, n.id, n.parentId ?? '', n.x, n.y, n.width, n.height);
if (process.env.SVG) {
  const abs = new Map<string, {x:number,y:number,w:number,h:number}>();
  let svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${l.width}" height="${l.height}" font-family="sans-serif" font-size="12">`;
  const col: Record<string,string> = { vpc:'#eef', az:'#f4f4f4', subnet:'#def', routeTable:'#fd8', internetGateway:'#dbf', natGateway:'#fcd', gatewayEndpoint:'#bfd', interfaceEndpoint:'#bef', endpointEni:'#df9', external:'#ddd' };
  for (const n of l.nodes) { const p = n.parentId ? abs.get(n.parentId)! : {x:0,y:0}; const b = {x:p.x+n.x,y:p.y+n.y,w:n.width,h:n.height}; abs.set(n.id,b); svg += `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="${col[n.kind]}" stroke="#888"/><text x="${b.x+4}" y="${b.y+14}">${(g.nodes.find(x=>x.id===n.id)?.data as {name?:string}).name ?? n.id}</text>`; }
  for (const e of g.edges) { const r = l.edges[e.id]; const s = abs.get(e.source), t = abs.get(e.target); if (!r||!s||!t) continue;
    const pt = (b: typeof s, side: string) => side==='right'?[b.x+b.w,b.y+b.h/2]:side==='left'?[b.x,b.y+b.h/2]:side==='top'?[b.x+b.w/2,b.y]:[b.x+b.w/2,b.y+b.h];
    const [sx,sy]=pt(s,r.source), [tx,ty]=pt(t,r.target); const horiz = r.source==='left'||r.source==='right';
    const bx = r.bend ?? (horiz ? (sx!+tx!)/2 : (sy!+ty!)/2);
    const d = horiz ? `M${sx},${sy} H${bx} V${ty} H${tx}` : `M${sx},${sy} V${bx} H${tx} V${ty}`;
    svg += `<path d="${d}" fill="none" stroke="${e.kind==='association'?'#666':e.kind==='endpointEni'?'#0aa':'#c50'}" stroke-width="1.5" opacity="0.8"/>`; }
  svg += '</svg>'; (await import('node:fs')).writeFileSync(process.env.SVG, svg);
}
