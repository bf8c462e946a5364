/**
 * Prepared results: the reads the first screens make on a data folder, computed by the same query
 * options of reads.ts (so the same SQL and domain code) once, at build time for the bundled folder
 * (vite.config.ts) or by this browser on an earlier visit (data/warm-store.ts), and put in the
 * query cache under the same keys when the files being served are byte for byte those they were
 * computed from (SHA-256 of each table). The views read them like any other result; the engine,
 * once it holds the same files at the same revision, finds them already there.
 */
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { dataChanges } from '../data/changes';
import { sha256Hex } from '../data/content-hash';
import type { SqlEngine } from '../data/engine';
import { decodeGraph, encodeGraph } from '../data/graph-codec';
import { loadFolder } from '../data/ingest/commit';
import type { InputFile } from '../data/ingest/issues';
import type { JudgedYear } from '../data/model';
import { TABLE_ORDER, type TableName } from '../data/ingest/tables';
import { defaultYear, resolveAsOf, yearsWithTargets } from '../domain/resolve';
import type { Catalog } from '../domain/types';
import { areasWithDataQuery, catalogQuery, judgedYearQuery, seriesQuery, type ReadScope } from './reads';

/** Where the build writes the bundled folder's prepared results, beside its tables. */
export const PREPARED_FILE = 'prepared.json';

/** One read: its query key (made by reads.ts) and its result. */
export type PreparedRead = readonly [QueryKey, unknown];

export interface PreparedSet {
  format: 1;
  /** The build that computed them (its entry script, e.g. `assets/index-AbC123.js`). */
  app: string;
  /** SHA-256 of each table as it was read. */
  files: Record<TableName, string>;
  /** The data revision the reads were made at (the first load of a fresh database). */
  revision: number;
  reads: PreparedRead[];
}

const runRead = async <T>(reads: PreparedRead[], o: { queryKey: QueryKey; queryFn?: unknown; enabled?: unknown }): Promise<T | null> => {
  if (o.enabled === false) return null;
  const value = await (o.queryFn as () => Promise<T>)();
  reads.push([o.queryKey, value]);
  return value;
};

/**
 * The reads the first screens make on the folder loaded in `engine`, at the data's own as-of month:
 * the catalog, every year's judgement (targets, inherited targets, districts: what the wall pages,
 * the map and the analyst's table show), the areas with figures that year (the analyst's area
 * picker) and each target's months (the wall's cumulative lines).
 */
export async function firstScreenReads(engine: SqlEngine, data: string | null): Promise<{ revision: number; reads: PreparedRead[] }> {
  const reads: PreparedRead[] = [];
  const revision = dataChanges(engine).revision;
  const catalog = (await runRead<Catalog & { revision: number }>(reads, catalogQuery(engine, data, revision)))!;
  const scope: ReadScope = { engine, catalog, version: catalog.revision, state: { data } };
  const asOf = resolveAsOf(null, catalog.latestIdx, catalog.targets);
  const years = new Set([...yearsWithTargets(catalog.targets).map((y) => y.year), defaultYear(asOf, catalog.targets)]);
  for (const year of [...years].sort()) {
    const judged = await runRead<JudgedYear>(reads, judgedYearQuery(scope, year, asOf));
    await runRead(reads, areasWithDataQuery(scope, year));
    for (const j of judged?.all ?? []) await runRead(reads, seriesQuery(scope, j, asOf));
  }
  return { revision: catalog.revision, reads };
}

/** SHA-256 of each fetched table; null when one could not be fetched. */
export async function tableHashes(files: Record<TableName, InputFile | Error>): Promise<Record<TableName, string> | null> {
  if (TABLE_ORDER.some((t) => files[t] instanceof Error)) return null;
  const hashes = await Promise.all(TABLE_ORDER.map((t) => sha256Hex((files[t] as InputFile).bytes)));
  return Object.fromEntries(TABLE_ORDER.map((t, i) => [t, hashes[i]!])) as Record<TableName, string>;
}

export const encodePrepared = (set: PreparedSet): string => encodeGraph(set);

/** A prepared set read back, or null when the text is not one. */
export function decodePrepared(text: string): PreparedSet | null {
  try {
    const set = decodeGraph<PreparedSet>(text);
    return set?.format === 1 && Array.isArray(set.reads) && set.files ? set : null;
  } catch {
    return null;
  }
}

/** Whether `set` was computed by this build from exactly these tables. */
export const preparedFits = (set: PreparedSet | null, app: string, hashes: Record<TableName, string> | null): set is PreparedSet =>
  set != null && hashes != null && set.app === app && TABLE_ORDER.every((t) => set.files[t] === hashes[t]);

/**
 * This build's name: the path of its entry script, which holds the content hash of every chunk it
 * loads. Empty in development (nothing prepared is ever used there).
 */
export function thisBuild(): string {
  if (import.meta.env?.DEV) return '';
  const src = document.querySelector<HTMLScriptElement>('script[type="module"][src]')?.src;
  if (!src) return '';
  const path = new URL(src).pathname;
  const at = path.lastIndexOf('/assets/');
  return at >= 0 ? path.slice(at + 1) : '';
}

/**
 * Puts `set`'s reads in the cache (those not there already), kept until released: a first visit
 * over a slow link may take longer than the cache's usual lifetime to bring up the engine.
 */
export function seedPrepared(client: QueryClient, set: PreparedSet): QueryKey[] {
  const cache = client.getQueryCache();
  const seeded: QueryKey[] = [];
  for (const [queryKey, value] of set.reads) {
    if (client.getQueryData(queryKey) !== undefined) continue;
    cache.build(client, { queryKey, gcTime: Infinity });
    client.setQueryData(queryKey, value);
    seeded.push(queryKey);
  }
  return seeded;
}

/** Drops seeded reads nobody shows any more (the data has moved past the revision they were made at). */
export function releasePrepared(client: QueryClient, keys: readonly QueryKey[]): void {
  const cache = client.getQueryCache();
  for (const queryKey of keys) {
    const q = cache.find({ queryKey, exact: true });
    if (q && q.getObserversCount() === 0) cache.remove(q);
  }
}

/**
 * Loads `files` into a fresh `engine` and prepares the first screens' reads for them: what the
 * build does for the bundled folder (in Node, with DuckDB-WASM's Node build), and what the page
 * keeps for a warm start after its own first load.
 */
export async function prepareFolder(engine: SqlEngine, files: Record<TableName, InputFile>, app: string): Promise<PreparedSet> {
  const report = await loadFolder(engine, files);
  if (report.fatal) throw new Error(`prepared results: ${report.fatal.file}${report.fatal.line != null ? `:${report.fatal.line}` : ''}: ${report.fatal.code} ${report.fatal.detail ?? ''}`);
  const hashes = (await tableHashes(files))!;
  return { format: 1, app, files: hashes, ...(await firstScreenReads(engine, null)) };
}
