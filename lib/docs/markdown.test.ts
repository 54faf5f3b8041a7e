import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingId, parseInline, parseMarkdown } from './markdown';

describe('headingId', () => {
  it('makes the anchors GitHub makes', () => {
    expect(headingId('Your own account, without live access')).toBe('your-own-account-without-live-access');
    expect(headingId('Sign-in modes (`ATLAS_AUTH`)')).toBe('sign-in-modes-atlas_auth');
    expect(headingId('Live mode')).toBe('live-mode');
  });
});

describe('parseInline', () => {
  it('finds code, bold and links; links that go nowhere from the app stay text', () => {
    expect(parseInline('Run `npm start`, **then** see [the docs](https://example.com/x) or [security](docs/security.md) <https://a.example/>')).toEqual([
      { kind: 'text', text: 'Run ' },
      { kind: 'code', text: 'npm start' },
      { kind: 'text', text: ', ' },
      { kind: 'bold', text: 'then' },
      { kind: 'text', text: ' see ' },
      { kind: 'link', text: 'the docs', href: 'https://example.com/x' },
      { kind: 'text', text: ' or ' },
      { kind: 'text', text: 'security' },
      { kind: 'text', text: ' ' },
      { kind: 'link', text: 'https://a.example/', href: 'https://a.example/' },
    ]);
  });
});

describe('parseMarkdown', () => {
  it('reads headings, paragraphs, code, lists and tables, and leaves images out', () => {
    const blocks = parseMarkdown(
      ['# Title', '', '![shot](docs/x.png)', '', 'One', 'line.', '', '```sh', 'npm ci', '```', '', '- a', '  more', '- b', '', '| A | B |', '| --- | --- |', '| `x` | y \\| z |'].join('\n'),
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, id: 'title', text: [{ kind: 'text', text: 'Title' }] },
      { kind: 'paragraph', text: [{ kind: 'text', text: 'One line.' }] },
      { kind: 'code', text: 'npm ci' },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'a more' }], [{ kind: 'text', text: 'b' }]] },
      {
        kind: 'table',
        head: [[{ kind: 'text', text: 'A' }], [{ kind: 'text', text: 'B' }]],
        rows: [[[{ kind: 'code', text: 'x' }], [{ kind: 'text', text: 'y | z' }]]],
      },
    ]);
  });

  it('gives the README the two sections the demo notice links to', () => {
    const readme = readFileSync(path.join(process.cwd(), 'README.md'), 'utf8');
    const ids = parseMarkdown(readme).flatMap((b) => (b.kind === 'heading' ? [b.id] : []));
    expect(ids).toContain('live-mode');
    expect(ids).toContain('your-own-account-without-live-access');
  });
});
