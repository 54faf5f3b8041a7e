import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_STATE } from '@/lib/graph/view-url';
import { viewStateHref } from './use-url-view-state';

const VPC_PAGE = '/vpcs/vpc-0a05cda0235155c00';
const selected = { ...DEFAULT_VIEW_STATE, selected: 'vpce-917a9456720a47d59' };

describe('viewStateHref', () => {
  it('writes the selection into the graph page’s address, keeping its other parameters and hash', () => {
    expect(viewStateHref({ pathname: VPC_PAGE, search: '?region=us-east-1', hash: '#x' }, VPC_PAGE, selected)).toBe(
      `${VPC_PAGE}?region=us-east-1&sel=vpce-917a9456720a47d59#x`,
    );
  });

  it('leaves an address that already says the same alone', () => {
    expect(viewStateHref({ pathname: VPC_PAGE, search: '?region=us-east-1&sel=vpce-917a9456720a47d59', hash: '' }, VPC_PAGE, selected)).toBeNull();
  });

  it('never writes the graph’s view onto the page a header link moved to while the graph was still mounted', () => {
    // The CI failure: Audit clicked within the debounce after a create selected the new endpoint gave /audit?sel=vpce-….
    expect(viewStateHref({ pathname: '/audit', search: '', hash: '' }, VPC_PAGE, selected)).toBeNull();
    expect(viewStateHref({ pathname: '/vpcs/vpc-0b', search: '', hash: '' }, VPC_PAGE, selected)).toBeNull();
  });
});
