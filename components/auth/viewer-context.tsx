'use client';

import { createContext, useContext } from 'react';
import type { ViewerSummary } from '@/lib/auth/types';

const ViewerContext = createContext<ViewerSummary | null>(null);

/** Hands the signed-in viewer (name and role, nothing secret) from the root layout to client components. */
export function ViewerProvider({ viewer, children }: { viewer: ViewerSummary | null; children: React.ReactNode }) {
  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

/**
 * Whether to show buttons that change things: for editors (and for everyone with ATLAS_AUTH=none, where the
 * anonymous visitor is an editor). Only a courtesy: every server action checks the role again.
 */
export function useCanEdit(): boolean {
  const viewer = useContext(ViewerContext);
  return viewer === null ? false : viewer.role === 'editor';
}
