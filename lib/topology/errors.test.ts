import { describe, expect, it } from 'vitest';
import { Ec2Error } from '@/lib/ec2/errors';
import { describeLoadFailure, safeMessage } from './errors';
import { VpcNotFoundError } from './load';

describe('describeLoadFailure', () => {
  it('keeps the action a person can take and maps kinds to statuses', () => {
    const throttled = describeLoadFailure(new Ec2Error('throttled', 'RequestLimitExceeded', 'AWS is throttling EC2 requests. Wait a minute and try again.'));
    expect(throttled).toMatchObject({ status: 502, code: 'RequestLimitExceeded', message: expect.stringContaining('try again') });
    expect(describeLoadFailure(new Ec2Error('wrong-region', 'InvalidRegion', 'nope')).status).toBe(404);
    expect(describeLoadFailure(new VpcNotFoundError('vpc-0a1b2c3d', 'us-east-1')).status).toBe(404);
  });

  it('never passes on a stack or an unknown error’s text', () => {
    const err = new Error('secret internals\n    at foo (/srv/app/node_modules/x.js:1:2)');
    const f = describeLoadFailure(err);
    expect(f.status).toBe(500);
    expect(f.message).not.toContain('secret internals');
    expect(f.message).not.toMatch(/\n|node_modules/);
  });

  it('cuts an API message to its first line and blanks anything shaped like a key', () => {
    const f = describeLoadFailure(
      new Ec2Error('unknown', 'X', 'The EC2 call failed: key AKIAIOSFODNN7EXAMPLE secret wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n    at x (y.js:1:1)'),
    );
    expect(f.message).toBe('The EC2 call failed: key [redacted] secret [redacted]');
  });

  it('leaves ordinary ids alone', () => {
    const text = 'VPC vpc-0660179868a527d19 in account 123456789012, endpoint vpce-0775e1b3d7bdb0442.';
    expect(safeMessage(text)).toBe(text);
  });
});
