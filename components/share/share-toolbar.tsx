'use client';

import { FileJson, GitCompareArrows, Share2 } from 'lucide-react';
import type { ShareSnapshotAction } from '@/lib/share/schema';
import { scopeQuery } from '@/lib/topology/scope-query';
import { toolbarButton } from '@/components/ui/button-styles';
import { Menu, menuItem } from '@/components/ui/menu';
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
  /** Saves a snapshot (the page hands down `app/s/actions.ts`'s action); without it there is no "Share snapshot". */
  shareSnapshot?: ShareSnapshotAction;
}

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Everything that shares a diagram: freeze a snapshot (or, on a snapshot, compare it with now), and in the Share
 * menu copy the view's link and export PNG, SVG and JSON. In a page's band, after its main action.
 */
export function ShareToolbar({ region, source, vpcId, profile, account, snapshotId, shareSnapshot }: ShareToolbarProps) {
  const fileBase = `vpc-atlas-${vpcId ?? region}-${snapshotId ? `snapshot-${snapshotId.slice(0, 8)}` : today()}`;
  const jsonHref = snapshotId ? `/api/snapshots/${snapshotId}` : `/api/topology?${scopeQuery({ region, source, profile, account }, vpcId ? { vpc: vpcId } : {})}`;
  return (
    <div data-testid="share-toolbar" className="flex flex-wrap items-center gap-2">
      {snapshotId ? (
        <a href={`/s/${snapshotId}/compare/now`} className={toolbarButton} data-testid="compare-now">
          <GitCompareArrows aria-hidden size={15} />
          Compare with now
        </a>
      ) : shareSnapshot ? (
        <ShareSnapshotButton
          share={shareSnapshot}
          input={{ region, source, ...(vpcId ? { vpcId } : {}), ...(profile ? { profile } : {}), ...(account ? { account } : {}) }}
        />
      ) : null}
      <Menu label="Share" icon={<Share2 aria-hidden size={15} />} testId="share-menu">
        <CopyLinkButton />
        <ExportImageButtons fileBase={fileBase} />
        <a href={jsonHref} download={`${fileBase}.json`} className={menuItem} data-testid="export-json">
          <FileJson aria-hidden size={15} />
          Export JSON
        </a>
      </Menu>
    </div>
  );
}
