import type { Metadata } from 'next';
import { hasRole } from '@/lib/auth/roles';
import { getViewer } from '@/lib/auth/viewer';
import { getConfig } from '@/lib/config';
import { Card } from '../endpoints/_components/ui';
import { ResetDemoData } from './_components/reset-demo-data';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const config = getConfig();
  const viewer = await getViewer();
  const canEdit = !!viewer && hasRole(viewer.role, 'editor');
  return (
    <main className="mx-auto max-w-3xl space-y-6 px-4 py-8 sm:px-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">How this server reads and writes.</p>
      </div>
      <Card title="Writes" testId="settings-writes">
        <dl className="grid gap-4 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Demo data (fixture)</dt>
            <dd className="font-medium">Forms write, always</dd>
          </div>
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Live AWS</dt>
            <dd className="font-medium">{config.liveWrites ? 'Forms write (ATLAS_LIVE_WRITES=1)' : 'Dry runs only (ATLAS_LIVE_WRITES is not 1)'}</dd>
          </div>
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Sign-in (ATLAS_AUTH)</dt>
            <dd className="font-medium" data-testid="settings-auth">
              {config.auth.mode === 'none'
                ? 'None: everyone who reaches this server is an editor'
                : config.auth.mode === 'proxy'
                  ? `Authenticating proxy (${config.auth.header} header)`
                  : 'OpenID Connect'}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500 dark:text-slate-400">Editors (ATLAS_EDITORS)</dt>
            <dd className="font-medium">
              {config.auth.mode === 'none' ? 'Everyone' : `${config.auth.editors.length} listed`}
              {viewer && !viewer.anonymous ? ` · you are ${canEdit ? 'an editor' : 'a viewer'}` : ''}
            </dd>
          </div>
        </dl>
      </Card>
      <Card
        title="Reset demo data"
        description="The demo account keeps what you create, change or delete, across restarts. Resetting deletes that saved state and starts again from the fixture files."
        testId="settings-reset"
      >
        {canEdit ? (
          <>
            {/* Server paths tell an attacker about the machine; only those who may reset need them. */}
            <p className="break-all font-mono text-xs text-slate-500 dark:text-slate-400" data-testid="settings-paths">
              Fixtures: {config.fixtureDir}
              <br />
              Saved state: {config.dataDir}/fixture-state/
            </p>
            <ResetDemoData />
          </>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="reset-editors-only">
            Only editors can reset the demo data.
          </p>
        )}
      </Card>
    </main>
  );
}
