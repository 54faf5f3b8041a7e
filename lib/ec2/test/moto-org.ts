/**
 * The set-up the fleet's live tests share (lib/ec2/*.live.test.ts and the Playwright spec against moto): the
 * environment a fleet server reads, saved and put back; an organization with member accounts in moto; the member
 * role's credentials as moto hands them out; and, for refusals moto itself should answer, IAM as moto enforces it.
 *
 * moto assumes any role while IAM is not enforced (its default): the accounts and roles are built first, then
 * `enforceIam` makes moto check every later request's signature and the caller's IAM policies (moto's
 * `INITIAL_NO_AUTH_ACTION_COUNT`, set through `/moto-api/reset-auth`). That setting is global to the moto server:
 * tests that enforce IAM start a moto of their own (lib/test/moto-server.ts). Plain Node, loopback only.
 */
import {
  AllocateAddressCommand,
  AssociateRouteTableCommand,
  AttachInternetGatewayCommand,
  CreateInternetGatewayCommand,
  CreateNatGatewayCommand,
  CreateRouteCommand,
  CreateRouteTableCommand,
  CreateSubnetCommand,
  CreateVpcCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from '@aws-sdk/client-organizations';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { AWS_CREDENTIAL_ENV, useEnv } from '@/lib/test/env';

/** moto's account for credentials it did not issue: the organization's management account. */
export const MANAGEMENT_ACCOUNT = '123456789012';

/** Every variable a fleet server reads for its accounts, credentials and regions. */
export const FLEET_ENV = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_EC2',
  'AWS_REGION',
  'ATLAS_SOURCE',
  'ATLAS_ORG_ROLE',
  'ATLAS_ORG_EXTERNAL_ID',
  'ATLAS_REGIONS',
  'ATLAS_FLEET_CONCURRENCY',
  'ATLAS_FLEET_PROFILES',
  'ATLAS_FIXTURE_DIR',
  'ATLAS_DATA_DIR',
  ...AWS_CREDENTIAL_ENV,
] as const;
export type FleetEnvName = (typeof FLEET_ENV)[number];

/**
 * Sets the fleet's environment for a test: `values` are set, every other variable of FLEET_ENV is removed (nothing
 * from the developer's shell or another test leaks in). The returned function puts the environment back.
 */
export function useFleetEnv(values: Partial<Record<FleetEnvName, string>>): () => void {
  return useEnv(FLEET_ENV, values);
}

export interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const clientOf = (motoUrl: string, region: string, credentials?: Keys) => ({ region, endpoint: motoUrl, maxAttempts: 1, ...(credentials ? { credentials } : {}) });

/** Creates the organization (as the management account) and one member account per name: their ids by name. */
export async function createOrganization<N extends string>(motoUrl: string, names: readonly N[], credentials?: Keys): Promise<Record<N, string>> {
  const org = new OrganizationsClient(clientOf(motoUrl, 'us-east-1', credentials));
  try {
    await org.send(new CreateOrganizationCommand({ FeatureSet: 'ALL' }));
    const ids = {} as Record<N, string>;
    for (const name of names) {
      const out = await org.send(new CreateAccountCommand({ AccountName: `fleet-${name}`, Email: `${name}@example.com` }));
      ids[name] = out.CreateAccountStatus!.AccountId!;
    }
    return ids;
  } finally {
    org.destroy();
  }
}

/** The credentials of `role` in `accountId`, as moto hands them out to the management account (or `credentials`). */
export async function assumeRole(motoUrl: string, accountId: string, role: string, credentials?: Keys): Promise<Keys> {
  const sts = new STSClient(clientOf(motoUrl, 'us-east-1', credentials));
  try {
    const out = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/${role}`, RoleSessionName: 'builder' }));
    const c = out.Credentials!;
    return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
  } finally {
    sts.destroy();
  }
}

/** An EC2 client of a member account, through `role` (straight to moto). */
export async function memberEc2(motoUrl: string, accountId: string, region: string, role: string, credentials?: Keys): Promise<EC2Client> {
  return new EC2Client(clientOf(motoUrl, region, await assumeRole(motoUrl, accountId, role, credentials)));
}

/** An IAM policy document: one statement per entry. */
export function policy(...statements: { Effect: 'Allow' | 'Deny'; Action: string | string[]; Resource?: string }[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements.map((s) => ({ Resource: '*', ...s })) });
}

/**
 * Creates `role` in a member account (from inside it, through moto's any-role AssumeRole), trusting the management
 * account, with `permissions` as its inline policy: what moto checks once IAM is enforced.
 */
export async function createMemberRole(motoUrl: string, accountId: string, role: string, permissions: string, credentials?: Keys): Promise<void> {
  const iam = new IAMClient(clientOf(motoUrl, 'us-east-1', await assumeRole(motoUrl, accountId, 'OrganizationAccountAccessRole', credentials)));
  try {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${MANAGEMENT_ACCOUNT}:root` }, Action: 'sts:AssumeRole' }],
    });
    await iam.send(new CreateRoleCommand({ RoleName: role, AssumeRolePolicyDocument: trust }));
    await iam.send(new PutRolePolicyCommand({ RoleName: role, PolicyName: 'vpc-atlas', PolicyDocument: permissions }));
  } finally {
    iam.destroy();
  }
}

/** A user of the management account allowed everything, and its access key: the management side once IAM is enforced. */
export async function createManagementUser(motoUrl: string, credentials?: Keys, name = 'vpc-atlas-management'): Promise<Keys> {
  const iam = new IAMClient(clientOf(motoUrl, 'us-east-1', credentials));
  try {
    await iam.send(new CreateUserCommand({ UserName: name }));
    await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'all', PolicyDocument: policy({ Effect: 'Allow', Action: '*' }) }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  } finally {
    iam.destroy();
  }
}

/** From now on moto checks every request's signature and the caller's IAM policies (for the whole moto server). */
export async function enforceIam(motoUrl: string): Promise<void> {
  const res = await fetch(`${motoUrl}/moto-api/reset-auth`, { method: 'POST', body: '0' });
  if (!res.ok) throw new Error(`moto refused to enforce IAM: ${res.status} ${await res.text()}`);
}

/**
 * A VPC whose private subnet sends everything (S3 included) through a NAT gateway and that has no S3 gateway
 * endpoint: the NAT-to-gateway-service finding. `second` is the CIDR's second octet (10.<second>.0.0/16).
 */
export async function buildNatToS3Vpc(ec2: EC2Client, region: string, second: number): Promise<{ vpcId: string; privateRouteTableId: string }> {
  const vpcId = (await ec2.send(new CreateVpcCommand({ CidrBlock: `10.${second}.0.0/16` }))).Vpc!.VpcId!;
  const subnet = async (third: number) =>
    (await ec2.send(new CreateSubnetCommand({ VpcId: vpcId, CidrBlock: `10.${second}.${third}.0/24`, AvailabilityZone: `${region}a` }))).Subnet!.SubnetId!;
  const [pub, priv] = [await subnet(0), await subnet(1)];
  const igw = (await ec2.send(new CreateInternetGatewayCommand({}))).InternetGateway!.InternetGatewayId!;
  await ec2.send(new AttachInternetGatewayCommand({ VpcId: vpcId, InternetGatewayId: igw }));
  const eip = await ec2.send(new AllocateAddressCommand({ Domain: 'vpc' }));
  const publicRtb = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable!.RouteTableId!;
  await ec2.send(new CreateRouteCommand({ RouteTableId: publicRtb, DestinationCidrBlock: '0.0.0.0/0', GatewayId: igw }));
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: publicRtb, SubnetId: pub }));
  const nat = (await ec2.send(new CreateNatGatewayCommand({ SubnetId: pub, AllocationId: eip.AllocationId! }))).NatGateway!.NatGatewayId!;
  const privateRouteTableId = (await ec2.send(new CreateRouteTableCommand({ VpcId: vpcId }))).RouteTable!.RouteTableId!;
  await ec2.send(new CreateRouteCommand({ RouteTableId: privateRouteTableId, DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: nat }));
  await ec2.send(new AssociateRouteTableCommand({ RouteTableId: privateRouteTableId, SubnetId: priv }));
  return { vpcId, privateRouteTableId };
}
