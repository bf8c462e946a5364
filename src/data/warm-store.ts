/**
 * Warm starts: the last prepared results this browser computed for a data folder, kept in
 * IndexedDB (one record per folder, the newest replacing the last). The record is opaque text
 * here; app/prepared.ts decides whether it fits the files being served. Every failure (no
 * IndexedDB, a private window, a full disk) reads as "nothing kept": the page then takes the
 * engine path as it would on a first visit.
 */
const DB = 'dashboard-warm';
const STORE = 'prepared';

function open(): Promise<IDBDatabase | null> {
  return new Promise((resolve) => {
    try {
      if (typeof indexedDB === 'undefined') return resolve(null);
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
}

function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T | null> {
  return open().then(
    (db) =>
      new Promise<T | null>((resolve) => {
        if (!db) return resolve(null);
        try {
          const tx = db.transaction(STORE, mode);
          const req = act(tx.objectStore(STORE));
          tx.oncomplete = () => (db.close(), resolve(req.result ?? null));
          tx.onerror = tx.onabort = () => (db.close(), resolve(null));
        } catch {
          db.close();
          resolve(null);
        }
      }),
  );
}

/** The text kept for `folder`, or null. */
export const readWarm = (folder: string): Promise<string | null> =>
  run<unknown>('readonly', (s) => s.get(folder)).then((v) => (typeof v === 'string' ? v : null));

/** Keeps `text` for `folder` (replacing what was kept); resolves whether it was written. */
export const writeWarm = (folder: string, text: string): Promise<boolean> =>
  run<IDBValidKey>('readwrite', (s) => s.put(text, folder)).then((k) => k != null);
