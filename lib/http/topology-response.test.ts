import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { stubDemoEnv } from '@/lib/test/demo-env';

vi.mock('@/lib/ec2/profiles', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/lib/ec2/profiles')>()),
  listProfiles: async () => [{ name: 'default', region: null }],
}));

// Live is configured through an endpoint nobody listens on: no request gets that far.
afterAll(stubDemoEnv({ liveEndpoint: 'http://127.0.0.1:1' }));
afterEach(() => vi.restoreAllMocks());

const { respondWithTopology } = await import('./topology-response');
const { TopologyQuery } = await import('@/lib/topology/params');

const respond = (query: string, body: Parameters<typeof respondWithTopology>[1]['body'] = (t) => ({ vpcs: t.vpcs.length })) =>
  respondWithTopology(new URLSearchParams(query), { schema: TopologyQuery, failureLog: 'test load failed', body });

describe('respondWithTopology', () => {
  it('answers the body built from the loaded topology and the parsed query', async () => {
    const res = await respond('region=eu-west-1&vpc=vpc-09d5f99ae60fce1d3', (t, q) => ({ region: t.region, vpc: q.vpc, subnets: t.subnets.length }));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ region: 'eu-west-1', vpc: 'vpc-09d5f99ae60fce1d3', subnets: expect.any(Number) });
  });

  it('answers 400 for a profile the server does not have, before loading anything', async () => {
    const body = vi.fn();
    const res = await respond('source=live&profile=nope', body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: expect.stringMatching(/^profile/) });
    expect(body).not.toHaveBeenCalled();
  });

  it('answers 500 with a safe message and logs the error, with the request logger, when building the body fails', async () => {
    const { logger } = await import('@/lib/log/logger');
    const log = vi.spyOn(logger, 'error').mockImplementation(() => {});
    const res = await respond('region=us-east-1', () => {
      throw new TypeError('secret detail');
    });
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'The topology could not be loaded. See the server log.', code: 'Internal' });
    expect(log).toHaveBeenCalledWith({ err: expect.any(TypeError) }, 'test load failed');
  });
});
