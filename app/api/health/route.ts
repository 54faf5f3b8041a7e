import { NextResponse } from 'next/server';
import { getConfig } from '@/lib/config';
import { listRegions } from '@/lib/ec2/backend';
import packageJson from '@/package.json';

export const dynamic = 'force-dynamic';

/** GET /api/health: 200 with the version and whether the configured source answers, else 503. */
export async function GET() {
  const config = getConfig();
  try {
    const regions = await listRegions(config.source);
    return NextResponse.json({ ok: true, version: packageJson.version, source: config.source, regions: regions.length });
  } catch {
    return NextResponse.json({ ok: false, version: packageJson.version, source: config.source, error: 'The source does not answer.' }, { status: 503 });
  }
}
