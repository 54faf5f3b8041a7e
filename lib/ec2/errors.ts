/**
 * Turns whatever an EC2 call threw into a message a person can act on. Stack traces and
 * credentials never leave this module: only `code`, `kind` and `message` do.
 */

export type Ec2ErrorKind =
  | 'no-credentials'
  | 'expired-credentials'
  | 'invalid-credentials'
  | 'access-denied'
  | 'throttled'
  | 'timeout'
  | 'unreachable'
  | 'wrong-region'
  | 'server-error'
  | 'malformed-response'
  | 'dry-run-ok'
  | 'invalid-request'
  | 'not-found'
  | 'unknown';

export class Ec2Error extends Error {
  readonly kind: Ec2ErrorKind;
  /** The AWS error code (`UnauthorizedOperation`, `InvalidVpcID.NotFound`, ...) when there was one. */
  readonly code: string;
  /** The EC2 action that failed, e.g. `DescribeNatGateways`. */
  readonly operation: string | undefined;
  constructor(kind: Ec2ErrorKind, code: string, message: string, operation?: string) {
    super(message);
    this.name = 'Ec2Error';
    this.kind = kind;
    this.code = code;
    this.operation = operation;
  }
}

/** What the SDK, Node's network layer and the fixture backend throw, as far as the classifiers read it. */
export interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
  $fault?: unknown;
}

/** AWS's codes for expired and for rejected credentials, and Node's for an unreachable endpoint: shared with lib/metrics/errors.ts. */
export const EXPIRED = new Set(['ExpiredToken', 'ExpiredTokenException', 'RequestExpired', 'TokenRefreshRequired']);
export const INVALID = new Set([
  'AuthFailure',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'InvalidAccessKeyId',
]);
const DENIED = new Set(['UnauthorizedOperation', 'AccessDenied', 'AccessDeniedException', 'Blocked', 'OptInRequired']);
const THROTTLED = new Set(['RequestLimitExceeded', 'Throttling', 'ThrottlingException', 'TooManyRequestsException']);
export const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** The IAM action for an EC2 operation name: `DescribeVpcs` -> `ec2:DescribeVpcs`. */
export function iamAction(operation: string): string {
  return `ec2:${operation}`;
}

/**
 * Classifies an error thrown by an EC2 call (SDK, network or fixture backend) as an Ec2Error
 * whose message says what to fix.
 */
export function toEc2Error(err: unknown, operation?: string): Ec2Error {
  if (err instanceof Ec2Error) return err;
  const e = (typeof err === 'object' && err !== null ? err : {}) as SdkErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.Code === 'string' ? e.Code : typeof e.code === 'string' ? e.code : name;
  const raw = typeof e.message === 'string' ? e.message : String(err);
  const status = e.$metadata?.httpStatusCode;
  const op = operation ? ` (${operation})` : '';

  if (code === 'DryRunOperation') {
    return new Ec2Error('dry-run-ok', code, 'Request would have succeeded (DryRunOperation).', operation);
  }
  if (name === 'CredentialsProviderError' || /could not load credentials|no credentials/i.test(raw)) {
    return new Ec2Error(
      'no-credentials',
      'NoCredentials',
      'No AWS credentials were found. Set AWS_PROFILE to a profile in ~/.aws/config, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, then restart vpc-atlas.',
      operation,
    );
  }
  if (EXPIRED.has(code) || /token (has )?expired|session.*expired|sso.*(expired|refresh)/i.test(raw)) {
    return new Ec2Error(
      'expired-credentials',
      code || 'ExpiredToken',
      `The AWS session token has expired${op}. Refresh it (for SSO: aws sso login --profile <profile>) and retry.`,
      operation,
    );
  }
  if (INVALID.has(code)) {
    return new Ec2Error(
      'invalid-credentials',
      code,
      `AWS rejected the credentials${op}: ${code}. Check the access key, secret and session token of the profile in use.`,
      operation,
    );
  }
  if (DENIED.has(code) || status === 403) {
    const action = operation ? iamAction(operation) : 'the EC2 action';
    return new Ec2Error(
      'access-denied',
      code || 'AccessDenied',
      `Access denied for ${action}. Add ${action} to the IAM policy of the role or user vpc-atlas runs as.`,
      operation,
    );
  }
  if (THROTTLED.has(code) || status === 429) {
    return new Ec2Error(
      'throttled',
      code || 'Throttling',
      `AWS is throttling EC2 requests${op}: ${code || 'Throttling'} even after retries. Wait a minute and try again.`,
      operation,
    );
  }
  // The SDK's HTTP handler names a reset connection TimeoutError too (code ECONNRESET).
  if (code === 'ECONNRESET' || code === 'EPIPE') {
    return new Ec2Error(
      'unreachable',
      code,
      `The connection to the EC2 endpoint was reset${op}. Check the network path to it (proxy, firewall, VPN) and try again.`,
      operation,
    );
  }
  if (
    name === 'TimeoutError' ||
    code === 'ETIMEDOUT' ||
    code === 'RequestTimeout' ||
    /timed? ?out|timeout/i.test(raw)
  ) {
    return new Ec2Error(
      'timeout',
      'Timeout',
      `The EC2 API did not answer in time${op}. Check the network path to the endpoint and try again.`,
      operation,
    );
  }
  if (NETWORK_CODES.has(code) || /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET|socket hang up/.test(raw)) {
    return new Ec2Error(
      'unreachable',
      code || 'NetworkError',
      `The EC2 endpoint could not be reached${op}. Check AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_EC2 and the network.`,
      operation,
    );
  }
  if (code === 'InvalidRegion' || code === 'UnknownEndpoint' || /region .*(not|invalid)|Invalid region/i.test(raw)) {
    return new Ec2Error('wrong-region', code || 'InvalidRegion', `The region is not valid or not enabled for this account${op}.`, operation);
  }
  if (/NotFound$/.test(code)) {
    return new Ec2Error('not-found', code, raw, operation);
  }
  if (typeof status === 'number' && status >= 500) {
    return new Ec2Error(
      'server-error',
      code || `HTTP${status}`,
      `The EC2 API answered with a server error (HTTP ${status})${op}. This is usually temporary; try again.`,
      operation,
    );
  }
  if (/Deserialization|Unexpected token|XML|parse/i.test(name + ' ' + raw) && !code.startsWith('Invalid')) {
    return new Ec2Error(
      'malformed-response',
      'MalformedResponse',
      `The EC2 API sent a response vpc-atlas could not read${op}. Is the endpoint really an EC2 API?`,
      operation,
    );
  }
  if (code.startsWith('Invalid') || code.startsWith('Missing') || code === 'DuplicateSubnetsInSameZone' || status === 400) {
    return new Ec2Error('invalid-request', code || 'InvalidParameter', raw, operation);
  }
  return new Ec2Error('unknown', code || 'Unknown', `The EC2 call failed${op}: ${raw.slice(0, 300)}`, operation);
}
