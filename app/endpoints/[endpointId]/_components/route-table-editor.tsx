'use client';

import { useState } from 'react';
import { previewRouteTableChange } from '@/lib/endpoints/preview';
import { checkRouteTableChange, routeTableOptions } from '@/lib/endpoints/rules';
import type { Endpoint, Topology } from '@/lib/topology/types';
import { ChangeList } from '../../_components/change-list';
import { RouteTablePicker } from '../../_components/route-table-picker';
import { FieldMessages } from '../../_components/ui';
import { changeRouteTables } from '../actions';
import { EditorSubmit } from './editor-submit';
import { useReportPendingChange } from './endpoint-graph';
import { useEndpointAction } from './use-endpoint-action';

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
  const [chosen, setChosen] = useState(endpoint.routeTableIds);
  const add = chosen.filter((id) => !endpoint.routeTableIds.includes(id));
  const remove = endpoint.routeTableIds.filter((id) => !chosen.includes(id));
  // The endpoint's own tables route the prefix list to it: they are its current choice, not a conflict.
  const options = routeTableOptions(topology, endpoint.vpcId, endpoint.serviceName).map((o) =>
    endpoint.routeTableIds.includes(o.id) ? { ...o, disabledReason: null } : o,
  );
  const errors = checkRouteTableChange(endpoint, add, remove, topology);
  const preview = previewRouteTableChange(endpoint, add, remove, topology);
  useReportPendingChange('route-tables', add.length || remove.length ? preview : null);

  const action = useEndpointAction((mode) => changeRouteTables({ ...scope, endpointId: endpoint.id, addRouteTableIds: add, removeRouteTableIds: remove }, mode));
  const refused = action.result && !action.result.ok ? action.result.fieldErrors.routeTableIds : undefined;

  return (
    <div className="space-y-5">
      <RouteTablePicker
        options={options}
        value={chosen}
        onChange={(ids) => {
          setChosen(ids);
          action.setResult(null);
        }}
      />
      <FieldMessages field="routeTableIds" errors={[...(errors.routeTableIds ?? []), ...(refused ?? [])]} />
      <EditorSubmit action={action} writes={writes} applyLabel="Save route tables" disabled={!add.length && !remove.length}>
        <ChangeList preview={preview} empty="Tick or untick tables to change where the endpoint is used." />
      </EditorSubmit>
    </div>
  );
}
