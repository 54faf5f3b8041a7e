import { describe, expect, it } from 'vitest';
import { findIssues, type Finding } from '../findings';
import { FINDING_CASES } from '../findings.cases';
import { resolvePaths } from '../paths';
import { topology } from '../test-topology';

/**
 * Every word a finding shows on the findings page, for one case of each rule (findings.cases.ts): the title, what
 * was found, why it matters, the fix and its link, the AWS page. A finding whose text lost a name, a count or a
 * link, or says "route" for one subnet, fails here.
 */
type Text = Pick<Finding, 'id' | 'title' | 'detail' | 'why' | 'fix' | 'docUrl'>;

const TEXTS: [string, Text][] = [
  [
    'S3 through a NAT where the gateway endpoint exists but is not on the table',
    {
      id: 'nat-to-gateway-service:vpc-0a:s3',
      title: 'S3 traffic from subnet-app-b goes through a NAT gateway',
      detail: 'Route table rtb-b is not on gateway endpoint vpce-s3, so S3 traffic from 1 subnet takes the default route to nat-a.',
      why: 'A NAT gateway bills every GB it processes; a gateway endpoint for S3 costs nothing, keeps the traffic off the NAT and lets an endpoint policy limit what can be reached.',
      fix: { text: "Add rtb-b to vpce-s3's route tables, or create an S3 gateway endpoint for it.", href: '/endpoints/new?region=us-east-1&vpc=vpc-0a&type=gateway&service=com.amazonaws.us-east-1.s3&routeTables=rtb-b' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-s3.html',
    },
  ],
  [
    'DynamoDB through a NAT where the VPC has no gateway endpoint: the fix lists every such table',
    {
      id: 'nat-to-gateway-service:vpc-0a:dynamodb',
      title: 'DynamoDB traffic from subnet-app-a and subnet-app-b goes through a NAT gateway',
      detail: 'The VPC has no DynamoDB gateway endpoint, so DynamoDB traffic from 2 subnets on route tables rtb-a and rtb-b takes the default route to nat-a.',
      why: 'A NAT gateway bills every GB it processes; a gateway endpoint for DynamoDB costs nothing, keeps the traffic off the NAT and lets an endpoint policy limit what can be reached.',
      fix: { text: 'Create a DynamoDB gateway endpoint on rtb-a and rtb-b.', href: '/endpoints/new?region=us-east-1&vpc=vpc-0a&type=gateway&service=com.amazonaws.us-east-1.dynamodb&routeTables=rtb-a,rtb-b' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-ddb.html',
    },
  ],
  [
    'an interface endpoint in fewer AZs than the subnets that use it',
    {
      id: 'interface-endpoint-az-coverage:vpce-kms',
      title: 'kms endpoint has no network interface in us-east-1b',
      detail: 'vpce-kms is in us-east-1a; 1 subnet in us-east-1b (subnet-app-b) reaches it across Availability Zones.',
      why: 'Cross-AZ traffic is billed per GB in each direction, and if the endpoint’s zones fail, the subnets in other zones lose the service too.',
      fix: { text: 'Add a subnet in us-east-1b to vpce-kms (one subnet per Availability Zone).', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpce-kms' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html',
    },
  ],
  [
    'an endpoint whose private DNS the VPC holds back still counts the subnets it will serve',
    {
      id: 'interface-endpoint-az-coverage:vpce-kms',
      title: 'kms endpoint has no network interface in us-east-1a',
      detail: 'vpce-kms is in us-east-1b; 2 subnets in us-east-1a (subnet-pub and subnet-app-a) will cross Availability Zones to reach it once the VPC’s DNS attributes let private DNS answer.',
      why: 'Cross-AZ traffic is billed per GB in each direction, and if the endpoint’s zones fail, the subnets in other zones lose the service too.',
      fix: { text: 'Add a subnet in us-east-1a to vpce-kms (one subnet per Availability Zone).', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpce-kms' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html',
    },
  ],
  [
    'an endpoint security group that admits 0.0.0.0/0',
    {
      id: 'endpoint-sg-open-to-world:sg-open',
      title: 'Security group sg-open admits 0.0.0.0/0 to the ecr.dkr endpoint',
      detail: 'sg-open allows TCP 443 from 0.0.0.0/0 on vpce-ecr.',
      why: 'An endpoint’s security group decides who may use it; 0.0.0.0/0 admits every network that can route to it (peered VPCs, transit gateways, VPNs), not just this VPC.',
      fix: { text: 'Replace 0.0.0.0/0 in sg-open with the VPC’s CIDR blocks (TCP 443), or with the security groups of the clients.', href: '/vpcs/vpc-0a?region=us-east-1&selected=sg-open' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html',
    },
  ],
  [
    'an endpoint security group that admits ::/0',
    {
      id: 'endpoint-sg-open-to-world:sg-v6',
      title: 'Security group sg-v6 admits ::/0 to the ecr.dkr endpoint',
      detail: 'sg-v6 allows all traffic from ::/0 on vpce-ecr.',
      why: 'An endpoint’s security group decides who may use it; 0.0.0.0/0 admits every network that can route to it (peered VPCs, transit gateways, VPNs), not just this VPC.',
      fix: { text: 'Replace ::/0 in sg-v6 with the VPC’s CIDR blocks (TCP 443), or with the security groups of the clients.', href: '/vpcs/vpc-0a?region=us-east-1&selected=sg-v6' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html',
    },
  ],
  [
    'endpoint security groups that admit no TCP 443 from the VPC',
    {
      id: 'endpoint-sg-no-https-from-vpc:vpce-logs',
      title: 'logs endpoint admits no HTTPS from the VPC',
      detail: 'No inbound rule of sg-ssh allows TCP 443 from 10.0.0.0/16, so clients in the VPC cannot connect to vpce-logs.',
      why: 'AWS service endpoints listen on HTTPS (TCP 443); requests blocked by the endpoint’s security group time out, and SDKs retry until they give up.',
      fix: { text: 'Add an inbound rule for TCP 443 from 10.0.0.0/16 to sg-ssh.', href: '/vpcs/vpc-0a?region=us-east-1&selected=sg-ssh' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html',
    },
  ],
  [
    'private DNS off on an AWS service endpoint',
    {
      id: 'private-dns-off:vpce-sts',
      title: 'Private DNS is off on the sts endpoint',
      detail: 'vpce-sts does not answer for sts.us-east-1.amazonaws.com; clients that call the service by its usual name still resolve public addresses and leave through the NAT or internet gateway.',
      why: 'SDKs and the CLI call the regional name; without private DNS the endpoint is only used by clients configured with its endpoint-specific DNS name, so it costs money and is mostly bypassed.',
      fix: { text: 'Turn on private DNS for vpce-sts (ModifyVpcEndpoint --private-dns-enabled).', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpce-sts' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/privatelink-access-aws-services.html',
    },
  ],
  [
    'private DNS on while the VPC has DNS hostnames off',
    {
      id: 'private-dns-without-vpc-dns:vpc-0a',
      title: 'Private DNS is on for 1 endpoint but test has DNS hostnames off',
      detail: 'vpce-kms (kms) has private DNS on, but test (vpc-0a) has enableDnsHostnames set to false, so the private names do not resolve to the endpoints.',
      why: 'Private DNS for interface endpoints needs both VPC attributes; without them clients resolve the public addresses and the endpoints are paid for but unused.',
      fix: { text: 'Set enableDnsHostnames to true on test (ModifyVpcAttribute).', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpc-0a' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html',
    },
  ],
  [
    'private DNS on while the VPC has DNS support off',
    {
      id: 'private-dns-without-vpc-dns:vpc-0a',
      title: 'Private DNS is on for 1 endpoint but test has DNS resolution off',
      detail: 'vpce-kms (kms) has private DNS on, but test (vpc-0a) has enableDnsSupport set to false, so the private names do not resolve to the endpoints.',
      why: 'Private DNS for interface endpoints needs both VPC attributes; without them clients resolve the public addresses and the endpoints are paid for but unused.',
      fix: { text: 'Set enableDnsSupport to true on test (ModifyVpcAttribute).', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpc-0a' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/vpc-dns.html',
    },
  ],
  [
    'a gateway endpoint policy that allows everything',
    {
      id: 'endpoint-policy-allows-all:vpce-s3',
      title: 'S3 gateway endpoint policy allows everything',
      detail: 'The policy of vpce-s3 allows any principal every action on every resource.',
      why: 'A gateway endpoint policy is where a VPC can limit S3 to the account’s own buckets; a full-access policy lets a compromised workload copy data anywhere in S3.',
      fix: { text: 'Restrict the policy to the buckets this VPC uses (Resource) or to your organization (aws:ResourceOrgID).', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpce-s3' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html',
    },
  ],
  [
    'interface endpoints with the default full-access policy, one finding per VPC',
    {
      id: 'endpoint-policy-allows-all:vpc-0a:interface',
      title: '2 interface endpoints in test have the full-access policy',
      detail: 'kms and logs: the default policy allows any principal every action on every resource.',
      why: 'The default policy leaves all control to IAM; an endpoint policy adds a network-side limit, such as only your organization’s principals and resources.',
      fix: { text: 'Where it matters (kms, secretsmanager, sts), limit the policy to your account or organization (aws:PrincipalOrgID, aws:ResourceOrgID).', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpce-kms' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/vpc-endpoints-access.html',
    },
  ],
  [
    'a failed endpoint, with its last error',
    {
      id: 'endpoint-not-available:vpce-ssm',
      title: 'ssm endpoint is failed',
      detail: 'vpce-ssm is in state failed, so it carries no traffic. Last error: InsufficientCapacity — try again later.',
      why: 'Until an endpoint is available, traffic that should use it goes the public way or nowhere.',
      fix: { text: 'Fix the cause in the last error, delete the endpoint and create it again.', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpce-ssm' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html',
    },
  ],
  [
    'an endpoint pending acceptance',
    {
      id: 'endpoint-not-available:vpce-svc',
      title: 'vpce-svc endpoint is pendingAcceptance',
      detail: 'vpce-svc is in state pendingAcceptance, so it carries no traffic.',
      why: 'Until an endpoint is available, traffic that should use it goes the public way or nowhere.',
      fix: { text: 'Ask the endpoint service’s owner to accept the connection.', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpce-svc' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html',
    },
  ],
  [
    'a gateway endpoint on no route table',
    {
      id: 'gateway-endpoint-no-route-tables:vpce-s3-2',
      title: 'S3 gateway endpoint is on no route table',
      detail: 'vpce-s3-2 has no route tables, so no subnet sends traffic to it.',
      why: 'A gateway endpoint only works through the routes it adds to route tables; without any it changes nothing.',
      fix: { text: 'Add the private subnets’ route tables to vpce-s3-2, or delete it.', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpce-s3-2' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/gateway-endpoints.html',
    },
  ],
  [
    'two interface endpoints for the same service in one VPC',
    {
      id: 'duplicate-interface-endpoint:vpc-0a:kms',
      title: '2 interface endpoints for kms in test',
      detail: 'vpce-kms and vpce-kms-2 all connect test to com.amazonaws.us-east-1.kms.',
      why: 'Each one is billed per AZ-hour, and only one of them can hold the private DNS name, so the others are used only by clients that name them.',
      fix: { text: 'Keep one endpoint (with private DNS and a subnet in each AZ) and delete the others.', href: '/vpcs/vpc-0a?region=us-east-1&selected=vpce-kms-2' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/privatelink/create-interface-endpoint.html',
    },
  ],
  [
    'a blackhole default route on a table in use',
    {
      id: 'blackhole-route:rtb-b:0.0.0.0/0',
      title: 'Blackhole route 0.0.0.0/0 in rtb-b',
      detail: 'rtb-b sends 0.0.0.0/0 to nat-gone, which no longer exists; traffic from subnet-app-b to it is dropped.',
      why: 'A route whose target was deleted (a NAT gateway, an instance, a detached gateway) silently drops the traffic it matches; nothing else takes over.',
      fix: { text: 'Point 0.0.0.0/0 in rtb-b at a live target (ReplaceRoute), or delete the route.', href: '/vpcs/vpc-0a?region=us-east-1&selected=rtb-b' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html',
    },
  ],
  [
    'a narrow blackhole route on a table in use',
    {
      id: 'blackhole-route:rtb-b:172.16.0.0/12',
      title: 'Blackhole route 172.16.0.0/12 in rtb-b',
      detail: 'rtb-b sends 172.16.0.0/12 to tgw-gone, which no longer exists; traffic from subnet-app-b to it is dropped.',
      why: 'A route whose target was deleted (a NAT gateway, an instance, a detached gateway) silently drops the traffic it matches; nothing else takes over.',
      fix: { text: 'Point 172.16.0.0/12 in rtb-b at a live target (ReplaceRoute), or delete the route.', href: '/vpcs/vpc-0a?region=us-east-1&selected=rtb-b' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html',
    },
  ],
  [
    'a subnet left on the main table while the others are associated',
    {
      id: 'implicit-main-route-table:vpc-0a',
      title: 'subnet-loose uses the main route table implicitly',
      detail: '1 subnet in test has no route table association and falls back to rtb-main; it has no default route, so the subnet reaches nothing outside the VPC.',
      why: 'The other subnets of the VPC have explicit tables; one left on the main table usually lost its association by accident, and changes to the main table reach it silently.',
      fix: { text: 'Associate subnet-loose with the route table meant for it.', href: '/vpcs/vpc-0a?region=us-east-1&selected=subnet-loose' },
      docUrl: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html',
    },
  ],
];

describe('what each finding says', () => {
  it('has a text for every case', () => {
    expect(TEXTS.map(([name]) => name)).toEqual(FINDING_CASES.map((c) => c.name));
  });

  it.each(TEXTS)('%s', (name, text) => {
    const c = FINDING_CASES.find((x) => x.name === name)!;
    const t = topology(c.parts);
    const [f] = findIssues(t, resolvePaths(t)).filter((x) => x.rule === c.rule);
    expect({ id: f!.id, title: f!.title, detail: f!.detail, why: f!.why, fix: f!.fix, docUrl: f!.docUrl }).toEqual(text);
  });
});
