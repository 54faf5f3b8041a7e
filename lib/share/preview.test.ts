import { describe, expect, it } from 'vitest';
import { sampleTopology, topology } from '@/lib/graph/test-topology';
import { bestPreview, previewDiagram } from './preview';

describe('previewDiagram', () => {
  it('draws every node of the VPC inside the frame, with its name, and every edge', async () => {
    const d = await previewDiagram(sampleTopology(), { vpcId: 'vpc-0a1', width: 1144, height: 430 });
    expect(d.scale).toBeGreaterThan(0);
    expect(d.scale).toBeLessThanOrEqual(1);
    const ids = d.boxes.map((b) => b.id);
    expect(ids).toEqual(expect.arrayContaining(['vpc-0a1', 'subnet-priv-a', 'rtb-private', 'vpce-s3', 'vpce-ssm', 'igw-1']));
    expect(ids).not.toContain('subnet-other');
    for (const b of d.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(1144 + 1);
      expect(b.y + b.height).toBeLessThanOrEqual(430 + 1);
    }
    expect(d.boxes.find((b) => b.id === 'vpc-0a1')).toMatchObject({ group: true, title: 'prod' });
    expect(d.boxes.find((b) => b.id === 'vpce-ssm')?.title).toBe('ssm');
    expect(d.lines.length).toBeGreaterThan(5);
  });

  it('picks the direction that fits a wide card better, unless one is given', async () => {
    const frame = { vpcId: 'vpc-0a1', width: 1144, height: 430 };
    const best = await bestPreview(sampleTopology(), frame);
    const right = await previewDiagram(sampleTopology(), { ...frame, direction: 'RIGHT' });
    const down = await previewDiagram(sampleTopology(), { ...frame, direction: 'DOWN' });
    expect(best.scale).toBe(Math.max(right.scale, down.scale) === down.scale && down.scale > right.scale * 1.1 ? down.scale : right.scale);
    expect((await bestPreview(sampleTopology(), { ...frame, direction: 'RIGHT' })).scale).toBe(right.scale);
  });

  it('draws nothing for an empty topology', async () => {
    const d = await previewDiagram(topology(), { width: 100, height: 100 });
    expect(d.boxes).toEqual([]);
  });
});
