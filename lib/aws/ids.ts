import { z } from 'zod';

/**
 * The one home of the AWS id and region patterns that URLs, forms and fixture folders are checked with.
 *
 * Ids: the ids AWS issues today are `<prefix>-` and 17 hex digits (8 for older resources), but the data this
 * app is fed holds others that must open too: AWS's own documentation examples (`vpc-0e9801d129EXAMPLE`),
 * emulators' short ids (moto, LocalStack), ids in other letters' case. So an id is `<prefix>-` and 1 to 40
 * letters or digits: a safe character set (nothing that means something in a URL, a path or HTML) and a
 * bounded length. Whether it exists is answered by the data, never by the pattern.
 */

/** Letters and digits after the prefix; AWS's longest today is 17. */
const ID_TAIL = '[0-9A-Za-z]{1,40}';

/** `^vpc-[0-9A-Za-z]{1,40}$` and friends. */
export function awsIdPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}-${ID_TAIL}$`);
}

/** A schema for ids of one prefix; the message shows what one looks like. */
export function awsId(prefix: string, label: string) {
  return z
    .string()
    .trim()
    .regex(awsIdPattern(prefix), `${label} must look like ${prefix}-0a1b2c3d4e5f60718`);
}

export const VpcId = awsId('vpc', 'vpc');
export const SubnetId = awsId('subnet', 'a subnet id');
export const RouteTableId = awsId('rtb', 'a route table id');
export const SecurityGroupId = awsId('sg', 'a security group id');
export const VpcEndpointId = awsId('vpce', 'an endpoint id');

/**
 * A region name: `us-east-1`, `eu-central-2`, `us-gov-west-1`, `us-iso-east-1`, `us-isob-east-1`,
 * `ap-southeast-5`, `mx-central-1`. Also the name of a fixture region folder.
 */
export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

export const RegionName = z.string().regex(REGION_PATTERN, 'region must look like us-east-1');

/**
 * The region a zone name belongs to: an Availability Zone is its region and a letter (`eu-north-1a`), a Local or
 * Wavelength Zone its region and a dash-suffix (`us-east-1-bos-1a`, `us-east-1-wl1-bos-wlz-1`). Null for a name
 * of neither shape (an emulator's own naming): nothing can be said about it.
 */
export function regionOfZone(zone: string): string | null {
  return /^([a-z]{2}(?:-[a-z]+)+-\d{1,2})(?:[a-z]|-[a-z0-9-]+)$/.exec(zone)?.[1] ?? null;
}
