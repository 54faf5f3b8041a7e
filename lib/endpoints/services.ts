import 'server-only';
import type { Ec2Api } from '@/lib/ec2/api';
import { getEc2Api, type Source } from '@/lib/ec2/backend';
import { toServiceOfferings } from './offerings';
import { toEc2Error } from '@/lib/ec2/errors';
import type { ServiceDetail } from '@/lib/ec2/types';
import type { ServiceOffering } from './types';
import { appendAll } from '@/lib/arrays';

/** Items per DescribeVpcEndpointServices page; AWS accepts 5 to 1000. */
const PAGE_SIZE = 1000;

/** Every page of DescribeVpcEndpointServices (AWS: an empty or missing NextToken ends the list). */
export async function readAllServiceDetails(api: Pick<Ec2Api, 'describeVpcEndpointServices'>, pageSize = PAGE_SIZE): Promise<ServiceDetail[]> {
  const out: ServiceDetail[] = [];
  let token: string | undefined;
  for (let page = 0; page < 10_000; page++) {
    let res;
    try {
      res = await api.describeVpcEndpointServices({ MaxResults: pageSize, NextToken: token });
    } catch (err) {
      throw toEc2Error(err, 'DescribeVpcEndpointServices');
    }
    appendAll(out, res.ServiceDetails);
    token = res.NextToken || undefined;
    if (!token) return out;
  }
  throw toEc2Error(new Error('DescribeVpcEndpointServices kept returning NextToken'), 'DescribeVpcEndpointServices');
}

// The pure part lives in offerings.ts, so code that only shapes offerings (the endpoint rules' tests) does not load
// the EC2 backends and the AWS SDK with it.
export { shortServiceName, toServiceOfferings } from './offerings';

/** The endpoint services of a region from a source, as offerings the forms can show. */
export async function loadEndpointServices(source: Source, region: string, profile?: string, account?: string): Promise<ServiceOffering[]> {
  const api = await getEc2Api(source, region, profile, account);
  return toServiceOfferings(await readAllServiceDetails(api));
}
