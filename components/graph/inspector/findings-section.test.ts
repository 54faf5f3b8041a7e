import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { GraphFinding } from '@/lib/graph/overlay';
import { FLEET_WRITES_NOTE } from '@/lib/topology/write-scope';
import { FindingsSection } from './findings-section';

const nat: GraphFinding = { id: 'nat', rule: 'nat-to-gateway-service', severity: 'medium', title: 'S3 traffic goes through NAT', resourceIds: ['rtb-1'] };
const render = (findings: GraphFinding[], readOnly = false) => renderToStaticMarkup(createElement(FindingsSection, { id: 'rtb-1', findings, readOnly }));

describe('the inspector’s findings', () => {
  it('links the fix where the page can write', () => {
    const html = render([{ ...nat, fixHref: '/endpoints/new?region=us-east-1&vpc=vpc-1&type=gateway' }]);
    expect(html).toContain('href="/endpoints/new?region=us-east-1&amp;vpc=vpc-1&amp;type=gateway"');
    expect(html).toContain('Fix');
    expect(html).not.toContain('fix-refused');
  });

  it('says why there is no Fix link in another account of the fleet, instead of a link the form would refuse', () => {
    const html = render([{ ...nat, fixRefused: true }]);
    expect(html).not.toContain('href=');
    expect(html).not.toMatch(/>\s*Fix\s*</);
    expect(html).toContain(FLEET_WRITES_NOTE);
    // A snapshot (read-only) shows neither.
    expect(render([{ ...nat, fixRefused: true }], true)).not.toContain('fix-refused');
  });
});
