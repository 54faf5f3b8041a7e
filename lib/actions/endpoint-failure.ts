import 'server-only';
import { EndpointWriteError } from '@/lib/endpoints/write';
import type { FieldErrors } from '@/lib/endpoints/types';
import type { ActionFailure } from './guarded';

/** The endpoint actions' known error: what AWS refused, under the field it concerns (`form`: the whole request). */
export function endpointFailure(err: unknown): ActionFailure<FieldErrors> | undefined {
  if (!(err instanceof EndpointWriteError)) return undefined;
  return { ok: false, error: err.message, fieldErrors: err.field === 'form' ? {} : { [err.field]: [err.message] } };
}
