/**
 * The briefing's layout rules, pure: how blocks go onto A4 pages (one page when it fits; breaks
 * between sections; a section split only when moving it would leave much of a page empty, its
 * heading never last on a page) and which section a target belongs to (final apart from running).
 */
import { describe, expect, it } from 'vitest';
import { briefingSections } from '../../src/views/briefing/sections';
import { MOVE_WHEN_LEFT, paginate, type PageBlock } from '../../src/views/briefing/paginate';
import type { JudgedTarget, Status } from '../../src/domain/types';

const head = (height: number): PageBlock => ({ height, kind: 'head', section: null });
const heading = (section: string, height = 10): PageBlock => ({ height, kind: 'heading', section });
const item = (section: string, height: number): PageBlock => ({ height, kind: 'item', section });
const tail = (height: number): PageBlock => ({ height, kind: 'tail', section: null });

describe('paginate', () => {
  it('one page when everything fits', () => {
    const blocks = [head(20), heading('a'), item('a', 30), item('a', 30), tail(10)];
    expect(paginate(blocks, 100)).toEqual([[0, 1, 2, 3, 4]]);
  });

  it('a section that does not fit what is left, when little is left, starts the next page whole', () => {
    // Page 100; after head + section a (75) 25 are left (< 30): section b (10 + 3×20) moves.
    expect(MOVE_WHEN_LEFT).toBe(0.3);
    const blocks = [head(15), heading('a'), item('a', 50), heading('b'), item('b', 20), item('b', 20), item('b', 20), tail(10)];
    expect(paginate(blocks, 100)).toEqual([
      [0, 1, 2],
      [3, 4, 5, 6, 7],
    ]);
  });

  it('when much of the page is left, a section is split between items and its heading never ends a page', () => {
    // After head (20) 80 are left: section a (10 + 5×20 = 110) is split: heading + 3 items here,
    // then the rest on page 2 under the repeated heading (counted: 10 + 2×20 = 50), then the tail.
    const blocks = [head(20), heading('a'), item('a', 20), item('a', 20), item('a', 20), item('a', 20), item('a', 20), tail(45)];
    expect(paginate(blocks, 100)).toEqual([
      [0, 1, 2, 3, 4],
      [5, 6, 7],
    ]);
    const blocks2 = [head(20), heading('a'), item('a', 20), item('a', 20), item('a', 20), item('a', 20), item('a', 20), tail(55)];
    // The tail does not fit after the continued section (50 + 55 > 100): it goes to page 3.
    expect(paginate(blocks2, 100)).toEqual([[0, 1, 2, 3, 4], [5, 6], [7]]);
  });

  it('a heading with its first two items does not fit at the foot of a page: it starts the next page', () => {
    // 65 used, 35 left (≥ 30: split, not move), but heading 10 + two items 2×20 = 50 > 35.
    const blocks = [head(65), heading('a'), ...Array.from({ length: 6 }, () => item('a', 20))];
    const pages = paginate(blocks, 100);
    expect(pages[0]).toEqual([0]);
    expect(pages[1]![0]).toBe(1);
    for (const p of pages) expect(blocks[p[p.length - 1]!]!.kind).not.toBe('heading');
  });

  it('no page ends with a heading, and every block is placed once, in order (random layouts)', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let n = 0; n < 200; n++) {
      const blocks: PageBlock[] = [head(10 + rnd() * 30)];
      const sections = 1 + Math.floor(rnd() * 4);
      for (let s = 0; s < sections; s++) {
        blocks.push(heading(`s${s}`, 8 + rnd() * 6));
        const items = 1 + Math.floor(rnd() * 12);
        for (let i = 0; i < items; i++) blocks.push(item(`s${s}`, 5 + rnd() * 25));
      }
      blocks.push(tail(5 + rnd() * 20));
      const pages = paginate(blocks, 100);
      expect(pages.flat()).toEqual(blocks.map((_, i) => i));
      for (const p of pages) expect(blocks[p[p.length - 1]!]!.kind).not.toBe('heading');
      const total = blocks.reduce((s, b) => s + b.height, 0);
      if (total <= 100) expect(pages.length).toBe(1);
    }
  });
});

const judged = (id: string, status: Status, dueDate: string): JudgedTarget =>
  ({
    target: { targetId: id, year: 2023, dueDate },
    area: { areaCode: 'x' },
    judgement: { status },
  }) as unknown as JudgedTarget;

describe('briefingSections', () => {
  it('final outcomes apart from those still running; no data apart; worst first within each', () => {
    const rows = [
      judged('a-met-running', 'met', '2023-12-31'),
      judged('b-behind', 'behind', '2023-12-31'),
      judged('c-missed-final', 'missed', '2023-06-30'),
      judged('d-met-final', 'met', '2023-03-31'),
      judged('e-none', 'no_data', '2023-12-31'),
      judged('f-on-track', 'on_track', '2023-12-31'),
    ];
    const sections = briefingSections(rows, 2023 * 12 + 8); // as of 2023-09
    expect(sections.map((s) => [s.id, s.rows.map((r) => r.target.targetId)])).toEqual([
      ['running', ['b-behind', 'f-on-track', 'a-met-running']],
      ['final', ['c-missed-final', 'd-met-final']],
      ['no_data', ['e-none']],
    ]);
    // At the year's end everything is final.
    expect(briefingSections(rows, 2023 * 12 + 11).map((s) => s.id)).toEqual(['final', 'no_data']);
  });
});
