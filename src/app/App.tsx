/**
 * Picks the view from URL state, loads the data folder, resolves the filters against the data and
 * sets the page hooks (data-ready / data-engine / data-error) on the root element. Until DuckDB
 * holds the data, the page shows results prepared for exactly the files it fetched (use-opening.ts)
 * when there are some.
 */
import { useEffect, useMemo, useRef, useSyncExternalStore, type ComponentType } from 'react';
import { keepPreviousData, useIsFetching, useQuery, useQueryClient } from '@tanstack/react-query';
import { dataChanges } from '../data/changes';
import { DatabaseStartError, sharedEngine } from '../data/db';
import type { SqlEngine } from '../data/engine';
import { BUNDLED_DATA, FolderLoadError, folderUrl, loadDataFolder } from '../data/fetch-folder';
import { loadAreasGeoJson } from '../data/geojson';
import { ledgerFigures } from '../data/model';
import { usePendingCharts } from '../charts/render-tracker';
import { FatalError } from './FatalError';
import { DashboardContext, type Dashboard } from './dashboard-context';
import { translator } from './i18n/translator';
import { catalogQuery, folderQueryKey } from './reads';
import { refreshLog } from './refresh-log';
import { matchUrlValues } from './url-matches';
import { useUrlState } from './use-url-state';
import { useOpening } from './use-opening';

/**
 * Each view is a chunk of its own, fetched while DuckDB starts: a wall screen never downloads the
 * workbench, and the other way round. The loading is a query, so data-ready waits for it.
 */
const VIEWS: Record<'wall' | 'analyst' | 'briefing', () => Promise<ComponentType>> = {
  wall: () => import('../views/wall/WallView').then((m) => m.WallView),
  analyst: () => import('../views/analyst/AnalystView').then((m) => m.AnalystView),
  briefing: () => import('../views/briefing/BriefingView').then((m) => m.BriefingView),
};

/** How often a wall retries a failed first load, and when it reloads after DuckDB failed to start. */
const WALL_RETRY_MS = 30_000;
const WALL_RELOAD_MS = 60_000;

declare global {
  interface Window {
    /** Operational hooks: refresh now (what ?refresh= does on its timer). */
    __dashboard?: { refresh: () => Promise<unknown>; ledgerFigures: () => Promise<unknown[]> };
  }
}

const NO_CHANGES = { subscribe: () => () => undefined, revision: -1, ledger: null };

/** The data revision and loaded ledger of a database (data/changes.ts), as React state. */
function useDataState(engine: SqlEngine | null): { revision: number; ledger: string | null } {
  const changes = engine ? dataChanges(engine) : NO_CHANGES;
  const revision = useSyncExternalStore(changes.subscribe, () => changes.revision);
  const ledger = useSyncExternalStore(changes.subscribe, () => changes.ledger);
  return { revision, ledger };
}

export function App() {
  const [state, setState, notices] = useUrlState();
  const i18n = useMemo(() => translator(state.lang), [state.lang]);

  const view = useQuery({
    queryKey: ['view', state.view] as const,
    queryFn: async () => ({ View: await VIEWS[state.view]() }),
    staleTime: Infinity,
    gcTime: Infinity,
  });
  const client = useQueryClient();
  const opening = useOpening(client, state.data);
  const firstLoad = useRef(true);
  const folder = useQuery({
    queryKey: folderQueryKey(state.data),
    queryFn: async () => {
      const folderAt = folderUrl(state.data ?? BUNDLED_DATA);
      // One object for every change and read: statements wait for DuckDB while it starts.
      const engine = sharedEngine();
      const geo = loadAreasGeoJson(folderAt);
      // Only the page's first load can be shown from prepared results (they are made at the revision
      // of a fresh database's first load).
      const onFetched = firstLoad.current ? opening.begin(geo) : undefined;
      firstLoad.current = false;
      const [report, geoInfo] = await Promise.all([loadDataFolder(engine, folderAt, { onFetched }), geo]);
      if (report.fatal) throw new FolderLoadError(report);
      return { engine, report, geo: geoInfo };
    },
    // ?refresh=: fetch the folder again on a timer. A failed refresh leaves the last good data in
    // DuckDB (the folder is swapped in only as a whole) and in this query's data.
    // An unattended wall whose first load failed keeps trying, so it recovers when the data is back.
    refetchInterval: (q) =>
      state.refresh ? state.refresh * 1000 : state.view === 'wall' && q.state.data == null && q.state.error ? WALL_RETRY_MS : false,
    refetchIntervalInBackground: true,
  });
  const engine = folder.data?.engine ?? null;
  const refetchFolder = folder.refetch;
  // Every read below keys on the data revision, made by the one gate every change passes.
  const data = useDataState(engine);
  const catalog = useQuery({
    ...catalogQuery(engine!, state.data, data.revision),
    enabled: engine != null,
    // While a new catalog is read, the previous one is shown (placeholder) with the revision it was
    // read at, so nothing downstream is keyed to the new revision before its catalog exists.
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    window.__dashboard = {
      refresh: () => folder.refetch(),
      // The figures a loaded ledger produced (no person-level data), for checking against other tools.
      ledgerFigures: async () => (folder.data ? ledgerFigures(folder.data.engine) : []),
    };
  }, [folder]);
  useEffect(() => {
    if (folder.error && folder.errorUpdatedAt) refreshLog.add({ at: folder.errorUpdatedAt, message: folder.error.message });
  }, [folder.error, folder.errorUpdatedAt]);

  // Until DuckDB holds the data: the catalog and geometry of the prepared results, if any fit.
  const early = folder.data ? null : opening.shown;
  const engineReady = folder.data != null;
  const shownCatalog = folder.data ? catalog.data : early?.catalog;
  // The URL's values read against the data: what matches nothing falls back, with a notice.
  const matched = useMemo(() => (shownCatalog ? matchUrlValues(state, shownCatalog) : null), [shownCatalog, state]);
  const dashboard: Dashboard | null = useMemo(() => {
    const c = shownCatalog;
    if (!c || !matched) return null;
    return {
      engine: sharedEngine(),
      engineReady,
      catalog: c,
      asOf: matched.asOf,
      year: matched.year,
      areas: matched.state.areas,
      state: matched.state,
      setState,
      // Downstream queries key on the revision their catalog was read at: a key that changed before
      // its catalog did would run them on the old one, and cache the result under the new key.
      version: c.revision,
      ledger: data.ledger,
      reloadFolder: refetchFolder,
      i18n,
      loadedAt: folder.data ? folder.dataUpdatedAt : early!.at,
      geo: folder.data ? folder.data.geo : early!.geo,
      offline: folder.data ? folder.data.report.offline : early!.offline,
      refreshError: folder.error,
    };
  }, [folder.data, folder.dataUpdatedAt, folder.error, refetchFolder, shownCatalog, matched, early, engineReady, data.ledger, setState, i18n]);

  // Once the data has moved past the revision prepared results were made at, they can go.
  useEffect(() => opening.release(data.revision), [opening, data.revision]);
  // A first load that nothing prepared fitted: keep what it shows for the next visit.
  useEffect(() => {
    if (engineReady && data.revision === 1) opening.keep(sharedEngine(), data.revision);
  }, [opening, engineReady, data.revision]);

  // DuckDB itself failed to start (e.g. the wasm could not be fetched): only a reload can help.
  useEffect(() => {
    if (state.view !== 'wall' || !(folder.error instanceof DatabaseStartError)) return;
    const t = window.setTimeout(() => window.location.reload(), WALL_RELOAD_MS);
    return () => window.clearTimeout(t);
  }, [state.view, folder.error]);

  // Reads in flight (the folder load aside: while prepared results are shown, it runs behind them).
  const fetching = useIsFetching({ predicate: (q) => q.queryKey[0] !== folderQueryKey(null)[0] });
  const pendingCharts = usePendingCharts();
  // A failed refresh is not fatal while there is good data to show.
  const error = view.error ?? (folder.data ? catalog.error : (folder.error ?? catalog.error));
  const View = view.data?.View;
  const ready = dashboard != null && View != null && fetching === 0 && (!folder.isFetching || early != null) && pendingCharts === 0 && !error;
  // A read that needs DuckDB while it is still starting: say so, never show an older figure.
  const waiting = !engineReady && early != null && fetching > 0;

  useEffect(() => {
    document.documentElement.lang = state.lang === 'zh' ? 'zh-CN' : 'en';
    document.title = i18n.t('appTitle');
  }, [state.lang, i18n]);

  // The contract's hooks live on the root element; mirror them on #root for tests that look there.
  useEffect(() => {
    const root = document.getElementById('root');
    if (!root) return;
    root.setAttribute('data-ready', ready ? 'true' : 'false');
    root.setAttribute('data-engine', engineReady ? 'ready' : 'starting');
    if (error) root.setAttribute('data-error', error.message);
    else root.removeAttribute('data-error');
  }, [ready, engineReady, error]);

  const allNotices = [...notices, ...(dashboard ? (matched?.notices ?? []) : [])];

  return (
    <div
      className={`app app-${state.view}`}
      data-app-root=""
      data-ready={ready ? 'true' : 'false'}
      data-engine={engineReady ? 'ready' : 'starting'}
      data-prepared={early ? early.source : undefined}
      data-error={error ? error.message : undefined}
      data-view={state.view}
    >
      {error ? (
        <FatalError error={error} i18n={i18n} />
      ) : !dashboard ? (
        <p className="boot" role="status">
          {folder.isPending ? i18n.t('loading') : i18n.t('loadingDb')}
        </p>
      ) : (
        <DashboardContext.Provider value={dashboard}>
          {waiting && (
            <p className="engine-wait" role="status" data-engine-wait="">
              {i18n.t('engineWait')}
            </p>
          )}
          {allNotices.length > 0 && (
            <ul className="notices" role="status" data-url-notices="">
              {allNotices.map((n, i) => (
                <li key={i} data-url-notice={n.param}>
                  {!n.unmatched
                    ? i18n.t('urlNotice', { param: n.param, value: n.value })
                    : n.param === 'area'
                      ? i18n.t('unknownArea', { value: n.value })
                      : i18n.t('urlUnmatched', { param: n.param, value: n.value })}
                </li>
              ))}
            </ul>
          )}
          {View ? <View /> : <p className="boot" role="status">{i18n.t('loading')}</p>}
        </DashboardContext.Provider>
      )}
    </div>
  );
}
