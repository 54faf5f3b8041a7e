import { z } from 'zod';
import { RegionName, VpcId } from '@/lib/aws/ids';

/** Query parameters shared by pages and the topology API; ids keep AWS's spelling (lib/aws/ids.ts). */
export { RegionName, VpcId };
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
