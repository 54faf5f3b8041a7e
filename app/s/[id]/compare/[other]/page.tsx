import { Share2 } from 'lucide-react';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { GraphPlaceholder } from '@/components/graph/graph-placeholder';
import { ServerGraph } from '@/components/graph/server-graph';
import { CopyLinkButton } from '@/components/share/copy-link-button';
import { ExportImageButtons } from '@/components/share/export-image-buttons';
import { PageBand } from '@/components/layout/page-band';
import { Menu } from '@/components/ui/menu';
import { ErrorPanel, Notices } from '@/components/ui/notice';
import { compareSides, loadNowFor, type ComparisonSide } from '@/lib/share/compare';
import { graphDiff, type Change, type ChangeKind } from '@/lib/share/diff';
import { findSnapshot, formatUtc } from '@/lib/share/read';
import { parseViewState } from '@/lib/graph/view-state';
import { describeLoadFailure } from '@/lib/topology/errors';
import type { SearchParams } from '@/lib/topology/page-params';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string; other: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, other } = await params;
  // The snapshot's preview image (../../opengraph-image.tsx) applies here too, made absolute by the root layout's metadataBase.
  const found = await findSnapshot(id);
  if (found.kind !== 'found') return { title: 'Snapshot not found' };
  return { title: `What changed since ${found.snapshot.title}${other === 'now' ? '' : ' (compared)'}`, robots: { index: false } };
}

const RESOURCE_LABEL: Record<Change['resource'], string> = {
  vpc: 'VPC',
  subnet: 'Subnet',
  association: 'Association',
  routeTable: 'Route table',
  route: 'Route',
  endpoint: 'Endpoint',
  internetGateway: 'Internet gateway',
  natGateway: 'NAT gateway',
};

// `mark`: the colours the canvas marks nodes and edges with (node-parts.tsx pins, ghost.ts edges).
const CHANGE_STYLE: Record<ChangeKind, { sign: string; text: string; chip: string; mark: string }> = {
  added: { sign: '+', text: 'text-emerald-800 dark:text-emerald-300', chip: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200', mark: 'bg-emerald-600' },
  removed: { sign: '−', text: 'text-red-800 dark:text-red-300', chip: 'bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200', mark: 'bg-red-600' },
  changed: { sign: '~', text: 'text-amber-800 dark:text-amber-300', chip: 'bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200', mark: 'bg-amber-600' },
};

function Side({ side, role }: { side: ComparisonSide; role: 'before' | 'after' }) {
  return (
    <span data-testid={`compare-${role}`}>
      {side.snapshot ? (
        <Link href={`/s/${side.snapshot.id}`} className="font-medium text-teal-700 hover:underline dark:text-teal-400">
          {side.label}
        </Link>
      ) : (
        <span className="font-medium">{side.label}</span>
      )}{' '}
      <span className="text-slate-500 dark:text-slate-400">
        (<time dateTime={side.capturedAt}>{formatUtc(side.capturedAt)}</time>)
      </span>
    </span>
  );
}

export default async function ComparePage({ params, searchParams }: Props) {
  const [{ id, other }, sp] = await Promise.all([params, searchParams]);
  const a = await findSnapshot(id);
  if (a.kind === 'missing') notFound();
  if (a.kind === 'corrupt') return <Failed title="This snapshot cannot be shown" message={a.message} />;
  const before: ComparisonSide = { snapshot: a.snapshot, label: a.snapshot.title, capturedAt: a.snapshot.topology.fetchedAt, topology: a.snapshot.topology };

  let after: ComparisonSide;
  let notices: string[] = [];
  if (other === 'now') {
    try {
      const now = await loadNowFor(a.snapshot);
      after = { snapshot: null, label: `now (${a.snapshot.source}, ${a.snapshot.region})`, capturedAt: now.topology.fetchedAt, topology: now.topology };
      notices = now.notices;
    } catch (err) {
      const failure = describeLoadFailure(err);
      return <Failed title={`Could not read the current topology: ${failure.title}`} message={failure.message} retryHref={`/s/${id}/compare/now`} />;
    }
  } else {
    const b = await findSnapshot(other);
    if (b.kind === 'missing') notFound();
    if (b.kind === 'corrupt') return <Failed title="The other snapshot cannot be shown" message={b.message} />;
    after = { snapshot: b.snapshot, label: b.snapshot.title, capturedAt: b.snapshot.topology.fetchedAt, topology: b.snapshot.topology };
  }

  const cmp = compareSides(before, after, notices);
  const view = parseViewState(sp);
  const { diff } = cmp;
  const fileBase = `vpc-atlas-compare-${a.snapshot.id.slice(0, 8)}-${other === 'now' ? 'now' : other.slice(0, 8)}`;

  return (
    <main className="mx-auto max-w-screen-2xl space-y-3 px-3 py-3 sm:px-4">
      <PageBand
        crumbs={[
          { href: '/snapshots', label: 'Snapshots' },
          { href: `/s/${a.snapshot.id}`, label: a.snapshot.title },
        ]}
        title="What changed"
        scope={
          <div className="min-w-0 flex-[1_1_18rem] space-y-1 text-sm">
            <p className="truncate text-slate-700 dark:text-slate-300" title={`From ${cmp.before.label} to ${cmp.after.label}`}>
              From <Side side={cmp.before} role="before" /> to <Side side={cmp.after} role="after" />
            </p>
            <p className="flex flex-wrap gap-1.5" data-testid="change-counts">
              {(['added', 'removed', 'changed'] as const).map((k) => (
                <span key={k} data-count={k} className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${CHANGE_STYLE[k].chip}`}>
                  <span aria-hidden className={`h-2 w-2 rounded-full ${CHANGE_STYLE[k].mark}`} />
                  {diff.counts[k]} {k}
                </span>
              ))}
            </p>
          </div>
        }
        actions={
          // The same Share menu as the VPC and snapshot pages' (a comparison has no JSON of its own).
          <Menu label="Share" icon={<Share2 aria-hidden size={15} />} testId="share-menu">
            <CopyLinkButton />
            <ExportImageButtons fileBase={fileBase} />
          </Menu>
        }
      />
      <Notices notices={cmp.notices} tone="warning" />
      <section
        aria-labelledby="changes-heading"
        className="flex max-h-[45vh] flex-col rounded-lg border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="changes-heading" className="border-b border-slate-200 px-4 py-2 text-sm font-semibold dark:border-slate-800">
          Changes <span className="font-normal text-slate-500">({diff.changes.length})</span>
        </h2>
        {diff.changes.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-600 dark:text-slate-400" data-testid="no-changes">
            Nothing changed: the same subnets, route tables, routes, associations, endpoints and gateways on both sides.
          </p>
        ) : (
          <ul className="grid overflow-y-auto lg:grid-cols-2 lg:gap-x-2" data-testid="change-list">
            {diff.changes.map((c) => (
              <li key={`${c.change}-${c.resource}-${c.id}`} data-change={c.change} data-resource={c.resource} data-id={c.id} className="flex gap-3 border-b border-slate-100 px-4 py-2 text-sm dark:border-slate-800">
                <span
                  aria-label={c.change}
                  className={`mt-0.5 inline-flex h-5 w-5 shrink-0 items-center justify-center rounded font-mono text-xs font-bold text-white ${CHANGE_STYLE[c.change].mark}`}
                >
                  {CHANGE_STYLE[c.change].sign}
                </span>
                <div className="min-w-0">
                  <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
                    {RESOURCE_LABEL[c.resource]} · <span className={CHANGE_STYLE[c.change].text}>{c.change}</span>
                  </p>
                  {/* Selecting the node in the graph highlights it and what it connects to. */}
                  <Link href={`?${new URLSearchParams({ sel: c.nodeId }).toString()}`} scroll={false} className="block break-words hover:underline" title="Show in the graph">
                    {c.description}
                  </Link>
                  {c.details.length > 0 ? (
                    <ul className="mt-0.5 space-y-0.5 font-mono text-xs text-slate-600 dark:text-slate-400">
                      {c.details.map((d) => (
                        <li key={d} className="break-words">
                          {d}
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <div className="h-[72vh] min-h-[560px]" data-testid="compare-graph">
        {/* Laid out on the server like the VPC page's graph. No analysis overlay: the merged topology is no state
            that ever existed, so findings and paths computed on it would be wrong. */}
        <Suspense fallback={<GraphPlaceholder />}>
          <ServerGraph
            topology={cmp.merged}
            {...(cmp.vpcId ? { vpcId: cmp.vpcId } : {})}
            initialView={view.state}
            notices={view.notices}
            diff={graphDiff(diff)}
            analyze={false}
            readOnly
          />
        </Suspense>
      </div>
    </main>
  );
}

function Failed({ title, message, retryHref }: { title: string; message: string; retryHref?: string }) {
  return (
    <main className="mx-auto max-w-screen-2xl space-y-4 px-4 py-6">
      <ErrorPanel title={title} message={message} {...(retryHref ? { retryHref } : {})} />
    </main>
  );
}
