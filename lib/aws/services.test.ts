import { describe, expect, it } from 'vitest';
import { awsServiceParts, serviceLabel, shortServiceName, withoutAwsPrefix } from './services';

describe('AWS service names', () => {
  it('split into region and service, in the commercial and China partitions', () => {
    expect(awsServiceParts('com.amazonaws.us-east-1.ecr.dkr')).toEqual({ region: 'us-east-1', service: 'ecr.dkr' });
    expect(awsServiceParts('cn.com.amazonaws.cn-north-1.s3')).toEqual({ region: 'cn-north-1', service: 's3' });
    expect(awsServiceParts('com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0')).toEqual({ region: 'vpce', service: 'eu-west-1.vpce-svc-0123456789abcdef0' });
    expect(awsServiceParts('aws.sagemaker.us-east-1.notebook')).toBeNull();
    expect(awsServiceParts('com.amazonaws.us-east-1')).toBeNull();
  });

  it('lose their AWS prefix, and other names stay whole', () => {
    expect(withoutAwsPrefix('com.amazonaws.us-east-1.execute-api')).toBe('execute-api');
    expect(withoutAwsPrefix('aws.sagemaker.us-east-1.notebook')).toBe('aws.sagemaker.us-east-1.notebook');
  });

  it('have a short name: the service for AWS\'s, the last label for a partner service or another owner\'s', () => {
    expect(shortServiceName('com.amazonaws.us-east-1.ecr.dkr')).toBe('ecr.dkr');
    expect(shortServiceName('com.amazonaws.vpce.us-east-1.vpce-svc-0abc')).toBe('vpce-svc-0abc');
    expect(shortServiceName('aws.sagemaker.us-east-1.notebook')).toBe('notebook');
  });

  it('are shown as people write them', () => {
    expect([serviceLabel('s3'), serviceLabel('dynamodb'), serviceLabel('ecr.dkr')]).toEqual(['S3', 'DynamoDB', 'ecr.dkr']);
  });
});
