/**
 * The page's opening: while DuckDB starts, show results prepared for exactly the files just
 * fetched (the build's for the bundled folder, else those this browser kept from an earlier visit),
 * and after a first load that nothing fitted, keep what it shows for the next visit.
 */
import { useMemo, useRef, useState } from 'react';
import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { dataChanges } from '../data/changes';
import type { SqlEngine } from '../data/engine';
import { BUNDLED_DATA, folderUrl } from '../data/fetch-folder';
import type { GeoJsonInfo } from '../data/geojson';
import type { InputFile } from '../data/ingest/issues';
import type { TableName } from '../data/ingest/tables';
import { readWarm, writeWarm } from '../data/warm-store';
import type { Catalog } from '../domain/types';
import {
  decodePrepared,
  encodePrepared,
  firstScreenReads,
  PREPARED_FILE,
  preparedFits,
  releasePrepared,
  seedPrepared,
  tableHashes,
  thisBuild,
  type PreparedSet,
} from './prepared';
import { catalogQueryKey, folderKey } from './reads';

/** What the page shows before DuckDB holds the data. */
export interface OpeningShown {
  catalog: Catalog & { revision: number };
  geo: GeoJsonInfo | null;
  offline: boolean;
  /** When the files were fetched (the header's "loaded at"). */
  at: number;
  /** Where the results come from: the build, or this browser's last visit. */
  source: 'build' | 'warm';
}

/** How long after DuckDB took over the page waits before keeping results for the next visit. */
const KEEP_AFTER_MS = 3000;

async function fetchBuildPrepared(): Promise<PreparedSet | null> {
  try {
    const res = await fetch(new URL(PREPARED_FILE, folderUrl(BUNDLED_DATA)).href, { cache: 'no-cache' });
    return res.ok ? decodePrepared(await res.text()) : null;
  } catch {
    return null;
  }
}

export function useOpening(client: QueryClient, data: string | null) {
  const [shown, setShown] = useState<OpeningShown | null>(null);
  const state = useRef({ seeded: [] as QueryKey[], revision: 0, hashes: null as Record<TableName, string> | null, fitted: false, kept: false });
  const api = useMemo(() => {
    const s = state.current;
    return {
      /**
       * Starts looking for prepared results (before the files arrive); returns what to call with
       * the fetched files. Never throws: anything that goes wrong means the engine path.
       */
      begin(geo: Promise<GeoJsonInfo | null>) {
        const app = thisBuild();
        if (!app) return undefined;
        // The build prepared the bundled folder only: ?data= elsewhere looks in this browser's store alone.
        const sources: (readonly [OpeningShown['source'], Promise<PreparedSet | null>])[] = [
          ...(data == null ? [['build', fetchBuildPrepared()] as const] : []),
          ['warm', readWarm(folderKey(data)).then((t) => (t ? decodePrepared(t) : null))] as const,
        ];
        return (files: Record<TableName, InputFile | Error>, offline: boolean) => {
          void (async () => {
            const hashes = await tableHashes(files);
            s.hashes = hashes;
            for (const [source, found] of sources) {
              const set = await found;
              if (!preparedFits(set, app, hashes)) continue;
              s.fitted = true;
              s.revision = set.revision;
              s.seeded = seedPrepared(client, set);
              const catalog = client.getQueryData<Catalog & { revision: number }>(catalogQueryKey(data, set.revision));
              if (!catalog) return;
              setShown({ catalog, geo: await geo, offline, at: Date.now(), source });
              return;
            }
          })().catch(() => undefined);
        };
      },
      /** Drops the seeded reads once the data has moved past the revision they were made at. */
      release(revision: number) {
        if (s.seeded.length === 0 || revision <= s.revision) return;
        releasePrepared(client, s.seeded);
        s.seeded = [];
      },
      /** After a first load that nothing prepared fitted: keeps the first screens' reads for the next visit. */
      keep(engine: SqlEngine, revision: number) {
        const app = thisBuild();
        if (s.fitted || s.kept || !s.hashes || !app) return;
        s.kept = true;
        const hashes = s.hashes;
        window.setTimeout(() => {
          void (async () => {
            if (dataChanges(engine).revision !== revision) return;
            const prepared = await firstScreenReads(engine, data);
            // Only results of the files as they were fetched: an upload in between means nothing is kept.
            if (prepared.revision !== revision || dataChanges(engine).revision !== revision) return;
            await writeWarm(folderKey(data), encodePrepared({ format: 1, app, files: hashes, ...prepared }));
          })().catch(() => undefined);
        }, KEEP_AFTER_MS);
      },
    };
  }, [client, data]);
  return useMemo(() => ({ ...api, shown }), [api, shown]);
}
