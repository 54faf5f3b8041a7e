import 'server-only';
import { headers } from 'next/headers';
import type { Topology } from '@/lib/topology/types';

/**
 * The site's own address, for absolute Open Graph URLs (chat apps fetch `og:image` from another machine).
 * ATLAS_PUBLIC_URL when the operator set it (behind a proxy that rewrites Host), else the request's host.
 */
export async function siteOrigin(): Promise<URL> {
  const configured = process.env.ATLAS_PUBLIC_URL;
  if (configured && /^https?:\/\//.test(configured)) return new URL(configured);
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto') ?? 'http';
  try {
    return new URL(`${proto.split(',')[0]}://${host.split(',')[0]}`);
  } catch {
    return new URL('http://localhost');
  }
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
