/**
 * Failed refreshes, kept so the analyst view can show what went wrong while the wall kept showing
 * the last good data. In memory, mirrored to sessionStorage so a reload in the same tab keeps it.
 */
import { useSyncExternalStore } from 'react';

export interface RefreshFailure {
  /** When the refresh failed (ms since epoch). */
  at: number;
  message: string;
}

const KEY = 'dashboard-refresh-failures';
const MAX = 50;
const listeners = new Set<() => void>();
let entries: RefreshFailure[] = read();

function read(): RefreshFailure[] {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as RefreshFailure[]).slice(-MAX) : [];
  } catch {
    return [];
  }
}

export const refreshLog = {
  add(f: RefreshFailure) {
    entries = [...entries, f].slice(-MAX);
    try {
      sessionStorage.setItem(KEY, JSON.stringify(entries));
    } catch {
      /* storage full or disabled: the in-memory log still works */
    }
    for (const l of listeners) l();
  },
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  get entries() {
    return entries;
  },
};

export function useRefreshFailures(): RefreshFailure[] {
  return useSyncExternalStore(refreshLog.subscribe, () => refreshLog.entries);
}
