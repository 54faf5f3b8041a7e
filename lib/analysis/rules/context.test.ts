import { describe, expect, it } from 'vitest';
import { article, endpointService, gatewayEndpointFormHref, joinWords, Names, plural, resourceHref, uniq } from './context';
import { gatewayEndpoint, interfaceEndpoint, nat, subnet, table, topology } from '../test-topology';

/** The words every finding is written with: how resources are named, listed and linked. */

const t = topology({
  subnets: [subnet('subnet-a', 'us-east-1a', '10.0.0.0/24', { name: 'app-a' }), subnet('subnet-b', 'us-east-1b', '10.0.1.0/24', { name: '  ' }), subnet('subnet-c', 'us-east-1c', '10.0.2.0/24', { name: 'subnet-c' })],
  routeTables: [table('rtb-1', ['subnet-a'], [], { name: 'private' })],
  natGateways: [nat('nat-1', 'subnet-a', { name: 'egress' })],
  endpoints: [
    interfaceEndpoint('vpce-kms', 'kms', ['subnet-a'], { name: 'keys' }),
    // A partner service: its short name is not an AWS service's, so the endpoint is called by its Name tag or id.
    interfaceEndpoint('vpce-partner', 'vpce-svc-0abc', ['subnet-a'], { serviceName: 'com.amazonaws.vpce.us-east-1.vpce-svc-0abc', name: 'Datadog' }),
    interfaceEndpoint('vpce-lattice', '', ['subnet-a'], { serviceName: '', name: '' }),
    // An AWS service endpoint whose short name is blank (never from AWS, but never a blank finding either).
    interfaceEndpoint('vpce-blank', ' ', ['subnet-a'], { name: 'blank-short' }),
    gatewayEndpoint('vpce-s3', 's3', ['rtb-1']),
  ],
});
const names = new Names(t);
const endpoint = (id: string) => t.endpoints.find((e) => e.id === id)!;

describe('Names', () => {
  it('calls a resource by its name, and by its id when the name is blank or the id itself', () => {
    expect(['subnet-a', 'subnet-b', 'subnet-c', 'rtb-1', 'nat-1', 'vpce-kms', 'unknown-1'].map((id) => names.short(id))).toEqual([
      'app-a',
      'subnet-b',
      'subnet-c',
      'private',
      'egress',
      'keys',
      'unknown-1',
    ]);
  });

  it('labels a named resource "name (id)", an unnamed one by its id', () => {
    expect(names.label('subnet-a')).toBe('app-a (subnet-a)');
    expect(names.label('subnet-b')).toBe('subnet-b');
    expect(names.label('subnet-c')).toBe('subnet-c');
  });

  it('lists up to three names, then "and N more"', () => {
    expect(names.list([])).toBe('');
    expect(names.list(['subnet-a'])).toBe('app-a');
    expect(names.list(['subnet-a', 'subnet-b', 'subnet-c'])).toBe('app-a, subnet-b and subnet-c');
    expect(names.list(['subnet-a', 'subnet-b', 'subnet-c', 'rtb-1'])).toBe('app-a, subnet-b, subnet-c and 1 more');
    expect(names.list(['subnet-a', 'subnet-b', 'subnet-c', 'rtb-1', 'nat-1'])).toBe('app-a, subnet-b, subnet-c and 2 more');
  });
});

describe('the words of a finding', () => {
  it('joins words with commas and a last "and"', () => {
    expect(joinWords([])).toBe('');
    expect(joinWords(['a'])).toBe('a');
    expect(joinWords(['a', 'b'])).toBe('a and b');
    expect(joinWords(['a', 'b', 'c'])).toBe('a, b and c');
  });

  it('counts one and many', () => {
    expect(plural(0, 'subnet')).toBe('0 subnets');
    expect(plural(1, 'subnet')).toBe('1 subnet');
    expect(plural(2, 'subnet')).toBe('2 subnets');
    expect(plural(2, 'AZ', 'AZs')).toBe('2 AZs');
    expect(plural(3, 'policy', 'policies')).toBe('3 policies');
  });

  it('reads the gateway services aloud: an S3, a DynamoDB', () => {
    expect(article('S3')).toBe('an');
    expect(article('DynamoDB')).toBe('a');
  });

  it('keeps the first of each repeated id, in order', () => {
    expect(uniq(['b', 'a', 'b', 'c', 'a'])).toEqual(['b', 'a', 'c']);
  });

  it('names what an endpoint connects to, never blank', () => {
    expect(endpointService(endpoint('vpce-kms'), names)).toBe('kms');
    expect(endpointService(endpoint('vpce-s3'), names)).toBe('s3');
    expect(endpointService(endpoint('vpce-partner'), names)).toBe('Datadog');
    expect(endpointService(endpoint('vpce-lattice'), names)).toBe('vpce-lattice');
    expect(endpointService(endpoint('vpce-blank'), names)).toBe('blank-short');
  });
});

describe('links in findings', () => {
  it('selects the resource on its VPC page, every part encoded', () => {
    expect(resourceHref('us-east-1', 'vpc-1', 'rtb-1')).toBe('/vpcs/vpc-1?region=us-east-1&selected=rtb-1');
    expect(resourceHref('a&b', 'vpc/1', 'id #1')).toBe('/vpcs/vpc%2F1?region=a%26b&selected=id%20%231');
  });

  it('pre-fills the gateway endpoint form, each part encoded and the tables joined by literal commas', () => {
    expect(gatewayEndpointFormHref('us-east-1', 'vpc-1', 'dynamodb', ['rtb-1'])).toBe(
      '/endpoints/new?region=us-east-1&vpc=vpc-1&type=gateway&service=com.amazonaws.us-east-1.dynamodb&routeTables=rtb-1',
    );
    expect(gatewayEndpointFormHref('x&y', 'vpc 1', 's3', ['rtb,1', 'rtb-2'])).toBe(
      '/endpoints/new?region=x%26y&vpc=vpc%201&type=gateway&service=com.amazonaws.x%26y.s3&routeTables=rtb%2C1,rtb-2',
    );
  });
});
