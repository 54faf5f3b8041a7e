import { describe, expect, it } from 'vitest';
import { vpcPreview, vpcPreviewPath } from './vpc-preview';

// The embedded demo data: a VPC that exists only in eu-west-1 (fixtures/demo).
const EU_PROD = 'vpc-09d5f99ae60fce1d3';
const FRAME = { width: 1144, height: 458 };

describe('vpcPreviewPath', () => {
  it('carries the source, region and profile of the page link, and nothing else', () => {
    expect(vpcPreviewPath(EU_PROD, { region: 'eu-west-1', source: 'live', sel: 'subnet-1', zoom: '2' })).toBe(`/vpcs/${EU_PROD}/preview-image?source=live&region=eu-west-1`);
    expect(vpcPreviewPath(EU_PROD, { region: ['eu-west-1', 'us-east-1'], profile: 'dev' })).toBe(`/vpcs/${EU_PROD}/preview-image?region=eu-west-1&profile=dev`);
    expect(vpcPreviewPath(EU_PROD, {})).toBe(`/vpcs/${EU_PROD}/preview-image`);
  });

  it('encodes what it carries', () => {
    expect(vpcPreviewPath(EU_PROD, { region: '"><script>' })).toBe(`/vpcs/${EU_PROD}/preview-image?region=%22%3E%3Cscript%3E`);
  });
});

describe('vpcPreview', () => {
  it('draws the VPC from the region of the link', async () => {
    const card = await vpcPreview(EU_PROD, { region: 'eu-west-1' }, FRAME);
    expect(card.facts).toMatch(/^VPC · eu-west-1 · fixture · \d/);
    expect(card.title).toContain(EU_PROD);
    expect(card.diagram?.boxes.length).toBeGreaterThan(3);
    expect(card.notice).toBeUndefined();
  });

  it('says so on the card when a value of the link is bad, and falls back like the page', async () => {
    const card = await vpcPreview(EU_PROD, { region: 'mars-north-9' }, FRAME);
    expect(card.notice).toMatch(/mars-north-9.*showing us-east-1/);
    expect(card.facts).toBe('VPC · us-east-1 · fixture');
    // Not in the default region: a card with the id only.
    expect(card).toMatchObject({ title: EU_PROD, diagram: null });
  });
});
