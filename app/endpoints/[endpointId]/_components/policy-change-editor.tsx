'use client';

import { useMemo, useState } from 'react';
import { changeBetween, changesSomething, checkEndpointChange, currentOf, previewEndpointChange } from '@/lib/endpoints/modify';
import { findOffering } from '@/lib/endpoints/rules';
import type { ServiceOffering } from '@/lib/endpoints/types';
import type { Endpoint, Topology } from '@/lib/topology/types';
import { PolicyEditor } from '../../new/_components/policy-editor';
import { changeEndpoint } from '../actions';
import { ChangeSummary } from './change-summary';
import { EditorSubmit } from './editor-submit';
import type { EditorScope } from './interface-editor';
import { useEndpointAction } from './use-endpoint-action';

/** A gateway endpoint's policy: the create form's editor (templates, checks as you type), then Dry run / Save policy. */
export function PolicyChangeEditor({
  endpoint,
  topology,
  services,
  scope,
  writes,
}: {
  endpoint: Endpoint;
  topology: Topology;
  services: ServiceOffering[];
  scope: EditorScope;
  writes: { enabled: boolean; reason: string | null };
}) {
  const current = useMemo(() => currentOf(endpoint), [endpoint]);
  const [policy, setPolicy] = useState(current.policy);
  const [seen, setSeen] = useState(endpoint.policy);
  if (endpoint.policy !== seen) {
    setSeen(endpoint.policy);
    setPolicy(current.policy);
  }

  const offering = findOffering(services, endpoint.serviceName, endpoint.type === 'Gateway' ? 'Gateway' : 'Interface');
  const vpc = topology.vpcs.find((v) => v.id === endpoint.vpcId);
  const change = changeBetween(endpoint, { ...current, policy });
  const rules = checkEndpointChange(endpoint, { ...change, region: scope.region }, { topology, services });
  const preview = previewEndpointChange(endpoint, change, topology, { services });
  const action = useEndpointAction((mode) => changeEndpoint({ ...scope, ...change }, mode));
  const server = action.result && !action.result.ok ? action.result.fieldErrors : {};

  if (offering && !offering.policySupported) return <p className="text-sm text-slate-600 dark:text-slate-400">{offering.shortName} does not support endpoint policies.</p>;
  return (
    <div className="space-y-5">
      <PolicyEditor
        value={policy}
        onChange={(p) => {
          setPolicy(p);
          action.setResult(null);
        }}
        serviceShortName={offering?.shortName ?? endpoint.serviceShortName}
        region={scope.region}
        accountId={vpc?.ownerId ?? null}
        serverErrors={server.policy}
      />
      <EditorSubmit errors={rules.fieldErrors.form} action={action} writes={writes} applyLabel="Save policy" disabled={!changesSomething(change)} testIdPrefix="policy-change">
        <ChangeSummary change={preview} empty="Edit the policy, or pick a template, to change it." />
      </EditorSubmit>
    </div>
  );
}
