import { NextRequest } from 'next/server';

/** What a route test reads of an answer: status, cache header, JSON body. */
export interface ApiAnswer {
  status: number;
  cache: string | null;
  body: Record<string, unknown>;
}

/** A GET of a route handler at `path` with a query string (`?region=...`), as the tests read it. */
export function apiGetter(handler: (request: NextRequest) => Promise<Response>, path: string): (query: string) => Promise<ApiAnswer> {
  return async (query) => {
    const res = await handler(new NextRequest(`http://127.0.0.1${path}${query}`));
    return { status: res.status, cache: res.headers.get('cache-control'), body: (await res.json()) as Record<string, unknown> };
  };
}
