/**
 * What a failed CloudWatch read means to a person, in CloudWatch's own terms (its IAM action, its throttling, its
 * endpoint variable), never EC2's. A metrics failure is a notice beside a working graph, never an error page: the
 * classification says what to show and whether the read may be retried soon. Stack traces and credentials never
 * leave this module: only `reason`, `code` and `message` do.
 */

import { EXPIRED, INVALID, NETWORK_CODES, type SdkErrorLike } from '@/lib/ec2/errors';

export const METRICS_PERMISSION = 'cloudwatch:GetMetricData';

export type MetricsFailureReason = 'access-denied' | 'throttled' | 'credentials' | 'unreachable' | 'timeout' | 'server-error' | 'error';

export interface MetricsFailure {
  reason: MetricsFailureReason;
  /** The AWS error code, or a name of ours for network failures. */
  code: string;
  /** Safe to show. */
  message: string;
}


// CloudWatch's query protocol answers `AccessDenied`; the JSON protocol `AccessDeniedException`.
const DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'UnauthorizedAccess']);
// GetMetricData is limited in transactions per second per account and Region; above it CloudWatch answers `Throttling`.
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'LimitExceeded', 'LimitExceededException']);
/** Classifies whatever a GetMetricData read threw. */
export function classifyMetricsError(err: unknown): MetricsFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.Code === 'string' ? e.Code : typeof e.code === 'string' ? e.code : name;
  const raw = typeof e.message === 'string' ? e.message : String(err);
  const status = e.$metadata?.httpStatusCode;

  if (DENIED.has(code) || status === 403) {
    return {
      reason: 'access-denied',
      code: code || 'AccessDenied',
      message: `Traffic metrics need ${METRICS_PERMISSION}: add it to the IAM policy of the role or user vpc-atlas runs as. The graph works without it.`,
    };
  }
  if (THROTTLED.has(code) || status === 429) {
    return {
      reason: 'throttled',
      code: code || 'Throttling',
      message: `CloudWatch is throttling GetMetricData (${code || 'Throttling'}) even after retries; traffic is shown again in a minute or so. The account's other GetMetricData callers share the limit.`,
    };
  }
  if (name === 'CredentialsProviderError' || EXPIRED.has(code) || INVALID.has(code) || /could not load credentials|token (has )?expired/i.test(raw)) {
    return {
      reason: 'credentials',
      code: code || 'NoCredentials',
      message: `CloudWatch refused the credentials (${code || 'no credentials'}): refresh or fix the profile vpc-atlas reads (for SSO: aws sso login), then reload.`,
    };
  }
  if (name === 'TimeoutError' || code === 'ETIMEDOUT' || /timed? ?out|timeout/i.test(raw)) {
    return { reason: 'timeout', code: 'Timeout', message: 'CloudWatch did not answer GetMetricData in time; try again.' };
  }
  if (NETWORK_CODES.has(code) || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|socket hang up/.test(raw)) {
    return {
      reason: 'unreachable',
      code: code || 'NetworkError',
      message: 'The CloudWatch endpoint could not be reached. Check AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_CLOUDWATCH and the network path to it.',
    };
  }
  if (typeof status === 'number' && status >= 500) {
    return { reason: 'server-error', code: code || `HTTP${status}`, message: `CloudWatch answered GetMetricData with a server error (HTTP ${status}); this is usually temporary.` };
  }
  return { reason: 'error', code: code || 'Unknown', message: `The CloudWatch read failed (${code || 'unknown error'}); the graph and costs work without traffic.` };
}
