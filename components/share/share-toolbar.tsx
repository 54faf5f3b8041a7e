'use client';

import { FileJson, GitCompareArrows } from 'lucide-react';
import { scopeQuery } from '@/lib/topology/scope-query';
import { toolbarButton } from './button-styles';
import { CopyLinkButton } from './copy-link-button';
import { ExportImageButtons } from './export-image-buttons';
import { ShareSnapshotButton } from './share-snapshot-button';

export interface ShareToolbarProps {
  region: string;
  source: string;
  vpcId?: string;
  /** Live only: the AWS profile the page uses, so the snapshot reads the same account. */
  profile?: string;
  /** The fleet's account the page shows (`?account=`), so the JSON and the snapshot read the same account. */
  account?: string;
  /**
   * On a snapshot page: its id. Then there is nothing to freeze; JSON comes from the snapshot and "Compare with
   * now" appears instead of "Share snapshot".
   */
  snapshotId?: string;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Everything that shares a diagram: copy the view's link, freeze a snapshot, export PNG, SVG and JSON.
 * Placed beside a topology page's title.
 */
export function ShareToolbar({ region, source, vpcId, profile, account, snapshotId }: ShareToolbarProps) {
  const fileBase = `vpc-atlas-${vpcId ?? region}-${snapshotId ? `snapshot-${snapshotId.slice(0, 8)}` : today()}`;
  const jsonHref = snapshotId ? `/api/snapshots/${snapshotId}` : `/api/topology?${scopeQuery({ region, source, profile, account }, vpcId ? { vpc: vpcId } : {})}`;
  return (
    <div data-testid="share-toolbar" className="flex flex-wrap items-center justify-end gap-2">
      <CopyLinkButton />
      <ExportImageButtons fileBase={fileBase} />
      <a href={jsonHref} download={`${fileBase}.json`} className={toolbarButton} data-testid="export-json">
        <FileJson aria-hidden size={15} />
        Export JSON
      </a>
      {snapshotId ? (
        <a href={`/s/${snapshotId}/compare/now`} className={toolbarButton} data-testid="compare-now">
          <GitCompareArrows aria-hidden size={15} />
          Compare with now
        </a>
      ) : (
        <ShareSnapshotButton region={region} source={source} {...(vpcId ? { vpcId } : {})} {...(profile ? { profile } : {})} {...(account ? { account } : {})} />
      )}
    </div>
  );
}
