import { Clock, Cloud, Database, Globe, Lock } from 'lucide-react';
import { formatUtc } from '@/lib/share/read';
import type { Snapshot } from '@/lib/share/store';
import { Fact } from '@/components/ui/fact';

/** What a frozen topology is: when it was captured, from where, and that it does not change. */
export function SnapshotFacts({ snapshot }: { snapshot: Snapshot }) {
  const icon = 'h-3.5 w-3.5';
  return (
    <p data-testid="snapshot-facts" className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <span className="inline-flex items-center gap-1 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-700 dark:bg-slate-800 dark:text-slate-200">
        <Lock aria-hidden className="h-3 w-3" /> Read-only snapshot
      </span>
      <Fact icon={<Clock className={icon} />} label="Captured" quiet>
        <time dateTime={snapshot.topology.fetchedAt} data-testid="snapshot-captured">
          {formatUtc(snapshot.topology.fetchedAt)}
        </time>
      </Fact>
      <Fact icon={<Globe className={icon} />} label="Region" quiet>
        <span data-testid="snapshot-region">{snapshot.region}</span>
      </Fact>
      <Fact icon={<Database className={icon} />} label="Source" quiet>
        <span data-testid="snapshot-source">{snapshot.source}</span>
      </Fact>
      <Fact icon={<Cloud className={icon} />} label="VPC" quiet>
        <span className="font-mono text-xs">{snapshot.vpcId ?? 'all VPCs in the region'}</span>
      </Fact>
    </p>
  );
}
