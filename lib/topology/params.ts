import { z } from 'zod';

/** Query parameters shared by pages and the topology API; ids keep AWS's spelling. */
export const RegionName = z
  .string()
  .regex(/^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d{1,2}$/, 'region must look like us-east-1');
export const VpcId = z.string().regex(/^vpc-[0-9a-f]{8}([0-9a-f]{9})?$/, 'vpc must look like vpc-0a1b2c3d4e5f60718');
export const SourceName = z.enum(['fixture', 'live'], { error: 'source must be fixture or live' });

export const TopologyQuery = z.object({
  region: RegionName.optional(),
  vpc: VpcId.optional(),
  source: SourceName.optional(),
});
export type TopologyQuery = z.infer<typeof TopologyQuery>;

/** The first issue of a failed parse as `field: message`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid input';
  const field = issue.path.join('.') || 'input';
  return issue.message.startsWith(field) ? issue.message : `${field}: ${issue.message}`;
}
