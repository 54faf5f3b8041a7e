/**
 * Vitest globalSetup for the live suite (`vitest.live.config.ts`): starts a moto EC2 server on
 * loopback, hands its URL to the tests (`inject('motoUrl')`, and `MOTO_URL` in the environment),
 * and stops it at teardown.
 *
 * The live suite runs only when asked (`npm run test:live`, or `npm test`), so a missing moto is a
 * failure, never a skip: a green run must mean the live backend was exercised.
 */
import type { TestProject } from 'vitest/node';
import { startMoto } from './moto-server';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Base URL of the moto server, e.g. `http://127.0.0.1:40123`. */
    motoUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const moto = await startMoto({ why: process.env.CI ? 'CI is set, so the live suite must run' : 'the live suite was asked for' });
  const url = moto.url;

  // Workers start after globalSetup and inherit this environment. The SDK must find credentials
  // and a region, and must never reach a real AWS account or a profile of the developer's.
  Object.assign(process.env, {
    MOTO_URL: url,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_SESSION_TOKEN: 'testing',
    AWS_REGION: 'us-east-1',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_EC2_METADATA_DISABLED: 'true',
  });
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_ENDPOINT_URL;
  delete process.env.AWS_ENDPOINT_URL_EC2;
  project.provide('motoUrl', url);

  return moto.stop;
}
