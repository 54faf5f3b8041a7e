import 'server-only';
import { Signer } from '@aws-sdk/rds-signer';

/** RDS and Aurora endpoints name their region: `<name>.<id>.<region>.rds.amazonaws.com`. */
const RDS_HOST = /\.([a-z]{2}(?:-gov|-iso[a-z]*)?-[a-z]+-\d)\.rds\.amazonaws\.com(?:\.cn)?$/;

/**
 * ATLAS_DATABASE_AUTH=rds-iam: the password of every new connection is a fresh RDS IAM authentication token
 * (valid 15 minutes, signed with the SDK's default credentials: the task role, IRSA, a profile), so no database
 * password is stored anywhere. The database user needs `GRANT rds_iam TO <user>`, the role
 * `rds-db:connect` on it, and the connection TLS (RDS refuses IAM tokens over plain TCP).
 */
export function rdsIamPassword(url: string, fallbackRegion: string | undefined): () => Promise<string> {
  const u = new URL(url);
  const region = RDS_HOST.exec(u.hostname)?.[1] ?? fallbackRegion;
  if (!region) throw new Error('ATLAS_DATABASE_AUTH=rds-iam: the host does not name a region (*.REGION.rds.amazonaws.com); set AWS_REGION');
  const signer = new Signer({ hostname: u.hostname, port: Number(u.port || 5432), username: decodeURIComponent(u.username), region });
  return () => signer.getAuthToken();
}
