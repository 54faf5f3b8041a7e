'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState } from 'react';
import { changeBetween, changesSomething, checkEndpointChange, currentOf, previewEndpointChange } from '@/lib/endpoints/modify';
import type { ChangeEndpointResult } from '@/lib/endpoints/results';
import { findOffering } from '@/lib/endpoints/rules';
import type { ServiceOffering } from '@/lib/endpoints/types';
import type { Endpoint, Topology } from '@/lib/topology/types';
import { FieldMessages } from '../../_components/ui';
import { PolicyEditor } from '../../new/_components/policy-editor';
import { changeEndpoint } from '../actions';
import { ActionButtons } from './action-buttons';
import { ChangeSummary } from './change-summary';
import type { EditorScope } from './interface-editor';

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
  const router = useRouter();
  const current = useMemo(() => currentOf(endpoint), [endpoint]);
  const [policy, setPolicy] = useState(current.policy);
  const [result, setResult] = useState<ChangeEndpointResult | null>(null);
  const [pending, setPending] = useState<'apply' | 'dry-run' | null>(null);
  const busy = useRef(false);
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
  const server = result && !result.ok ? result.fieldErrors : {};

  const submit = async (mode: 'apply' | 'dry-run') => {
    if (busy.current) return;
    busy.current = true;
    setPending(mode);
    setResult(null);
    let res: ChangeEndpointResult;
    try {
      res = await changeEndpoint({ ...scope, ...change }, mode);
    } catch {
      res = { ok: false, error: 'The server did not answer. Check that vpc-atlas is running, then try again.', fieldErrors: {} };
    }
    busy.current = false;
    setPending(null);
    setResult(res);
    if (res.ok && res.kind === 'done') router.refresh();
  };

  if (offering && !offering.policySupported) return <p className="text-sm text-slate-600 dark:text-slate-400">{offering.shortName} does not support endpoint policies.</p>;
  return (
    <div className="space-y-5">
      <PolicyEditor
        value={policy}
        onChange={(p) => {
          setPolicy(p);
          setResult(null);
        }}
        serviceShortName={offering?.shortName ?? endpoint.serviceShortName}
        region={scope.region}
        accountId={vpc?.ownerId ?? null}
        serverErrors={server.policy}
      />
      <ChangeSummary change={preview} empty="Edit the policy, or pick a template, to change it." />
      <FieldMessages field="form" errors={rules.fieldErrors.form} />
      <ActionButtons result={result} pending={pending} writes={writes} applyLabel="Save policy" disabled={!changesSomething(change)} onSubmit={submit} testIdPrefix="policy-change" />
    </div>
  );
}
