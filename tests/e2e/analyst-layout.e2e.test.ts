/**
 * The workbench fits the screens analysts have: 1366×768 (the office laptop), 1920×1080 and a
 * 390×844 phone, in Chinese and English. Measured in Chromium on the built app (DOM rects, not
 * pixels): nothing scrolls sideways and nothing is wider than the screen; every column header and
 * every status and gap cell is inside the table's panel; a status word is one line; an indicator
 * name takes two lines at most; on a phone the targets are cards (status, actual against the target,
 * gap) and the filters open in a sheet. The rows shown are the reference judge's, whatever the layout.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeAll, latestPeriod, rowsForAreas } from '../helpers/reference-judge';
import { closeWorkbench, expectRows, openWorkbench, withPage, type Workbench } from './analyst-page';

let w: Workbench;
beforeAll(async () => {
  w = await openWorkbench('jiuye-analyst-layout-');
});
afterAll(async () => {
  await closeWorkbench(w ?? {});
});

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
  { width: 390, height: 844 },
];

/** Everything the layout must hold, measured in the page; returns readable failures. */
async function measure(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    const vw = doc.clientWidth;
    const label = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} «${(el.textContent ?? '').trim().slice(0, 30)}»`;
    if (doc.scrollWidth > vw) out.push(`the page scrolls sideways: ${doc.scrollWidth} > ${vw}`);
    // Nothing wider than the screen (hidden helpers and the contents of a chart's own SVG aside).
    for (const el of document.querySelectorAll('.analyst *')) {
      if (el.closest('.visually-hidden, [hidden], svg')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.right > vw + 1 || r.left < -1) out.push(`outside the screen (${Math.round(r.left)}–${Math.round(r.right)} of ${vw}): ${label(el)}`);
    }
    const panel = document.querySelector('.table-panel')!.getBoundingClientRect();
    const inside = (el: Element, box: DOMRect, what: string) => {
      const r = el.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1) out.push(`${what} outside its panel (${Math.round(r.left)}–${Math.round(r.right)} of ${Math.round(box.left)}–${Math.round(box.right)}): ${label(el)}`);
    };
    const table = document.querySelector('table.targets');
    if (table) {
      for (const th of table.querySelectorAll('thead th')) inside(th, panel, 'column header');
      for (const td of table.querySelectorAll('td[data-col="status"], td[data-col="gap"]')) inside(td, panel, 'status/gap cell');
      if (!table.querySelector('thead th[data-col="status"]') || !table.querySelector('thead th[data-col="gap"]')) out.push('status or gap column not shown');
      if (document.querySelector('.table-fit.overflowing')) out.push('the table still needed its own scrollbar');
    }
    for (const card of document.querySelectorAll('.target-cards > li')) {
      const box = card.getBoundingClientRect();
      for (const part of ['status', 'gap', 'actual', 'target']) {
        const el = card.querySelector(`[data-col="${part}"]`);
        if (!el) out.push(`card without its ${part}: ${label(card)}`);
        else inside(el, box, `card ${part}`);
      }
    }
    // A status is one unbreakable unit; a name two lines at most.
    for (const word of document.querySelectorAll('.status-word')) {
      const rects = word.getClientRects();
      const lh = parseFloat(getComputedStyle(word).lineHeight) || parseFloat(getComputedStyle(word).fontSize) * 1.5;
      if (rects.length !== 1 || rects[0]!.height > lh * 1.5) out.push(`status split across lines: ${label(word)}`);
    }
    for (const name of document.querySelectorAll('.row-name')) {
      const lh = parseFloat(getComputedStyle(name).lineHeight) || parseFloat(getComputedStyle(name).fontSize) * 1.5;
      if (name.getBoundingClientRect().height > lh * 2 + 2) out.push(`name over two lines: ${label(name)}`);
    }
    return out;
  });
}

describe.each(['zh', 'en'] as const)('the workbench in %s', (lang) => {
  it.each(SIZES)('fits $width×$height: the year 2023 as of September, and 青浦区 2022 with a target open', async (size) => {
    const phone = size.width < 600;
    const asOf = '2023-09';
    const year = [...judgeAll(w.bundled, asOf)].filter(([id]) => w.bundled.targets.find((t) => t.id === id)!.year === 2023);
    await withPage(w, size, `?year=2023&asof=${asOf}&lang=${lang}`, async (page) => {
      await expectRows(page, year.map(([id]) => id).sort(), new Map(year), `2023 as of ${asOf}`);
      expect(await page.locator(phone ? '.target-cards > li[data-kpi]' : 'table.targets tr[data-kpi]').count()).toBe(year.length);
      expect(await measure(page)).toEqual([]);
      if (!phone) {
        // A folded column is in the row's detail (the document is quoted there anyway).
        const folded = ((await page.getAttribute('[data-folded-columns]', 'data-folded-columns')) ?? '').split(' ').filter((c) => c && c !== 'area' && c !== 'doc');
        const first = page.locator('table.targets tr[data-kpi]').first();
        await first.locator('button.row-expand').click();
        const detail = page.locator('tr.expanded').first();
        await detail.waitFor();
        expect(await detail.locator('dl.folded dt').count()).toBe(folded.length);
        expect(await measure(page)).toEqual([]);
      } else {
        // The filters other than search are in a sheet: closed, then open and inside the screen.
        expect(await page.locator('select[name=year]').isVisible()).toBe(false);
        await page.click('.filters-toggle');
        await page.locator('select[name=year]').waitFor({ state: 'visible' });
        const sheet = (await page.locator('.filter-sheet').boundingBox())!;
        expect(sheet.x).toBeGreaterThanOrEqual(0);
        expect(sheet.x + sheet.width).toBeLessThanOrEqual(size.width + 1);
        expect(await measure(page)).toEqual([]);
        await page.click('.sheet-done');
        await page.locator('select[name=year]').waitFor({ state: 'hidden' });
      }
    });
    const rows = rowsForAreas(w.bundled, 2022, ['310118'], latestPeriod(w.bundled));
    const target = 'qfgf2022-4-5-2-reemployed';
    await withPage(w, size, `?year=2022&area=310118&target=${target}&lang=${lang}`, async (page) => {
      await expectRows(page, [...rows.keys()].sort(), rows, '青浦区 2022');
      await page.waitForSelector(`[data-detail="${target}"] [data-chart="analyst-children"] svg`);
      expect(await measure(page)).toEqual([]);
      // On a phone the detail with its charts comes right under the list, before the map.
      if (phone) {
        const list = (await page.locator('.table-panel').boundingBox())!;
        const detail = (await page.locator('[data-detail]').boundingBox())!;
        const map = (await page.locator('.map-panel').boundingBox())!;
        expect(detail.y).toBeGreaterThan(list.y + list.height - 1);
        expect(detail.y).toBeLessThan(map.y);
      }
    });
  });
});
