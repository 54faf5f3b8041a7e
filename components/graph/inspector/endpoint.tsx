import type { Endpoint } from '@/lib/topology/types';
import { stateTone } from '../format';
import { Badge } from '../node-parts';
import { definePanel, type InspectorPanelProps } from './panel';
import { Fields, Mono, Ref, RefList, SecurityGroups, Section, TagsTable, type Row } from './parts';
import { TrafficSection } from './traffic';

/** The policy as indented JSON; the raw text when it is not JSON. */
export function prettyPolicy(policy: string): string {
  try {
    return JSON.stringify(JSON.parse(policy), null, 2);
  } catch {
    return policy;
  }
}

function EndpointPanel({ resource: ep, index, onSelect, visible }: InspectorPanelProps & { resource: Endpoint }) {
  const subnetLabels = new Map(
    ep.subnetIds.map((id) => {
      const s = index.subnets.get(id);
      return [id, s ? `${s.name ? `${s.name} · ` : ''}${s.az}` : ''];
    }),
  );
  const eniLabels = new Map(
    ep.networkInterfaceIds.map((id) => {
      const eni = index.networkInterfaces.get(id);
      return [id, eni ? [eni.privateIps.length > 0 ? eni.privateIps.join(', ') : eni.privateIp, eni.az].filter(Boolean).join(' · ') : ''];
    }),
  );
  const rtLabels = new Map(ep.routeTableIds.map((id) => [id, index.routeTables.get(id)?.name ?? '']));
  return (
    <>
      <Section title="Endpoint">
        <Fields
          rows={[
            ...(ep.serviceName ? ([['Service', <Mono key="s">{ep.serviceName}</Mono>]] as Row[]) : []),
            ...(ep.serviceNetworkArn ? ([['Service network', <Mono key="sn">{ep.serviceNetworkArn}</Mono>]] as Row[]) : []),
            ...(ep.resourceConfigurationArn ? ([['Resource configuration', <Mono key="rc">{ep.resourceConfigurationArn}</Mono>]] as Row[]) : []),
            ...(ep.serviceRegion ? ([['Service Region', ep.serviceRegion]] as Row[]) : []),
            ['Type', ep.type],
            ['State', <Badge key="st" tone={stateTone(ep.state)}>{ep.state}</Badge>],
            ['VPC', <Ref key="v" id={ep.vpcId} onSelect={onSelect} visible={visible} />],
            ...(ep.type === 'Gateway'
              ? ([['Cost', 'Free: gateway endpoints have no hourly or data charge']] as Row[])
              : ([
                  ['Private DNS', ep.privateDnsEnabled ? 'Enabled' : 'Disabled'],
                  ['IP address type', ep.ipAddressType ?? '—'],
                  ...(ep.dnsOptions?.dnsRecordIpType ? ([['DNS records', ep.dnsOptions.dnsRecordIpType]] as Row[]) : []),
                  ...(ep.dnsOptions?.privateDnsOnlyForInboundResolverEndpoint
                    ? ([['Private DNS only for', 'Inbound Resolver endpoints: traffic from this VPC keeps using the gateway endpoint']] as Row[])
                    : []),
                  ...(ep.ipv4Prefixes.length ? ([['IPv4 prefixes', <Mono key="p4">{ep.ipv4Prefixes.join(', ')}</Mono>]] as Row[]) : []),
                  ...(ep.ipv6Prefixes.length ? ([['IPv6 prefixes', <Mono key="p6">{ep.ipv6Prefixes.join(', ')}</Mono>]] as Row[]) : []),
                ] as Row[])),
            ...(ep.createdAt ? ([['Created', ep.createdAt]] as Row[]) : []),
          ]}
        />
        {ep.lastError ? (
          <p className="mt-2 rounded bg-red-50 p-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-200">
            {ep.lastError.code}: {ep.lastError.message}
          </p>
        ) : null}
      </Section>
      {ep.type === 'Gateway' ? (
        <Section title="Route tables">
          <RefList ids={ep.routeTableIds} labels={rtLabels} onSelect={onSelect} visible={visible} empty="Not associated with any route table: no subnet uses it." />
        </Section>
      ) : (
        <>
          {ep.type === 'Interface' ? <TrafficSection id={ep.id} kind="interface-endpoint" vpcId={ep.vpcId} /> : null}
          <Section title="Subnets">
            <RefList ids={ep.subnetIds} labels={subnetLabels} onSelect={onSelect} visible={visible} empty="No subnets." />
          </Section>
          <Section title="Network interfaces">
            <RefList ids={ep.networkInterfaceIds} labels={eniLabels} onSelect={onSelect} visible={visible} empty="No network interfaces." />
          </Section>
          <Section title="Security groups">
            <SecurityGroups ids={ep.securityGroupIds} index={index} />
          </Section>
          <Section title="DNS names">
            {ep.dnsEntries.length === 0 ? (
              <p className="text-sm text-slate-500 dark:text-slate-400">None.</p>
            ) : (
              <ul className="space-y-0.5">
                {ep.dnsEntries.map((d) => (
                  <li key={d.dnsName} className="break-all font-mono text-[12px]">
                    {d.dnsName}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      )}
      <Section title="Policy">
        {ep.policy ? (
          <pre data-testid="inspector-policy" className="max-h-80 overflow-auto rounded bg-slate-100 p-2 font-mono text-[11.5px] leading-snug dark:bg-slate-800">
            {prettyPolicy(ep.policy)}
          </pre>
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">No policy document (full access).</p>
        )}
      </Section>
      <TagsTable tags={ep.tags} />
    </>
  );
}

/** A gateway endpoint (S3, DynamoDB): its service, state, route tables and policy. */
export const gatewayEndpointPanel = definePanel((id, index) => {
  const ep = index.endpoints.get(id);
  return ep?.type === 'Gateway' ? ep : undefined;
}, EndpointPanel);

/** Any other endpoint type (Interface, GatewayLoadBalancer, ...): subnets, ENIs, security groups, DNS names, policy. */
export const interfaceEndpointPanel = definePanel((id, index) => {
  const ep = index.endpoints.get(id);
  return ep && ep.type !== 'Gateway' ? ep : undefined;
}, EndpointPanel);
