'use client';

import type { SubnetGroup } from '@/lib/endpoints/rules';
import { Badge, checkClass, OptionRow } from '../../_components/ui';

/**
 * The VPC's subnets grouped by AZ. An interface endpoint takes one subnet per AZ, so ticking a subnet
 * unticks the other one of its AZ; AZs where the service has no endpoint are disabled.
 */
export function SubnetPicker({
  groups,
  value,
  serviceShortName,
  onChange,
}: {
  groups: SubnetGroup[];
  value: string[];
  serviceShortName: string | null;
  onChange: (ids: string[]) => void;
}) {
  if (!groups.length) return <p className="text-sm text-slate-500">This VPC has no subnets.</p>;
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {groups.map((g) => {
        const ids = g.subnets.map((s) => s.id);
        return (
          <fieldset key={g.az} data-az={g.az} className="min-w-0 space-y-2">
            <legend className="mb-2 flex items-center gap-2 text-sm font-medium">
              {g.az}
              {!g.offered && <Badge tone="amber">not offered</Badge>}
            </legend>
            {!g.offered && serviceShortName && (
              <p className="text-sm text-amber-700 dark:text-amber-300">{serviceShortName} has no endpoint in {g.az}.</p>
            )}
            {g.subnets.map((s) => {
              const checked = value.includes(s.id);
              const disabled = !g.offered && !checked;
              return (
                <OptionRow
                  key={s.id}
                  checked={checked}
                  disabled={!g.offered}
                  attrs={{ 'data-subnet-id': s.id }}
                  input={
                    <input
                      type="checkbox"
                      aria-label={`Subnet ${s.name} ${s.id} in ${g.az}`}
                      className={checkClass}
                      checked={checked}
                      disabled={disabled}
                      onChange={(e) =>
                        onChange(e.target.checked ? [...value.filter((id) => !ids.includes(id)), s.id] : value.filter((id) => id !== s.id))
                      }
                    />
                  }
                >
                  <span className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{s.name}</span>
                    <Badge tone={s.public ? 'amber' : 'slate'}>{s.public ? 'public' : 'private'}</Badge>
                  </span>
                  <span className="mt-0.5 block font-mono text-xs text-slate-500 dark:text-slate-400">
                    {s.cidr}
                    {s.availableIps !== null && ` · ${s.availableIps.toLocaleString('en-US')} free IPs`}
                  </span>
                </OptionRow>
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}
