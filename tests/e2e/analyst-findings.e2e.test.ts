/**
 * The analyst finds where and why: the map leads to the targets that make a district's status
 * (inherited rate targets marked in words), statuses before their due month read as they stand
 * (当前达标/暂未达标 · 截至9月), the year list counts what the list shows, an empty result says why and
 * offers the nearest year, the area picker offers towns with figures, the sub-area chart labels
 * every sub-area under a title naming their level, the search box finds by indicator and document,
 * and no build text reaches the screen. Expectations come from the data files and the independent
 * reference judge, never from the page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actualAt, judgeAll, latestPeriod, monthIndex, rowsForAreas, type RefJudgement } from '../helpers/reference-judge';
import { closeWorkbench, expectRows, openWorkbench, param, waitReady, withPage, type Workbench } from './analyst-page';
import { refKey, readKpis } from './kpi-compare';

let w: Workbench;
let names: { area: Map<string, { zh: string; en: string; level: string; parent: string }>; indicator: Map<string, { zh: string; en: string }>; doc: Map<string, string> };
beforeAll(async () => {
  w = await openWorkbench('jiuye-analyst-findings-');
  const rows = (file: string) => {
    const text = readFileSync(path.join(w.dataDir, file), 'utf8').replace(/^\uFEFF/, '');
    return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' }).data;
  };
  names = {
    area: new Map(rows('areas.csv').map((r) => [r.area_code!, { zh: r.name_zh!, en: r.name_en ?? '', level: r.level!, parent: r.parent_code ?? '' }])),
    indicator: new Map(rows('indicators.csv').map((r) => [r.indicator_id!, { zh: r.name_zh!, en: r.name_en ?? '' }])),
    doc: new Map(rows('targets.csv').map((r) => [r.target_id!, r.doc_id!])),
  };
});
afterAll(async () => {
  await closeWorkbench(w ?? {});
});

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const SEVERITY = ['missed', 'behind', 'on_track', 'met', 'no_data'];
const worst = (list: RefJudgement[]) => SEVERITY.find((s) => list.some((r) => r.status === s)) ?? null;
const target = (id: string) => w.bundled.targets.find((t) => t.id === id)!;

describe('the map leads somewhere', () => {
  it('浦东新区, behind on the map in 2023 as of September: a click lists the rate targets it inherits, marked, and the one that makes it behind opens', async () => {
    const asOf = '2023-09';
    const rows = rowsForAreas(w.bundled, 2023, ['310115'], asOf);
    expect(rows.size).toBeGreaterThan(0);
    expect(worst([...rows.values()])).toBe('behind');
    await withPage(w, LAPTOP, `?year=2023&asof=${asOf}`, async (page) => {
      await page.locator('[data-chart="analyst-map"] svg text').filter({ hasText: /^浦东新区$/ }).first().click();
      await page.waitForURL((u) => u.searchParams.get('area') === '310115');
      const shown = await expectRows(page, [...rows.keys()].sort(), rows, 'clicking 浦东新区 on the map');
      for (const k of shown) {
        expect(k.inherited, refKey(k)).toBe(true);
        const from = names.area.get(target(k.targetId).area)!.zh;
        expect(await page.locator(`tr[data-row="${refKey(k)}"] .inherited-from`).textContent()).toBe(`继承自${from}`);
      }
      // The row that makes it behind: open it by its key (id@area).
      const key = [...rows].find(([, r]) => r.status === 'behind')![0];
      await page.click(`tr[data-row="${key}"] button.row-select`);
      await page.waitForURL((u) => u.searchParams.get('target') === key);
      const detail = page.locator('[data-detail]');
      expect(await detail.locator('h2').textContent()).toContain('浦东新区');
      expect(await detail.locator('.detail-inherited').textContent()).toContain(`继承自${names.area.get(target(key.split('@')[0]!).area)!.zh}`);
    });
  });
});

describe('statuses read as they stand', () => {
  /** Independent restatement of the wording rule: before the due month a rate, a level, a cap or "about" is only so far. */
  const expected = (id: string, r: RefJudgement, asOf: string, lang: 'zh' | 'en') => {
    const t = target(id);
    const kind = w.bundled.indicators.get(t.indicator)!.kind;
    const final = monthIndex(asOf) >= t.due;
    const month = lang === 'zh' ? `截至${Number(asOf.slice(5))}月` : `to ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(asOf.slice(5)) - 1]}`;
    const words = {
      zh: { met: '达标', on_track: '序时内', behind: '落后序时', missed: '未达标', no_data: '无数据', so: '当前达标', not: '暂未达标' },
      en: { met: 'Met', on_track: 'On track', behind: 'Behind pace', missed: 'Missed', no_data: 'No data', so: 'Met so far', not: 'Not met so far' },
    }[lang];
    if (!final && r.status === 'met' && !(kind === 'flow' && (t.comparator === '>=' || t.comparator === '>'))) return [words.so, month];
    if (!final && r.status === 'behind' && kind !== 'flow') return [words.not, month];
    return [words[r.status], ''];
  };
  it.each(['zh', 'en'] as const)('2023 as of September (%s): met so far, not met so far, and the pace column says why a rate has none', async (lang) => {
    const asOf = '2023-09';
    const ref = new Map([...judgeAll(w.bundled, asOf)].filter(([id]) => target(id).year === 2023));
    const want = new Map([...ref].map(([id, r]) => [id, expected(id, r, asOf, lang)]));
    expect([...want.values()].filter(([, m]) => m !== '').length).toBeGreaterThan(3);
    expect([...want.values()].some(([word]) => word === (lang === 'zh' ? '当前达标' : 'Met so far'))).toBe(true);
    expect([...want.values()].some(([word]) => word === (lang === 'zh' ? '暂未达标' : 'Not met so far'))).toBe(true);
    await withPage(w, { width: 1920, height: 1080 }, `?year=2023&asof=${asOf}&lang=${lang}`, async (page) => {
      await expectRows(page, [...ref.keys()].sort(), ref, '2023 as of September');
      const shown = await page.$$eval('table.targets tr[data-kpi]', (trs) =>
        trs.map((tr) => ({
          id: tr.getAttribute('data-target-id')!,
          word: tr.querySelector('.status-word')?.textContent ?? '',
          when: tr.querySelector('.status-when')?.textContent ?? '',
          pace: tr.querySelector('td[data-col="pace"]')?.textContent ?? null,
          paceWhy: tr.querySelector('td[data-col="pace"] [title]')?.getAttribute('title') ?? '',
        })),
      );
      for (const s of shown) {
        expect([s.word, s.when], s.id).toEqual(want.get(s.id));
        const kind = w.bundled.indicators.get(target(s.id).indicator)!.kind;
        if (kind === 'rate' && s.pace != null) {
          expect(s.pace, s.id).toBe(lang === 'zh' ? '不适用·比率' : 'n/a · rate');
          expect(s.paceWhy.length).toBeGreaterThan(10);
        }
      }
    });
  });
});

describe('filters that say what they hold', () => {
  it('the year list counts, for 青浦区, what the list shows in each year', async () => {
    const asOf = latestPeriod(w.bundled);
    const years = [...new Set(w.bundled.targets.map((t) => t.year))];
    await withPage(w, LAPTOP, '?area=310118', async (page) => {
      const options = await page.$$eval('select[name=year] option', (os) => os.map((o) => ({ year: Number((o as HTMLOptionElement).value), text: o.textContent ?? '' })));
      expect(options.map((o) => o.year).sort()).toEqual([...years].sort());
      for (const o of options) expect(o.text, String(o.year)).toContain(`（${rowsForAreas(w.bundled, o.year, ['310118'], asOf).size}项）`);
      for (const y of [2022, 2023]) {
        await page.selectOption('select[name=year]', String(y));
        const rows = rowsForAreas(w.bundled, y, ['310118'], asOf);
        await expectRows(page, [...rows.keys()].sort(), rows, `青浦区 ${y}`);
        expect(await page.textContent('[data-row-count]')).toBe(`${rows.size}项`);
      }
    });
  });

  it('an area without targets that year says why and offers the nearest year that has some', async () => {
    const asOf = latestPeriod(w.bundled);
    const years = [...new Set(w.bundled.targets.map((t) => t.year))].filter((y) => rowsForAreas(w.bundled, y, ['310118'], asOf).size > 0);
    expect(rowsForAreas(w.bundled, 2024, ['310118'], asOf).size).toBe(0);
    const nearest = years.sort((a, b) => Math.abs(a - 2024) - Math.abs(b - 2024) || b - a)[0]!;
    await withPage(w, PHONE, '?year=2024&area=310118', async (page) => {
      const empty = page.locator('[data-empty="area"]');
      expect(await empty.textContent()).toContain('青浦区在2024年没有目标');
      await empty.locator(`[data-nearest-year="${nearest}"]`).click();
      await page.waitForURL((u) => u.searchParams.get('year') === String(nearest));
      const rows = rowsForAreas(w.bundled, nearest, ['310118'], asOf);
      await expectRows(page, [...rows.keys()].sort(), rows, `the nearest year, ${nearest}`);
    });
  });

  it('the area picker offers the towns and zones with figures or targets that year', async () => {
    for (const year of [2022, 2023]) {
      const withData = new Set([
        ...w.bundled.actuals.filter((a) => Math.floor(a.month / 12) === year).map((a) => a.area),
        ...w.bundled.targets.filter((t) => t.year === year).map((t) => t.area),
      ]);
      const expectedTowns = [...names.area].filter(([code, a]) => (a.level === 'town' || a.level === 'zone') && withData.has(code)).map(([c]) => c);
      expect(expectedTowns.length).toBeGreaterThan(5);
      await withPage(w, LAPTOP, `?year=${year}`, async (page) => {
        const offered = await page.$$eval('details[data-filter="area"] label[data-level="town"] input, details[data-filter="area"] label[data-level="zone"] input', (els) =>
          els.map((e) => (e as HTMLInputElement).value),
        );
        expect(offered.sort()).toEqual(expectedTowns.sort());
      });
    }
  });

  it('the search box finds targets by document and by indicator, and the URL keeps it', async () => {
    const asOf = latestPeriod(w.bundled);
    const ref = judgeAll(w.bundled, asOf);
    const of2023 = w.bundled.targets.filter((t) => t.year === 2023);
    await withPage(w, LAPTOP, '?year=2023', async (page) => {
      await page.fill('input[name=q]', '沪就办2023 3号');
      await page.waitForURL((u) => u.searchParams.get('q') === '沪就办2023 3号');
      const byDoc = of2023.filter((t) => names.doc.get(t.id) === '沪就办〔2023〕3号').map((t) => t.id);
      expect(byDoc.length).toBeGreaterThan(3);
      await expectRows(page, byDoc.sort(), ref, 'searching 沪就办2023 3号');
      await page.fill('input[name=q]', '帮扶就业率');
      await page.waitForURL((u) => u.searchParams.get('q') === '帮扶就业率');
      const byName = of2023.filter((t) => names.indicator.get(t.indicator)!.zh.includes('帮扶就业率')).map((t) => t.id);
      expect(byName.length).toBeGreaterThan(0);
      await expectRows(page, byName.sort(), ref, 'searching 帮扶就业率');
      expect(await page.textContent('select[name=year] option[value="2023"]')).toContain(`（${byName.length}项）`);
    });
  });
});

/** Every pair of texts in a chart that overlap (title, legend, axis labels): none may. */
async function overlappingTexts(page: Page, chart: string): Promise<string[]> {
  return page.$$eval(`[data-chart="${chart}"] svg text`, (texts) => {
    const boxes = texts.map((t) => ({ text: t.textContent ?? '', r: t.getBoundingClientRect() })).filter((b) => b.text.trim() && b.r.width > 0);
    const out: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!.r, boxes[j]!.r];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) out.push(`«${boxes[i]!.text}» overlaps «${boxes[j]!.text}»`);
      }
    return out;
  });
}

describe('charts that say everything they show', () => {
  it.each([LAPTOP, PHONE])('towns of 青浦区 ($width px): each labelled, sorted, titled 各街镇; the monthly legend clear of the title', async (size) => {
    const id = 'qfgf2022-4-5-2-reemployed';
    const t = target(id);
    const end = Math.min(monthIndex(latestPeriod(w.bundled)), t.due);
    const towns = [...names.area].filter(([, a]) => a.parent === '310118' && a.level === 'town').map(([c, a]) => ({ c, name: a.zh, v: actualAt(w.bundled, t.indicator, c, t.year, end) }));
    const withFigures = towns.filter((x) => x.v != null);
    expect(withFigures.length).toBeGreaterThan(9);
    await withPage(w, size, `?year=2022&area=310118&target=${id}`, async (page) => {
      await page.waitForSelector('[data-chart="analyst-children"] svg');
      expect((await page.textContent('.bars-panel .chart-title'))?.trim()).toBe('各街镇对比');
      const labels = await page.$$eval('[data-chart="analyst-children"] svg text', (ts) => ts.map((x) => x.textContent ?? ''));
      for (const town of withFigures) expect(labels, town.name).toContain(town.name);
      const order = await page.evaluate(() => {
        const chart = (window as unknown as { __charts: Record<string, { getOption(): { yAxis: { data: string[] }[] } }> }).__charts['analyst-children']!;
        return chart.getOption().yAxis[0]!.data;
      });
      const byValue = [...withFigures].sort((a, b) => a.v! - b.v!).map((x) => x.name);
      expect(order).toEqual(byValue);
      expect(await overlappingTexts(page, 'analyst-monthly')).toEqual([]);
      expect(await overlappingTexts(page, 'analyst-children')).toEqual([]);
    });
  });

  it('a city target compares 各区; a target whose sub-areas have no figures shows no empty chart', async () => {
    const asOf = latestPeriod(w.bundled);
    const districts = [...names.area].filter(([, a]) => a.level === 'district').map(([, a]) => a.zh);
    await withPage(w, LAPTOP, '?year=2023&target=hjb2023-3-08-institution-recruitment', async (page) => {
      await page.waitForSelector('[data-chart="analyst-children"] svg');
      expect((await page.textContent('.bars-panel .chart-title'))?.trim()).toBe('各区对比');
      const labels = await page.$$eval('[data-chart="analyst-children"] svg text', (ts) => ts.map((x) => x.textContent ?? ''));
      for (const d of districts) expect(labels).toContain(d);
    });
    const bare = w.bundled.targets.find((t) => {
      const kids = [...names.area].filter(([, a]) => a.parent === t.area && a.level !== 'zone');
      return t.year === 2023 && kids.length > 0 && kids.every(([c]) => actualAt(w.bundled, t.indicator, c, t.year, Math.min(monthIndex(asOf), t.due)) == null);
    })!;
    expect(bare).toBeDefined();
    await withPage(w, LAPTOP, `?year=2023&target=${bare.id}`, async (page) => {
      await page.waitForSelector(`[data-detail="${bare.id}"] [data-chart="analyst-monthly"] svg`);
      await waitReady(page);
      expect(await page.locator('[data-chart="analyst-children"]').count()).toBe(0);
      expect(await page.locator('[data-chart-empty="analyst-children"]').count()).toBe(1);
    });
  });
});

describe('no build text on screen', () => {
  it('illustrative figures say 示例数据 once per panel; a published figure shows its own source', async () => {
    await withPage(w, LAPTOP, '?year=2023&target=hjb2023-3-08-institution-recruitment', async (page) => {
      const text = await page.evaluate(() => document.body.innerText);
      for (const bad of ['generate-actuals', 'data/scripts', 'illustrative']) expect(text).not.toContain(bad);
      expect(await page.locator('.table-panel [data-sample-badge]').count()).toBe(1);
      expect(await page.locator('table.targets [data-sample-badge], table.targets .row-sample').count()).toBe(0);
      expect(await page.textContent('[data-figure-sources]')).toContain('示例数据');
    });
    const source = readFileSync(path.join(w.dataDir, 'actuals.csv'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('new_jobs_created,310000,2023-'))!
      .split(',')
      .slice(7)
      .join(',')
      .trim();
    expect(source.length).toBeGreaterThan(5);
    await withPage(w, LAPTOP, '?year=2023&target=ref-2023-new-jobs', async (page) => {
      const sources = (await page.textContent('[data-figure-sources]')) ?? '';
      expect(sources).toContain(source);
      expect(sources).not.toContain('示例数据');
      expect((await readKpis(page)).length).toBeGreaterThan(0);
      expect(param(page, 'target')).toBe('ref-2023-new-jobs');
    });
  });
});
