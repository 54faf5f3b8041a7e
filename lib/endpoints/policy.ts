import { findJsonSyntaxError } from '@/lib/json/syntax';

/**
 * Endpoint policies: templates and the checks the policy editor runs as you type. Pure.
 *
 * Facts relied on: an endpoint policy is an IAM resource policy, at most 20,480 characters including
 * whitespace; unlike an identity policy it must name a Principal; AWS's default policy allows
 * everything (`"Action": "*"` for `"Principal": "*"` on `"Resource": "*"`).
 */

/** AWS's limit on an endpoint policy document, in characters (whitespace included). */
export const POLICY_MAX_CHARS = 20_480;

export type PolicyTemplateId = 'full-access' | 'read-only' | 's3-buckets' | 'dynamodb-tables';

export interface PolicyTemplate {
  id: PolicyTemplateId;
  label: string;
  description: string;
  /** What the names box asks for, when the template takes names. */
  namesLabel?: string;
}

/** The IAM action prefix of a service's short name where the two differ. */
const IAM_PREFIX: Record<string, string> = {
  'ecr.api': 'ecr',
  'ecr.dkr': 'ecr',
  'kinesis-streams': 'kinesis',
  monitoring: 'cloudwatch',
  'execute-api': 'execute-api',
};

/** `ecr.api` -> `ecr`; `sqs` -> `sqs`. */
export function iamPrefix(serviceShortName: string): string {
  return IAM_PREFIX[serviceShortName] ?? serviceShortName.split('.')[0] ?? serviceShortName;
}

/** The templates that fit a service: bucket and table restrictions only for S3 and DynamoDB. */
export function policyTemplates(serviceShortName: string): PolicyTemplate[] {
  const out: PolicyTemplate[] = [
    { id: 'full-access', label: 'Full access', description: 'AWS’s default: any principal, any action, any resource.' },
    { id: 'read-only', label: 'Read-only', description: `Only ${iamPrefix(serviceShortName)} read actions pass through the endpoint.` },
  ];
  if (serviceShortName === 's3') {
    out.push({ id: 's3-buckets', label: 'Named buckets only', description: 'Requests to other buckets are refused at the endpoint.', namesLabel: 'Bucket names' });
  }
  if (serviceShortName === 'dynamodb') {
    out.push({ id: 'dynamodb-tables', label: 'Named tables only', description: 'Requests to other tables are refused at the endpoint.', namesLabel: 'Table names' });
  }
  return out;
}

function readOnlyActions(serviceShortName: string): string[] {
  if (serviceShortName === 's3') return ['s3:GetObject', 's3:GetObjectVersion', 's3:GetBucketLocation', 's3:ListBucket'];
  if (serviceShortName === 'dynamodb') {
    return ['dynamodb:BatchGetItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:ListTables', 'dynamodb:Query', 'dynamodb:Scan'];
  }
  const p = iamPrefix(serviceShortName);
  return [`${p}:Describe*`, `${p}:Get*`, `${p}:List*`];
}

export interface TemplateOptions {
  serviceShortName: string;
  region: string;
  /** The account that owns the tables (the VPC's owner); `*` when unknown. */
  accountId?: string | null;
  /** Bucket or table names, for the templates that take them. */
  names?: string[];
}

/** S3's bucket naming rules (general purpose buckets): 3 to 63 lowercase letters, digits, dots and hyphens. */
export const BUCKET_NAME = /^(?!xn--)(?!.*\.\.)[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** DynamoDB table names: 3 to 255 letters, digits, `_`, `-` and `.`. */
export const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** Splits what a person typed into names: commas, spaces and new lines separate them. */
export function splitNames(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((s) => s.trim()).filter(Boolean))];
}

/** Names that break the naming rules of the template's resource, with why. */
export function invalidNames(template: PolicyTemplateId, names: string[]): string[] {
  if (template === 's3-buckets') return names.filter((n) => !BUCKET_NAME.test(n)).map((n) => `“${n}” is not a valid bucket name (3–63 lowercase letters, digits, dots, hyphens)`);
  if (template === 'dynamodb-tables') return names.filter((n) => !TABLE_NAME.test(n)).map((n) => `“${n}” is not a valid table name (3–255 letters, digits, _ - .)`);
  return [];
}

/** A template's policy document, pretty-printed with two spaces. */
export function buildPolicy(template: PolicyTemplateId, options: TemplateOptions): string {
  const statement = (Action: string | string[], Resource: string | string[], Sid: string) => ({ Sid, Effect: 'Allow', Principal: '*', Action, Resource });
  let doc: object;
  switch (template) {
    case 'full-access':
      doc = { Version: '2012-10-17', Statement: [statement('*', '*', 'FullAccess')] };
      break;
    case 'read-only':
      doc = { Version: '2012-10-17', Statement: [statement(readOnlyActions(options.serviceShortName), '*', 'ReadOnly')] };
      break;
    case 's3-buckets': {
      const names = options.names ?? [];
      const resources = names.flatMap((b) => [`arn:aws:s3:::${b}`, `arn:aws:s3:::${b}/*`]);
      doc = { Version: '2012-10-17', Statement: [statement('s3:*', resources.length ? resources : ['arn:aws:s3:::BUCKET', 'arn:aws:s3:::BUCKET/*'], 'NamedBucketsOnly')] };
      break;
    }
    case 'dynamodb-tables': {
      const account = options.accountId || '*';
      const names = options.names?.length ? options.names : ['TABLE'];
      const resources = names.flatMap((t) => [
        `arn:aws:dynamodb:${options.region}:${account}:table/${t}`,
        `arn:aws:dynamodb:${options.region}:${account}:table/${t}/index/*`,
      ]);
      doc = { Version: '2012-10-17', Statement: [statement('dynamodb:*', resources, 'NamedTablesOnly')] };
      break;
    }
  }
  return JSON.stringify(doc, null, 2);
}

export interface PolicyCheck {
  /** What AWS would refuse (InvalidPolicyDocument) or what cannot work. */
  errors: string[];
  /** Allowed, but probably not what was meant. */
  warnings: string[];
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/**
 * Checks a policy document as the editor shows it: empty (AWS's default policy), or JSON with a
 * Statement whose entries each have an Effect, a Principal and an Action, in at most 20,480 characters.
 * Errors name the line and column of a syntax error.
 */
export function validatePolicy(text: string): PolicyCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (text.trim() === '') return { errors, warnings };
  if (text.length > POLICY_MAX_CHARS) {
    errors.push(`The policy is ${text.length.toLocaleString('en-US')} characters long; AWS accepts at most ${POLICY_MAX_CHARS.toLocaleString('en-US')} (whitespace counts).`);
  }
  const syntax = findJsonSyntaxError(text);
  if (syntax) {
    errors.push(`Not valid JSON at line ${syntax.line}, column ${syntax.column}: ${syntax.message}.`);
    return { errors, warnings };
  }
  const doc = JSON.parse(text) as unknown;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    errors.push('A policy is a JSON object such as {"Statement": [...]}.');
    return { errors, warnings };
  }
  const d = doc as Record<string, unknown>;
  if (d.Version !== undefined && d.Version !== '2012-10-17' && d.Version !== '2008-10-17') {
    errors.push(`Version must be "2012-10-17" (or the older "2008-10-17"), not ${JSON.stringify(d.Version)}.`);
  }
  const statements = asArray(d.Statement);
  if (!statements.length) {
    errors.push('The policy needs a Statement: a list of rules such as {"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"}.');
    return { errors, warnings };
  }
  statements.forEach((s, i) => {
    const label = statements.length > 1 ? `Statement ${i + 1}` : 'The statement';
    if (typeof s !== 'object' || s === null || Array.isArray(s)) {
      errors.push(`${label} must be an object.`);
      return;
    }
    const st = s as Record<string, unknown>;
    if (st.Effect !== 'Allow' && st.Effect !== 'Deny') errors.push(`${label} needs "Effect": "Allow" or "Deny".`);
    if (st.Principal === undefined && st.NotPrincipal === undefined) {
      errors.push(`${label} needs a Principal: endpoint policies are resource policies ("Principal": "*" means any caller in the VPC).`);
    }
    if (st.Action === undefined && st.NotAction === undefined) errors.push(`${label} needs an Action (or NotAction).`);
    if (st.Resource === undefined && st.NotResource === undefined) warnings.push(`${label} has no Resource; AWS reads that as every resource of the action.`);
  });
  if (!errors.length && !statements.some((s) => (s as Record<string, unknown>).Effect === 'Allow')) {
    warnings.push('Nothing is allowed: every request through this endpoint would be refused.');
  }
  return { errors, warnings };
}

/** The policy in one line, as the CLI and Terraform take it; the text as given when it is not JSON. */
export function compactPolicy(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return text;
  }
}
