import 'server-only';
import { headers } from 'next/headers';
import { publicOrigin } from '@/lib/http/public-origin';
import type { Topology } from '@/lib/topology/types';

/**
 * The site's own address, for absolute Open Graph URLs (chat apps fetch `og:image` from another machine):
 * lib/http/public-origin.ts's answer (ATLAS_PUBLIC_URL, forwarded headers only behind a trusted proxy, Host).
 */
export async function siteOrigin(): Promise<URL> {
  return new URL(publicOrigin(await headers()) ?? 'http://localhost');
}

/** "3 subnets, 2 route tables, 4 endpoints": what a link preview says about a topology. */
export function describeTopology(t: Topology): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
  const parts = [
    t.vpcs.length > 1 ? n(t.vpcs.length, 'VPC') : null,
    n(t.subnets.length, 'subnet'),
    n(t.routeTables.length, 'route table'),
    n(t.endpoints.length, 'endpoint'),
  ].filter(Boolean);
  return parts.join(', ');
}
