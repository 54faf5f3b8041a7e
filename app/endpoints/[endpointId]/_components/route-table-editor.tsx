'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { previewRouteTableChange } from '@/lib/endpoints/preview';
import type { ChangeEndpointResult } from '@/lib/endpoints/results';
import { checkRouteTableChange, routeTableOptions } from '@/lib/endpoints/rules';
import type { Endpoint, Topology } from '@/lib/topology/types';
import { ChangeList } from '../../_components/change-list';
import { RouteTablePicker } from '../../_components/route-table-picker';
import { FieldMessages } from '../../_components/ui';
import { changeRouteTables } from '../actions';
import { ActionButtons } from './action-buttons';
import { useReportPendingChange } from './endpoint-graph';

/** Add or remove route tables of a gateway endpoint, with the routes that come and go shown before saving. */
export function RouteTableEditor({
  endpoint,
  topology,
  scope,
  writes,
}: {
  endpoint: Endpoint;
  topology: Topology;
  scope: { source?: string; profile?: string; region: string };
  writes: { enabled: boolean; reason: string | null };
}) {
  const router = useRouter();
  const [chosen, setChosen] = useState(endpoint.routeTableIds);
  const [result, setResult] = useState<ChangeEndpointResult | null>(null);
  const [pending, setPending] = useState<'apply' | 'dry-run' | null>(null);
  const busy = useRef(false);
  const add = chosen.filter((id) => !endpoint.routeTableIds.includes(id));
  const remove = endpoint.routeTableIds.filter((id) => !chosen.includes(id));
  // The endpoint's own tables route the prefix list to it: they are its current choice, not a conflict.
  const options = routeTableOptions(topology, endpoint.vpcId, endpoint.serviceName).map((o) =>
    endpoint.routeTableIds.includes(o.id) ? { ...o, disabledReason: null } : o,
  );
  const errors = checkRouteTableChange(endpoint, add, remove, topology);
  const preview = previewRouteTableChange(endpoint, add, remove, topology);
  useReportPendingChange('route-tables', add.length || remove.length ? preview : null);

  const submit = async (mode: 'apply' | 'dry-run') => {
    if (busy.current) return;
    busy.current = true;
    setPending(mode);
    setResult(null);
    let res: ChangeEndpointResult;
    try {
      res = await changeRouteTables({ ...scope, endpointId: endpoint.id, addRouteTableIds: add, removeRouteTableIds: remove }, mode);
    } catch {
      res = { ok: false, error: 'The server did not answer; try again.', fieldErrors: {} };
    }
    busy.current = false;
    setPending(null);
    setResult(res);
    if (res.ok && res.kind === 'done') router.refresh();
  };

  return (
    <div className="space-y-5">
      <RouteTablePicker
        options={options}
        value={chosen}
        onChange={(ids) => {
          setChosen(ids);
          setResult(null);
        }}
      />
      <FieldMessages field="routeTableIds" errors={[...(errors.routeTableIds ?? []), ...((result && !result.ok && result.fieldErrors.routeTableIds) || [])]} />
      <ChangeList preview={preview} empty="Tick or untick tables to change where the endpoint is used." />
      <ActionButtons result={result} pending={pending} writes={writes} applyLabel="Save route tables" disabled={!add.length && !remove.length} onSubmit={submit} />
    </div>
  );
}
