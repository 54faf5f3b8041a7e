/**
 * Runs ELK off the main thread: a 200-subnet VPC takes a second or more to lay out, which would freeze the page.
 * Loaded by `use-graph-layout.ts` with `new Worker(new URL('./layout.worker.ts', import.meta.url))`.
 */

import { layoutGraph } from '@/lib/graph/layout';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  postMessage(message: LayoutResponse): void;
}

const scope = globalThis as unknown as WorkerScope;

function isLayoutRequest(value: unknown): value is LayoutRequest {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'atlas-layout';
}

// addEventListener, not onmessage: ELK assigns `self.onmessage` for its own protocol when it is first used in a
// worker, which would silently replace ours.
scope.addEventListener('message', (event) => {
  const request = event.data;
  if (!isLayoutRequest(request)) return;
  layoutGraph(request.input, request.direction).then(
    (layout) => scope.postMessage({ type: 'atlas-layout-done', id: request.id, layout }),
    (error: unknown) =>
      scope.postMessage({
        type: 'atlas-layout-failed',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
