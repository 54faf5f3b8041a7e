/**
 * AWS service names and how the app shows them: one home for the pattern of AWS's own endpoint service names and
 * for the few services whose short name is not how people write them. Client-safe (no SDK).
 */

/**
 * `com.amazonaws.<region>.<service>` (`cn.com.amazonaws.` in the China regions): the name of an AWS service's
 * endpoint service. The first label after `amazonaws` is the region, or `vpce` for a PrivateLink service of another
 * owner (`com.amazonaws.vpce.us-east-1.vpce-svc-0abc...`).
 */
const AWS_SERVICE_NAME = /^(?:com|cn\.com)\.amazonaws\.([a-z0-9-]+)\.(.+)$/;

/** The region label and the rest of an AWS-style service name; null for any other name. */
export function awsServiceParts(serviceName: string): { region: string; service: string } | null {
  const m = AWS_SERVICE_NAME.exec(serviceName);
  return m?.[1] && m[2] ? { region: m[1], service: m[2] } : null;
}

/** The name without `com.amazonaws.<label>.`: `ecr.dkr` for `com.amazonaws.us-east-1.ecr.dkr`; other names unchanged. */
export function withoutAwsPrefix(serviceName: string): string {
  return awsServiceParts(serviceName)?.service ?? serviceName;
}

/**
 * The short name of an AWS service (`s3`, `ecr.dkr`); for a PrivateLink service of another owner, or a name that is
 * not AWS's, its last label.
 */
export function shortServiceName(serviceName: string): string {
  const parts = awsServiceParts(serviceName);
  if (parts && parts.region !== 'vpce') return parts.service;
  return serviceName.split('.').pop() ?? serviceName;
}

const SERVICE_LABELS: Readonly<Record<string, string>> = { s3: 'S3', dynamodb: 'DynamoDB' };

/** `s3` -> `S3`, `dynamodb` -> `DynamoDB`; other short names as AWS writes them (`ecr.dkr`, `ssm`). */
export function serviceLabel(short: string): string {
  return SERVICE_LABELS[short] ?? short;
}
