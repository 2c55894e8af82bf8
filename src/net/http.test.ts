import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClock } from './clock.ts';
import { httpRequest } from './http.ts';
import { tcpConnect } from './tcp.ts';
import { publicTrustStore } from './tls.ts';

let server: Server;
let port = 0;
let connections = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') {
      // 8 chunks of 4 KiB, 100 ms apart: a transfer long enough to sample.
      res.writeHead(200, { 'content-type': 'text/plain' });
      let i = 0;
      const tick = setInterval(() => {
        res.write(Buffer.alloc(4096, 97));
        if (++i === 8) {
          clearInterval(tick);
          res.end();
        }
      }, 100);
      return;
    }
    res.end('<title>t</title>');
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

const opts = { clock: startClock(), connectTimeoutMs: 2000, tlsTimeoutMs: 2000, httpTimeoutMs: 5000, trust: publicTrustStore() };

describe('HTTP primitive', () => {
  it('samples throughput over the body: cumulative bytes, increasing, ending at the body length', async () => {
    const h = await httpRequest({ url: `http://127.0.0.1:${port}/slow`, ip: '127.0.0.1' }, { ...opts, sampleEveryMs: 250 });
    expect(h.failure).toBeNull();
    expect(h.bodyLength).toBe(8 * 4096);
    const s = h.samples ?? [];
    expect(s.length).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < s.length; i++) {
      expect(s[i]!.bytes).toBeGreaterThan(s[i - 1]!.bytes);
      expect(s[i]!.t).toBeGreaterThanOrEqual(s[i - 1]!.t);
    }
    expect(s.at(-1)?.bytes).toBe(8 * 4096);
  });

  it('sends the request over a connection it is given instead of dialling again', async () => {
    const c = await tcpConnect('127.0.0.1', port, { clock: opts.clock, timeoutMs: 2000 });
    await new Promise((r) => setTimeout(r, 20)); // let the server count the connection we just made
    const before = connections;
    const h = await httpRequest({ url: `http://127.0.0.1:${port}/`, ip: '127.0.0.1', connection: { socket: c.socket!, tls: null } }, opts);
    expect(h).toMatchObject({ status: 200, title: 't', failure: null });
    expect(connections).toBe(before);
  });
});
