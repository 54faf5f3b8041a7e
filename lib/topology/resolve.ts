import 'server-only';
import { getConfig } from '@/lib/config';
import type { Source } from '@/lib/ec2/backend';

/**
 * The source a request may use: the configured one by default. Live is offered only when the
 * server was started with ATLAS_SOURCE=live (it needs credentials or an endpoint to talk to).
 */
export function resolveSource(requested: Source | undefined): { source: Source } | { error: string } {
  const config = getConfig();
  const source = requested ?? config.source;
  if (source === 'live' && config.source !== 'live') {
    return { error: 'source: live mode is not configured on this server (start it with ATLAS_SOURCE=live).' };
  }
  return { source };
}

export function defaultRegion(): string {
  return getConfig().defaultRegion;
}
