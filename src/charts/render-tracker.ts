/**
 * Counts charts that have been given an option but not finished drawing, so the page can say
 * `data-ready="true"` only once every chart has rendered (the contract's page hook).
 */
import { useSyncExternalStore } from 'react';

const pending = new Set<string>();
const listeners = new Set<() => void>();
let snapshot = 0;

function emit() {
  snapshot = pending.size;
  for (const l of listeners) l();
}

export const renderTracker = {
  start(id: string) {
    if (!pending.has(id)) {
      pending.add(id);
      emit();
    }
  },
  done(id: string) {
    if (pending.delete(id)) emit();
  },
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get pending() {
    return snapshot;
  },
};

/** Number of charts still drawing. */
export function usePendingCharts(): number {
  return useSyncExternalStore(renderTracker.subscribe, () => renderTracker.pending);
}
