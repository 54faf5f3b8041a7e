/**
 * One colour per kind (and one icon, in kind-icons.ts), used by the nodes, the legend, the minimap and the inspector.
 * Hues are spread around the wheel so neighbouring kinds never share one; text always sits on a pale
 * (light theme) or deep (dark theme) tint of the hue, which keeps contrast above WCAG AA in both.
 * Class strings are written out in full so Tailwind's scanner finds them.
 */

import type { NodeKind } from '@/lib/graph/types';

export interface KindStyle {
  label: string;
  plural: string;
  /** Border colour of the card or group. */
  border: string;
  /** Background of the icon chip. */
  chip: string;
  /** Swatch in the legend and filters. */
  swatch: string;
  /** Minimap fill; mid-tone so it reads on light and dark minimaps. */
  minimap: string;
  /** Background of the bare box drawn when zoomed far out. */
  fill: string;
  /** Left stripe of a chip drawn inside a subnet. */
  stripe: string;
}

export const KIND_STYLE: Record<NodeKind, KindStyle> = {
  vpc: {
    label: 'VPC',
    plural: 'VPCs',
    border: 'border-indigo-400 dark:border-indigo-500',
    chip: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100',
    swatch: 'bg-indigo-500',
    minimap: '#818cf8',
    fill: 'bg-indigo-100 dark:bg-indigo-900/60',
    stripe: 'border-l-indigo-500',
  },
  az: {
    label: 'Availability zone',
    plural: 'Availability zones',
    border: 'border-slate-400 dark:border-slate-500',
    chip: 'bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100',
    swatch: 'bg-slate-400',
    minimap: '#94a3b8',
    fill: 'bg-slate-100 dark:bg-slate-800',
    stripe: 'border-l-slate-400',
  },
  subnet: {
    label: 'Subnet',
    plural: 'Subnets',
    border: 'border-blue-400 dark:border-blue-500',
    chip: 'bg-blue-100 text-blue-800 dark:bg-blue-900 dark:text-blue-100',
    swatch: 'bg-blue-500',
    minimap: '#60a5fa',
    fill: 'bg-blue-100 dark:bg-blue-900/60',
    stripe: 'border-l-blue-500',
  },
  routeTable: {
    label: 'Route table',
    plural: 'Route tables',
    border: 'border-amber-400 dark:border-amber-500',
    chip: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
    swatch: 'bg-amber-400',
    minimap: '#fbbf24',
    fill: 'bg-amber-100 dark:bg-amber-900/60',
    stripe: 'border-l-amber-400',
  },
  internetGateway: {
    label: 'Internet gateway',
    plural: 'Internet gateways',
    border: 'border-violet-400 dark:border-violet-500',
    chip: 'bg-violet-100 text-violet-800 dark:bg-violet-900 dark:text-violet-100',
    swatch: 'bg-violet-500',
    minimap: '#a78bfa',
    fill: 'bg-violet-100 dark:bg-violet-900/60',
    stripe: 'border-l-violet-500',
  },
  natGateway: {
    label: 'NAT gateway',
    plural: 'NAT gateways',
    border: 'border-pink-400 dark:border-pink-500',
    chip: 'bg-pink-100 text-pink-800 dark:bg-pink-900 dark:text-pink-100',
    swatch: 'bg-pink-500',
    minimap: '#f472b6',
    fill: 'bg-pink-200 dark:bg-pink-900/70',
    stripe: 'border-l-pink-500',
  },
  gatewayEndpoint: {
    label: 'Gateway endpoint',
    plural: 'Gateway endpoints',
    border: 'border-emerald-500 dark:border-emerald-500',
    chip: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100',
    swatch: 'bg-emerald-500',
    minimap: '#34d399',
    fill: 'bg-emerald-100 dark:bg-emerald-900/60',
    stripe: 'border-l-emerald-500',
  },
  interfaceEndpoint: {
    label: 'Interface endpoint',
    plural: 'Interface endpoints',
    border: 'border-cyan-500 dark:border-cyan-500',
    chip: 'bg-cyan-100 text-cyan-800 dark:bg-cyan-900 dark:text-cyan-100',
    swatch: 'bg-cyan-500',
    minimap: '#22d3ee',
    fill: 'bg-cyan-100 dark:bg-cyan-900/60',
    stripe: 'border-l-cyan-500',
  },
  endpointEni: {
    label: 'Endpoint network interface',
    plural: 'Endpoint network interfaces',
    border: 'border-lime-500 dark:border-lime-500',
    chip: 'bg-lime-100 text-lime-900 dark:bg-lime-900 dark:text-lime-100',
    swatch: 'bg-lime-500',
    minimap: '#a3e635',
    fill: 'bg-lime-200 dark:bg-lime-900/70',
    stripe: 'border-l-lime-500',
  },
  external: {
    label: 'Route target outside the VPC',
    plural: 'Route targets outside the VPC',
    border: 'border-stone-400 dark:border-stone-500',
    chip: 'bg-stone-200 text-stone-800 dark:bg-stone-700 dark:text-stone-100',
    swatch: 'bg-stone-400',
    minimap: '#a8a29e',
    fill: 'bg-stone-200 dark:bg-stone-800',
    stripe: 'border-l-stone-400',
  },
};

/**
 * Edge stroke colours: tones that read on both the light and the dark canvas, and that keep an edge's label (drawn in
 * its colour on white) above WCAG AA's 4.5:1.
 */
export const EDGE_COLOR = {
  association: '#64748b',
  internetGateway: '#7c3aed',
  natGateway: '#be185d',
  gatewayEndpoint: '#047857',
  interfaceEndpoint: '#0e7490',
  endpointEni: '#0e7490',
  route: '#78716c',
  blackhole: '#dc2626',
  /** A step of a highlighted path that no edge of the graph draws (a NAT gateway on to its subnet's table). */
  path: '#0369a1',
} as const;
