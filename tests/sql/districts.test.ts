/**
 * What binds a district, read end to end in DuckDB-WASM on tests/fixtures/districts/ (city 900000,
 * districts 900001, 900002 and 900003, two towns and a zone under 900001), as of 2024-06. Every expectation
 * is worked out by hand in the comments and, where the reference judge covers it, checked against
 * tests/helpers/reference-judge.ts too: never against the code under test.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/data/node-engine';
import { folderFiles, text } from '../helpers/fixtures';
import {
  actualAt,
  loadFolder as loadReference,
  monthIndex,
  rowsForAreas,
  judgeAll,
  type RefFolder,
} from '../helpers/reference-judge';
import { loadFolder } from '../../src/data/ingest/commit';
import { loadLedger } from '../../src/data/ledger/load-ledger';
import {
  fetchComponents,
  judgeYear,
  ledgerFigures,
  monthlySeries,
  priorYearSeries,
  readCatalog,
  type JudgedYear,
} from '../../src/data/model';
import { resolveAsOf } from '../../src/domain/resolve';
import type { Catalog, DistrictSummary } from '../../src/domain/types';
import type { SqlEngine } from '../../src/data/engine';

const DIR = 'tests/fixtures/districts';
const m = (y: number, month: number) => y * 12 + month - 1;
const JUNE = m(2024, 6);
let engine: SqlEngine;
let catalog: Catalog;
let year: JudgedYear;
let ref: RefFolder;

beforeAll(async () => {
  engine = await createNodeEngine();
  const report = await loadFolder(engine, folderFiles(DIR));
  expect(report.fatal).toBeNull();
  expect(report.files.map((f) => f.rejected.length)).toEqual([0, 0, 0, 0]);
  catalog = await readCatalog(engine);
  year = await judgeYear(engine, catalog, 2024, JUNE);
  ref = loadReference(DIR);
});

const district = (code: string): DistrictSummary => year.districts.find((d) => d.area.areaCode === code)!;
const items = (code: string) =>
  district(code)
    .items.map((i) => `${i.source}:${i.target.targetId}`)
    .sort();
const item = (code: string, targetId: string) => district(code).items.find((i) => i.target.targetId === targetId)!;

describe('an area with rows of its own', () => {
  it('is read on its own rows only, never its children’s added', async () => {
    const [d1, city] = ['900001', '900000'].map((area, id) => ({
      id,
      indicatorId: 'fl',
      areaCode: area,
      year: 2024,
      endIdx: JUNE,
    }));
    const comps = await fetchComponents(engine, [d1!, city!]);
    // District one: 10 a month, January to June = 60; its towns' 100 + 100 are not added.
    expect(comps.get(0)).toMatchObject({ value: 60, contributors: 1, fromChildren: false });
    // The city has no rows: its districts' 60 + 200 (the zone and district one's towns never count).
    expect(comps.get(1)).toMatchObject({ value: 260, contributors: 2, fromChildren: true });
    expect(actualAt(ref, 'fl', '900001', 2024, JUNE)).toBe(60);
    expect(actualAt(ref, 'fl', '900000', 2024, JUNE)).toBe(260);
  });
});

describe('the items a district is judged on', () => {
  it('are its own targets, those of the areas below it, and the rate targets it inherits: no city flow or level', () => {
    expect(items('900001')).toEqual(['floor:c-rate-march', 'own:d1-cap', 'own:d1-flow', 'own:z-flow']);
    expect(items('900002')).toEqual(['floor:c-rate-march', 'own:d2-flow', 'own:d2-level']);
    // District three has no target of its own: the city's rate binds it, the city's flow (c-flow) does not.
    expect(items('900003')).toEqual(['floor:c-rate-march']);
    for (const d of year.districts)
      expect(d.items.every((i) => i.target.areaCode !== '900000' || i.indicator.kind === 'rate')).toBe(true);
  });

  it('read a floor due in March at March, though the data runs to June', () => {
    // District one: 95/100 in March (80/100 in June) against ≥ 90 → met; district two: 85/100 in March
    // (99/100 in June) → missed, the due month having passed.
    const d1 = item('900001', 'c-rate-march');
    const d2 = item('900002', 'c-rate-march');
    expect([d1.judgement.judgedAt, d1.judgement.actual, d1.judgement.status]).toEqual(['2024-03', 95, 'met']);
    expect([d2.judgement.judgedAt, d2.judgement.actual, d2.judgement.status]).toEqual(['2024-03', 85, 'missed']);
    expect(d1.area.areaCode).toBe('900001');
    const refRows = rowsForAreas(ref, 2024, ['900001', '900002'], '2024-06');
    expect(refRows.get('c-rate-march@900001')).toMatchObject({ actual: 95, status: 'met' });
    expect(refRows.get('c-rate-march@900002')).toMatchObject({ actual: 85, status: 'missed' });
  });

  it('colour the district by the worst status: 未达标 before 落后序时 before 序时内', () => {
    // District two: d2-flow met (200 ≥ 120), d2-level behind (50 < 100 in June), the floor missed.
    expect(['d2-flow', 'd2-level', 'c-rate-march'].map((t) => item('900002', t).judgement.status)).toEqual([
      'met',
      'behind',
      'missed',
    ]);
    expect(district('900002').status).toBe('missed');
    expect(district('900002').behind).toBe(true);
    // District one: the cap met (40 ≤ 50), d1-flow on track (60 ≥ pace 50), the zone's 6 ≥ pace 5, the floor met.
    expect(district('900001').status).toBe('on_track');
    expect(district('900001').behind).toBe(false);
    // The zone's June figure is illustrative: so is district one's summary, not district two's.
    expect([district('900001').illustrative, district('900002').illustrative]).toEqual([true, false]);
  });

  it('give the share met or on track and the furthest-behind item’s shortfall', () => {
    // District two: d2-flow 200 against its June pace 120 × 6/12 = 60 → 333.3; d2-level 50 ÷ 100 → 50,
    // the furthest behind: shortfall 100 − 50 = 50; one of three met or on track.
    expect(item('900002', 'd2-flow').paceAttainment).toBeCloseTo((200 / 60) * 100, 9);
    expect([district('900002').shortfall, district('900002').share]).toEqual([50, 1 / 3]);
    // District one: the cap 50 ÷ 40 → 125; d1-flow 60 ÷ pace 50 → 120; the zone 6 ÷ 5 → 120; the floor 95 ÷ 90:
    // nothing below pace, all four met or on track.
    expect(item('900001', 'd1-cap').paceAttainment).toBe(125);
    expect([district('900001').shortfall, district('900001').share]).toEqual([0, 1]);
  });

  it('judge every target and every inherited one as the independent reference does', () => {
    const refAll = judgeAll(ref, '2024-06');
    for (const j of year.all) {
      const r = refAll.get(j.target.targetId)!;
      expect([j.target.targetId, j.judgement.actual, j.judgement.target, j.judgement.expected, j.judgement.status]).toEqual([
        j.target.targetId,
        r.actual,
        r.target,
        r.expected,
        r.status,
      ]);
    }
    const below = [...ref.areas.values()].filter((a) => a.parent != null).map((a) => a.code);
    const refRows = rowsForAreas(ref, 2024, below, '2024-06');
    expect(year.inherited.map((j) => `${j.target.targetId}@${j.area.areaCode}`).sort()).toEqual(
      [...refRows.keys()].filter((k) => k.includes('@')).sort(),
    );
    for (const j of year.inherited) {
      const r = refRows.get(`${j.target.targetId}@${j.area.areaCode}`)!;
      expect([j.judgement.actual, j.judgement.target, j.judgement.status]).toEqual([r.actual, r.target, r.status]);
    }
  });
});

describe('monthly series', () => {
  const d1Flow = () => year.all.find((j) => j.target.targetId === 'd1-flow')!;
  it('this year: the year-to-date actual each month and the pace', async () => {
    const s = await monthlySeries(engine, d1Flow(), JUNE);
    expect(s.map((p) => p.period)).toEqual(['2024-01', '2024-02', '2024-03', '2024-04', '2024-05', '2024-06']);
    expect(s.map((p) => p.actual)).toEqual([10, 20, 30, 40, 50, 60]);
    expect(s.map((p) => p.expected)).toEqual([1, 2, 3, 4, 5, 6].map((k) => (100 * k) / 12));
  });
  it('last year: the months of 2023 to the due month, not shifted (1, 1+2, … 28 by July, no rows after it)', async () => {
    const s = await priorYearSeries(engine, d1Flow());
    expect(s.map((p) => p.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2023-${String(i + 1).padStart(2, '0')}`));
    expect(s.map((p) => p.actual)).toEqual([1, 3, 6, 10, 15, 21, 28, 28, 28, 28, 28, 28]);
    expect(s.map((p) => p.actual)).toEqual(s.map((p) => actualAt(ref, 'fl', '900001', 2023, monthIndex(p.period))));
    expect(s.every((p) => p.expected == null)).toBe(true);
  });
});

describe('the as-of month when a ledger runs past actuals.csv', () => {
  it('is the latest month of the combined figures, the ledger’s', async () => {
    // actuals.csv ends in 2024-06; the ledger's one case is employed on 2024-09-15 → a flow row for 2024-09.
    expect(catalog.latestIdx).toBe(JUNE);
    expect([catalog.actualRows, catalog.illustrativeRows]).toEqual([30, 1]); // the 30 lines of actuals.csv, one illustrative
    const ledger =
      'case_id,area_code,group,registered_on,employed_on,exited_on,followed_up_on,source\nk1,900001,hardship,2024-07-01,2024-09-15,,,fixture\n';
    const file = text('ledger.csv', ledger);
    const report = await loadLedger(engine, { name: file.name, size: file.bytes.byteLength, read: async () => file.bytes });
    expect([report.cases, report.indicators]).toEqual([1, ['emp']]);
    const after = await readCatalog(engine);
    expect(after.latestIdx).toBe(m(2024, 9));
    expect(resolveAsOf(null, after.latestIdx, after.targets)).toBe(m(2024, 9));
    expect([after.actualRows, after.illustrativeRows]).toEqual([31, 1]); // and the ledger's one figure
    expect(await ledgerFigures(engine)).toEqual([
      { indicator_id: 'emp', area_code: '900001', period: '2024-09', value: 1, numerator: null, denominator: null },
    ]);
  });
});
