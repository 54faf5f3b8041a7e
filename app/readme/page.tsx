import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Metadata } from 'next';
import { MarkdownView } from '@/components/docs/markdown-view';
import { parseMarkdown } from '@/lib/docs/markdown';

export const metadata: Metadata = { title: 'README' };

/** The project's README, served by the app so its pages can link to a section (`/readme#live-mode`). */
export default async function ReadmePage() {
  const source = await readFile(path.join(process.cwd(), 'README.md'), 'utf8');
  return (
    <main className="mx-auto max-w-4xl px-4 py-8">
      <MarkdownView blocks={parseMarkdown(source)} />
    </main>
  );
}
