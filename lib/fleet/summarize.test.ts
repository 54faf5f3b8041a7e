import { describe, expect, it } from 'vitest';
import { selectableResource } from './summarize';

describe('selectableResource', () => {
  it('selects the first resource the graph draws: an open security group’s endpoint, not the group', () => {
    expect(selectableResource(['sg-0b640bc8650181a6d', 'vpce-004c0eeeb97705a56'])).toBe('vpce-004c0eeeb97705a56');
    expect(selectableResource(['rtb-1', 'subnet-1'])).toBe('rtb-1');
    expect(selectableResource(['sg-1'])).toBe('sg-1');
    expect(selectableResource([])).toBeUndefined();
  });
});
