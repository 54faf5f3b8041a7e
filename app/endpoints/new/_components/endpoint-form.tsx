'use client';

import { Cable, Route as RouteIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useMemo, useRef, useState } from 'react';
import { toAwsCli, toTerraform } from '@/lib/endpoints/codegen';
import { estimateMonthlyCost } from '@/lib/endpoints/cost';
import { previewCreate } from '@/lib/endpoints/preview';
import type { SubmitEndpointResult } from '@/lib/endpoints/results';
import {
  checkEndpointInput,
  findOffering,
  ipAddressTypes,
  privateDnsState,
  routeTableOptions,
  securityGroupOptions,
  subnetGroups,
  type RuleResult,
} from '@/lib/endpoints/rules';
import { EndpointInput, zodFieldErrors, type IpAddressType } from '@/lib/endpoints/schemas';
import type { FieldErrors, ServiceOffering } from '@/lib/endpoints/types';
import { scopeQuery } from '@/lib/topology/scope-query';
import type { Topology } from '@/lib/topology/types';
import { submitEndpoint } from '../actions';
import { PolicyEditor } from './policy-editor';
import { PreviewGraph } from '../../_components/preview-graph';
import { PreviewPanel, type SubmitState } from './preview-panel';
import { RouteTablePicker } from '../../_components/route-table-picker';
import { SecurityGroupPicker } from './security-group-picker';
import { ServicePicker } from './service-picker';
import { SubnetPicker } from './subnet-picker';
import { Card, FieldMessages, inputClass, Switch } from '../../_components/ui';

export type FormType = 'gateway' | 'interface';

export interface EndpointFormProps {
  scope: { source: 'fixture' | 'live'; profile?: string; region: string; sourceInUrl: boolean };
  topology: Topology;
  services: ServiceOffering[];
  initial: {
    vpcId: string;
    type: FormType;
    serviceName: string;
    routeTableIds: string[];
    subnetIds: string[];
    securityGroupIds: string[];
  };
  /** Minted when the page was rendered: every submit of this form carries it, so AWS creates one endpoint. */
  clientToken: string;
  writes: { enabled: boolean; reason: string | null };
}

const TYPES: Array<{ type: FormType; title: string; icon: typeof RouteIcon; text: string }> = [
  { type: 'gateway', title: 'Gateway', icon: RouteIcon, text: 'S3 and DynamoDB through routes in your route tables. No charge.' },
  { type: 'interface', title: 'Interface', icon: Cable, text: 'A network interface per AZ, for most AWS services. Billed per hour and GB.' },
];

function merge(a: FieldErrors, b: FieldErrors): FieldErrors {
  const out: FieldErrors = { ...a };
  for (const [k, v] of Object.entries(b) as Array<[keyof FieldErrors, string[]]>) out[k] = [...new Set([...(out[k] ?? []), ...v])];
  return out;
}

/** The new-endpoint form: every choice checked against the VPC as you make it, a preview, and Dry run / Create. */
export function EndpointForm({ scope, topology, services, initial, clientToken, writes }: EndpointFormProps) {
  const router = useRouter();
  const [vpcId, setVpcId] = useState(initial.vpcId);
  const [type, setType] = useState<FormType>(initial.type);
  const [serviceName, setServiceName] = useState(initial.serviceName);
  const [routeTableIds, setRouteTableIds] = useState(initial.routeTableIds);
  const [subnetIds, setSubnetIds] = useState(initial.subnetIds);
  const [securityGroupIds, setSecurityGroupIds] = useState(initial.securityGroupIds);
  const [privateDns, setPrivateDns] = useState(true);
  const [ipAddressType, setIpAddressType] = useState<IpAddressType>('ipv4');
  const [policy, setPolicy] = useState('');
  const [name, setName] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const [submit, setSubmit] = useState<SubmitState>({ pending: null, dryRun: null, error: null });
  const inFlight = useRef(false);

  const kind = type === 'gateway' ? 'Gateway' : 'Interface';
  const vpc = topology.vpcs.find((v) => v.id === vpcId);
  const offering = findOffering(services, serviceName, kind);
  const vpcAzs = useMemo(() => [...new Set(topology.subnets.filter((s) => s.vpcId === vpcId).map((s) => s.az))].sort(), [topology, vpcId]);
  const dns = vpc ? privateDnsState(topology, vpc, offering) : null;
  const privateDnsEnabled = !!dns?.available && privateDns;
  const chosenSubnets = topology.subnets.filter((s) => subnetIds.includes(s.id));
  const ipOptions = ipAddressTypes(offering, chosenSubnets);

  const values = useMemo(() => {
    const common = {
      // Left out when the URL did not name it: the server then uses its default, as the page did.
      source: scope.sourceInUrl ? scope.source : undefined,
      profile: scope.profile,
      region: scope.region,
      vpcId,
      serviceName,
      name,
      policy,
      clientToken,
    };
    return type === 'gateway'
      ? { ...common, type, routeTableIds }
      : { ...common, type, subnetIds, securityGroupIds, privateDnsEnabled, ipAddressType };
  }, [scope, vpcId, serviceName, name, policy, clientToken, type, routeTableIds, subnetIds, securityGroupIds, privateDnsEnabled, ipAddressType]);
  const valuesKey = JSON.stringify(values);

  const live: RuleResult = useMemo(() => {
    const parsed = EndpointInput.safeParse(values);
    if (parsed.success) return checkEndpointInput(parsed.data, { topology, services });
    return { fieldErrors: attempted ? zodFieldErrors(parsed.error) : {}, warnings: {} };
  }, [values, topology, services, attempted]);
  const errors = merge(live.fieldErrors, serverErrors);

  // What the server said was about the values it saw; a change makes it stale.
  useEffect(() => {
    setServerErrors({});
    setSubmit((s) => (s.pending ? s : { pending: null, dryRun: null, error: null }));
  }, [valuesKey]);

  // The URL is the view: a link to this page reopens the same choices.
  useEffect(() => {
    const choices: Record<string, string> = {
      ...(vpcId ? { vpc: vpcId } : {}),
      type,
      ...(serviceName ? { service: serviceName } : {}),
      ...(type === 'gateway' && routeTableIds.length ? { routeTables: routeTableIds.join(',') } : {}),
      ...(type === 'interface' && subnetIds.length ? { subnets: subnetIds.join(',') } : {}),
    };
    const next = `${window.location.pathname}?${scopeQuery(scope, choices)}`;
    if (next !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', next);
  }, [scope, vpcId, type, serviceName, routeTableIds, subnetIds]);

  const preview = useMemo(
    () => previewCreate({ type, vpcId, serviceName, name, routeTableIds, subnetIds, securityGroupIds, privateDnsEnabled }, topology, services),
    [type, vpcId, serviceName, name, routeTableIds, subnetIds, securityGroupIds, privateDnsEnabled, topology, services],
  );
  const azCount = new Set(chosenSubnets.map((s) => s.az)).size;
  const cost = type === 'gateway' ? estimateMonthlyCost('gateway', scope.region, 0) : azCount ? estimateMonthlyCost('interface', scope.region, azCount) : null;
  const codegenInput = { ...values, region: scope.region, policy, ipAddressType };
  const cli = serviceName && vpcId ? toAwsCli(codegenInput) : '# Choose a VPC and a service first.';
  const terraform = serviceName && vpcId ? toTerraform(codegenInput) : '# Choose a VPC and a service first.';

  const onSubmit = async (mode: 'create' | 'dry-run') => {
    // A second click while the first is on its way does nothing; the ClientToken covers the rest.
    if (inFlight.current) return;
    inFlight.current = true;
    setAttempted(true);
    setServerErrors({});
    setSubmit({ pending: mode, dryRun: null, error: null });
    let res: SubmitEndpointResult;
    try {
      res = await submitEndpoint(values, mode);
    } catch {
      res = { ok: false, error: 'The server did not answer. Check that vpc-atlas is running, then try again.', fieldErrors: {} };
    }
    if (res.ok && res.kind === 'created') {
      router.push(res.redirectTo);
      return;
    }
    inFlight.current = false;
    if (res.ok) setSubmit({ pending: null, dryRun: res.dryRun, error: null });
    else {
      setServerErrors(res.fieldErrors);
      setSubmit({ pending: null, dryRun: null, error: res.error });
    }
  };

  const chooseType = (t: FormType) => {
    setType(t);
    if (!findOffering(services, serviceName, t === 'gateway' ? 'Gateway' : 'Interface')) setServiceName('');
  };
  const chooseVpc = (id: string) => {
    setVpcId(id);
    setRouteTableIds([]);
    setSubnetIds([]);
    setSecurityGroupIds([]);
  };

  const sgOptions = vpc ? securityGroupOptions(topology, vpc) : [];
  let step = 0;

  return (
    <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,1fr)_26rem] xl:grid-cols-[minmax(0,1fr)_30rem]">
      <div className="min-w-0 space-y-6">
        <Card step={++step} title="Where" description="The VPC the endpoint belongs to, and how it connects." testId="section-where">
          <div className="space-y-1.5">
            <label htmlFor="vpc" className="text-sm font-medium">
              VPC
            </label>
            <select id="vpc" className={inputClass} value={vpcId} onChange={(e) => chooseVpc(e.target.value)}>
              {!vpc && <option value="">Choose a VPC…</option>}
              {topology.vpcs.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name === v.id ? v.id : `${v.name} · ${v.id}`} · {v.cidrBlocks.join(', ')}
                  {v.isDefault ? ' (default)' : ''}
                </option>
              ))}
            </select>
            <FieldMessages field="vpcId" errors={errors.vpcId} />
          </div>
          <fieldset>
            <legend className="mb-2 text-sm font-medium">Endpoint type</legend>
            <div className="grid gap-3 sm:grid-cols-2">
              {TYPES.map(({ type: t, title, icon: Icon, text }) => (
                <label
                  key={t}
                  className={`flex cursor-pointer gap-3 rounded-lg border p-4 transition-colors ${
                    type === t ? 'border-teal-500 bg-teal-50/60 ring-1 ring-teal-500 dark:bg-teal-950/40' : 'border-slate-200 hover:border-slate-300 dark:border-slate-800 dark:hover:border-slate-700'
                  }`}
                >
                  <input
                    type="radio"
                    name="type"
                    aria-label={title}
                    value={t}
                    checked={type === t}
                    onChange={() => chooseType(t)}
                    className="mt-1 h-4 w-4 accent-teal-600"
                  />
                  <span>
                    <span className="flex items-center gap-1.5 font-medium">
                      <Icon aria-hidden className="h-4 w-4 text-teal-600 dark:text-teal-400" />
                      {title}
                    </span>
                    <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{text}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        </Card>

        <Card step={++step} title="Service" description={type === 'gateway' ? 'Only S3 and DynamoDB offer gateway endpoints.' : 'The AWS service clients in the VPC will reach privately.'} testId="section-service">
          <ServicePicker services={services} type={kind} value={serviceName} vpcAzs={vpcAzs} onChange={setServiceName} />
          <FieldMessages field="serviceName" errors={errors.serviceName} />
        </Card>

        {vpc && type === 'gateway' && (
          <Card
            step={++step}
            title="Route tables"
            description="Each chosen table gets a route from the service’s prefix list to the endpoint; the subnets using the table then reach the service through it."
            testId="section-route-tables"
          >
            <RouteTablePicker options={routeTableOptions(topology, vpcId, offering ? serviceName : null)} value={routeTableIds} onChange={setRouteTableIds} />
            <FieldMessages field="routeTableIds" errors={errors.routeTableIds} />
          </Card>
        )}

        {vpc && type === 'interface' && (
          <>
            <Card step={++step} title="Subnets" description="One subnet per availability zone; the endpoint puts a network interface with a private address in each." testId="section-subnets">
              <SubnetPicker groups={subnetGroups(topology, vpcId, offering)} value={subnetIds} serviceShortName={offering?.shortName ?? null} onChange={setSubnetIds} />
              <FieldMessages field="subnetIds" errors={errors.subnetIds} />
            </Card>
            <Card step={++step} title="Security groups" description="They decide who may connect to the endpoint’s network interfaces: clients need TCP 443." testId="section-security-groups">
              <SecurityGroupPicker
                options={sgOptions}
                value={securityGroupIds}
                defaultGroup={sgOptions.find((g) => g.groupName === 'default')}
                onChange={setSecurityGroupIds}
              />
              <FieldMessages field="securityGroupIds" errors={errors.securityGroupIds} warnings={live.warnings.securityGroupIds} />
            </Card>
            <Card step={++step} title="DNS and addressing" testId="section-dns">
              <div className="flex items-start gap-3">
                <Switch id="private-dns" label="Enable private DNS name" describedBy="private-dns-help" checked={privateDnsEnabled} disabled={!dns?.available} onChange={setPrivateDns} />
                <span>
                  <label htmlFor="private-dns" className={`block text-sm font-medium ${dns?.available ? 'cursor-pointer' : 'cursor-not-allowed'}`}>
                    Private DNS name
                  </label>
                  <span id="private-dns-help" className="block text-sm text-slate-600 dark:text-slate-400">
                    {dns?.name
                      ? `Clients keep using ${dns.name}; inside the VPC it resolves to the endpoint’s addresses.`
                      : 'Clients use the endpoint’s own DNS names.'}
                  </span>
                  {dns && !dns.available && dns.reason && (
                    <span data-testid="private-dns-reason" className="mt-1 block text-sm text-amber-700 dark:text-amber-300">
                      {dns.reason}
                    </span>
                  )}
                </span>
              </div>
              <FieldMessages field="privateDnsEnabled" errors={errors.privateDnsEnabled} />
              <fieldset>
                <legend className="mb-2 text-sm font-medium">IP address type</legend>
                <div className="flex flex-wrap gap-2">
                  {ipOptions.map((o) => (
                    <label
                      key={o.type}
                      title={o.reason ?? undefined}
                      className={`inline-flex items-center gap-2 rounded-lg border px-3 py-1.5 text-sm ${
                        ipAddressType === o.type ? 'border-teal-500 ring-1 ring-teal-500' : 'border-slate-200 dark:border-slate-700'
                      } ${o.reason && ipAddressType !== o.type ? 'cursor-not-allowed opacity-50' : 'cursor-pointer'}`}
                    >
                      <input
                        type="radio"
                        name="ip-address-type"
                        value={o.type}
                        checked={ipAddressType === o.type}
                        disabled={!!o.reason && ipAddressType !== o.type}
                        onChange={() => setIpAddressType(o.type)}
                        className="accent-teal-600"
                      />
                      {o.type === 'ipv4' ? 'IPv4' : o.type === 'ipv6' ? 'IPv6' : 'Dual-stack'}
                    </label>
                  ))}
                </div>
                {ipOptions.find((o) => o.type === 'dualstack')?.reason && (
                  <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">IPv6 options: {ipOptions.find((o) => o.type === 'dualstack')!.reason}</p>
                )}
              </fieldset>
              <FieldMessages field="ipAddressType" errors={errors.ipAddressType} />
            </Card>
          </>
        )}

        <Card step={++step} title="Policy" description="Who may do what through the endpoint. It narrows access; it never grants more than IAM does." testId="section-policy">
          <PolicyEditor
            value={policy}
            onChange={setPolicy}
            serviceShortName={offering?.shortName ?? null}
            region={scope.region}
            accountId={vpc?.ownerId ?? null}
            serverErrors={serverErrors.policy}
          />
        </Card>

        <Card step={++step} title="Name" testId="section-name">
          <div className="space-y-1.5">
            <label htmlFor="name" className="text-sm font-medium">
              Name tag <span className="font-normal text-slate-500">(optional)</span>
            </label>
            <input id="name" className={inputClass} value={name} maxLength={256} placeholder={offering ? `${vpc?.name ?? 'vpc'}-${offering.shortName}` : 'e.g. shared-s3'} onChange={(e) => setName(e.target.value)} />
            <FieldMessages field="name" errors={errors.name} />
          </div>
        </Card>
        <FieldMessages field="form" errors={errors.form ?? errors.region ?? errors.clientToken} />
      </div>

      <div className="lg:sticky lg:top-6 lg:self-start">
        <PreviewPanel
          preview={preview}
          cost={cost}
          cli={cli}
          terraform={terraform}
          emptyChanges={
            !vpc
              ? 'Choose a VPC.'
              : !serviceName
                ? 'Choose a service.'
                : type === 'gateway'
                  ? 'Choose at least one route table.'
                  : 'Choose at least one subnet.'
          }
          graph={vpc ? <PreviewGraph topology={topology} preview={preview} /> : null}
          writes={writes}
          state={submit}
          onSubmit={onSubmit}
        />
      </div>
    </div>
  );
}
