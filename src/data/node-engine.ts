/**
 * The SqlEngine over DuckDB-WASM's Node build: the same engine and version the page runs, so the
 * build's prepared results (app/prepared.ts) and the SQL tests run exactly the statements the
 * browser executes. Node only: nothing the page loads imports it.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { plainValue, type Row, type SqlEngine, type SqlValue } from './engine';

const require = createRequire(import.meta.url);

interface BlockingConn {
  query(sql: string): { toArray(): unknown[]; schema: { fields: { name: string }[] } };
  prepare(sql: string): { query(...p: unknown[]): { toArray(): unknown[]; schema: { fields: { name: string }[] } }; close(): void };
  insertArrowFromIPCStream(buffer: Uint8Array, options: { name: string; create?: boolean }): void;
  close(): void;
}

/** A fresh in-memory database in DuckDB-WASM's Node build, opened with the page's options. */
export async function createNodeEngine(): Promise<SqlEngine & { close(): void }> {
  const duckdb = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const bundles = {
    mvp: { mainModule: join(dist, 'duckdb-mvp.wasm'), mainWorker: join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: join(dist, 'duckdb-eh.wasm'), mainWorker: join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true, castTimestampToDate: true, castDecimalToDouble: true } });
  const conn: BlockingConn = db.connect();
  conn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
  const rows = <T extends Row>(t: { toArray(): unknown[]; schema: { fields: { name: string }[] } }): T[] => {
    const names = t.schema.fields.map((f) => f.name);
    return t.toArray().map((r) => {
      const out: Row = {};
      for (const n of names) out[n] = plainValue((r as Record<string, unknown>)[n]);
      return out as T;
    });
  };
  return {
    async query<T extends Row>(sql: string, params: readonly SqlValue[] = []) {
      if (params.length === 0) return rows<T>(conn.query(sql));
      const stmt = conn.prepare(sql);
      try {
        return rows<T>(stmt.query(...params));
      } finally {
        stmt.close();
      }
    },
    async exec(sql: string) {
      conn.query(sql);
    },
    async registerText(name: string, text: string) {
      db.registerFileText(name, text);
    },
    async dropFile(name: string) {
      db.dropFile(name);
    },
    async registerBuffer(name: string, bytes: Uint8Array) {
      db.registerFileBuffer(name, bytes);
    },
    // Node has no FileReaderSync: the blob's bytes are registered as a buffer (the page reads it on demand).
    async registerBlob(name: string, blob: Blob) {
      db.registerFileBuffer(name, new Uint8Array(await blob.arrayBuffer()));
    },
    async cancel() {
      /* the blocking build runs each statement to completion */
    },
    async insertArrow(name: string, bytes: Uint8Array) {
      // One connection per insert, as in src/data/db.ts.
      const own: BlockingConn = db.connect();
      try {
        own.insertArrowFromIPCStream(bytes, { name, create: true });
      } finally {
        own.close();
      }
    },
    close() {
      conn.close();
    },
  };
}
