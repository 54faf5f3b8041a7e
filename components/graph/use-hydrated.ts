'use client';

import { useSyncExternalStore } from 'react';

const subscribe = () => () => {};

/**
 * False on the server and in the render that hydrates its HTML, true in the browser after that (React renders once
 * more with `true` as soon as hydration is done) and in any component mounted in the browser. For what differs
 * between server and browser and must not be in the hydrated HTML.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
