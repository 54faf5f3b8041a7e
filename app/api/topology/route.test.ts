import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { stubDemoEnv } from '@/lib/test/demo-env';

// The demo fixtures; live not configured.
afterAll(stubDemoEnv());

const { GET } = await import('./route');
const PROD = 'vpc-0660179868a527d19';

async function get(query: string) {
  const res = await GET(new NextRequest(`http://127.0.0.1/api/topology${query}`));
  return { status: res.status, cache: res.headers.get('cache-control'), body: (await res.json()) as Record<string, unknown> };
}

describe('GET /api/topology', () => {
  it('answers the region’s topology, uncached', async () => {
    const r = await get('?region=us-east-1');
    expect(r.status).toBe(200);
    expect(r.cache).toBe('no-store');
    expect(r.body).toMatchObject({ source: 'fixture', region: 'us-east-1' });
    expect((r.body.vpcs as unknown[]).length).toBe(4);
  });

  it('scopes to one VPC', async () => {
    const r = await get(`?region=us-east-1&vpc=${PROD}`);
    expect(r.status).toBe(200);
    expect((r.body.vpcs as { id: string }[]).map((v) => v.id)).toEqual([PROD]);
    expect(r.body.subnets).toHaveLength(9);
  });

  it.each([
    ['?region=us-east-1&vpc=nope', 400, { error: 'vpc must look like vpc-0a1b2c3d4e5f60718' }],
    ['?region=Mars', 400, { error: expect.stringMatching(/^region/) }],
    ['?source=live', 400, { error: 'source: live mode is not configured on this server (start it with ATLAS_SOURCE=live).' }],
    ['?source=cloud', 400, { error: 'source must be fixture or live' }],
    ['?region=us-east-1&vpc=vpc-0123456789abcdef0', 404, { error: expect.stringContaining('vpc-0123456789abcdef0'), code: 'VpcNotFound' }],
    ['?region=ap-south-2', 404, { code: expect.any(String), error: expect.stringContaining('ap-south-2') }],
  ])('%s answers %i', async (query, status, body) => {
    const r = await get(query);
    expect(r.status).toBe(status);
    expect(r.body).toEqual(body);
    expect(r.cache).toBeNull();
  });
});
