import type { Block, Inline } from '@/lib/docs/markdown';

function Text({ parts }: { parts: Inline[] }) {
  return (
    <>
      {parts.map((p, i) =>
        p.kind === 'code' ? (
          <code key={i} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] dark:bg-slate-800">
            {p.text}
          </code>
        ) : p.kind === 'bold' ? (
          <strong key={i}>{p.text}</strong>
        ) : p.kind === 'link' ? (
          <a key={i} href={p.href} className="text-teal-700 underline dark:text-teal-400">
            {p.text}
          </a>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </>
  );
}

const HEADING = ['', 'text-3xl font-semibold', 'mt-10 border-b border-slate-200 pb-1 text-2xl font-semibold dark:border-slate-800', 'mt-8 text-xl font-semibold', 'mt-6 text-lg font-semibold'];

/** Markdown blocks (`lib/docs/markdown.ts`) as a readable page; every value is text. */
export function MarkdownView({ blocks }: { blocks: Block[] }) {
  return (
    <article className="space-y-4 leading-relaxed">
      {blocks.map((b, i) => {
        switch (b.kind) {
          case 'heading': {
            const level = Math.min(b.level, 4) as 1 | 2 | 3 | 4;
            const Tag = `h${level}` as const;
            return (
              <Tag key={i} id={b.id} className={`scroll-mt-16 ${HEADING[level]}`}>
                <Text parts={b.text} />
              </Tag>
            );
          }
          case 'paragraph':
            return (
              <p key={i}>
                <Text parts={b.text} />
              </p>
            );
          case 'code':
            return (
              // Focusable: a long line scrolls sideways, and a keyboard must be able to scroll it.
              <pre key={i} tabIndex={0} className="overflow-x-auto rounded-lg bg-slate-950 p-4 font-mono text-xs text-slate-100">
                {b.text}
              </pre>
            );
          case 'list': {
            const List = b.ordered ? 'ol' : 'ul';
            return (
              <List key={i} className={`space-y-1 pl-6 ${b.ordered ? 'list-decimal' : 'list-disc'}`}>
                {b.items.map((item, j) => (
                  <li key={j}>
                    <Text parts={item} />
                  </li>
                ))}
              </List>
            );
          }
          case 'table':
            return (
              <div key={i} tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
                <table className="w-full text-left text-sm">
                  <thead className="bg-slate-50 dark:bg-slate-900">
                    <tr>
                      {b.head.map((c, j) => (
                        <th key={j} className="px-3 py-2 font-semibold">
                          <Text parts={c} />
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {b.rows.map((row, j) => (
                      <tr key={j} className="border-t border-slate-100 align-top dark:border-slate-800">
                        {row.map((c, k) => (
                          <td key={k} className="px-3 py-2">
                            <Text parts={c} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
    </article>
  );
}
