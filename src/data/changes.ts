/**
 * One change to the data at a time, and the revision every read keys on.
 *
 * The engine (db.ts) runs one statement at a time, but a load is many statements over shared
 * staging tables (new_*, chk_*, flag_*), so two loads whose statements interleave would mix. Every
 * change to the data (a folder load or refresh, one uploaded file, a ledger, clearing a ledger)
 * therefore runs alone, behind one gate per database; reads that take several statements (the
 * catalog, a year's judgement) run between changes, never across one. Each change that commits
 * bumps the revision, made here and nowhere else: the page's queries key on it.
 */
import type { SqlEngine } from './engine';

type Release = () => void;

/** A first-come, first-served gate: any number of reads together, or one change alone. */
class Gate {
  private readers = 0;
  private writing = false;
  private readonly waiting: { write: boolean; enter: (release: Release) => void }[] = [];

  enter(write: boolean): Promise<Release> {
    return new Promise((enter) => {
      this.waiting.push({ write, enter });
      this.pump();
    });
  }

  private pump(): void {
    while (this.waiting.length > 0 && !this.writing) {
      const next = this.waiting[0]!;
      if (next.write && this.readers > 0) return;
      this.waiting.shift();
      if (next.write) this.writing = true;
      else this.readers++;
      let released = false;
      next.enter(() => {
        if (released) return;
        released = true;
        if (next.write) this.writing = false;
        else this.readers--;
        this.pump();
      });
    }
  }
}

export interface ChangeOptions<T> {
  /** Whether the change committed anything (default: it did when it resolved). */
  committed?: (result: T) => boolean;
  /** Aborted by cancelRunning (e.g. a reset while a ledger loads). */
  cancel?: AbortController;
  /** The ledger in the database after this change: a label for a loaded one, null when none. */
  ledger?: (result: T) => string | null | undefined;
}

export class DataChanges {
  private readonly gate = new Gate();
  private readonly listeners = new Set<() => void>();
  private readonly cancellable = new Set<AbortController>();
  private current = 0;
  private ledgerLabel: string | null = null;

  /** Bumped by every change that commits; reads that saw revision r are stale once it is past r. */
  get revision(): number {
    return this.current;
  }

  /** The ledger whose figures are in the database (its label), or null. */
  get ledger(): string | null {
    return this.ledgerLabel;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Runs `fn` alone: after every change and read that came before it, and with none running. Must
   * not be called from inside another change or read of the same database (it would wait forever).
   */
  async change<T>(fn: () => Promise<T>, opts: ChangeOptions<T> = {}): Promise<T> {
    if (opts.cancel) this.cancellable.add(opts.cancel);
    const release = await this.gate.enter(true);
    try {
      const result = await fn();
      const ledger = opts.ledger?.(result);
      if (ledger !== undefined) this.ledgerLabel = ledger;
      if (opts.committed?.(result) ?? true) this.bump();
      return result;
    } finally {
      if (opts.cancel) this.cancellable.delete(opts.cancel);
      release();
    }
  }

  /** Runs a read of several statements between changes; resolves with its result and the revision it saw. */
  async read<T>(fn: () => Promise<T>): Promise<{ value: T; revision: number }> {
    const release = await this.gate.enter(false);
    try {
      return { value: await fn(), revision: this.current };
    } finally {
      release();
    }
  }

  /** Aborts the running or waiting changes that can be cancelled (they end as cancelled, changing nothing). */
  cancelRunning(): void {
    for (const c of this.cancellable) c.abort();
  }

  private bump(): void {
    this.current += 1;
    for (const l of this.listeners) l();
  }
}

const byEngine = new WeakMap<SqlEngine, DataChanges>();

/** The changes gate of a database: one per engine. */
export function dataChanges(engine: SqlEngine): DataChanges {
  let c = byEngine.get(engine);
  if (!c) byEngine.set(engine, (c = new DataChanges()));
  return c;
}
