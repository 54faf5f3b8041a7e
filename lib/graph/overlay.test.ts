import { describe, expect, it } from 'vitest';
import { analyzeTopology } from '@/lib/analysis/analyze';
import type { Finding } from '@/lib/analysis/findings';
import { compactAnalysis, findingsFor, indexPaths, summarizeFindings, withScopedFixLinks, type GraphFinding } from './overlay';
import { sampleTopology } from './test-topology';

function finding(id: string, severity: Finding['severity'], resourceIds: string[]): Finding {
  return {
    id,
    rule: 'blackhole-route',
    severity,
    vpcId: 'vpc-0a1',
    resourceIds,
    title: id,
    detail: '',
    why: '',
    fix: { text: 'fix it', href: `/fix/${id}` },
    docUrl: 'https://docs.aws.amazon.com/',
  };
}

describe('compactAnalysis and indexPaths', () => {
  it('round-trips every path through the compact form', () => {
    const analysis = analyzeTopology(sampleTopology(), { vpcId: 'vpc-0a1' });
    const compact = compactAnalysis(analysis);
    expect(compact.paths).not.toBeNull();
    const index = indexPaths(compact.paths);
    for (const subnetId of new Set(analysis.paths.map((p) => p.subnetId))) {
      expect(index.has(subnetId)).toBe(true);
      expect(index.of(subnetId)).toEqual(analysis.paths.filter((p) => p.subnetId === subnetId));
    }
    // Expanded once, then remembered.
    const some = analysis.paths[0]?.subnetId ?? '';
    expect(index.of(some)).toBe(index.of(some));
    // Smaller than the plain JSON: ids and sentences are stored once.
    expect(JSON.stringify(compact.paths).length).toBeLessThan(JSON.stringify(analysis.paths).length);
  });

  it('leaves the paths out above the limit, keeping the findings', () => {
    const analysis = analyzeTopology(sampleTopology(), { vpcId: 'vpc-0a1' });
    const compact = compactAnalysis(analysis, { maxPaths: 1 });
    expect(compact.paths).toBeNull();
    expect(compact.findings).toHaveLength(analysis.findings.length);
    expect(indexPaths(null).has('subnet-priv-a')).toBe(false);
  });

  it('keeps what a badge and the inspector need from each finding', () => {
    const [g] = compactAnalysis({ paths: [], findings: [finding('f1', 'high', ['rtb-1'])] }).findings;
    expect(g).toEqual({ id: 'f1', rule: 'blackhole-route', severity: 'high', title: 'f1', resourceIds: ['rtb-1'], fixHref: '/fix/f1' });
  });
});

describe('withScopedFixLinks', () => {
  it('makes every fix link of the inspector carry the page’s source, profile and fleet account, keeping its own target', () => {
    const compact = compactAnalysis(analyzeTopology(sampleTopology(), { vpcId: 'vpc-0a1' }));
    const before = compact.findings.filter((f) => f.fixHref && !f.fixHref.startsWith('/endpoints/'));
    expect(before.length).toBeGreaterThan(0);
    const scoped = withScopedFixLinks(compact, { region: 'us-east-1', source: 'live', profile: 'ops', account: '111122223333', sourceInUrl: true });
    scoped.findings.forEach((f, i) => {
      const original = compact.findings[i]!;
      if (!original.fixHref) return expect(f.fixHref).toBeUndefined();
      // An endpoint form in another account of the fleet is no link at all (the next test).
      if (original.fixHref.startsWith('/endpoints/')) return expect(f).toMatchObject({ fixRefused: true });
      const [path, query] = f.fixHref!.split('?');
      const q = new URLSearchParams(query);
      expect(path).toBe(original.fixHref.split('?')[0]);
      expect([q.get('region'), q.get('source'), q.get('profile'), q.get('account')]).toEqual(['us-east-1', 'live', 'ops', '111122223333']);
      for (const [k, v] of new URLSearchParams(original.fixHref.split('?')[1])) if (k !== 'region') expect(q.get(k)).toBe(v);
    });
    // The shared overlay (cached per topology, used by other pages) is left as it was.
    expect(compact.findings.every((f) => !f.fixHref?.includes('account='))).toBe(true);
  });

  it('drops a fix link that opens an endpoint form in another account of the fleet, where writes are refused, and marks it', () => {
    const compact = compactAnalysis({
      paths: [],
      findings: [
        { ...finding('nat', 'medium', ['rtb-1']), fix: { text: 'add it', href: '/endpoints/new?region=us-east-1&vpc=vpc-0a1&type=gateway' } },
        { ...finding('idle', 'low', ['vpce-1']), fix: { text: 'delete it', href: '/endpoints/vpce-1?region=us-east-1#endpoint-delete' } },
        { ...finding('hole', 'high', ['rtb-1']), fix: { text: 'look', href: '/vpcs/vpc-0a1?region=us-east-1&selected=rtb-1' } },
      ],
    });
    const fleet = withScopedFixLinks(compact, { region: 'us-east-1', account: '222222222222' });
    expect(fleet.findings.map((f) => [f.id, f.fixHref ?? null, f.fixRefused ?? false])).toEqual([
      ['nat', null, true],
      ['idle', null, true],
      ['hole', '/vpcs/vpc-0a1?region=us-east-1&account=222222222222&selected=rtb-1', false],
    ]);
    // The server's own account keeps every form link.
    const own = withScopedFixLinks(compact, { region: 'us-east-1', profile: 'ops' });
    expect(own.findings.map((f) => f.fixRefused ?? false)).toEqual([false, false, false]);
    expect(own.findings[0]?.fixHref).toBe('/endpoints/new?region=us-east-1&profile=ops&vpc=vpc-0a1&type=gateway');
  });
});

describe('summarizeFindings and findingsFor', () => {
  const findings: GraphFinding[] = compactAnalysis({
    paths: [],
    findings: [finding('a', 'low', ['rtb-1', 'subnet-1']), finding('b', 'high', ['rtb-1']), finding('c', 'info', ['rtb-1', 'vpce-1'])],
  }).findings;

  it('counts findings per resource with the worst severity, leaving informational ones off the badges', () => {
    const summary = summarizeFindings(findings);
    expect(summary.get('rtb-1')).toEqual({ count: 2, severity: 'high' });
    expect(summary.get('subnet-1')).toEqual({ count: 1, severity: 'low' });
    expect(summary.has('vpce-1')).toBe(false);
    expect(summarizeFindings(findings, { includeInfo: true }).get('vpce-1')).toEqual({ count: 1, severity: 'info' });
  });

  it('lists a resource\'s findings worst first', () => {
    expect(findingsFor(findings, 'rtb-1').map((f) => f.id)).toEqual(['b', 'a', 'c']);
    expect(findingsFor(findings, 'nothing')).toEqual([]);
  });
});
