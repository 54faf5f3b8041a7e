/** Messages between the canvas and the layout worker. */

import type { GraphLayout } from '@/lib/graph/layout';
import type { LayoutInput } from '@/lib/graph/layout-key';
import type { Direction } from '@/lib/graph/types';

// `type` rather than ELK's `cmd`: elk.bundled.js installs its own message listener in worker scope and acts
// on `cmd`, so our messages must not carry one.
export type LayoutRequest = { type: 'atlas-layout'; id: number; input: LayoutInput; direction: Direction };

export type LayoutResponse =
  | { type: 'atlas-layout-done'; id: number; layout: GraphLayout }
  | { type: 'atlas-layout-failed'; id: number; message: string };
