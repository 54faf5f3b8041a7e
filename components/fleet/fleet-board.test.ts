import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { compactFleetState, newRow } from '@/lib/fleet/compact';
import type { LinkScope } from '@/lib/fleet/links';
import { DEFAULT_FLEET_VIEW, type FleetTableView } from '@/lib/fleet/table-view';
import type { FleetAccount, FleetRow, FleetState } from '@/lib/fleet/types';
import { FleetBoard } from './fleet-board';

const link: LinkScope = { source: 'fixture', sourceInUrl: false };
const at = Date.parse('2026-12-08T00:00:02.000Z');

/** The start of a first pass over 100 accounts x 3 regions: two rows loaded (one with a high finding), 298 waiting. */
function passStart(): FleetState {
  const accounts: FleetAccount[] = Array.from({ length: 100 }, (_, i) => ({ id: String(100000000000 + i), name: `team-${i % 9}-${i}`, source: 'fixture' }));
  const loaded = (a: FleetAccount, region: string, high: number): FleetRow => ({
    ...newRow(a, region, link),
    load: { state: 'loaded', loadedAt: '2026-12-08T00:00:01.000Z' },
    lastLoadedAt: '2026-12-08T00:00:01.000Z',
    counts: { vpcs: 1, subnets: 12, endpoints: 5 },
    findings: { high, medium: 2, low: 0, info: 1 },
    monthlyCost: { natUsd: 35.04, interfaceEndpointUsd: 96.36 },
  });
  const rows = accounts
    .flatMap((a, i) => ['us-east-1', 'eu-west-1', 'us-west-2'].map((r) => (i === 40 && r === 'us-east-1' ? loaded(a, r, 1) : i === 77 && r === 'eu-west-1' ? loaded(a, r, 0) : newRow(a, r, link))))
    .sort((a, b) => a.accountName.localeCompare(b.accountName) || a.accountId.localeCompare(b.accountId) || (a.region ?? '').localeCompare(b.region ?? ''));
  return { source: 'fixture', startedAt: '2026-12-08T00:00:00.000Z', finishedAt: null, total: 300, done: 2, accounts, rows, findings: [], refreshing: false, notices: [] };
}

const html = (initialState: FleetState, view: FleetTableView) =>
  renderToString(createElement(FleetBoard, { initialState, version: 'ep.3', initialView: view, renderedAt: at, mode: 'live' }));

describe('FleetBoard', () => {
  it('renders the same page from a first pass’s compact state as from the whole one, under any filter and sort', () => {
    const state = passStart();
    const compact = compactFleetState(state, link);
    expect(compact.rows).toHaveLength(2);
    const views: FleetTableView[] = [
      DEFAULT_FLEET_VIEW,
      { ...DEFAULT_FLEET_VIEW, region: 'eu-west-1', sort: 'state', desc: true },
      { ...DEFAULT_FLEET_VIEW, account: 'team-4', state: 'loading' },
      { ...DEFAULT_FLEET_VIEW, severity: 'high' },
      { ...DEFAULT_FLEET_VIEW, sort: 'nat', desc: true },
    ];
    for (const view of views) {
      const whole = html(state, view);
      expect(html(compact, view), JSON.stringify(view)).toBe(whole);
    }
    // The first view's table: 50 waiting rows (the 'N more' line for the rest), the loaded ones with their links.
    const first = html(compact, DEFAULT_FLEET_VIEW);
    expect(first.match(/data-testid="fleet-row"/g)).toHaveLength(52);
    expect(first).toContain('248<!-- --> more account-region');
    expect(first).toContain('href="/?region=us-east-1&amp;account=100000000040"');
  });
});
