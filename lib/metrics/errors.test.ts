import { describe, expect, it } from 'vitest';
import { classifyMetricsError } from './errors';

const sdk = (name: string, httpStatusCode: number) => Object.assign(new Error(`${name} for test`), { name, $metadata: { httpStatusCode } });

describe('classifyMetricsError', () => {
  it.each([
    // What CloudWatch (query protocol and JSON protocol) and the network answer, and what the user is told.
    [sdk('AccessDenied', 403), 'access-denied', /cloudwatch:GetMetricData/],
    [sdk('AccessDeniedException', 400), 'access-denied', /cloudwatch:GetMetricData/],
    [sdk('Throttling', 400), 'throttled', /^CloudWatch is throttling GetMetricData \(Throttling\)/],
    [sdk('SomethingNew', 429), 'throttled', /^CloudWatch is throttling GetMetricData/],
    [sdk('ExpiredToken', 400), 'credentials', /aws sso login/],
    [Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }), 'credentials', /CloudWatch refused the credentials/],
    [Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }), 'unreachable', /AWS_ENDPOINT_URL_CLOUDWATCH/],
    [Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }), 'timeout', /in time/],
    [sdk('InternalFailure', 500), 'server-error', /HTTP 500/],
    [sdk('InvalidParameterCombination', 400), 'error', /InvalidParameterCombination/],
  ])('%s is %s', (err, reason, message) => {
    const out = classifyMetricsError(err);
    expect(out.reason).toBe(reason);
    expect(out.message).toMatch(message);
    expect(out.message).not.toMatch(/\bEC2\b|ec2:/);
  });
});
