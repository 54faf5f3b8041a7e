/**
 * What the analysis adds to the graph, in the compact form a server page sends to the canvas: finding badges
 * on nodes and each subnet's paths to AWS services. A VPC at AWS's default quotas has 200 subnets and some
 * 50 services of interest, so its paths are ten thousand rows that repeat the same ids and sentences: they
 * travel as a table of distinct strings and rows of indexes into it, and are expanded one subnet at a time.
 */

import type { Finding, Severity } from '@/lib/analysis/findings';
import type { PathVia, SubnetPath } from '@/lib/analysis/paths';
import { scopedHref, type ScopeLink } from '@/lib/topology/scope-query';
import { opensWriteForm, writesRefusedIn } from '@/lib/topology/write-scope';

/** A finding as the graph shows it: enough for a badge and a line in the inspector. */
export interface GraphFinding {
  id: string;
  rule: string;
  severity: Severity;
  title: string;
  resourceIds: string[];
  /** The finding's "fix" link (a pre-filled form, or the resource on its page). */
  fixHref?: string;
  /** Set instead of a form link where the page's writes would be refused (another account of the fleet). */
  fixRefused?: true;
}

/**
 * Paths as rows of indexes into `strings`: `[subnet, service, via, routeTable, destination, detail, ...hops]`,
 * with -1 for a missing route table or destination.
 */
export interface CompactPaths {
  strings: string[];
  rows: number[][];
}

/** The analysis overlay of one graph. */
export interface GraphAnalysis {
  findings: GraphFinding[];
  /** Null when the server left the paths out (see `compactAnalysis`). */
  paths: CompactPaths | null;
}

/** Findings on one node: how many and the worst severity, for its badge. */
export interface FindingSummary {
  count: number;
  severity: Severity;
}

const SEVERITY_RANK: Record<Severity, number> = { high: 3, medium: 2, low: 1, info: 0 };

/** True when `a` is worse than `b`. */
export function worseSeverity(a: Severity, b: Severity): boolean {
  return SEVERITY_RANK[a] > SEVERITY_RANK[b];
}

export interface CompactAnalysisOptions {
  /**
   * Paths are left out above this many rows: the inspector then says that paths are on the findings page. The
   * default keeps a 60-subnet VPC (about 3,000 paths, some 150 kB) and drops a 200-subnet one.
   */
  maxPaths?: number;
}

/** Shrinks `analyzeTopology`'s paths and findings to what the graph shows. Pure; runs on the server. */
export function compactAnalysis(analysis: { paths: readonly SubnetPath[]; findings: readonly Finding[] }, options: CompactAnalysisOptions = {}): GraphAnalysis {
  const findings = analysis.findings.map((f): GraphFinding => {
    const g: GraphFinding = { id: f.id, rule: f.rule, severity: f.severity, title: f.title, resourceIds: [...f.resourceIds] };
    if (f.fix.href) g.fixHref = f.fix.href;
    return g;
  });
  if (analysis.paths.length > (options.maxPaths ?? 3000)) return { findings, paths: null };
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (s: string | null): number => {
    if (s === null) return -1;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const rows = analysis.paths.map((p) => [
    intern(p.subnetId),
    intern(p.service),
    // A chained path travels as `gwlb-inspection>nat`: its kind and where the traffic goes after it.
    intern(p.onward ? `${p.via}>${p.onward}` : p.via),
    intern(p.routeTableId),
    intern(p.routeDestination),
    intern(p.detail),
    ...p.hops.map(intern),
  ]);
  return { findings, paths: { strings, rows } };
}

/**
 * The overlay with its findings' "fix" links carrying a page's scope (source, profile, fleet account), as every
 * other link of the page does: the analysis names the region only, and is shared by every page of a topology.
 * Where writes are refused (lib/topology/write-scope.ts), a link to an endpoint form is dropped and marked.
 */
export function withScopedFixLinks(analysis: GraphAnalysis, scope: ScopeLink): GraphAnalysis {
  const refused = writesRefusedIn(scope);
  const findings = analysis.findings.map((f): GraphFinding => {
    if (!f.fixHref) return f;
    if (refused && opensWriteForm(f.fixHref)) {
      const { fixHref: _dropped, ...rest } = f;
      return { ...rest, fixRefused: true };
    }
    return { ...f, fixHref: scopedHref(f.fixHref, scope) };
  });
  return { ...analysis, findings };
}

/** Subnet id -> its paths, expanded on demand and remembered. */
export interface PathIndex {
  has(subnetId: string): boolean;
  of(subnetId: string): SubnetPath[];
}

/** Indexes compact paths by subnet; expands a subnet's rows the first time they are asked for. */
export function indexPaths(compact: CompactPaths | null): PathIndex {
  const rowsBySubnet = new Map<string, number[][]>();
  const expanded = new Map<string, SubnetPath[]>();
  if (compact) {
    for (const row of compact.rows) {
      const subnet = compact.strings[row[0] ?? -1];
      if (subnet === undefined) continue;
      const list = rowsBySubnet.get(subnet);
      if (list) list.push(row);
      else rowsBySubnet.set(subnet, [row]);
    }
  }
  const str = (i: number | undefined): string | null => (i === undefined || i < 0 ? null : (compact?.strings[i] ?? null));
  return {
    has: (subnetId) => rowsBySubnet.has(subnetId),
    of: (subnetId) => {
      const hit = expanded.get(subnetId);
      if (hit) return hit;
      const paths = (rowsBySubnet.get(subnetId) ?? []).map(
        ([s, service, via, rt, dest, detail, ...hops]): SubnetPath => {
          const [kind, onward] = (str(via) ?? 'none').split('>');
          return {
            subnetId: str(s) ?? subnetId,
            service: str(service) ?? '',
            via: kind as PathVia,
            hops: hops.map((h) => str(h)).filter((h): h is string => h !== null),
            routeTableId: str(rt),
            routeDestination: str(dest),
            detail: str(detail) ?? '',
            ...(onward ? { onward: onward as PathVia } : {}),
          };
        },
      );
      expanded.set(subnetId, paths);
      return paths;
    },
  };
}

/**
 * For each resource id, how many findings name it and the worst of their severities. Informational findings are
 * left out by default: "8 endpoints have the default full-access policy" would pin a badge on every endpoint and
 * drown the ones that matter (the inspector still lists them).
 */
export function summarizeFindings(findings: readonly GraphFinding[], options: { includeInfo?: boolean } = {}): Map<string, FindingSummary> {
  const result = new Map<string, FindingSummary>();
  for (const f of findings) {
    if (f.severity === 'info' && !options.includeInfo) continue;
    for (const id of new Set(f.resourceIds)) {
      const s = result.get(id);
      if (!s) result.set(id, { count: 1, severity: f.severity });
      else {
        s.count += 1;
        if (worseSeverity(f.severity, s.severity)) s.severity = f.severity;
      }
    }
  }
  return result;
}

/** The findings that name a resource, worst first (stable within a severity). */
export function findingsFor(findings: readonly GraphFinding[], id: string): GraphFinding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .filter(({ f }) => f.resourceIds.includes(id))
    .sort((a, b) => SEVERITY_RANK[b.f.severity] - SEVERITY_RANK[a.f.severity] || a.i - b.i)
    .map(({ f }) => f);
}
