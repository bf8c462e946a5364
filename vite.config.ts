import { defineConfig, runnerImport, type Plugin } from 'vite';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const DATA_DIR = resolve(import.meta.dirname, 'data');
const DATA_FILES = /\.(csv|geojson|arrow|parquet)$/;

/**
 * The bundled data lives in the top-level data/ folder (the contract's four tables, plus the
 * scripts that made them). This plugin publishes only the data files: at dev time under /data/,
 * and in the build as dist/data/, so the app fetches them from its own origin like any other
 * data folder given with ?data=.
 */
function bundledData(): Plugin {
  return {
    name: 'bundled-data',
    configureServer(server) {
      server.middlewares.use('/data/', (req, res, next) => {
        const name = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
        if (!DATA_FILES.test(name) || name.includes('/') || name.includes('..')) return next();
        try {
          const body = readFileSync(resolve(DATA_DIR, name));
          res.setHeader('Content-Type', name.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/octet-stream');
          res.end(body);
        } catch {
          next();
        }
      });
    },
    generateBundle() {
      for (const name of readdirSync(DATA_DIR)) {
        if (!DATA_FILES.test(name)) continue;
        this.emitFile({ type: 'asset', fileName: `data/${name}`, source: readFileSync(resolve(DATA_DIR, name)) });
      }
    },
  };
}

/**
 * Prepared results (src/app/prepared.ts): the build judges the bundled folder with the page's own
 * SQL and domain code, in DuckDB-WASM's Node build, and writes dist/data/prepared.json beside the
 * tables, with each table's SHA-256 and the name of this build's entry script. The page shows them
 * at once when the tables it fetched hash the same, and takes the engine path otherwise.
 */
function preparedResults(): Plugin {
  return {
    name: 'prepared-results',
    apply: 'build',
    async generateBundle(_options, bundle) {
      const entry = Object.values(bundle).find((c) => c.type === 'chunk' && c.isEntry);
      if (!entry) throw new Error('prepared-results: no entry chunk');
      // The page's own modules, run in Node through Vite's module runner (not bundled into this config).
      const load = async <T>(file: string) => (await runnerImport<T>(resolve(import.meta.dirname, file), { configFile: false, logLevel: 'warn' })).module;
      const { encodePrepared, prepareFolder, PREPARED_FILE } = await load<typeof import('./src/app/prepared')>('src/app/prepared.ts');
      const { TABLE_ORDER } = await load<typeof import('./src/data/ingest/tables')>('src/data/ingest/tables.ts');
      const { createNodeEngine } = await load<typeof import('./src/data/node-engine')>('src/data/node-engine.ts');
      const files = Object.fromEntries(
        TABLE_ORDER.map((t) => [t, { name: `${t}.csv`, bytes: new Uint8Array(readFileSync(resolve(DATA_DIR, `${t}.csv`))) }]),
      ) as Parameters<typeof prepareFolder>[1];
      const engine = await createNodeEngine();
      try {
        const set = await prepareFolder(engine, files, entry.fileName);
        this.emitFile({ type: 'asset', fileName: `data/${PREPARED_FILE}`, source: encodePrepared(set) });
      } finally {
        engine.close();
      }
    },
  };
}

const COMPRESSED = /\.(js|mjs|css|html|wasm|csv|json|svg|geojson|txt)$/;
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

/**
 * `.br` and `.gz` beside every compressible file of the build (wasm, JS, CSS, HTML), for servers that
 * send precompressed files (nginx gzip_static / brotli_static, tests/tools/serve.mjs): DuckDB's wasm
 * goes from 34 MB to about 6 MB. Brotli at its best for files under 4 MB; the wasm at quality 9 (its
 * best takes two minutes per file for 12 % fewer bytes). Not the data folder: its tables are meant
 * to be replaced in place, and a server with gzip_static would go on sending the stale copy of a
 * replaced table (the page would show the old figures, consistently, as current). Tables are small;
 * a server compresses them on the fly (README, "Deploying").
 */
function compressedCopies(): Plugin {
  return {
    name: 'compressed-copies',
    apply: 'build',
    async writeBundle(options) {
      const out = options.dir!;
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? walk(join(dir, d.name)) : [join(dir, d.name)]));
      const data = join(out, 'data');
      const files = walk(out).filter((f) => COMPRESSED.test(f) && !f.startsWith(data) && statSync(f).size >= 1024);
      await Promise.all(
        files.map(async (f) => {
          const bytes = readFileSync(f);
          const quality = bytes.length < 4 * 1024 * 1024 ? 11 : 9;
          const [gz, br] = await Promise.all([
            gzip(bytes, { level: 9 }),
            brotli(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }),
          ]);
          writeFileSync(`${f}.gz`, gz);
          writeFileSync(`${f}.br`, br);
        }),
      );
    },
  };
}

/**
 * The Content-Security-Policy the dashboard is built for (see README, "Security"): nothing but the
 * page's own origin, and WebAssembly compilation for DuckDB. `DASHBOARD_DATA_ORIGINS` (space
 * separated) widens connect-src for ?data= folders on other hosts.
 */
export function contentSecurityPolicy(extraConnect = process.env.DASHBOARD_DATA_ORIGINS ?? ''): string {
  const connect = ["'self'", ...extraConnect.split(/\s+/).filter((o) => /^https?:\/\/[^\s;,'"]+$/.test(o))].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    `connect-src ${connect}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * The policy as a <meta> fallback (for hosts that cannot set headers; frame-ancestors is only
 * honoured as a header, so it is left out there) and as a `_headers` file for hosts that read one,
 * with long-lived caching for the hashed assets.
 */
function securityHeaders(): Plugin {
  const policy = contentSecurityPolicy();
  const metaPolicy = policy
    .split('; ')
    .filter((d) => !d.startsWith('frame-ancestors'))
    .join('; ');
  return {
    name: 'security-headers',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('<meta charset="UTF-8" />', `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${metaPolicy}" />`),
    },
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: '_headers',
        source: [
          '/*',
          `  Content-Security-Policy: ${policy}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: no-referrer',
          '/assets/*',
          '  Cache-Control: public, max-age=31536000, immutable',
          '/data/*',
          '  Cache-Control: no-cache',
          '/index.html',
          '  Cache-Control: no-cache',
          '',
        ].join('\n'),
      });
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the build works from any sub-path of a static host.
  base: './',
  plugins: [bundledData(), preparedResults(), securityHeaders(), compressedCopies()],
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The DuckDB wasm binaries are large by nature; they are fetched once and cached.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // React Query's "use client" directives mean nothing in a client-only bundle.
      onwarn(warning, warn) {
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
    },
  },
  worker: { format: 'es' },
});
