import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * AZ coverage counts only the zones each service is offered in, wherever findings show: `/api/analysis`, the
 * findings page and the graph's badges read the same service zones. fixtures/real-shapes offers kms in us-east-1a
 * only (DescribeVpcEndpointServices' AvailabilityZones) and sts in 1a..1c; both endpoints are in 1a alone.
 */

const dataDir = mkdtempSync(path.join(tmpdir(), 'atlas-zones-'));
vi.stubEnv('ATLAS_FIXTURE_DIR', path.resolve(__dirname, '../../../fixtures/real-shapes'));
vi.stubEnv('ATLAS_DATA_DIR', dataDir);
for (const name of ['ATLAS_SOURCE', 'AWS_PROFILE', 'AWS_REGION', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_EC2']) vi.stubEnv(name, undefined);
afterAll(() => {
  vi.unstubAllEnvs();
  rmSync(dataDir, { recursive: true, force: true });
});

const { GET } = await import('./route');
const { loadServiceZones } = await import('@/lib/analysis/service-zones');
const { analyzeForGraph } = await import('@/lib/graph/analyze-for-graph');
const { loadTopology } = await import('@/lib/topology/load');

const EDGE = 'vpc-06d86f77d8aa9fa1e';
const FROM = { source: 'fixture' as const, region: 'us-east-1', profile: undefined };
const coverage = (findings: { rule: string; title: string }[]) => findings.filter((f) => f.rule === 'interface-endpoint-az-coverage').map((f) => f.title);

describe('service zones, the same everywhere findings show', () => {
  it('reads each interface service’s zones from DescribeVpcEndpointServices', async () => {
    const zones = await loadServiceZones(FROM);
    expect(zones?.byService.get('com.amazonaws.us-east-1.kms')).toEqual(['us-east-1a']);
    expect(zones?.byService.get('com.amazonaws.us-east-1.sts')).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    // S3 and DynamoDB gateway offerings are not interface services' zones.
    expect(zones?.byService.get('com.amazonaws.us-east-1.dynamodb')).toBeUndefined();
    // Read once, then kept: the second call answers the same object.
    expect(await loadServiceZones(FROM)).toBe(zones);
  });

  it('/api/analysis leaves out the zones kms is not offered in', async () => {
    const res = await GET(new NextRequest(`http://127.0.0.1/api/analysis?region=us-east-1&vpc=${EDGE}`));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { findings: { rule: string; title: string }[] };
    expect(coverage(body.findings)).toEqual(['sts endpoint has no network interface in us-east-1b and us-east-1c']);
  });

  it('the graph’s badges count the same findings as the API, and would not without the service zones', async () => {
    const topology = await loadTopology({ ...FROM, vpcId: EDGE });
    const serviceZones = await loadServiceZones(FROM);
    const withZones = analyzeForGraph(topology, { vpcId: EDGE, ...(serviceZones ? { serviceZones } : {}) });
    expect(coverage(withZones.findings)).toEqual(['sts endpoint has no network interface in us-east-1b and us-east-1c']);
    const everyZone = analyzeForGraph(topology, { vpcId: EDGE });
    expect(coverage(everyZone.findings).sort()).toEqual(['kms endpoint has no network interface in us-east-1b and us-east-1c', 'sts endpoint has no network interface in us-east-1b and us-east-1c']);
  });
});
