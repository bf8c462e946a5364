/**
 * Dropping a ledger's figures: back to actuals.csv alone. Apart from the ledger's reading code, so
 * that a reset does not download it.
 */
import { dataChanges } from '../changes';
import type { SqlEngine } from '../engine';
import { ensureSchema, inTransaction, REFRESH_FACTS } from '../ingest/commit';

/**
 * Drops the ledger's figures: back to actuals.csv alone. With `cancelRunning`, a ledger still
 * loading is stopped first (a reset to the published data).
 */
export function clearLedger(engine: SqlEngine, opts: { cancelRunning?: boolean } = {}): Promise<void> {
  const changes = dataChanges(engine);
  if (opts.cancelRunning) changes.cancelRunning();
  return changes.change(
    async () => {
      await ensureSchema(engine);
      await inTransaction(engine, `DELETE FROM ledger_actuals; ${REFRESH_FACTS}`);
    },
    { ledger: () => null },
  );
}

