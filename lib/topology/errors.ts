import { Ec2Error } from '@/lib/ec2/errors';
import { FixtureError } from '@/lib/ec2/fixture-files';
import { VpcNotFoundError } from './load';

export interface LoadFailure {
  status: number;
  /** A short title for a page. */
  title: string;
  /** What went wrong and what to do, safe to show: no stack, no secrets. */
  message: string;
  code: string;
}

/**
 * A message made safe for a page: its first line only (a stack never follows), at most 500
 * characters, with anything shaped like an AWS access key id or secret key blanked out. The
 * messages are ours already; this is the belt to that pair of braces, for text that came from
 * an API or a file.
 */
export function safeMessage(message: string): string {
  const line = message.split(/\r?\n/, 1)[0] ?? '';
  return line
    .replace(/\b(AKIA|ASIA|AROA|AIDA|ABIA|ACCA)[A-Z0-9]{12,}\b/g, '[redacted]')
    .replace(/(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g, '[redacted]')
    .slice(0, 500);
}

/** Maps anything `loadTopology` throws to an HTTP status and a message a person can act on. */
export function describeLoadFailure(err: unknown): LoadFailure {
  const failure = classify(err);
  return { ...failure, message: safeMessage(failure.message) };
}

function classify(err: unknown): LoadFailure {
  if (err instanceof VpcNotFoundError) {
    return { status: 404, title: 'VPC not found', message: err.message, code: 'VpcNotFound' };
  }
  if (err instanceof FixtureError) {
    return { status: 502, title: 'Fixture file is invalid', message: err.message, code: 'FixtureInvalid' };
  }
  if (err instanceof Ec2Error) {
    if (err.kind === 'wrong-region') return { status: 404, title: 'Region not available', message: err.message, code: err.code };
    return { status: 502, title: 'The EC2 API call failed', message: err.message, code: err.code };
  }
  return { status: 500, title: 'Something went wrong', message: 'The topology could not be loaded. See the server log.', code: 'Internal' };
}
