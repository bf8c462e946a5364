#!/usr/bin/env node
// Dependency-free static server for the built dashboard (`dist/`).
//
// Used three ways: `npm start` / `npm run preview` (CLI), and the e2e tests
// (`startServer()`), which need a real HTTP origin with correct MIME types —
// DuckDB-WASM's streaming compilation refuses `.wasm` served as anything but
// `application/wasm` — and a configurable base path, so that a build deployed
// under a sub-directory is exercised the same way it runs in production.
//
// Compression: a precompressed copy beside the file (`x.wasm.br`, `x.wasm.gz`, as `npm run build`
// writes them) is sent when the client accepts its encoding, brotli first, as nginx's brotli_static
// and gzip_static do, unless it is older than the file; other compressible files are gzipped on the fly. `compression: 'none'` sends
// every file as it is (a server with compression off, as the bench's uncompressed runs need).
//
// CLI: node tests/tools/serve.mjs <dir> [--port N] [--base /sub/path/] [--no-compression] [--open-message]

import { createReadStream, realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);

// Only loopback: this is a local preview / test server, never a public one.
const HOST = '127.0.0.1';

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.arrow': 'application/vnd.apache.arrow.file',
  '.parquet': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};
const FALLBACK_TYPE = 'application/octet-stream';

// Text-like formats shrink a lot under gzip; wasm too (the DuckDB bundle is
// tens of MB). Images, fonts, Arrow and Parquet are already compact/compressed.
const COMPRESSIBLE = new Set([
  '.html', '.js', '.mjs', '.css', '.csv', '.txt', '.json', '.map', '.webmanifest', '.svg', '.wasm',
]);

/** @param {string} filePath */
function mimeType(filePath) {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? FALLBACK_TYPE;
}

/** Normalise a base path to the `/a/b/` form so prefix checks are segment-aware. */
function normaliseBase(base) {
  let b = String(base || '/').trim();
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b.replace(/\/{2,}/g, '/');
}

/**
 * Turn the part of the URL after the base into path segments, or null when it
 * tries to escape the root. Each segment is decoded individually so that
 * `%2e%2e`, `%2f` and `%5c` cannot smuggle `..` or separators past the check.
 * @param {string} rel raw (still percent-encoded) path relative to the base
 * @returns {string[] | null}
 */
function safeSegments(rel) {
  const out = [];
  for (const raw of rel.split('/')) {
    let seg;
    try {
      seg = decodeURIComponent(raw);
    } catch {
      return null; // malformed escape
    }
    if (seg === '') continue; // tolerate `//`
    if (seg === '.' || seg === '..' || /[/\\\0]/.test(seg)) return null;
    out.push(seg);
  }
  return out;
}

/** True when the client accepts `encoding` (and did not opt out with q=0). */
function accepts(req, encoding) {
  const header = String(req.headers['accept-encoding'] ?? '');
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== encoding && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

/**
 * Parse a single `bytes=a-b` range (DuckDB-WASM reads remote Parquet that way).
 * Multi-range requests are answered with the full body, which HTTP allows.
 * @returns {{ start: number, end: number } | 'unsatisfiable' | null}
 */
function parseRange(header, size) {
  const m = /^bytes=(\d*)-(\d*)$/.exec(String(header).trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start;
  let end;
  if (m[1] === '') {
    // suffix range: the last N bytes
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/** The precompressed copies to try, best first, and their Content-Encoding. */
const PRECOMPRESSED = [
  ['.br', 'br'],
  ['.gz', 'gzip'],
];

/**
 * Start a static server.
 * @param {{ root: string, base?: string, port?: number, headers?: Record<string, string>, compression?: 'auto' | 'none' }} options
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void>, requests: { method: string, path: string, status: number }[] }>}
 */
export async function startServer({ root, base = '/', port = 0, headers = {}, compression = 'auto' }) {
  const rootDir = path.resolve(root);
  const basePath = normaliseBase(base);
  /** @type {{ method: string, path: string, status: number }[]} */
  const requests = [];
  // Compressed bodies keyed by file; mtime+size detect a rebuild in between.
  /** @type {Map<string, { key: string, body: Promise<Buffer> }>} */
  const gzipCache = new Map();

  function compressed(filePath, info) {
    const key = `${info.size}:${info.mtimeMs}`;
    const hit = gzipCache.get(filePath);
    if (hit && hit.key === key) return hit.body;
    // Cache the promise, not the buffer, so concurrent requests share one job.
    const body = readFile(filePath).then((buf) => gzip(buf, { level: 6 }));
    body.catch(() => gzipCache.delete(filePath));
    gzipCache.set(filePath, { key, body });
    return body;
  }

  async function handle(req, res, reqPath) {
    // Record when the status is decided, so it is visible to a test as soon as
    // the client has seen the response headers.
    const begin = (status, extra) => {
      requests.push({ method: req.method ?? '', path: reqPath, status });
      res.writeHead(status, { ...headers, ...extra });
    };
    const send = (status, extra = {}, body) => {
      begin(status, extra);
      if (body === undefined || req.method === 'HEAD') res.end();
      else res.end(body);
    };
    const sendText = (status, text, extra = {}) =>
      send(status, {
        'Content-Type': 'text/plain; charset=utf-8',
        'Content-Length': Buffer.byteLength(text),
        'Cache-Control': 'no-cache',
        ...extra,
      }, text);

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendText(405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    }

    // The base without its trailing slash: redirect, so relative asset URLs
    // in index.html resolve against the right directory.
    if (`${reqPath}/` === basePath) {
      return send(301, { Location: basePath, 'Content-Length': 0 });
    }
    if (!reqPath.startsWith(basePath)) return sendText(404, 'Not Found\n');

    const segments = safeSegments(reqPath.slice(basePath.length));
    if (!segments) return sendText(400, 'Bad Request\n');
    let filePath = path.join(rootDir, ...segments);
    // Belt and braces: whatever the decoding did, stay inside the root.
    const relToRoot = path.relative(rootDir, filePath);
    if (relToRoot.startsWith('..') || path.isAbsolute(relToRoot)) {
      return sendText(400, 'Bad Request\n');
    }

    let info = await stat(filePath).catch(() => null);
    if (info?.isDirectory()) {
      if (!reqPath.endsWith('/')) {
        return send(301, { Location: `${reqPath}/`, 'Content-Length': 0 });
      }
      filePath = path.join(filePath, 'index.html');
      info = await stat(filePath).catch(() => null);
    }
    if (!info?.isFile()) return sendText(404, 'Not Found\n');

    const relPath = path.relative(rootDir, filePath).split(path.sep).join('/');
    const ext = path.extname(filePath).toLowerCase();
    // index.html must always be revalidated so a new build (new asset hashes)
    // is picked up; hashed assets never change under the same name.
    const cacheControl = relPath.startsWith('assets/')
      ? 'public, max-age=31536000, immutable'
      : 'no-cache';
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const common = {
      'Content-Type': mimeType(filePath),
      'Cache-Control': cacheControl,
      ETag: etag,
      'Last-Modified': info.mtime.toUTCString(),
      'X-Content-Type-Options': 'nosniff',
      'Accept-Ranges': 'bytes',
      ...(COMPRESSIBLE.has(ext) && compression !== 'none' ? { Vary: 'Accept-Encoding' } : {}),
    };

    // An encoded copy's tag is the file's with its encoding appended: either revalidates the file.
    const match = String(req.headers['if-none-match'] ?? '');
    if (match === etag || (match.startsWith(etag.slice(0, -1)) && /^-(br|gzip)"$/.test(match.slice(etag.length - 1)))) return send(304, common);

    const rangeHeader = req.headers.range;
    if (rangeHeader) {
      const range = parseRange(rangeHeader, info.size);
      if (range === 'unsatisfiable') {
        return send(416, { ...common, 'Content-Range': `bytes */${info.size}`, 'Content-Length': 0 });
      }
      if (range) {
        begin(206, {
          ...common,
          'Content-Range': `bytes ${range.start}-${range.end}/${info.size}`,
          'Content-Length': range.end - range.start + 1,
        });
        if (req.method === 'HEAD') return res.end();
        return pipeFile(createReadStream(filePath, range), res);
      }
    }

    if (COMPRESSIBLE.has(ext) && compression !== 'none') {
      for (const [suffix, encoding] of PRECOMPRESSED) {
        if (!accepts(req, encoding)) continue;
        const copy = await stat(filePath + suffix).catch(() => null);
        // A copy older than its file is stale (the file was replaced after the build): never send it.
        if (!copy?.isFile() || copy.mtimeMs < info.mtimeMs) continue;
        begin(200, { ...common, ETag: `${etag.slice(0, -1)}-${encoding}"`, 'Content-Encoding': encoding, 'Content-Length': copy.size });
        if (req.method === 'HEAD') return res.end();
        return pipeFile(createReadStream(filePath + suffix), res);
      }
    }

    if (COMPRESSIBLE.has(ext) && compression !== 'none' && accepts(req, 'gzip')) {
      const body = await compressed(filePath, info);
      return send(200, { ...common, 'Content-Encoding': 'gzip', 'Content-Length': body.length }, body);
    }

    begin(200, { ...common, 'Content-Length': info.size });
    if (req.method === 'HEAD') return res.end();
    return pipeFile(createReadStream(filePath), res);
  }

  const server = http.createServer((req, res) => {
    // Keep the raw (encoded) path: decoding happens per segment in safeSegments.
    const reqPath = (req.url ?? '/').split(/[?#]/, 1)[0] || '/';
    handle(req, res, reqPath).catch((err) => {
      if (res.headersSent) return res.destroy(err);
      requests.push({ method: req.method ?? '', path: reqPath, status: 500 });
      res.writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal Server Error\n');
    });
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });

  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://${HOST}:${actualPort}${basePath}`,
    port: actualPort,
    requests,
    close: () =>
      new Promise((resolve, reject) => {
        // Keep-alive sockets (e.g. from a browser) would otherwise hold close() open.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve(undefined)));
      }),
  };
}

function pipeFile(stream, res) {
  stream.on('error', (err) => res.destroy(err));
  stream.pipe(res);
}

// ---------------------------------------------------------------- CLI

function parseArgs(argv) {
  const opts = { dir: '', port: undefined, base: '/', openMessage: false, compression: 'auto' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--port') opts.port = value();
    else if (flag === '--base') opts.base = value();
    else if (flag === '--open-message') opts.openMessage = true;
    else if (flag === '--no-compression') opts.compression = 'none';
    else if (flag.startsWith('--')) throw new Error(`Unknown option: ${arg}`);
    else if (!opts.dir) opts.dir = arg;
    else throw new Error(`Unexpected argument: ${arg}`);
  }
  return opts;
}

async function main() {
  const usage = 'Usage: node tests/tools/serve.mjs <dir> [--port N] [--base /sub/path/] [--no-compression] [--open-message]';
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`${err.message}\n${usage}`);
    process.exit(2);
  }
  if (!opts.dir) {
    console.error(usage);
    process.exit(2);
  }
  const root = path.resolve(opts.dir);
  const index = await stat(path.join(root, 'index.html')).catch(() => null);
  if (!index?.isFile()) {
    console.error(`No index.html in ${root} — build first (npm run build).`);
    process.exit(1);
  }

  const firstPort = Number(opts.port ?? process.env.PORT ?? 4173);
  if (!Number.isInteger(firstPort) || firstPort < 0 || firstPort > 65535) {
    console.error(`Invalid port: ${opts.port ?? process.env.PORT}`);
    process.exit(2);
  }

  // A preview from an earlier session may still hold the port: walk upwards.
  let server;
  for (let attempt = 0; attempt < 20 && !server; attempt++) {
    try {
      server = await startServer({ root, base: opts.base, port: firstPort === 0 ? 0 : firstPort + attempt, compression: opts.compression });
    } catch (err) {
      if (err.code !== 'EADDRINUSE' || firstPort === 0) throw err;
    }
  }
  if (!server) {
    console.error(`Ports ${firstPort}-${firstPort + 19} are all in use; pass --port N.`);
    process.exit(1);
  }

  console.log(`Dashboard: ${server.url}`);
  if (opts.openMessage) {
    console.log(`请在浏览器中打开上面的地址 / Open the URL above in a browser · 大屏 / wall screen: ${server.url}?view=wall`);
  }

  const shutdown = () => server.close().finally(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

// Run main() only when executed directly, not when imported by tests.
const isCli = (() => {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (isCli) {
  main().catch((err) => {
    console.error(err?.stack ?? String(err));
    process.exit(1);
  });
}
