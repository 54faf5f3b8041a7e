'use server';

import { z } from 'zod';
import { guarded, type ActionFailure } from '@/lib/actions/guarded';
import { resetFixtureData } from '@/lib/ec2/backend';
import { invalidateTopology } from '@/lib/topology/load';

/** Restores the demo (fixture) data to its seed files: what forms created, changed or deleted is undone. Editors only. */
export async function resetDemoData(): Promise<{ ok: true; message: string } | ActionFailure> {
  return guarded(
    {
      action: 'ResetDemoData',
      doing: 'reset the demo data',
      role: 'editor',
      schema: z.undefined(),
      auditScope: () => ({ source: 'fixture' }),
    },
    undefined,
    async ({ audit, log }) => {
      try {
        await resetFixtureData();
        invalidateTopology('fixture');
      } catch (err) {
        log.error({ err }, 'resetDemoData failed');
        await audit({ request: {}, result: { status: 'error', code: err instanceof Error ? err.name : 'Unknown', message: String(err) } });
        return { ok: false, error: 'The saved demo state could not be deleted; see the server log.', fieldErrors: {} };
      }
      await audit({ request: {}, result: { status: 'ok' } });
      return { ok: true, message: 'Demo data reset: every region is back to the fixture files.' };
    },
  );
}
