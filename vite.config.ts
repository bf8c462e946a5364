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

export default defineConfig({
  // Relative asset URLs: the build works from any sub-path of a static host.
  base: './',
  plugins: [bundledData()],
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
