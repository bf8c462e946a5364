/**
 * Every read of the data as TanStack query options, with its key made here and only here. Each key
 * holds the data folder and the data revision the catalog was read at (data/changes.ts makes it),
 * then the filter: a change to the data re-reads everything that depends on it, a filter change
 * only what it touches.
 */
import { queryOptions } from '@tanstack/react-query';
import type { SqlEngine } from '../data/engine';
import { areasWithActuals, childActuals, judgeYear, monthlySeries, priorYearSeries, readCatalog } from '../data/model';
import { judgedKey } from '../domain/binding';
import type { Catalog, JudgedTarget } from '../domain/types';

/** How a data folder appears in keys: its URL as given, or `bundled`. */
export const folderKey = (data: string | null) => data ?? 'bundled';

/** The folder load itself (a refresh refetches it). */
export const folderQueryKey = (data: string | null) => ['folder', folderKey(data)] as const;

/** The key of the catalog read at data revision `revision`. */
export const catalogQueryKey = (data: string | null, revision: number) => ['catalog', folderKey(data), revision] as const;

/** The catalog, read at data revision `revision`. */
export const catalogQuery = (engine: SqlEngine, data: string | null, revision: number) =>
  queryOptions({
    queryKey: catalogQueryKey(data, revision),
    queryFn: () => readCatalog(engine),
  });

/** What the reads below need: the engine, the catalog and the revision it was read at. */
export interface ReadScope {
  engine: SqlEngine;
  catalog: Catalog;
  /** The revision the catalog was read at. */
  version: number;
  state: { data: string | null };
}

/** The year's targets and every district, judged as of `asOf`. */
export const judgedYearQuery = (s: ReadScope, year: number, asOf: number) =>
  queryOptions({
    queryKey: ['judged', folderKey(s.state.data), s.version, { year, asOf }] as const,
    queryFn: () => judgeYear(s.engine, s.catalog, year, asOf),
  });

/** A target's months, read the same way as the target. */
export const seriesQuery = (s: ReadScope, judged: JudgedTarget | null, asOf: number) =>
  queryOptions({
    queryKey: ['series', folderKey(s.state.data), s.version, (judged ? judgedKey(judged) : ''), asOf] as const,
    queryFn: () => monthlySeries(s.engine, judged!, asOf),
    enabled: judged != null,
  });

/** The same months of the previous year. */
export const priorSeriesQuery = (s: ReadScope, judged: JudgedTarget | null, asOf: number) =>
  queryOptions({
    queryKey: ['prior', folderKey(s.state.data), s.version, (judged ? judgedKey(judged) : ''), asOf] as const,
    queryFn: () => priorYearSeries(s.engine, judged!),
    enabled: judged != null,
  });

/** A target's indicator in each of its area's sub-areas. */
export const childrenQuery = (s: ReadScope, judged: JudgedTarget | null, asOf: number) =>
  queryOptions({
    queryKey: ['children', folderKey(s.state.data), s.version, (judged ? judgedKey(judged) : ''), asOf] as const,
    queryFn: () => childActuals(s.engine, s.catalog, judged!, asOf),
    enabled: judged != null,
  });

/** The areas with figures of their own in a year (the analyst's area picker). */
export const areasWithDataQuery = (s: ReadScope, year: number) =>
  queryOptions({
    queryKey: ['areas-with-data', folderKey(s.state.data), s.version, year] as const,
    queryFn: () => areasWithActuals(s.engine, year),
  });
