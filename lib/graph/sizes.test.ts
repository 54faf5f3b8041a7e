import { describe, expect, it } from 'vitest';
import { endpointEniSize, MAX_MIN_TITLE_PX, NODE_SIZE } from './sizes';
import { boldTextLines } from './text-width';

describe("an endpoint ENI's chip, sized for its title", () => {
  const half = NODE_SIZE.endpointEni;
  const row = NODE_SIZE.subnet.width - 16;

  it('keeps its kind size where the title fits half a subnet on one line at the largest fitted title size', () => {
    for (const s of ['sts', 'rds', 'ecr.dkr', 'kms', 'lambda']) expect(endpointEniSize(s), s).toEqual({ ...half, lines: 1 });
  });

  it('grows to two lines in half a subnet where the title breaks between words, else takes the whole row', () => {
    expect(endpointEniSize('access-analyzer')).toEqual({ width: half.width, height: 50, lines: 2 });
    expect(endpointEniSize('execute-api')).toEqual({ width: half.width, height: 50, lines: 2 });
    // One word wider than half a chip would be broken inside ('cloudform / ation'): a row of its own, whole.
    for (const s of ['cloudformation', 'codecommit', 'monitoring', 'codeartifact.api', 'elasticloadbalancing']) expect(endpointEniSize(s), s).toEqual({ width: row, height: half.height, lines: 1 });
    expect(endpointEniSize('appmesh-envoy-management')).toEqual({ width: row, height: 50, lines: 2 });
  });

  it('holds its title whole at the largest fitted title size, its border and padding aside', () => {
    for (const s of ['sts', 'access-analyzer', 'cloudformation', 'application-autoscaling', 'eni-0123456789abcdef0']) {
      const size = endpointEniSize(s);
      expect(boldTextLines(s, MAX_MIN_TITLE_PX, size.width - 22).lines, s).toBeLessThanOrEqual(size.lines);
      expect(size.lines * MAX_MIN_TITLE_PX * 1.1 + 2, s).toBeLessThanOrEqual(size.height);
    }
  });
});
