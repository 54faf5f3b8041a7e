'use client';

import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback, useEffect } from 'react';
import type { Box } from '@/lib/graph/geometry';
import { useGraphStore } from './graph-store';
import type { AtlasEdge, AtlasNode } from './types';

/**
 * Moves of the view the app makes itself: centring a node the user picked (registered with the graph store, so the
 * toolbar's search and the inspector's links can ask for it), and noting where the zoom buttons and the minimap
 * landed. Programmatic moves report no move end, so each puts where it landed into the view (and the URL).
 */
export function useCamera(absolute: ReadonlyMap<string, Box>) {
  const store = useGraphStore();
  const flowApi = useReactFlow<AtlasNode, AtlasEdge>();
  const flowStore = useStoreApi<AtlasNode, AtlasEdge>();
  const recordViewport = useCallback(() => {
    const v = flowApi.getViewport();
    store.dispatch({ type: 'viewport', viewport: { x: v.x, y: v.y, zoom: v.zoom } });
  }, [flowApi, store]);

  /** Pans (and if needed zooms) so the node is in the middle of the screen. */
  const centre = useCallback(
    (id: string, keepZoom: boolean) => {
      const box = absolute.get(id);
      if (!box) return;
      const paneWidth = flowStore.getState().width || 1200;
      const zoom = flowApi.getZoom();
      // Big boxes (a VPC, an AZ) are framed whole; small ones are centred at a zoom where their text is legible.
      const moved =
        box.width * zoom > paneWidth * 0.8 || box.width > 900
          ? flowApi.fitBounds(box, { padding: 0.1, duration: 300 })
          : flowApi.setCenter(box.x + box.width / 2, box.y + box.height / 2, { zoom: keepZoom ? zoom : Math.max(zoom, 0.8), duration: 300 });
      void moved.then(recordViewport);
    },
    [absolute, flowApi, flowStore, recordViewport],
  );
  useEffect(() => {
    store.setCentre(centre);
    return () => store.setCentre(null);
  }, [store, centre]);

  // The zoom buttons and the minimap move the view without a move-end event: note where it lands once it has.
  const recordViewportSoon = useCallback(() => {
    window.setTimeout(recordViewport, 350);
  }, [recordViewport]);
  return { recordViewportSoon };
}
