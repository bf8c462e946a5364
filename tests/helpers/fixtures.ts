import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InputFile } from '../../src/data/ingest/issues';
import type { TableName } from '../../src/data/ingest/tables';

/** The four tables of a fixture folder as InputFiles. */
export function folderFiles(dir: string): Record<TableName, InputFile> {
  const f = (t: TableName) => ({ name: `${t}.csv`, bytes: new Uint8Array(readFileSync(join(dir, `${t}.csv`))) });
  return { areas: f('areas'), indicators: f('indicators'), targets: f('targets'), actuals: f('actuals') };
}

export const text = (name: string, s: string): InputFile => ({ name, bytes: new TextEncoder().encode(s) });
