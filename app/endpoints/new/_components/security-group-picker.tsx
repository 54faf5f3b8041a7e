'use client';

import { ShieldCheck, ShieldOff } from 'lucide-react';
import type { SecurityGroupOption } from '@/lib/endpoints/rules';
import { Badge, checkClass, OptionRow } from '../../_components/ui';

/** The VPC's security groups, marked by whether they admit HTTPS (TCP 443) from the VPC's CIDRs. */
export function SecurityGroupPicker({
  options,
  value,
  defaultGroup,
  onChange,
}: {
  options: SecurityGroupOption[];
  value: string[];
  defaultGroup: SecurityGroupOption | undefined;
  onChange: (ids: string[]) => void;
}) {
  return (
    <div className="space-y-3">
      <div className="grid gap-2.5 md:grid-cols-2">
        {options.map((g) => {
          const checked = value.includes(g.id);
          return (
            <OptionRow
              key={g.id}
              checked={checked}
              attrs={{ 'data-security-group-id': g.id }}
              input={
                <input
                  type="checkbox"
                  aria-label={`Security group ${g.name} ${g.id}`}
                  className={checkClass}
                  checked={checked}
                  onChange={(e) => onChange(e.target.checked ? [...value, g.id] : value.filter((id) => id !== g.id))}
                />
              }
            >
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{g.name}</span>
                {g.admitsHttpsFromVpc ? (
                  <Badge tone="green">
                    <ShieldCheck aria-hidden className="h-3 w-3" /> HTTPS from VPC
                  </Badge>
                ) : (
                  <Badge>
                    <ShieldOff aria-hidden className="h-3 w-3" /> no HTTPS from VPC
                  </Badge>
                )}
              </span>
              <span className="mt-0.5 block font-mono text-xs text-slate-500 dark:text-slate-400">{g.id}</span>
              {g.description && <span className="mt-0.5 block truncate text-xs text-slate-500 dark:text-slate-400">{g.description}</span>}
            </OptionRow>
          );
        })}
      </div>
      {value.length === 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          None chosen: AWS gives the endpoint the VPC’s default security group{defaultGroup ? ` (${defaultGroup.id})` : ''}.
        </p>
      )}
    </div>
  );
}
