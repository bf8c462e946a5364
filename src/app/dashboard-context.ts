/** What every view and panel needs: the engine, the catalog, the resolved filters and the translator. */
import { createContext, useContext } from 'react';
import type { SqlEngine } from '../data/engine';
import type { Catalog } from '../domain/types';
import type { GeoJsonInfo } from '../data/geojson';
import type { Translator } from './i18n/translator';
import type { UrlState } from './url-state';

export interface Dashboard {
  /** The database: usable at once, its statements wait for DuckDB while it starts. */
  engine: SqlEngine;
  /**
   * DuckDB holds the data (data-engine="ready"). Before that, what is shown comes from results
   * prepared for exactly the files fetched, and a read that is not among them waits.
   */
  engineReady: boolean;
  catalog: Catalog;
  /** Resolved as-of month index A. */
  asOf: number;
  /** Resolved year filter. */
  year: number;
  /** Area filter, validated against the catalog. */
  areas: string[];
  state: UrlState;
  setState: (patch: Partial<UrlState>) => void;
  /** The data revision the catalog was read at (data/changes.ts): every read keys on it. */
  version: number;
  /** The ledger whose figures are in the database now (its label), or null. */
  ledger: string | null;
  /** Loads the published folder again. */
  reloadFolder: () => Promise<unknown>;
  i18n: Translator;
  /** When the data on screen was loaded (ms since epoch). */
  loadedAt: number;
  /** Licensed boundaries from the data folder's areas.geojson, when it has one. */
  geo: GeoJsonInfo | null;
  /** The network was down: the data on screen came from the offline cache. */
  offline: boolean;
  /** The last refresh failed: the data on screen is from `loadedAt`. */
  refreshError: Error | null;
}

export const DashboardContext = createContext<Dashboard | null>(null);

export function useDashboard(): Dashboard {
  const d = useContext(DashboardContext);
  if (!d) throw new Error('useDashboard outside DashboardContext');
  return d;
}
