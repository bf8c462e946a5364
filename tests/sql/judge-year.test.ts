/**
 * judgeYear (one query for the year's targets and every district) must say exactly what the two
 * separate steps say: judgeTargets, then judgeDistricts on its result.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/data/node-engine';
import { folderFiles } from '../helpers/fixtures';
import { loadFolder } from '../../src/data/ingest/commit';
import { judgeYear, readCatalog } from '../../src/data/model';
import type { Catalog } from '../../src/domain/types';
import { judgeDistricts, judgeInheritedTargets, judgeTargets } from '../helpers/judge-steps';
import type { SqlEngine } from '../../src/data/engine';

let engine: SqlEngine;
let catalog: Catalog;
beforeAll(async () => {
  engine = await createNodeEngine();
  expect((await loadFolder(engine, folderFiles('data'))).fatal).toBeNull();
  catalog = await readCatalog(engine);
});

const m = (y: number, month: number) => y * 12 + month - 1;

describe('judgeYear', () => {
  for (const [year, asOf] of [
    [2022, m(2022, 6)],
    [2022, m(2022, 12)],
    [2023, m(2023, 9)],
    [2025, m(2025, 12)],
    [2021, m(2021, 1)],
  ] as const) {
    it(`equals judgeTargets + judgeDistricts for ${year}, as of month ${asOf}`, async () => {
      const all = await judgeTargets(engine, catalog, catalog.targets.filter((t) => t.year === year), asOf);
      const districts = await judgeDistricts(engine, catalog, all, asOf);
      const one = await judgeYear(engine, catalog, year, asOf);
      expect(one.all).toEqual(all);
      expect(one.districts).toEqual(districts);
      expect(one.inherited).toEqual(await judgeInheritedTargets(engine, catalog, all, asOf));
      // The comparison is not vacuous: districts carry floor items in at least one case below.
      if (year === 2023) expect(districts.some((d) => d.items.some((i) => i.source === 'floor'))).toBe(true);
    });
  }
});
