import { defineConfig, type Plugin } from 'vite';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';

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
  plugins: [bundledData(), securityHeaders()],
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
