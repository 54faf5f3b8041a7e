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

/** Maps anything `loadTopology` throws to an HTTP status and a message a person can act on. */
export function describeLoadFailure(err: unknown): LoadFailure {
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
