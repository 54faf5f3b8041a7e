import { EC2ServiceException } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { Ec2Error, toEc2Error } from './errors';
import { FixtureApiError } from './fixture';

/** An error as the SDK throws it for an EC2 error response: `name` is the AWS error code. */
function ec2ServiceError(code: string, message: string, httpStatusCode = 400): EC2ServiceException {
  return new EC2ServiceException({
    name: code,
    $fault: httpStatusCode >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode, requestId: 'req-1', attempts: 1, totalRetryDelay: 0 },
    message,
  });
}

/** A message that could only come from a stack trace or the inside of a dependency. */
function expectNoStack(message: string) {
  expect(message).not.toMatch(/\n\s*at /);
  expect(message).not.toMatch(/node_modules|\.ts:\d+|\.js:\d+/);
}

describe('toEc2Error', () => {
  it.each([
    ['UnauthorizedOperation', 403, 'access-denied', /ec2:DescribeNatGateways/],
    ['AccessDenied', 403, 'access-denied', /Add ec2:DescribeNatGateways to the IAM policy/],
    ['RequestLimitExceeded', 503, 'throttled', /try again/],
    ['Throttling', 400, 'throttled', /try again/],
    ['ExpiredToken', 400, 'expired-credentials', /expired.*retry/i],
    ['RequestExpired', 400, 'expired-credentials', /expired/],
    ['AuthFailure', 401, 'invalid-credentials', /AuthFailure/],
    ['InvalidVpcID.NotFound', 400, 'not-found', /does not exist/],
    ['InvalidParameterValue', 400, 'invalid-request', /bad value/],
    ['InternalError', 500, 'server-error', /HTTP 500.*try again/],
  ] as const)('classifies %s (HTTP %i) as %s', (code, status, kind, message) => {
    const raw = ec2ServiceError(code, code.endsWith('NotFound') ? "The vpc ID 'vpc-1' does not exist" : 'bad value', status);
    const e = toEc2Error(raw, 'DescribeNatGateways');
    expect(e).toBeInstanceOf(Ec2Error);
    expect(e).toMatchObject({ kind, code, operation: 'DescribeNatGateways' });
    expect(e.message).toMatch(message);
    expectNoStack(e.message);
  });

  it('tells a dry run that would succeed apart from a failure', () => {
    expect(toEc2Error(ec2ServiceError('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 412)).kind).toBe(
      'dry-run-ok',
    );
  });

  it('reads credential-chain and network failures that carry no AWS code', () => {
    const noCreds = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
    expect(toEc2Error(noCreds, 'DescribeVpcs').kind).toBe('no-credentials');
    expect(toEc2Error(noCreds).message).toMatch(/AWS_PROFILE/);

    const timeout = Object.assign(new Error('socket timed out after 10000 ms'), { name: 'TimeoutError' });
    expect(toEc2Error(timeout, 'DescribeVpcs')).toMatchObject({ kind: 'timeout', operation: 'DescribeVpcs' });

    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const e = toEc2Error(refused, 'DescribeVpcs');
    expect(e.kind).toBe('unreachable');
    expect(e.message).toMatch(/AWS_ENDPOINT_URL/);
  });

  it('reads the fixture backend errors the same way as the SDK ones', () => {
    expect(toEc2Error(new FixtureApiError('InvalidVpcID.NotFound', "The vpc ID 'vpc-1' does not exist")).kind).toBe('not-found');
    expect(toEc2Error(new FixtureApiError('InvalidPaginationToken', 'bad token')).kind).toBe('invalid-request');
  });

  it('keeps an Ec2Error as it is, and never puts a stack trace in the message of an unknown error', () => {
    const e = new Ec2Error('throttled', 'Throttling', 'slow down');
    expect(toEc2Error(e)).toBe(e);
    const weird = new Error('something odd');
    const out = toEc2Error(weird, 'DescribeVpcs');
    expect(out.kind).toBe('unknown');
    expect(out.message).toContain('something odd');
    expectNoStack(out.message);
    expect(toEc2Error('a string was thrown').kind).toBe('unknown');
  });
});
