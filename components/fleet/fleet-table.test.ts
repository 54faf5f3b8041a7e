import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FLEET_VIEW } from '@/lib/fleet/table-view';
import type { FleetRow } from '@/lib/fleet/types';
import { FleetTable } from './fleet-table';

const base: FleetRow = {
  accountId: '111122223333',
  accountName: 'analytics-dev',
  accountSource: 'fixture',
  region: 'eu-west-1',
  load: { state: 'loading' },
  lastLoadedAt: null,
  counts: null,
  findings: null,
  monthlyCost: null,
  warnings: [],
  query: 'region=eu-west-1&account=111122223333',
};

const loaded: FleetRow = {
  ...base,
  region: 'us-east-1',
  load: { state: 'loaded', loadedAt: '2026-12-07T22:00:00.000Z' },
  lastLoadedAt: '2026-12-07T22:00:00.000Z',
  counts: { vpcs: 1, subnets: 12, endpoints: 5 },
  findings: { high: 1, medium: 2, low: 0, info: 1 },
  monthlyCost: { natUsd: 35.04, interfaceEndpointUsd: 96.36 },
};

/** The cells of each row of the table as the server renders it. */
function cellsOf(rows: FleetRow[]): string[][] {
  const html = renderToStaticMarkup(createElement(FleetTable, { rows, view: DEFAULT_FLEET_VIEW, onSort: () => undefined, now: Date.parse('2026-12-07T22:01:00.000Z') }));
  return [...html.matchAll(/<tr data-testid="fleet-row".*?<\/tr>/g)].map((m) => [...m[0].matchAll(/<td([^>]*)>/g)].map((c) => c[1]!));
}

describe('FleetTable', () => {
  it('draws a row still waiting for its first load as one bar over the six number columns, a loaded row with a cell each', () => {
    // Hundreds of rows wait at the start of a pass and all come in the page's first HTML: a waiting row stays small.
    const [waiting, done] = cellsOf([base, loaded]);
    expect(waiting).toHaveLength(4);
    expect(waiting![2]).toContain('colSpan="6"');
    expect(done).toHaveLength(9);
  });
});
