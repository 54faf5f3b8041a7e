import { NextResponse } from 'next/server';
import { getConfig } from '@/lib/config';
import { listRegions } from '@/lib/ec2/backend';
import { getStore } from '@/lib/store';
import packageJson from '@/package.json';

export const dynamic = 'force-dynamic';

/**
 * GET /api/health: 200 with the version, whether the configured source answers and whether the store
 * (SQLite or PostgreSQL) answers; 503 when either does not, so a load balancer takes the replica out.
 */
export async function GET() {
  const config = getConfig();
  const [regions, store] = await Promise.all([
    listRegions(config.source).then(
      (r) => r.length,
      () => null,
    ),
    storeHealth(),
  ]);
  const ok = regions !== null && store.ok;
  const body = {
    ok,
    version: packageJson.version,
    source: config.source,
    ...(regions !== null ? { regions } : { error: 'The source does not answer.' }),
    store,
  };
  return NextResponse.json(body, { status: ok ? 200 : 503 });
}

async function storeHealth(): Promise<{ kind: 'sqlite' | 'postgres'; ok: boolean; error?: string }> {
  const store = getStore();
  try {
    await store.ping(2_000);
    return { kind: store.kind, ok: true };
  } catch {
    return { kind: store.kind, ok: false, error: 'The store does not answer.' };
  }
}
