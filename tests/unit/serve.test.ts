// The static server is what the e2e suite and `npm start` stand on: a wrong
// MIME type breaks DuckDB-WASM, a traversal hole would expose the machine.
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../tools/serve.mjs';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

// node:http rather than fetch: fetch normalises `..` / `%2e%2e` away before
// sending and silently decompresses gzip, hiding exactly what we test.
function rawRequest(
  port: number,
  rawPath: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const SECRET = 'TOP-SECRET-DO-NOT-SERVE';
// Wasm magic + version, padded so gzip has something to compress.
const WASM = Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]), Buffer.alloc(4096, 7)]);
const JS = `export const answer = 42;\n${'// padding\n'.repeat(200)}`;
const CSP = "default-src 'self'";

let tmp: string;
let server: RunningServer;

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'serve-test-'));
  const root = path.join(tmp, 'site');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>看板</title>');
  writeFileSync(path.join(root, 'a.wasm'), WASM);
  writeFileSync(path.join(root, 'assets', 'x.js'), JS);
  writeFileSync(path.join(root, 'data.csv'), 'a,b\n1,2\n');
  // Precompressed copies beside a file, as the build writes them.
  writeFileSync(path.join(root, 'assets', 'pre.js'), JS);
  writeFileSync(path.join(root, 'assets', 'pre.js.br'), brotliCompressSync(Buffer.from(JS)));
  writeFileSync(path.join(root, 'assets', 'pre.js.gz'), gzipSync(Buffer.from(JS)));
  // Sibling of the served root: must never be reachable.
  writeFileSync(path.join(tmp, 'secret'), SECRET);
  server = await startServer({ root, base: '/sub/dir/', headers: { 'Content-Security-Policy': CSP } });
});

afterAll(async () => {
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('startServer', () => {
  it('reports a URL ending in the base', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/sub/dir/`);
  });

  it('serves index.html at the base, uncached, with the extra headers', async () => {
    const res = await rawRequest(server.port, '/sub/dir/');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toBe(CSP);
    expect(res.body.toString('utf8')).toContain('看板');
  });

  it('redirects the base without its trailing slash', async () => {
    const res = await rawRequest(server.port, '/sub/dir');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/sub/dir/');
  });

  it('serves wasm as application/wasm, byte for byte', async () => {
    const res = await rawRequest(server.port, '/sub/dir/a.wasm');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/wasm');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.equals(WASM)).toBe(true);
  });

  it('serves hashed assets as immutable JavaScript', async () => {
    const res = await rawRequest(server.port, '/sub/dir/assets/x.js?v=1');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.toString('utf8')).toBe(JS);
  });

  it('serves CSV with its charset', async () => {
    const res = await rawRequest(server.port, '/sub/dir/data.csv');
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  });

  it('answers HEAD with headers only', async () => {
    const res = await rawRequest(server.port, '/sub/dir/a.wasm', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(Number(res.headers['content-length'])).toBe(WASM.length);
    expect(res.body.length).toBe(0);
  });

  it('rejects other methods', async () => {
    const res = await rawRequest(server.port, '/sub/dir/', { method: 'POST' });
    expect(res.status).toBe(405);
  });

  it.each([
    '/sub/dir/../secret',
    '/sub/dir/../../secret',
    '/sub/dir/%2e%2e/secret',
    '/sub/dir/%2E%2E%2Fsecret',
    '/sub/dir/assets/%2e%2e/%2e%2e/secret',
    '/sub/dir/..%5csecret',
    '/sub/dir/%2e%2e%5csecret',
    '/sub/dir/%E0%A4%A',
  ])('refuses traversal %s', async (rawPath) => {
    const res = await rawRequest(server.port, rawPath);
    expect([400, 404]).toContain(res.status);
    expect(res.body.toString('utf8')).not.toContain(SECRET);
  });

  it.each(['/', '/index.html', '/sub/', '/sub/dirx/index.html', '/other/sub/dir/index.html'])(
    'returns 404 outside the base: %s',
    async (rawPath) => {
      const res = await rawRequest(server.port, rawPath);
      expect(res.status).toBe(404);
    },
  );

  it('returns 404 with a short text body for unknown files', async () => {
    const res = await rawRequest(server.port, '/sub/dir/missing.js');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/^text\/plain/);
    expect(res.body.length).toBeLessThan(100);
  });

  it('gzips text and wasm when asked, and only then', async () => {
    for (const [rawPath, original] of [
      ['/sub/dir/assets/x.js', Buffer.from(JS)],
      ['/sub/dir/a.wasm', WASM],
    ] as const) {
      const gz = await rawRequest(server.port, rawPath, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers.vary).toBe('Accept-Encoding');
      expect(gz.body.length).toBeLessThan(original.length);
      expect(gunzipSync(gz.body).equals(original)).toBe(true);

      // Second request is served from the in-memory cache; same bytes.
      const again = await rawRequest(server.port, rawPath, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(again.body.equals(gz.body)).toBe(true);

      const refused = await rawRequest(server.port, rawPath, { headers: { 'Accept-Encoding': 'gzip;q=0' } });
      expect(refused.headers['content-encoding']).toBeUndefined();
    }
  });

  it('sends a precompressed copy when its encoding is accepted, brotli first, with the type of the file', async () => {
    const br = await rawRequest(server.port, '/sub/dir/assets/pre.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('text/javascript');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(brotliDecompressSync(br.body).toString('utf8')).toBe(JS);
    const gz = await rawRequest(server.port, '/sub/dir/assets/pre.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString('utf8')).toBe(JS);
    const plain = await rawRequest(server.port, '/sub/dir/assets/pre.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(JS);
    // The encoded copy's tag revalidates too.
    const again = await rawRequest(server.port, '/sub/dir/assets/pre.js', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': String(br.headers.etag) } });
    expect(again.status).toBe(304);
    // A copy older than its file (the file replaced after the build) is never sent.
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(tmp, 'site', 'assets', 'pre.js'), later, later);
    const stale = await rawRequest(server.port, '/sub/dir/assets/pre.js', { headers: { 'Accept-Encoding': 'br' } });
    expect(stale.headers['content-encoding']).toBeUndefined();
    expect(stale.body.toString('utf8')).toBe(JS);
    const now = new Date();
    utimesSync(path.join(tmp, 'site', 'assets', 'pre.js'), now, new Date(now.getTime() - 60_000));
  });

  it("compression 'none' sends every file as it is", async () => {
    const bare = await startServer({ root: path.join(tmp, 'site'), compression: 'none' });
    try {
      for (const p of ['assets/pre.js', 'a.wasm', 'assets/x.js']) {
        const res = await rawRequest(bare.port, `/${p}`, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
        expect(res.status).toBe(200);
        expect(res.headers['content-encoding']).toBeUndefined();
        expect(res.headers.vary).toBeUndefined();
      }
    } finally {
      await bare.close();
    }
  });

  it('serves byte ranges', async () => {
    const res = await rawRequest(server.port, '/sub/dir/a.wasm', { headers: { Range: 'bytes=0-3' } });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 0-3/${WASM.length}`);
    expect(res.body.equals(WASM.subarray(0, 4))).toBe(true);
  });

  it('records every request with its status', async () => {
    await rawRequest(server.port, '/sub/dir/nope.css');
    expect(server.requests.at(-1)).toEqual({ method: 'GET', path: '/sub/dir/nope.css', status: 404 });
    expect(server.requests).toContainEqual({ method: 'GET', path: '/sub/dir/a.wasm', status: 200 });
  });
});
