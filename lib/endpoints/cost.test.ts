import { describe, expect, it } from 'vitest';
import { estimateMonthlyCost, formatUsd, HOURS_PER_MONTH } from './cost';
import { RATES, recordedRatesFor } from '@/lib/analysis/rates';

describe('monthly cost', () => {
  it('is free for gateway endpoints', () => {
    expect(estimateMonthlyCost('gateway', 'us-east-1', 3).kind).toBe('free');
  });

  it('is AZs x 730 h x the region’s hourly rate for interface endpoints', () => {
    expect(estimateMonthlyCost('interface', 'us-east-1', 2)).toMatchObject({ kind: 'hourly', monthly: 14.6, hourlyPerAz: 0.01, perGb: 0.01, natPerGb: 0.045 });
    expect(estimateMonthlyCost('interface', 'eu-west-1', 3)).toMatchObject({ monthly: 24.09, hourlyPerAz: 0.011 });
    expect(estimateMonthlyCost('interface', 'eu-central-1', 3)).toMatchObject({ monthly: 26.28, hourlyPerAz: 0.012, natPerGb: 0.052 });
    expect(HOURS_PER_MONTH).toBe(730);
  });

  it('says when a region has no rate on file instead of guessing', () => {
    expect(estimateMonthlyCost('interface', 'ap-south-2', 2)).toMatchObject({ kind: 'unknown' });
    expect(recordedRatesFor('ap-south-2')).toBeNull();
  });

  it('keeps every rate positive and the NAT rates above the endpoint rates', () => {
    for (const r of Object.values(RATES)) {
      expect(r.interfaceEndpointPerAzHour).toBeGreaterThan(0);
      expect(r.natGatewayPerGb).toBeGreaterThan(r.interfaceEndpointPerGb);
    }
  });

  it('formats dollars', () => {
    expect(formatUsd(14.6)).toBe('$14.60');
    expect(formatUsd(0.01)).toBe('$0.01');
    expect(formatUsd(0.011)).toBe('$0.011');
    expect(formatUsd(0.045)).toBe('$0.045');
  });
});
