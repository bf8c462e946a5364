/**
 * A row of the workbench writes its figures together, as the wall does: the requirement, the
 * actual, the pace and both gaps of one target in one scale (万 when the largest of them is at least
 * ten thousand, in Chinese; " m" from a million, in English) and the actual and its gaps with one
 * number of decimals, so that 「1.8万人 · 1.6万人 · −0.3万人」 never reads 「1.8万人 · 1.57万人 · −3007人」.
 * The scale expected is worked out here from the reference judge's figures; every figure shown is
 * read back and must be within half its last decimal of the reference figure.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { judgeAll, type RefJudgement } from '../helpers/reference-judge';
import { closeWorkbench, expectRows, openWorkbench, withPage, type Workbench } from './analyst-page';

let w: Workbench;
beforeAll(async () => {
  w = await openWorkbench('jiuye-analyst-figures-');
});
afterAll(async () => {
  await closeWorkbench(w ?? {});
});

const COLS = ['target', 'actual', 'pace', 'gap', 'pace_gap'] as const;
type Col = (typeof COLS)[number];

/** Each row's (or card's) figure cells as text, by column; a folded column is read from the row's detail when open. */
async function readFigures(page: Page, phone: boolean): Promise<{ id: string; cells: Partial<Record<Col, string>> }[]> {
  return page.evaluate(
    ({ cols, phone }) => {
      const rows = document.querySelectorAll(phone ? '.target-cards > li[data-kpi]' : 'table.targets tr[data-kpi]');
      return [...rows].map((row) => {
        const cells: Record<string, string> = {};
        for (const c of cols) {
          const el = row.querySelector(`[data-col="${c}"]`);
          // The cell's own figure, without a note under it (「子区域仅报比率」).
          if (el) cells[c] = [...el.childNodes].filter((n) => !(n instanceof Element && n.classList.contains('why'))).map((n) => n.textContent).join('').trim();
        }
        return { id: row.getAttribute('data-target-id')!, cells };
      });
    },
    { cols: COLS as unknown as string[], phone },
  );
}

interface Read {
  value: number;
  suffix: string;
  decimals: number;
}

const NUMBER = /([+−-]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?)(万|亿| m| bn)?/;
const FACTOR: Record<string, number> = { '': 1, 万: 1e4, 亿: 1e8, ' m': 1e6, ' bn': 1e9 };

function read(text: string | undefined): Read | null {
  const m = text == null ? null : NUMBER.exec(text);
  if (!m) return null;
  const suffix = m[4] ?? '';
  const sign = m[1] === '−' || m[1] === '-' ? -1 : 1;
  return { value: sign * Number(m[2]!.replace(/,/g, '')) * FACTOR[suffix]!, suffix, decimals: m[3]?.length ?? 0 };
}

/** The scale the figures of one target share, from the reference figures: that of the largest. */
function expectedSuffix(ref: RefJudgement, lang: 'zh' | 'en'): string {
  const max = Math.max(...[ref.actual, ref.target, ref.expected].filter((v): v is number => v != null).map(Math.abs));
  if (lang === 'zh') return max >= 1e8 ? '亿' : max >= 1e4 ? '万' : '';
  return max >= 1e9 ? ' bn' : max >= 1e6 ? ' m' : '';
}

describe.each(['zh', 'en'] as const)('figures written together, in %s', (lang) => {
  it.each([
    { width: 1920, height: 1080 },
    { width: 390, height: 844 },
  ])('every row at $width×$height: one scale for requirement, actual, pace and gaps; the actual and gaps with one number of decimals', async (size) => {
    const phone = size.width < 600;
    const asOf = '2023-09';
    const ref = judgeAll(w.bundled, asOf);
    const year = [...ref].filter(([id]) => w.bundled.targets.find((t) => t.id === id)!.year === 2023);
    await withPage(w, size, `?year=2023&asof=${asOf}&lang=${lang}`, async (page) => {
      await expectRows(page, year.map(([id]) => id).sort(), new Map(year), `2023 as of ${asOf}`);
      const rows = await readFigures(page, phone);
      expect(rows.length).toBe(year.length);
      const problems: string[] = [];
      let scaled = 0;
      for (const { id, cells } of rows) {
        const r = ref.get(id)!;
        const percent = Object.values(cells).some((t) => /%|个百分点|\bpp\b/.test(t ?? ''));
        const want = percent ? '' : expectedSuffix(r, lang);
        if (want) scaled++;
        const reads = Object.fromEntries(COLS.map((c) => [c, read(cells[c])])) as Record<Col, Read | null>;
        for (const c of COLS) {
          const got = reads[c];
          if (got && got.suffix !== want) problems.push(`${id} ${c} «${cells[c]}»: scale «${got.suffix}», expected «${want}»`);
        }
        const sameDecimals = (['actual', 'gap', 'pace_gap'] as const).map((c) => reads[c]).filter((x): x is Read => x != null);
        if (new Set(sameDecimals.map((x) => x.decimals)).size > 1)
          problems.push(`${id}: actual and gaps with different decimals: ${(['actual', 'gap', 'pace_gap'] as const).map((c) => cells[c]).join(' · ')}`);
        // Each figure within half its last decimal of the reference (the pace rounds up to whole persons, so within one unit).
        const near = (c: Col, refValue: number | null, slack = 0) => {
          const got = reads[c];
          if (!got || refValue == null) return;
          const half = (0.5 * FACTOR[got.suffix]!) / 10 ** got.decimals;
          if (Math.abs(got.value - refValue) > half + slack + 1e-9) problems.push(`${id} ${c} «${cells[c]}» is not ${refValue}`);
        };
        near('actual', r.actual);
        if (!percent) near('pace', r.expected, 1);
      }
      expect(problems).toEqual([]);
      // The bundled year has targets in the tens of thousands: the rule is exercised, not skipped.
      if (lang === 'zh') expect(scaled).toBeGreaterThan(0);
    });
  });
});
