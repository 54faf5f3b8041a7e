/**
 * Fixed node sizes shared by the layout (which must know them before anything is drawn) and the
 * node components (which render inside exactly these boxes). Changing one without the other makes
 * edges attach to the wrong place, so both read them from here.
 *
 * The sizes are chosen for the first view: a three-AZ VPC with a few dozen resources fits a laptop-sized
 * canvas at about 70 % zoom, where 15 px titles still read as 10 px text.
 */

import { boldTextLines } from './text-width';
import type { NodeKind } from './types';

export interface Size {
  width: number;
  height: number;
}

/** Size of a node drawn as a card or a chip (and the minimum size of a group). */
export const NODE_SIZE: Record<NodeKind, Size> = {
  vpc: { width: 360, height: 120 },
  az: { width: 304, height: 120 },
  subnet: { width: 288, height: 56 },
  routeTable: { width: 208, height: 52 },
  internetGateway: { width: 200, height: 52 },
  natGateway: { width: 272, height: 32 },
  gatewayEndpoint: { width: 200, height: 52 },
  interfaceEndpoint: { width: 224, height: 52 },
  endpointEni: { width: 132, height: 34 },
  external: { width: 200, height: 52 },
};

/**
 * Sizes of nodes in a VPC drawn as a semantic overview (`lib/graph/overview`), where titles grow to stay legible at
 * the zoom that fits a 200-subnet VPC or a region (up to 12 px x 3.5 = 42 px, components/graph/overview-controls.tsx):
 * a class of route tables names its routes on up to three lines, and gateways, endpoint classes and a lone table
 * hold their name on two lines of that size, whole ("Internet / gateway", "DynamoDB", "50 / endpoints"); a NAT
 * gateway's chip holds one. Kinds not listed keep `NODE_SIZE`.
 */
export const OVERVIEW_SIZE: Partial<Record<NodeKind, Size>> = {
  routeTable: { width: 320, height: 104 },
  internetGateway: { width: 300, height: 104 },
  gatewayEndpoint: { width: 300, height: 104 },
  external: { width: 300, height: 104 },
  interfaceEndpoint: { width: 300, height: 104 },
  natGateway: { width: 272, height: 56 },
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
  vpc: { top: 60, left: 20, bottom: 20, right: 20 },
  az: { top: 36, left: 8, bottom: 8, right: 8 },
  subnet: { top: 52, left: 8, bottom: 8, right: 8 },
};

/** Kinds that are drawn as containers when they have children. */
export const GROUP_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['vpc', 'az', 'subnet']);

/**
 * The most a title grows (CSS px) in a small graph fitted to its pane below 100 %, to read as 11 px on screen
 * (components/graph/overview-controls.tsx `minTitlePx`); nodes sized for their title hold it at this size.
 */
export const MAX_MIN_TITLE_PX = 20;
/** A chip's two lines no longer fit once its title is this tall: it keeps the title (`atlas-titles-big`). */
export const CHIP_ONE_LINE_PX = 16;

/** A chip's border and padding either side of its text (`Chip` in components/graph/node-parts.tsx), with 4 px to spare. */
const CHIP_TEXT_INSET = 26;
/** A chip as wide as a subnet's inside: a row of its own. */
const CHIP_ROW_WIDTH = NODE_SIZE.subnet.width - (GROUP_PADDING.subnet?.left ?? 0) - (GROUP_PADDING.subnet?.right ?? 0);
/** A chip of two title lines at MAX_MIN_TITLE_PX (line height 1.1), or at 100 % two lines of 12 px over its address. */
const CHIP_TWO_LINES_HEIGHT = 50;

/**
 * An endpoint ENI's chip, sized so that its title (the service, `endpointEniTitle`) is shown whole at any size a
 * fitted graph gives it (up to MAX_MIN_TITLE_PX): half a subnet's width where the title fits there on one line
 * (`sts`, `ecr.dkr`) or on two broken between words (`access- / analyzer`), else the subnet's whole width, on one line
 * (`cloudformation`) or two. `lines` is how many the chip is drawn for.
 */
export function endpointEniSize(title: string): Size & { lines: 1 | 2 } {
  const half = NODE_SIZE.endpointEni;
  const inHalf = boldTextLines(title, MAX_MIN_TITLE_PX, half.width - CHIP_TEXT_INSET);
  if (inHalf.lines === 1) return { ...half, lines: 1 };
  if (inHalf.lines === 2 && !inHalf.midWord) return { width: half.width, height: CHIP_TWO_LINES_HEIGHT, lines: 2 };
  const inRow = boldTextLines(title, MAX_MIN_TITLE_PX, CHIP_ROW_WIDTH - CHIP_TEXT_INSET);
  return inRow.lines === 1 ? { width: CHIP_ROW_WIDTH, height: half.height, lines: 1 } : { width: CHIP_ROW_WIDTH, height: CHIP_TWO_LINES_HEIGHT, lines: 2 };
}

/** Gap between chips inside a subnet (ENIs, NAT gateways). */
export const CHIP_GAP = 8;
/** Gap between subnets stacked in an AZ column. */
export const SUBNET_GAP = 10;
/** Gap between AZ columns. */
export const AZ_GAP = 16;
/** Gap between interface endpoint cards in their band. */
export const CARD_GAP = 10;
/** Gap between the AZ grid and the band of interface endpoints. */
export const BAND_GAP = 28;
