/**
 * Fetching a data folder (the bundled ./data/ or ?data=<folder url>) and loading it. Network
 * failures become per-table errors with the URL and reason, never an endless spinner.
 */
import type { SqlEngine } from './engine';
import { loadFolder } from './ingest/commit';
import type { FolderReport, InputFile } from './ingest/issues';
import { TABLE_ORDER, type TableName } from './ingest/tables';

export const BUNDLED_DATA = './data/';

/** Thrown when a table of the folder cannot be fetched. */
export class DataLoadError extends Error {
  constructor(
    message: string,
    readonly url: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DataLoadError';
  }
}

/** The folder could not be used as a whole; its report says which file, line and why. */
export class FolderLoadError extends Error {
  constructor(readonly report: FolderReport) {
    const f = report.fatal;
    super(f ? `${f.file}${f.line != null ? `:${f.line}` : ''}: ${f.code}${f.detail ? ` (${f.detail})` : ''}` : 'data folder could not be loaded');
    this.name = 'FolderLoadError';
  }
}

/** Resolves a folder URL (relative to the page) and makes sure it ends with a slash. */
export function folderUrl(folder: string, base = document.baseURI): URL {
  const u = new URL(folder, base);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u;
}

async function fetchTable(folder: URL, table: TableName, signal?: AbortSignal): Promise<InputFile | Error> {
  const url = new URL(`${table}.csv`, folder).href;
  try {
    // no-cache: a refresh must see the new release, not yesterday's copy.
    const res = await fetch(url, { cache: 'no-cache', signal });
    if (!res.ok) return new DataLoadError(`${url}: HTTP ${res.status} ${res.statusText}`.trim(), url);
    if (res.headers.get('X-Dashboard-Offline') === '1') offlineTables.add(table);
    return { name: `${table}.csv`, bytes: new Uint8Array(await res.arrayBuffer()) };
  } catch (cause) {
    // A CORS refusal and an unreachable host look the same from here (TypeError): say both.
    return new DataLoadError(`${url}: ${(cause as Error)?.message ?? cause} (unreachable, or refused by CORS)`, url, { cause });
  }
}

/** Tables the service worker answered from its cache because the network was down. */
const offlineTables = new Set<TableName>();

/** What loadDataFolder may be told: an abort signal, and whom to show the fetched files first. */
export interface FolderLoadOptions {
  signal?: AbortSignal;
  /**
   * Called with the fetched files (exactly the bytes the engine will load) once the load into the
   * engine is queued, before it runs: the page checks them against prepared results here.
   */
  onFetched?: (files: Record<TableName, InputFile | Error>, offline: boolean) => void;
}

/**
 * Fetches the four tables in parallel and loads them as one unit. The engine may still be
 * starting: the tables are fetched while it boots (its boot is the floor of the page's start).
 */
export async function loadDataFolder(
  engine: SqlEngine | Promise<SqlEngine>,
  folder: URL,
  options: FolderLoadOptions = {},
): Promise<FolderReport & { offline: boolean }> {
  offlineTables.clear();
  const fetching = Promise.all(TABLE_ORDER.map((t) => fetchTable(folder, t, options.signal)));
  // A failed fetch is a value (reported per table), so only the engine's start can reject here.
  const fetched = await fetching;
  const files = Object.fromEntries(TABLE_ORDER.map((t, i) => [t, fetched[i]!])) as Record<TableName, InputFile | Error>;
  const offline = offlineTables.size > 0;
  // Queued first (one change at a time, changes.ts), so any read made after onFetched waits for it.
  const loading = engine instanceof Promise ? engine.then((e) => loadFolder(e, files)) : loadFolder(engine, files);
  options.onFetched?.(files, offline);
  return { ...(await loading), offline };
}
