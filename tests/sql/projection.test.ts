/**
 * Projections as the data layer makes them (last year's figures read by SQL the same way as the
 * actual, then domain/projection.ts), on the projection fixture, against the figures worked out by
 * hand in tests/fixtures/projection/make-projection.mjs.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFolder } from '../../src/data/ingest/commit';
import { judgeYear, readCatalog } from '../../src/data/model';
import type { SqlEngine } from '../../src/data/engine';
import type { Catalog, JudgedTarget } from '../../src/domain/types';
import { folderFiles } from '../helpers/fixtures';
import { createNodeEngine } from '../../src/data/node-engine';

let engine: SqlEngine;
let catalog: Catalog;
beforeAll(async () => {
  engine = await createNodeEngine();
  expect((await loadFolder(engine, folderFiles(path.join('tests', 'fixtures', 'projection')))).fatal).toBeNull();
  catalog = await readCatalog(engine);
}, 60_000);

const m = (y: number, month: number) => y * 12 + month - 1;

type Want = { value: number | null; method?: string; status?: 'met' | 'missed' | null; band?: [number, number] | null; needed?: number | null };

function check(list: JudgedTarget[], key: (j: JudgedTarget) => string, wants: Record<string, Want>) {
  const by = new Map(list.map((j) => [key(j), j]));
  for (const [id, want] of Object.entries(wants)) {
    const p = by.get(id)?.projection;
    expect(by.has(id), id).toBe(true);
    if (want.value == null) {
      expect(p, id).toBeNull();
      continue;
    }
    expect(p, id).not.toBeNull();
    expect(p!.value, `${id} value`).toBeCloseTo(want.value, 3);
    if (want.method) expect(p!.method, `${id} method`).toBe(want.method);
    if (want.status !== undefined) expect(p!.status, `${id} status`).toBe(want.status);
    if (want.band === null) expect(p!.band, `${id} band`).toBeNull();
    else if (want.band) {
      expect(p!.band!.low, `${id} low`).toBeCloseTo(want.band[0], 3);
      expect(p!.band!.high, `${id} high`).toBeCloseTo(want.band[1], 3);
    }
    if (want.needed === null) expect(p!.neededMonthly, `${id} needed`).toBeNull();
    else if (want.needed !== undefined) expect(p!.neededMonthly!, `${id} needed`).toBeCloseTo(want.needed, 3);
  }
}

describe('projection from the data layer', () => {
  it('as of 2024-09 (m = 9, M = 12): every case of the fixture', async () => {
    const year = await judgeYear(engine, catalog, 2024, m(2024, 9));
    check(year.all, (j) => j.target.targetId, {
      'pj-01-city-graduates-seasonal': { value: 9900, method: 'seasonal', status: 'missed', band: [9900, 10680], needed: 1330 },
      'pj-02-d2-startups-linear': { value: 1080, method: 'linear', status: 'met', band: [1080, 1080], needed: 190 / 3 },
      'pj-03-city-layoffs-cap': { value: 1500, method: 'seasonal', status: 'missed', band: [1200, 1500], needed: 100 },
      'pj-04-city-assist-rate': { value: 90.5, method: 'last_year_change', status: 'met', band: null, needed: null },
      'pj-05-d1-coverage-no-last-year': { value: 90, method: 'unchanged', status: 'missed' },
      'pj-06-city-formal-level': { value: 995000, method: 'last_year_change', status: 'missed' },
      'pj-07-d2-unemployed-cap-level': { value: 19000, method: 'unchanged', status: 'met' },
      'pj-08-city-spring-due-june': { value: 48000, method: 'final', status: 'missed', band: null, needed: null },
      'pj-09-d1-loans-no-data': { value: null },
      'pj-10-d1-training-about': { value: 1920, method: 'linear', status: 'met', needed: 560 / 3 },
      'pj-11-d1-new-jobs-flat': { value: 19200, method: 'seasonal', status: 'missed', band: [19200, 19200], needed: 5600 / 3 },
      'pj-12-d2-graduates-baseline': { value: 3960, method: 'seasonal', status: 'missed', band: [3960, 4272], needed: 1196 / 3 },
    });
    // The city's rate target, inherited and projected on each area's own last year.
    check(year.inherited, (j) => `${j.target.targetId}@${j.area.areaCode}`, {
      'pj-04-city-assist-rate@980101': { value: 93.25, method: 'last_year_change', status: 'met' },
      'pj-04-city-assist-rate@980102': { value: 85, method: 'last_year_change', status: 'missed' },
      'pj-04-city-assist-rate@980101001': { value: null },
      'pj-05-d1-coverage-no-last-year@980101002': { value: null },
    });
  });

  it('as of 2024-03: the June target projected seasonally to June; a last year with nothing by March is linear', async () => {
    const year = await judgeYear(engine, catalog, 2024, m(2024, 3));
    check(year.all, (j) => j.target.targetId, {
      'pj-08-city-spring-due-june': { value: 75000, method: 'seasonal', status: 'met', band: [60000, 75000], needed: 20000 / 3 },
      'pj-03-city-layoffs-cap': { value: 1200, method: 'linear', status: 'met', needed: 100 },
      'pj-04-city-assist-rate': { value: 72.2222 + (80.5 - 64.4444), method: 'last_year_change', status: 'missed' },
      'pj-06-city-formal-level': { value: 1005000, status: 'met' },
      'pj-10-d1-training-about': { value: 1920, method: 'linear' },
    });
  });

  it('as of 2024-06: last year\u2019s June 累计 is a figure for June, so the training target turns seasonal', async () => {
    const year = await judgeYear(engine, catalog, 2024, m(2024, 6));
    check(year.all, (j) => j.target.targetId, {
      'pj-10-d1-training-about': { value: 3360, method: 'seasonal', status: 'missed', band: [1920, 3360] },
      'pj-07-d2-unemployed-cap-level': { value: 20500, method: 'unchanged', status: 'missed' },
      'pj-08-city-spring-due-june': { value: 48000, method: 'final', status: 'missed' },
    });
  });
});
