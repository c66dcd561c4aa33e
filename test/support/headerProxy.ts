// A real HTTP server on loopback standing in front of a real backend (the test Prometheus), for what Prometheus
// itself cannot do: check bearer tokens and tenant headers (vmauth, Mimir's X-Scope-OrgID), serve under a path
// prefix, and misbehave on demand (hang, answer late, 500/503, malformed JSON, a 50 MB body, die mid-refresh).
// It records every request it sees, so a test can assert where a credential did and did not go, and it says
// when a request arrives, so tests wait for a signal, never a sleep.
//
//   const proxy = await startHeaderProxy({ upstream: prom.url, require: { authorization: 'Bearer t' } });
//   proxy.setFault({ kind: 'hang' });
//   await proxy.nextRequest();            // a refresh is now pending
//   await proxy.stop();
import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  | { kind: 'none' }
  /** Accept the request, never answer. */
  | { kind: 'hang' }
  /** Answer (by forwarding) only after this long. */
  | { kind: 'delay'; ms: number }
  | { kind: 'status'; status: number; body: string; headers?: Record<string, string> }
  /** 200 with JSON cut off mid-way. */
  | { kind: 'malformed' }
  /** 200 with a body of this many bytes, written with backpressure so an early hang-up is visible. */
  | { kind: 'huge'; bytes: number }
  /** Forward this many more requests, then drop every connection as a crashed backend would. */
  | { kind: 'dieAfter'; requests: number };

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the proxy did with it. */
  outcome: 'forwarded' | 'refused' | 'fault';
}

export interface HeaderProxyOptions {
  /** Base URL of the real backend, e.g. the test Prometheus. */
  upstream: string;
  /** Header name (lower case) → exact value every request must carry, else 401 like vmauth or Mimir. */
  require?: Record<string, string>;
  /** Serve under this prefix (`/prometheus`), stripped before forwarding, as Mimir and Grafana Cloud do. */
  pathPrefix?: string;
}

export interface HeaderProxy {
  /** `http://127.0.0.1:<port>` plus the path prefix, if any. */
  url: string;
  origin: string;
  requests: SeenRequest[];
  setFault(fault: Fault): void;
  /** Resolves with the next request to arrive (or the n-th from now). */
  nextRequest(): Promise<SeenRequest>;
  /** Resolves when the client has hung up on a request the proxy was still holding (hang, delay, huge). */
  nextAbandoned(): Promise<SeenRequest>;
  /** The most bytes of one `huge` body written before the client hung up (or all of it), since the fault was set. */
  hugeBytesWritten: number;
  stop(): Promise<void>;
}

export async function startHeaderProxy(options: HeaderProxyOptions): Promise<HeaderProxy> {
  const upstream = new URL(options.upstream);
  const prefix = (options.pathPrefix ?? '').replace(/\/+$/, '');
  let fault: Fault = { kind: 'none' };
  let forwardedSinceFault = 0;
  const requests: SeenRequest[] = [];
  const waiting: ((r: SeenRequest) => void)[] = [];
  const abandonWaiting: ((r: SeenRequest) => void)[] = [];
  const sockets = new Set<Socket>();
  const state = { hugeBytesWritten: 0 };

  const seen = (r: SeenRequest) => {
    requests.push(r);
    waiting.splice(0).forEach((w) => w(r));
  };
  const watchAbandon = (req: IncomingMessage, res: ServerResponse, r: SeenRequest) => {
    res.on('close', () => {
      if (!res.writableFinished) abandonWaiting.splice(0).forEach((w) => w(r));
    });
    void req;
  };

  const forward = (req: IncomingMessage, res: ServerResponse, body: string, path: string) => {
    const out = httpRequest(
      { hostname: upstream.hostname, port: upstream.port, method: req.method, path, headers: { ...req.headers, host: upstream.host } },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', (e) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy: upstream failed: ${e.message}`);
    });
    res.on('close', () => out.destroy());
    out.end(body);
  };

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const url = req.url ?? '/';
      const record = (outcome: SeenRequest['outcome']): SeenRequest => ({ method: req.method ?? '', url, headers: req.headers, body, outcome });
      const wrong = Object.entries(options.require ?? {}).find(([k, v]) => req.headers[k.toLowerCase()] !== v);
      if (wrong || (prefix && !url.startsWith(`${prefix}/`))) {
        const r = record('refused');
        seen(r);
        const why = wrong ? `missing or wrong ${wrong[0]}` : `no such path ${url}`;
        res.writeHead(wrong ? 401 : 404, { 'content-type': 'text/plain' });
        res.end(`${why}\n`);
        return;
      }
      const path = url.slice(prefix.length);
      const f = fault;
      switch (f.kind) {
        case 'none': {
          seen(record('forwarded'));
          return forward(req, res, body, path);
        }
        case 'dieAfter': {
          if (forwardedSinceFault++ < f.requests) {
            seen(record('forwarded'));
            return forward(req, res, body, path);
          }
          seen(record('fault'));
          // A crashed backend: every open connection drops, no answer.
          for (const s of sockets) s.destroy();
          return;
        }
        case 'hang': {
          const r = record('fault');
          watchAbandon(req, res, r);
          seen(r);
          return;
        }
        case 'delay': {
          const r = record('fault');
          watchAbandon(req, res, r);
          seen(r);
          const t = setTimeout(() => forward(req, res, body, path), f.ms);
          res.on('close', () => clearTimeout(t));
          return;
        }
        case 'status': {
          seen(record('fault'));
          res.writeHead(f.status, { 'content-type': 'application/json', ...(f.headers ?? {}) });
          res.end(f.body);
          return;
        }
        case 'malformed': {
          seen(record('fault'));
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"shop/or');
          return;
        }
        case 'huge': {
          const r = record('fault');
          watchAbandon(req, res, r);
          seen(r);
          res.writeHead(200, { 'content-type': 'application/json' });
          let written = 0;
          const chunk = Buffer.alloc(64 * 1024, 'x');
          const pump = () => {
            while (written < f.bytes && !res.destroyed) {
              written += chunk.length;
              state.hugeBytesWritten = Math.max(state.hugeBytesWritten, written);
              if (!res.write(chunk)) return void res.once('drain', pump);
            }
            if (!res.destroyed) res.end('"}}');
          };
          res.write('{"status":"success","data":{"resultType":"vector","result":[],"padding":"');
          pump();
          return;
        }
      }
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${prefix}`,
    origin,
    requests,
    setFault(f) {
      fault = f;
      forwardedSinceFault = 0;
      state.hugeBytesWritten = 0;
    },
    nextRequest: () => new Promise((resolve) => waiting.push(resolve)),
    nextAbandoned: () => new Promise((resolve) => abandonWaiting.push(resolve)),
    get hugeBytesWritten() {
      return state.hugeBytesWritten;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
