/**
 * The one owner of the database: DuckDB-WASM, self-hosted (wasm and worker are build assets of
 * this app, fetched from its own origin), created lazily behind one shared promise and started
 * from main.tsx before React renders.
 *
 * Known traps handled here:
 * - instantiate() never settles on a missing wasm, a wrong MIME type or a CSP without
 *   'wasm-unsafe-eval': it is raced against the worker's error event and a timeout.
 * - extensions (json, parquet, icu …) would be fetched from the internet on first use:
 *   autoinstall/autoload are switched off and no query depends on one.
 */
import * as duckdb from '@duckdb/duckdb-wasm';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { deferredEngine, plainValue, QueryError, type Row, type SqlEngine, type SqlValue } from './engine';

/** How long DuckDB may take to start before the page says so instead of spinning. */
export const DB_START_TIMEOUT_MS = 30000;

export class DatabaseStartError extends Error {
  constructor(
    readonly reason: 'timeout' | 'worker' | 'instantiate',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DatabaseStartError';
  }
}

const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

let started: Promise<SqlEngine> | null = null;

/**
 * Absolute URLs of the DuckDB files this browser uses. The worker fetches the wasm itself, so it
 * never shows in the page's resource timing: the offline cache needs to be told.
 */
export async function engineAssetUrls(): Promise<string[]> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  return [bundle.mainModule, bundle.mainWorker].filter((u): u is string => !!u).map(absolute);
}

/** The shared database; the first call starts it. */
export function getEngine(): Promise<SqlEngine> {
  started ??= startEngine();
  return started;
}

let shared: SqlEngine | null = null;

/**
 * The shared database as an object usable at once: its statements wait for DuckDB to start (the
 * first call starts it). Every change and read of the page goes through this one object.
 */
export function sharedEngine(): SqlEngine {
  shared ??= deferredEngine(getEngine());
  return shared;
}

/** Absolute URL of a bundled asset (Vite emits them relative to the page under base './'). */
const absolute = (url: string) => new URL(url, document.baseURI).href;

async function startEngine(): Promise<SqlEngine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(absolute(bundle.mainWorker!));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) =>
      reject(new DatabaseStartError('worker', `DuckDB worker failed: ${e.message || 'could not load the worker script'}`)),
    );
    timer = setTimeout(
      () =>
        reject(
          new DatabaseStartError(
            'timeout',
            `DuckDB did not start within ${DB_START_TIMEOUT_MS / 1000} s (is ${bundle.mainModule} served as application/wasm, and does the CSP allow 'wasm-unsafe-eval'?)`,
          ),
        ),
      DB_START_TIMEOUT_MS,
    );
  });
  performance.mark('duckdb:start');
  try {
    await Promise.race([db.instantiate(absolute(bundle.mainModule)), failed]);
    performance.mark('duckdb:instantiated');
    await Promise.race([
      db.open({ query: { castBigIntToDouble: true, castTimestampToDate: true, castDecimalToDouble: true } }),
      failed,
    ]);
  } catch (cause) {
    worker.terminate();
    if (cause instanceof DatabaseStartError) throw cause;
    throw new DatabaseStartError('instantiate', `DuckDB could not start: ${String((cause as Error)?.message ?? cause)}`, {
      cause,
    });
  } finally {
    clearTimeout(timer);
  }
  performance.mark('duckdb:open');
  const conn = await db.connect();
  // Never reach out to an extension repository: wall screens sit on closed networks.
  await conn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
  performance.mark('duckdb:ready');
  return wrap(db, conn);
}

function toRows<T extends Row>(table: { toArray(): unknown[]; schema: { fields: { name: string }[] } }): T[] {
  const names = table.schema.fields.map((f) => f.name);
  return table.toArray().map((r) => {
    const row = r as Record<string, unknown>;
    const out: Row = {};
    for (const n of names) out[n] = plainValue(row[n]);
    return out as T;
  });
}

function wrap(db: duckdb.AsyncDuckDB, conn: duckdb.AsyncDuckDBConnection): SqlEngine {
  // One statement at a time on the one connection: DuckDB-WASM is single-threaded anyway, and
  // serialising keeps staging tables of one load from interleaving with another's.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>, what = '', params: readonly SqlValue[] = []): Promise<T> => {
    // window.__sqlTrace = [] records each statement's wait and run time (npm run bench, profiling).
    const trace = (globalThis as { __sqlTrace?: unknown[] }).__sqlTrace;
    const queued = performance.now();
    const timed = trace
      ? async () => {
          const start = performance.now();
          try {
            return await fn();
          } finally {
            trace.push({
              what: what.replace(/\s+/g, ' ').trim().slice(0, 100),
              params: params.length,
              firstParam: params[0],
              queued,
              start,
              end: performance.now(),
            });
          }
        }
      : fn;
    const next = queue.then(timed, timed);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    query: <T extends Row>(sql: string, params: readonly SqlValue[] = []) =>
      serial(
        async () => {
          try {
            if (params.length === 0) return toRows<T>(await conn.query(sql));
            const stmt = await conn.prepare(sql);
            try {
              return toRows<T>(await stmt.query(...params));
            } finally {
              await stmt.close();
            }
          } catch (cause) {
            throw new QueryError(String((cause as Error)?.message ?? cause), sql, { cause });
          }
        },
        sql,
        params,
      ),
    exec: (sql: string) =>
      serial(async () => {
        try {
          await conn.query(sql);
        } catch (cause) {
          throw new QueryError(String((cause as Error)?.message ?? cause), sql, { cause });
        }
      }, sql),
    registerText: (name, text) => serial(() => db.registerFileText(name, text)),
    registerBuffer: (name, bytes) => serial(() => db.registerFileBuffer(name, bytes)),
    // Read by the worker with FileReaderSync, a range at a time, as DuckDB asks for it.
    registerBlob: (name, blob) =>
      serial(() => db.registerFileHandle(name, blob, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true)),
    // Not queued: it must reach DuckDB while the statement it cancels is still running.
    cancel: async () => void (await conn.cancelSent().catch(() => false)),
    dropFile: (name) => serial(async () => void (await db.dropFile(name))),
    insertArrow: (name, bytes) =>
      serial(async () => {
        // A connection of its own per insert: DuckDB-WASM keeps an IPC stream reader per
        // connection, and a second insert on the same one fails ("Expected IPC message of type
        // schema but got dictionary").
        const own = await db.connect();
        try {
          await own.insertArrowFromIPCStream(bytes, { name, create: true });
        } catch (cause) {
          throw new QueryError(String((cause as Error)?.message ?? cause), `insertArrow ${name}`, { cause });
        } finally {
          await own.close();
        }
      }),
  };
}
