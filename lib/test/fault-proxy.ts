/**
 * A fault-injecting HTTP proxy for the live tests: it sits on 127.0.0.1 in front of a moto server
 * and, for the requests a rule matches, misbehaves the way a real EC2 endpoint or network can:
 * it hangs, answers late, resets the connection, answers 503, answers EC2's RequestLimitExceeded
 * or UnauthorizedOperation XML errors, or sends a body that is not EC2's XML. Everything else is
 * passed through. It counts every request by EC2 Action, so tests can assert how many calls the
 * SDK made (retries included).
 *
 * EC2 speaks the query protocol: every call is a POST of a form body `Action=DescribeVpcs&...`,
 * signed with SigV4, whose Authorization header names the region in its credential scope
 * (`Credential=AKID/20250101/us-east-1/ec2/aws4_request`).
 */
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export type Fault =
  /** Forward to the target unchanged. */
  | { mode: 'passthrough' }
  /** Accept the request and never answer; the client's timeout must end it. */
  | { mode: 'hang' }
  /** Wait, then forward to the target. */
  | { mode: 'delay'; ms: number }
  /** Reset the TCP connection (RST) without answering. */
  | { mode: 'reset' }
  /** HTTP 503 with a plain-text body, as a load balancer in front of an API would send. */
  | { mode: 'unavailable' }
  /** HTTP 503 with EC2's RequestLimitExceeded error. */
  | { mode: 'throttle' }
  /** HTTP 403 with EC2's UnauthorizedOperation error. */
  | { mode: 'deny' }
  /** HTTP 200 whose body is not EC2's XML (cut off half-way). */
  | { mode: 'malformed' }
  /** Any EC2 XML error, e.g. AuthFailure (401) or RequestExpired (400). */
  | { mode: 'error'; status: number; code: string; message: string }
  /** An error of the other query-protocol services (STS, IAM): `<ErrorResponse><Error>`, e.g. STS's AccessDenied (403). */
  | { mode: 'query-error'; status: number; code: string; message: string }
  /** An AWS JSON 1.0 error, as CloudWatch answers its JSON-protocol clients (`AccessDenied`, `Throttling`). */
  | { mode: 'json-error'; status: number; code: string; message: string };

export interface FaultRule {
  fault: Fault;
  /** Only requests for this EC2 Action (e.g. `DescribeNatGateways`); all when unset. */
  action?: string;
  /** Only requests signed for this region; all when unset. */
  region?: string;
  /** Only requests whose form parameter (e.g. `RoleArn`) contains this text. */
  param?: { name: string; includes: string };
  /** Only the first N matching requests; after that the rule no longer applies. */
  times?: number;
}

export interface SeenRequest {
  action: string;
  region: string;
  /** The access key id the request was signed with: which credentials (profile) the SDK used. */
  keyId: string;
  /** The fault applied, or `passthrough`. */
  mode: Fault['mode'];
  /** The request's form parameters (query protocol: EC2, STS). */
  params: Record<string, string>;
}

export interface FaultProxy {
  /** Base URL to give the SDK as its endpoint, e.g. `http://127.0.0.1:40125`. */
  readonly url: string;
  /** Every request received since the last `resetLog()`, in order of arrival. */
  readonly log: SeenRequest[];
  /** Replaces the active rules; the first rule that matches a request decides. */
  setRules(...rules: FaultRule[]): void;
  /** Shorthand for one rule that matches every request. */
  setFault(fault: Fault, match?: Omit<FaultRule, 'fault'>): void;
  /** Back to passthrough for everything. */
  clear(): void;
  /** How many requests arrived for an Action (all Actions when omitted). */
  count(action?: string): number;
  /** Requests per Action. */
  counts(): Record<string, number>;
  resetLog(): void;
  close(): Promise<void>;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function ec2ErrorXml(code: string, message: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Response><Errors><Error><Code>${code}</Code><Message>${message}</Message></Error></Errors>` +
    `<RequestID>${randomUUID()}</RequestID></Response>`
  );
}

/** Access key id and region from a SigV4 Authorization header's credential scope. */
function signer(req: IncomingMessage): { keyId: string; region: string } {
  const m = /Credential=([^/]+)\/\d{8}\/([^/]+)\//.exec(req.headers.authorization ?? '');
  return { keyId: m?.[1] ?? '', region: m?.[2] ?? '' };
}

/**
 * Starts a fault proxy on 127.0.0.1 (a free port) in front of `target`, which must be a loopback
 * URL: test traffic never leaves the machine.
 */
export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const targetUrl = new URL(target);
  if (!LOOPBACK.has(targetUrl.hostname)) throw new Error(`fault proxy target must be on loopback, got ${targetUrl.hostname}`);

  let rules: (FaultRule & { used: number })[] = [];
  const log: SeenRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  function pick(action: string, region: string, form: URLSearchParams): Fault {
    for (const rule of rules) {
      if (rule.action !== undefined && rule.action !== action) continue;
      if (rule.region !== undefined && rule.region !== region) continue;
      if (rule.param !== undefined && !(form.get(rule.param.name) ?? '').includes(rule.param.includes)) continue;
      if (rule.times !== undefined && rule.used >= rule.times) continue;
      rule.used++;
      return rule.fault;
    }
    return { mode: 'passthrough' };
  }

  function forward(req: IncomingMessage, res: ServerResponse, body: Buffer) {
    const upstream = http.request(
      {
        hostname: targetUrl.hostname,
        port: targetUrl.port,
        method: req.method,
        path: req.url,
        headers: req.headers,
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('fault proxy: upstream failed');
    });
    upstream.end(body);
  }

  function answer(res: ServerResponse, status: number, body: string, type = 'text/xml;charset=UTF-8') {
    res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    res.end(body);
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const form = new URLSearchParams(body.toString('utf8'));
      // Query protocol (EC2): `Action=` in the form; JSON protocol (CloudWatch): `X-Amz-Target: Service.Operation`.
      const target = req.headers['x-amz-target'];
      const action = form.get('Action') ?? new URL(req.url ?? '/', 'http://x').searchParams.get('Action') ?? (typeof target === 'string' ? (target.split('.').pop() ?? '') : '');
      const { keyId, region } = signer(req);
      const fault = pick(action, region, form);
      log.push({ action, region, keyId, mode: fault.mode, params: Object.fromEntries(form) });
      switch (fault.mode) {
        case 'passthrough':
          return forward(req, res, body);
        case 'hang':
          return;
        case 'delay': {
          const t = setTimeout(() => {
            timers.delete(t);
            if (!req.socket.destroyed) forward(req, res, body);
          }, fault.ms);
          timers.add(t);
          return;
        }
        case 'reset':
          req.socket.resetAndDestroy();
          return;
        case 'unavailable':
          return answer(res, 503, 'Service Unavailable', 'text/plain');
        case 'throttle':
          return answer(res, 503, ec2ErrorXml('RequestLimitExceeded', 'Request limit exceeded.'));
        case 'deny':
          return answer(
            res,
            403,
            ec2ErrorXml('UnauthorizedOperation', `You are not authorized to perform this operation. (${action})`),
          );
        case 'malformed':
          return answer(res, 200, `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>`);
        case 'error':
          return answer(res, fault.status, ec2ErrorXml(fault.code, fault.message));
        case 'query-error':
          return answer(
            res,
            fault.status,
            `<ErrorResponse><Error><Type>Sender</Type><Code>${fault.code}</Code><Message>${fault.message}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`,
          );
        case 'json-error':
          res.setHeader('x-amzn-query-error', `${fault.code};Sender`);
          return answer(res, fault.status, JSON.stringify({ __type: fault.code, message: fault.message }), 'application/x-amz-json-1.0');
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    log,
    setRules(...next) {
      rules = next.map((r) => ({ ...r, used: 0 }));
    },
    setFault(fault, match = {}) {
      rules = [{ fault, ...match, used: 0 }];
    },
    clear() {
      rules = [];
    },
    count(action) {
      return action === undefined ? log.length : log.filter((r) => r.action === action).length;
    },
    counts() {
      const out: Record<string, number> = {};
      for (const r of log) out[r.action] = (out[r.action] ?? 0) + 1;
      return out;
    },
    resetLog() {
      log.length = 0;
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
