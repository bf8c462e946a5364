/**
 * Who answers for a target (责任单位, the contract's optional `owner` column): in the bundled data
 * for every target taken from the five documents, in the provenance of the target detail and of an
 * expanded row, and as a filter of the analyst view (`?owner=`, and a select among the filters)
 * that keeps the targets naming that unit, inherited ones included.
 *
 * Expected rows come from the reference judge; owners from targets.csv read directly and split
 * into units here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogMeta, type CatalogMeta } from '../helpers/catalog-meta';
import { judgeAll, latestPeriod, rowsForAreas } from '../helpers/reference-judge';
import { expectRows, stageAnalyst, waitParam, waitReady, type AnalystStage } from './analyst-stage';

let stage: AnalystStage;
let meta: CatalogMeta;
beforeAll(async () => {
  stage = await stageAnalyst('jiuye-owner-e2e-');
  meta = readCatalogMeta(stage.dataDir);
});
afterAll(async () => stage?.close());

const units = (owner: string) =>
  owner
    .split(/[、，,；;]/)
    .map((u) => u.trim().replace(/[（(]?牵头[）)]?$/, ''))
    .filter(Boolean);

describe('责任单位 (owner)', () => {
  it('the bundled targets: every target from the documents names its owner; reference figures name none', () => {
    const all = [...meta.targets.values()];
    const fromDocs = all.filter((t) => !t.id.startsWith('ref-'));
    expect(fromDocs.length).toBeGreaterThan(30);
    for (const t of fromDocs) expect(units(t.owner).length, t.id).toBeGreaterThan(0);
    // Targets set by the same clause name the same owner.
    const byClause = new Map<string, Set<string>>();
    for (const t of fromDocs) byClause.set(`${t.docId}${t.clause}`, (byClause.get(`${t.docId}${t.clause}`) ?? new Set()).add(t.owner));
    for (const [clause, owners] of byClause) expect(owners.size, clause).toBe(1);
    for (const t of all.filter((x) => x.id.startsWith('ref-'))) expect(t.owner, t.id).toBe('');
  });

  it('shows in the target detail and the expanded row; a target without one says its source names none', async () => {
    const id = 'qfgf2022-4-5-2-reemployed';
    const owner = meta.targets.get(id)!.owner;
    await stage.withPage(`?year=2022&target=${id}`, async ({ page }) => {
      await page.waitForSelector(`[data-detail="${id}"] [data-provenance]`);
      expect(await page.getAttribute('[data-provenance] [data-owner]', 'data-owner')).toBe(owner);
      expect(await page.textContent('[data-provenance] [data-owner]')).toContain(owner);
      await page.click(`tr[data-row="${id}"] button.row-expand`);
      await page.waitForSelector(`[data-expanded="${id}"] [data-owner]`);
      expect(await page.textContent(`[data-expanded="${id}"] [data-owner]`)).toContain(owner);
      await page.click('tr[data-row="ref-2022-new-jobs"] button.row-expand');
      const none = (await page.textContent('[data-expanded="ref-2022-new-jobs"] [data-owner]')) ?? '';
      expect(none).toContain('文件未注明');
    });
  });

  it('filters by a unit from the URL and from the select, inherited targets included; clear-all drops it', async () => {
    const asOf = latestPeriod(stage.bundled);
    const ref = judgeAll(stage.bundled, asOf);
    const in2022 = [...meta.targets.values()].filter((t) => t.year === 2022);
    const offered = [...new Set(in2022.flatMap((t) => units(t.owner)))].sort();
    const unit = '区民政局';
    const expected = in2022.filter((t) => units(t.owner).includes(unit)).map((t) => t.id).sort();
    expect(expected.length).toBeGreaterThan(2);
    expect(expected.length).toBeLessThan(in2022.length);
    await stage.withPage(`?year=2022&owner=${encodeURIComponent(unit)}`, async ({ page }) => {
      await expectRows(page, expected, ref, `owner=${unit}`);
      expect(await page.inputValue('select[name=owner]')).toBe(unit);
      const options = await page.$$eval('select[name=owner] option', (els) => els.map((e) => (e as HTMLOptionElement).value).filter(Boolean));
      expect([...options].sort()).toEqual(offered);
      // Another unit, chosen in the select.
      const other = '团区委';
      await page.selectOption('select[name=owner]', other);
      await waitParam(page, 'owner', other);
      await expectRows(page, in2022.filter((t) => units(t.owner).includes(other)).map((t) => t.id).sort(), ref, `choosing ${other}`);
      await page.click('[data-clear-filters]');
      await waitParam(page, 'owner', null);
    });

    // 浦东新区 has no targets of its own: the city rate targets it inherits name the city's units.
    const inherited = rowsForAreas(stage.bundled, 2023, ['310115'], '2023-09');
    const cityUnit = '市民政局';
    const keys = [...inherited.keys()].filter((k) => units(meta.targets.get(k.split('@')[0]!)!.owner).includes(cityUnit)).sort();
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.length).toBeLessThan(inherited.size);
    await stage.withPage(`?year=2023&asof=2023-09&area=310115&owner=${encodeURIComponent(cityUnit)}`, async ({ page }) => {
      await waitReady(page);
      await expectRows(page, keys, inherited, `浦东新区, owner=${cityUnit}`);
    });
  });
});
