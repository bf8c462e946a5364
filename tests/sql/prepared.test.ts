/**
 * Prepared results (src/app/prepared.ts) are the page's own reads, made once: after a trip through
 * their text they equal what a fresh engine answers for the same keys, shared objects still shared,
 * and they carry the SHA-256 of every table they were read from.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodePrepared, encodePrepared, prepareFolder, preparedFits, type PreparedSet } from '../../src/app/prepared';
import { loadFolder } from '../../src/data/ingest/commit';
import { TABLE_ORDER } from '../../src/data/ingest/tables';
import { judgeYear, readCatalog } from '../../src/data/model';
import { createNodeEngine } from '../../src/data/node-engine';
import type { Catalog, JudgedTarget } from '../../src/domain/types';
import { folderFiles } from '../helpers/fixtures';

let set: PreparedSet;
let text: string;

beforeAll(async () => {
  const engine = await createNodeEngine();
  set = await prepareFolder(engine, folderFiles('data'), 'assets/index-test.js');
  engine.close();
  text = encodePrepared(set);
}, 120_000);

describe('prepared results of the bundled data', () => {
  it('name each table by its SHA-256 and fit only those bytes and this build', () => {
    for (const t of TABLE_ORDER) expect(set.files[t]).toBe(createHash('sha256').update(readFileSync(`data/${t}.csv`)).digest('hex'));
    expect(preparedFits(set, 'assets/index-test.js', set.files)).toBe(true);
    expect(preparedFits(set, 'assets/index-other.js', set.files)).toBe(false);
    expect(preparedFits(set, 'assets/index-test.js', { ...set.files, actuals: '0'.repeat(64) })).toBe(false);
    expect(preparedFits(set, 'assets/index-test.js', null)).toBe(false);
  });

  it('hold the catalog, every year with targets judged at the data month, and each target’s months', () => {
    const kinds = set.reads.map(([k]) => String(k[0]));
    expect(kinds[0]).toBe('catalog');
    const catalog = set.reads[0]![1] as Catalog;
    const years = [...new Set(catalog.targets.map((t) => t.year))].sort();
    const judgedYears = set.reads.filter(([k]) => k[0] === 'judged').map(([k]) => (k[3] as { year: number }).year);
    expect(judgedYears).toEqual(expect.arrayContaining(years));
    expect(kinds.filter((k) => k === 'series').length).toBe(catalog.targets.length);
  });

  it('equal, after their text is read back, what a fresh engine computes for the same keys', async () => {
    const back = decodePrepared(text)!;
    expect(back).not.toBeNull();
    const engine = await createNodeEngine();
    expect((await loadFolder(engine, folderFiles('data'))).fatal).toBeNull();
    const catalog = await readCatalog(engine);
    expect(back.reads[0]![1]).toEqual(catalog);
    for (const [key, value] of back.reads.filter(([k]) => k[0] === 'judged')) {
      const { year, asOf } = key[3] as { year: number; asOf: number };
      expect(value, `year ${year}`).toEqual(await judgeYear(engine, catalog, year, asOf));
    }
    engine.close();
  }, 120_000);

  it('share objects as computed ones do: a judged target’s target, indicator and area are the catalog’s', () => {
    const back = decodePrepared(text)!;
    const catalog = back.reads[0]![1] as Catalog;
    const judged = back.reads.filter(([k]) => k[0] === 'judged').flatMap(([, v]) => (v as { all: JudgedTarget[] }).all);
    expect(judged.length).toBeGreaterThan(0);
    for (const j of judged) {
      expect(catalog.targets).toContain(j.target);
      expect(catalog.indicatorById.get(j.indicator.indicatorId)).toBe(j.indicator);
      expect(catalog.areaByCode.get(j.area.areaCode)).toBe(j.area);
    }
  });

  it('refuse text that is not a prepared set', () => {
    expect(decodePrepared('not json')).toBeNull();
    expect(decodePrepared('{"format":2}')).toBeNull();
  });
});
