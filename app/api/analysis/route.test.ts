import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it } from 'vitest';
import { stubDemoEnv } from '@/lib/test/demo-env';

// The demo fixtures; live not configured.
afterAll(stubDemoEnv());

const { GET } = await import('./route');
const PROD = 'vpc-0660179868a527d19';

async function get(query: string) {
  const res = await GET(new NextRequest(`http://127.0.0.1/api/analysis${query}`));
  return { status: res.status, cache: res.headers.get('cache-control'), body: (await res.json()) as Record<string, unknown> };
}

describe('GET /api/analysis', () => {
  it('answers paths, findings and costs for one VPC, uncached', async () => {
    const r = await get(`?region=us-east-1&vpc=${PROD}&gb=10`);
    expect(r.status).toBe(200);
    expect(r.cache).toBe('no-store');
    expect(Object.keys(r.body)).toEqual(['source', 'region', 'fetchedAt', 'vpcId', 'paths', 'findings', 'costs']);
    expect(r.body).toMatchObject({ source: 'fixture', region: 'us-east-1', vpcId: PROD, costs: { gbPerMonth: 10 } });
    expect((r.body.findings as { vpcId: string }[]).every((f) => f.vpcId === PROD)).toBe(true);
  });

  it('covers the region when no VPC is named, with 100 GB a month by default', async () => {
    const r = await get('?region=us-east-1&gb=');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ vpcId: null, costs: { gbPerMonth: 100 } });
  });

  it.each([
    ['?region=us-east-1&vpc=nope', 400, { error: 'vpc must look like vpc-0a1b2c3d4e5f60718' }],
    ['?region=us-east-1&gb=-1', 400, { error: 'gb must be 0 or more' }],
    ['?region=us-east-1&gb=lots', 400, { error: 'gb must be a number of GB per month' }],
    ['?source=live', 400, { error: 'source: live mode is not configured on this server (start it with ATLAS_SOURCE=live).' }],
    ['?region=us-east-1&vpc=vpc-0123456789abcdef0', 404, { error: expect.stringContaining('vpc-0123456789abcdef0'), code: 'VpcNotFound' }],
  ])('%s answers %i', async (query, status, body) => {
    const r = await get(query);
    expect(r.status).toBe(status);
    expect(r.body).toEqual(body);
    expect(r.cache).toBeNull();
  });
});
