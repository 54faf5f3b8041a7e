import 'server-only';
import { OrganizationsClient, paginateListAccounts } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity } from '@smithy/types';
import { getConfig } from '@/lib/config';
import { Ec2Error, iamAction, toEc2Error } from './errors';

/**
 * The AWS calls the fleet makes besides EC2's: who a set of credentials is (sts:GetCallerIdentity), the
 * organization's active accounts (organizations:ListAccounts, from the management account or a delegated
 * administrator), and credentials for a member account (sts:AssumeRole into `arn:aws:iam::<id>:role/<role>`),
 * cached until shortly before they expire. Errors come out as Ec2Error, whose `operation` names the call, so
 * `permissionFor` can say which IAM action was refused.
 */

/** The IAM action behind an operation of the fleet: `AssumeRole` -> `sts:AssumeRole`, `DescribeVpcs` -> `ec2:DescribeVpcs`. */
export function permissionFor(operation: string | undefined): string {
  if (!operation) return 'unknown';
  if (operation === 'AssumeRole' || operation === 'GetCallerIdentity') return `sts:${operation}`;
  if (operation === 'ListAccounts') return `organizations:${operation}`;
  return iamAction(operation);
}

/** An account the organization lists. */
export interface OrganizationAccount {
  id: string;
  name: string;
  email: string | null;
}

/** Where the management side's clients send requests: the SDK's own chain (AWS_ENDPOINT_URL, AWS_PROFILE) decides. */
function clientConfig(profile?: string) {
  const config = getConfig();
  const p = profile ?? config.awsProfile;
  return {
    region: config.defaultRegion,
    maxAttempts: 3,
    retryMode: 'standard' as const,
    requestHandler: { connectionTimeout: 3_000, requestTimeout: config.ec2TimeoutMs, throwOnRequestTimeout: true },
    ...(p ? { profile: p } : {}),
  };
}

/** An STS or Organizations error as an Ec2Error: a refusal names the IAM action, the rest as EC2 errors are named. */
function accountError(err: unknown, operation: string, what: string): Ec2Error {
  const e = err as { name?: unknown; Code?: unknown; $metadata?: { httpStatusCode?: number } };
  const code = typeof e?.Code === 'string' ? e.Code : typeof e?.name === 'string' ? e.name : '';
  if (/AccessDenied|NotAuthorized|AWSOrganizationsNotInUse/.test(code) || e?.$metadata?.httpStatusCode === 403) {
    const raw = err instanceof Error ? err.message.slice(0, 300) : '';
    return new Ec2Error('access-denied', code || 'AccessDenied', `${what} was refused (${permissionFor(operation)}${raw ? `: ${raw}` : ''}).`, operation);
  }
  const mapped = toEc2Error(err, operation);
  return new Ec2Error(mapped.kind, mapped.code, `${what} failed: ${mapped.message}`, operation);
}

/** The account id behind a set of credentials: a profile of the shared files, else the SDK's default chain. */
export async function callerAccount(profile?: string): Promise<string> {
  const sts = new STSClient(clientConfig(profile));
  try {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    if (!out.Account) throw new Ec2Error('malformed-response', 'MalformedResponse', 'sts:GetCallerIdentity answered without an account id.', 'GetCallerIdentity');
    return out.Account;
  } catch (err) {
    if (err instanceof Ec2Error) throw err;
    throw accountError(err, 'GetCallerIdentity', `Reading the account of ${profile ? `profile ${profile}` : 'the server’s credentials'}`);
  } finally {
    sts.destroy();
  }
}

/**
 * The organization's accounts that are active (suspended and closing ones cannot be read), every page of
 * ListAccounts, sorted by name. Newer answers carry `State`, older ones only `Status`.
 */
export async function listOrganizationAccounts(): Promise<OrganizationAccount[]> {
  const client = new OrganizationsClient(clientConfig());
  const out: OrganizationAccount[] = [];
  try {
    for await (const page of paginateListAccounts({ client }, {})) {
      for (const a of page.Accounts ?? []) {
        const state = a.State ?? a.Status;
        if (!a.Id || state !== 'ACTIVE') continue;
        out.push({ id: a.Id, name: a.Name?.trim() || a.Id, email: a.Email ?? null });
      }
    }
  } catch (err) {
    throw accountError(err, 'ListAccounts', 'Listing the organization’s accounts');
  } finally {
    client.destroy();
  }
  return out.sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/** Temporary credentials with the time they stop working. */
export interface ExpiringCredentials extends AwsCredentialIdentity {
  expiration: Date;
}

/** Asks for fresh credentials for an account (sts:AssumeRole); the cache calls it. */
export type AssumeRoleFn = (accountId: string) => Promise<ExpiringCredentials>;

/**
 * Credentials per account, each kept until `refreshMarginMs` before it expires and then assumed again; callers
 * that ask at the same time share one AssumeRole call. A refused or failed call is not kept: the next ask tries
 * again.
 */
export class RoleCredentialCache {
  private readonly held = new Map<string, { credentials: Promise<ExpiringCredentials>; expiresAt: number }>();

  constructor(
    private readonly assume: AssumeRoleFn,
    private readonly options: { now?: () => number; refreshMarginMs?: number } = {},
  ) {}

  /** Cached credentials for an account, assumed again when they are about to expire. */
  get(accountId: string): Promise<ExpiringCredentials> {
    const now = (this.options.now ?? Date.now)();
    const margin = this.options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    const hit = this.held.get(accountId);
    // While the call runs its expiry is unknown (Infinity): concurrent callers share it.
    if (hit && hit.expiresAt - margin > now) return hit.credentials;
    const entry = { credentials: this.assume(accountId), expiresAt: Number.POSITIVE_INFINITY };
    this.held.set(accountId, entry);
    entry.credentials.then(
      (c) => {
        entry.expiresAt = c.expiration.getTime();
      },
      () => {
        if (this.held.get(accountId) === entry) this.held.delete(accountId);
      },
    );
    return entry.credentials;
  }

  /** A credential provider for an SDK client of that account. */
  provider(accountId: string): () => Promise<ExpiringCredentials> {
    return () => this.get(accountId);
  }

  /** Forgets every account's credentials (a refresh of the fleet after the role was fixed). */
  clear(): void {
    this.held.clear();
  }
}

/** STS credentials last an hour by default; they are replaced five minutes before that. */
const DEFAULT_REFRESH_MARGIN_MS = 5 * 60_000;

/** RoleSessionName: shows in the member account's CloudTrail as who read it. */
export const ROLE_SESSION_NAME = 'vpc-atlas';

/** `arn:aws:iam::<id>:role/<role>` (the partition of the server's region: aws-cn, aws-us-gov, else aws). */
export function memberRoleArn(accountId: string, role: string, region: string = getConfig().defaultRegion): string {
  const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';
  return `arn:${partition}:iam::${accountId}:role/${role}`;
}

/** sts:AssumeRole into ATLAS_ORG_ROLE of an account, with ATLAS_ORG_EXTERNAL_ID when set. */
const assumeOrgRole: AssumeRoleFn = async (accountId) => {
  const { orgRole, orgExternalId } = getConfig().fleet;
  if (!orgRole) throw new Ec2Error('invalid-request', 'NoOrgRole', `Account ${accountId} is read through ATLAS_ORG_ROLE, which is not set.`, 'AssumeRole');
  const roleArn = memberRoleArn(accountId, orgRole);
  const sts = new STSClient(clientConfig());
  try {
    const out = await sts.send(
      new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: ROLE_SESSION_NAME, ...(orgExternalId ? { ExternalId: orgExternalId } : {}) }),
    );
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken || !c.Expiration) {
      throw new Ec2Error('malformed-response', 'MalformedResponse', `sts:AssumeRole into ${roleArn} answered without credentials.`, 'AssumeRole');
    }
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
  } catch (err) {
    if (err instanceof Ec2Error) throw err;
    throw accountError(err, 'AssumeRole', `Assuming ${roleArn}`);
  } finally {
    sts.destroy();
  }
};

// Per process: pages, route handlers and actions are bundled apart, each with its own copy of this module.
const shared = globalThis as { __atlasRoleCredentials?: RoleCredentialCache };

/** The process's cache of member-account credentials (ATLAS_ORG_ROLE). */
export function orgRoleCredentials(): RoleCredentialCache {
  shared.__atlasRoleCredentials ??= new RoleCredentialCache(assumeOrgRole);
  return shared.__atlasRoleCredentials;
}
