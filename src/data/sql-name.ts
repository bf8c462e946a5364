/**
 * The one guard for names spliced into SQL. Values never are (they travel as `?` parameters); a
 * table, column or registered file name that must be part of the statement text passes through
 * `sqlName`, which throws unless it is a plain identifier, so every splice is visibly safe where
 * it happens (as Mosaic's quoteIdentifier makes its splices).
 */

const PLAIN_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** `name` itself when it is a plain identifier (letters, digits, `_`; not starting with a digit); throws otherwise. */
export function sqlName(name: string): string {
  if (!PLAIN_IDENTIFIER.test(name)) throw new Error(`not a plain SQL identifier: ${JSON.stringify(name)}`);
  return name;
}

let counter = 0;
/** A fresh plain name for a temporary table or a registered file: `<prefix>_<n>`. */
export const freshName = (prefix: string) => sqlName(`${prefix}_${++counter}`);
