/**
 * Fixed node sizes shared by the layout (which must know them before anything is drawn) and the
 * node components (which render inside exactly these boxes). Changing one without the other makes
 * edges attach to the wrong place, so both read them from here.
 */

import type { NodeKind } from './types';

export interface Size {
  width: number;
  height: number;
}

/** Size of a node drawn as a card (and the minimum size of a group). */
export const NODE_SIZE: Record<NodeKind, Size> = {
  vpc: { width: 320, height: 120 },
  az: { width: 280, height: 96 },
  subnet: { width: 248, height: 84 },
  routeTable: { width: 248, height: 68 },
  internetGateway: { width: 200, height: 56 },
  natGateway: { width: 208, height: 56 },
  gatewayEndpoint: { width: 216, height: 68 },
  interfaceEndpoint: { width: 264, height: 68 },
  endpointEni: { width: 208, height: 48 },
  external: { width: 216, height: 60 },
};

export interface Padding {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Inner padding of nodes that hold children. The top leaves room for the group's header
 * (VPC name and CIDRs, AZ name, subnet name/CIDR/badges).
 */
export const GROUP_PADDING: Partial<Record<NodeKind, Padding>> = {
  vpc: { top: 72, left: 24, bottom: 24, right: 24 },
  az: { top: 48, left: 16, bottom: 16, right: 16 },
  subnet: { top: 80, left: 12, bottom: 12, right: 12 },
};

/** Kinds that are drawn as containers when they have children. */
export const GROUP_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['vpc', 'az', 'subnet']);
