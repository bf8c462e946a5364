/** The order of the statuses, by hand: 未达标 (missed) needs attention before 落后序时 (behind), and so on. */
import { describe, expect, it } from 'vitest';
import { SEVERITY, STATUS_COLOR, STATUS_MARK, severityRank, worstStatus } from '../../src/domain/status';
import { COMPARATORS, STATUSES } from '../../src/domain/types';

describe('severity', () => {
  it('is missed, behind, on track, met, no data, worst first', () => {
    expect(SEVERITY).toEqual(['missed', 'behind', 'on_track', 'met', 'no_data']);
    expect(['missed', 'behind', 'on_track', 'met', 'no_data'].map((s) => severityRank(s as never))).toEqual([0, 1, 2, 3, 4]);
  });
  it('the worst of several: a missed target outranks one behind pace', () => {
    expect(worstStatus(['behind', 'missed'])).toBe('missed');
    expect(worstStatus(['met', 'behind', 'on_track'])).toBe('behind');
    expect(worstStatus(['met', 'on_track'])).toBe('on_track');
    expect(worstStatus(['no_data', 'met'])).toBe('met');
  });
  it('no data counts only when nothing else is known; nothing is null', () => {
    expect(worstStatus(['no_data'])).toBe('no_data');
    expect(worstStatus([])).toBeNull();
  });
});

describe('marks and colours', () => {
  it('every status has its own mark, readable without colour', () => {
    expect(STATUSES.map((s) => STATUS_MARK[s])).toEqual(['✓', '→', '!', '✕', '–']);
  });
  it('every status has its own colour, written #RRGGBB', () => {
    const colours = STATUSES.map((s) => STATUS_COLOR[s]);
    expect(colours.every((c) => /^#[0-9A-F]{6}$/.test(c))).toBe(true);
    expect(new Set(colours).size).toBe(STATUSES.length);
  });
  it('the statuses and comparators of the contract', () => {
    expect(STATUSES).toEqual(['met', 'on_track', 'behind', 'missed', 'no_data']);
    expect(COMPARATORS).toEqual(['>=', '>', '<=', '<', '=', '~']);
  });
});
