'use client';

import { CircleAlert, Info, Trash2 } from 'lucide-react';
import { useMemo, useState } from 'react';
import { changeBetween, changesSomething, checkEndpointChange, currentOf, previewEndpointChange, type DesiredEndpoint } from '@/lib/endpoints/modify';
import { findOffering, privateDnsState, securityGroupOptions, subnetGroups } from '@/lib/endpoints/rules';
import type { FieldErrors, ServiceOffering } from '@/lib/endpoints/types';
import type { Endpoint, Topology } from '@/lib/topology/types';
import { ChangeList } from '../../_components/change-list';
import { Card, FieldMessages, Switch } from '../../_components/ui';
import { PolicyEditor } from '../../new/_components/policy-editor';
import { SecurityGroupPicker } from '../../new/_components/security-group-picker';
import { SubnetPicker } from '../../new/_components/subnet-picker';
import { changeEndpoint } from '../actions';
import { ChangeSummary, CostChange } from './change-summary';
import { EditorSubmit } from './editor-submit';
import { usePendingDelete, useReportPendingChange } from './endpoint-graph';
import { useEndpointAction } from './use-endpoint-action';

export interface EditorScope {
  source?: string;
  profile?: string;
  region: string;
}

/** The endpoint's editable state as one string: when it changes (after a save, or someone else's), the editor starts from it again. */
function signatureOf(endpoint: Endpoint): string {
  return JSON.stringify([endpoint.subnetIds, endpoint.securityGroupIds, endpoint.privateDnsEnabled, endpoint.policy]);
}

/** The editor's sections, by the field their errors come under. */
const SECTIONS: Array<[keyof FieldErrors, string]> = [
  ['subnetIds', 'Subnets'],
  ['securityGroupIds', 'Security groups'],
  ['privateDnsEnabled', 'Private DNS'],
  ['policy', 'Policy'],
];

function merge(a: FieldErrors, b: FieldErrors): FieldErrors {
  const out: FieldErrors = { ...a };
  for (const [k, v] of Object.entries(b) as Array<[keyof FieldErrors, string[]]>) out[k] = [...new Set([...(out[k] ?? []), ...v])];
  return out;
}

/**
 * Change an interface endpoint: its subnets (one per AZ; each added subnet gets a network interface,
 * each removed one loses it), security groups, private DNS and policy, checked as you click, with what
 * will change and the monthly cost before and after. One ModifyVpcEndpoint applies it all, or nothing.
 */
export function InterfaceEditor({
  endpoint,
  topology,
  services,
  scope,
  writes,
  initial,
  graph,
  after,
}: {
  endpoint: Endpoint;
  topology: Topology;
  services: ServiceOffering[];
  scope: EditorScope;
  writes: { enabled: boolean; reason: string | null };
  /** Pre-filled choices (from the URL); the endpoint as it is otherwise. */
  initial?: Partial<Pick<DesiredEndpoint, 'subnetIds' | 'securityGroupIds'>>;
  /** The endpoint on the graph, under the list of what will change, in the column that stays in view. */
  graph?: React.ReactNode;
  /** Cards after the editor's own in the left column (the delete form, so the graph stays beside it). */
  after?: React.ReactNode;
}) {
  const current = useMemo(() => currentOf(endpoint), [endpoint]);
  const [subnetIds, setSubnetIds] = useState(initial?.subnetIds ?? current.subnetIds);
  const [securityGroupIds, setSecurityGroupIds] = useState(initial?.securityGroupIds ?? current.securityGroupIds);
  const [privateDns, setPrivateDns] = useState(current.privateDnsEnabled);
  const [policy, setPolicy] = useState(current.policy);
  const [groupNote, setGroupNote] = useState<string | null>(null);

  // After a save the page re-reads the endpoint: start again from what it is now, keeping the result line.
  const signature = signatureOf(endpoint);
  const [seen, setSeen] = useState(signature);
  if (signature !== seen) {
    setSeen(signature);
    setSubnetIds(current.subnetIds);
    setSecurityGroupIds(current.securityGroupIds);
    setPrivateDns(current.privateDnsEnabled);
    setPolicy(current.policy);
    setGroupNote(null);
  }

  const vpc = topology.vpcs.find((v) => v.id === endpoint.vpcId);
  const offering = findOffering(services, endpoint.serviceName, 'Interface');
  const dns = vpc ? privateDnsState(topology, vpc, offering, endpoint.id) : null;
  // Turning private DNS off is always possible; turning it on needs what privateDnsState checks.
  const dnsLocked = !endpoint.privateDnsEnabled && !!dns && !dns.available;
  const sgOptions = vpc ? securityGroupOptions(topology, vpc) : [];

  const desired: DesiredEndpoint = { subnetIds, securityGroupIds, privateDnsEnabled: privateDns, policy };
  const change = changeBetween(endpoint, desired);
  const something = changesSomething(change);
  const rules = checkEndpointChange(endpoint, { ...change, region: scope.region }, { topology, services });
  const preview = previewEndpointChange(endpoint, change, topology, { services });
  useReportPendingChange('interface', preview.preview.addNetworkInterfaces.length || preview.preview.removeNetworkInterfaces.length ? preview.preview : null);
  const deleting = usePendingDelete();
  const action = useEndpointAction((mode) => changeEndpoint({ ...scope, ...change }, mode));
  const server = action.result && !action.result.ok ? action.result.fieldErrors : {};
  const errors = merge(rules.fieldErrors, server);
  const formErrors = [...(rules.fieldErrors.form ?? []), ...(rules.fieldErrors.region ?? [])];
  // The panel is far from the fields on a long page: it names the sections to fix before saving.
  const toFix = SECTIONS.filter(([field]) => (errors[field]?.length ?? 0) > 0).map(([, name]) => name);

  const edited = <T,>(set: (v: T) => void) => (v: T) => {
    set(v);
    action.setResult(null);
  };

  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_24rem] xl:grid-cols-[minmax(0,1fr)_30rem]" data-testid="interface-editor">
      <div className="min-w-0 space-y-6">
        <Card
          title="Subnets"
          description="One subnet per availability zone; the endpoint has a network interface in each. Ticking another subnet of an AZ moves the interface there."
          testId="modify-subnets"
        >
          <SubnetPicker groups={subnetGroups(topology, endpoint.vpcId, offering)} value={subnetIds} serviceShortName={offering?.shortName ?? endpoint.serviceShortName} onChange={edited(setSubnetIds)} />
          <FieldMessages field="subnetIds" errors={errors.subnetIds} />
        </Card>

        <Card title="Security groups" description="They decide who may connect to the endpoint’s network interfaces: clients need TCP 443." testId="modify-security-groups">
          <SecurityGroupPicker
            options={sgOptions}
            value={securityGroupIds}
            defaultGroup={sgOptions.find((g) => g.groupName === 'default')}
            onChange={(ids) => {
              if (!ids.length) {
                setGroupNote('An interface endpoint keeps at least one security group: tick the one it should use, then untick this one.');
                return;
              }
              setGroupNote(null);
              edited(setSecurityGroupIds)(ids);
            }}
          />
          {groupNote && (
            <p role="status" data-testid="security-group-note" className="flex gap-2 text-sm text-slate-600 dark:text-slate-400">
              <Info aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
              {groupNote}
            </p>
          )}
          <FieldMessages field="securityGroupIds" errors={errors.securityGroupIds} warnings={rules.warnings.securityGroupIds} />
        </Card>

        <Card title="Private DNS" testId="modify-dns">
          <div className="flex items-start gap-3">
            <Switch id="modify-private-dns" label="Enable private DNS name" describedBy="modify-private-dns-help" checked={privateDns} disabled={dnsLocked} onChange={edited(setPrivateDns)} />
            <span className="min-w-0">
              <label htmlFor="modify-private-dns" className={`block text-sm font-medium ${dnsLocked ? 'cursor-not-allowed' : 'cursor-pointer'}`}>
                Private DNS name
              </label>
              <span id="modify-private-dns-help" className="block text-sm text-slate-600 dark:text-slate-400">
                {dns?.name ? `With it on, clients keep using ${dns.name}: inside the VPC it resolves to the endpoint’s addresses.` : 'Clients use the endpoint’s own DNS names.'}
              </span>
              {dns && !dns.available && dns.reason && (
                <span data-testid="private-dns-reason" className="mt-1 block text-sm text-amber-700 dark:text-amber-300">
                  {endpoint.privateDnsEnabled ? `Once off, it cannot be turned on again here: ${dns.reason}` : dns.reason}
                </span>
              )}
            </span>
          </div>
          <FieldMessages field="privateDnsEnabled" errors={errors.privateDnsEnabled} />
        </Card>

        <Card title="Policy" description="Who may do what through the endpoint. It narrows access; it never grants more than IAM does." testId="modify-policy">
          {offering && !offering.policySupported ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">{offering.shortName} does not support endpoint policies.</p>
          ) : (
            <PolicyEditor
              value={policy}
              onChange={edited(setPolicy)}
              serviceShortName={offering?.shortName ?? endpoint.serviceShortName}
              region={scope.region}
              accountId={vpc?.ownerId ?? null}
              serverErrors={server.policy}
            />
          )}
        </Card>
        {after}
      </div>

      {/* In view while the fields scroll by; scrolls itself when the change and the graph are taller than the window. */}
      <div className="lg:sticky lg:top-6 lg:max-h-[calc(100vh-3rem)] lg:self-start lg:overflow-y-auto">
        <Card title="What will change" testId="modify-preview">
          {/* While the delete's confirmation is open the graph draws it: the list says the same, and the edits above wait, unsaved. */}
          {deleting ? (
            <ChangeList preview={deleting} empty="Nothing else: the endpoint has no routes or network interfaces." />
          ) : (
            <ChangeSummary change={preview} empty="Nothing yet: tick or untick a subnet or a security group, switch private DNS, or edit the policy." />
          )}
          {graph}
          {deleting ? (
            <p data-testid="modify-deleting" className="flex gap-2 border-t border-slate-100 pt-4 text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <Trash2 aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
              <span>
                What the delete below takes away. {something ? 'Your edits above are not saved; cancel the delete to see and save them.' : 'Cancel it to change the endpoint instead.'}
              </span>
            </p>
          ) : (
            <EditorSubmit errors={formErrors} action={action} writes={writes} applyLabel="Save changes" disabled={!something} testIdPrefix="modify" divided>
              {preview.cost && (
                <div className="space-y-2 border-t border-slate-100 pt-4 dark:border-slate-800">
                  <h3 className="text-xs font-semibold uppercase tracking-wider text-slate-500 dark:text-slate-400">Monthly cost</h3>
                  <CostChange before={preview.cost.before} after={preview.cost.after} />
                </div>
              )}
              {toFix.length > 0 && (
                <p data-testid="modify-to-fix" className="flex gap-2 text-sm text-red-700 dark:text-red-300">
                  <CircleAlert aria-hidden className="mt-0.5 h-4 w-4 shrink-0" />
                  <span>Not possible as it is: see {toFix.join(', ')}.</span>
                </p>
              )}
            </EditorSubmit>
          )}
        </Card>
      </div>
    </div>
  );
}
