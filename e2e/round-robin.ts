import http from 'node:http';

/**
 * A small reverse proxy on loopback that hands each request to the next backend in turn, as a load balancer
 * in round-robin mode does. A backend that cannot be reached answers 502 (the client sees the failure; the
 * proxy never retries a request that may have reached the backend, as a save must not happen twice).
 */
export interface RoundRobin {
  base: string;
  /** Which backend served each request so far, by index. */
  served: number[];
  close: () => Promise<void>;
}

export function startRoundRobin(port: number, backends: string[]): Promise<RoundRobin> {
  let next = 0;
  const served: number[] = [];
  const server = http.createServer((req, res) => {
    const index = next++ % backends.length;
    served.push(index);
    const target = new URL(req.url ?? '/', backends[index]);
    const upstream = http.request(target, { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('bad gateway: the replica did not answer');
    });
    req.pipe(upstream);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () =>
      resolve({
        base: `http://127.0.0.1:${port}`,
        served,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      }),
    );
  });
}
