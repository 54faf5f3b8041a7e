import { describe, expect, it } from 'vitest';
import { formatBytes, formatCount, formatMetric } from './format';

describe('metric formatting', () => {
  it.each([
    [0, '0 B'],
    [999, '999 B'],
    [1_750_000, '1.75 MB'],
    [12_345_678, '12.3 MB'],
    [7_000_000_000, '7.00 GB'],
    [123_400_000_000, '123 GB'],
    [2.5e15, '2.50 PB'],
  ])('%d bytes read %s', (bytes, text) => expect(formatBytes(bytes)).toBe(text));

  it('writes counts whole, with separators', () => {
    expect(formatCount(1234567.4)).toBe('1,234,567');
    expect(formatMetric(12, 'Count')).toBe('12');
    expect(formatMetric(1500, 'Bytes')).toBe('1.50 kB');
  });
});
