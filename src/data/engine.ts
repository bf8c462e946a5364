/**
 * The narrow interface the data layer needs from DuckDB. The browser implements it over
 * DuckDB-WASM (db.ts); tests implement it over the same DuckDB-WASM build running in Node,
 * so the SQL under test is the SQL the page runs.
 */

export type SqlValue = string | number | boolean | null;
export type Row = Record<string, unknown>;

export interface SqlEngine {
  /** Runs one statement with `?` parameters and returns plain JS rows (no BigInt, no Arrow). */
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs statements without parameters (DDL built only from constants). */
  exec(sql: string): Promise<void>;
  /** Makes `text` readable by DuckDB's file functions under `name`. */
  registerText(name: string, text: string): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Makes raw bytes readable by DuckDB's file functions under `name` (large files: no decoding). */
  registerBuffer(name: string, bytes: Uint8Array): Promise<void>;
  /**
   * Registers a Blob (e.g. a slice of a File) that DuckDB reads on demand, without copying it into
   * its memory first. Optional: an engine without it gets files as buffers.
   */
  registerBlob?(name: string, blob: Blob): Promise<void>;
  /** Asks DuckDB to cancel the statement that is running, if any. */
  cancel(): Promise<void>;
  /** Creates table `name` from Arrow IPC bytes (stream or file format). */
  insertArrow(name: string, bytes: Uint8Array): Promise<void>;
}

/** A query failed: the statement and its cause are kept for the analyst view's error log. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly sql: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'QueryError';
  }
}

/** Converts DuckDB/Arrow values into plain JS: BigInt → number, Date stays Date, nested → plain. */
export function plainValue(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v && typeof v === 'object' && 'toJSON' in v && typeof (v as { toJSON: unknown }).toJSON === 'function') {
    return (v as { toJSON: () => unknown }).toJSON();
  }
  return v;
}

/**
 * An engine usable at once whose statements wait for `ready` and then run on it (or fail with its
 * start error). The page hands this one object to every change and read from its first moment, so
 * a change queued before DuckDB has arrived (the folder load) passes the one gate (changes.ts)
 * ahead of any read made while the page paints from prepared results.
 */
export function deferredEngine(ready: Promise<SqlEngine>): SqlEngine {
  const on = async <T>(run: (e: SqlEngine) => Promise<T>): Promise<T> => run(await ready);
  return {
    query: <T extends Row>(sql: string, params?: readonly SqlValue[]) => on((e) => e.query<T>(sql, params)),
    exec: (sql) => on((e) => e.exec(sql)),
    registerText: (name, text) => on((e) => e.registerText(name, text)),
    dropFile: (name) => on((e) => e.dropFile(name)),
    registerBuffer: (name, bytes) => on((e) => e.registerBuffer(name, bytes)),
    registerBlob: (name, blob) =>
      on(async (e) => (e.registerBlob ? e.registerBlob(name, blob) : e.registerBuffer(name, new Uint8Array(await blob.arrayBuffer())))),
    cancel: () => on((e) => e.cancel()),
    insertArrow: (name, bytes) => on((e) => e.insertArrow(name, bytes)),
  };
}
