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

  it('sends every loaded row but only the first 50 waiting ones in the first HTML, saying how many more are loading', () => {
    // A pass just started: 300 rows, one loaded (the 200th in the table's order), the rest waiting.
    const rows: FleetRow[] = Array.from({ length: 300 }, (_, i) => ({ ...(i === 199 ? loaded : base), accountId: String(100000000000 + i) }));
    const html = renderToStaticMarkup(createElement(FleetTable, { rows, view: DEFAULT_FLEET_VIEW, onSort: () => undefined, now: Date.parse('2026-12-07T22:01:00.000Z') }));
    const shown = [...html.matchAll(/<tr data-testid="fleet-row" data-account="(\d+)"[^>]*data-state="(\w+)"/g)].map((m) => [m[1], m[2]]);
    expect(shown).toHaveLength(51);
    expect(shown.slice(0, 50).every(([, state]) => state === 'loading')).toBe(true);
    expect(shown[50]).toEqual(['100000000199', 'loaded']);
    expect(html).toContain('249 more account-regions loading…');
  });

  it('sends a table with no row waiting whole, without a line about more rows', () => {
    const rows: FleetRow[] = Array.from({ length: 120 }, (_, i) => ({ ...loaded, accountId: String(100000000000 + i) }));
    const html = renderToStaticMarkup(createElement(FleetTable, { rows, view: DEFAULT_FLEET_VIEW, onSort: () => undefined, now: Date.parse('2026-12-07T22:01:00.000Z') }));
    expect(html.match(/data-testid="fleet-row"/g)).toHaveLength(120);
    expect(html).not.toContain('more account-region');
  });
});
