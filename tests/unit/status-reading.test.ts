/**
 * How a status reads before its due month (domain/status.ts statusReading): hand-worked cases for
 * each kind and comparator, as of September with a December due month.
 */
import { describe, expect, it } from 'vitest';
import { readingOf, statusReading } from '../../src/domain/status';
import type { Comparator, IndicatorKind, Status } from '../../src/domain/types';

const SEP = '2023-09';
const DEC = 2023 * 12 + 11;
const read = (status: Status, kind: IndicatorKind, comparator: Comparator = '>=', judgedAt = SEP, due = DEC) =>
  statusReading(status, { kind, comparator, judgedAt, due });

describe('statusReading', () => {
  it('a rate or a level met before its due month is met so far, as of the month judged', () => {
    expect(read('met', 'rate')).toEqual({ reading: 'met_so_far', month: 9 });
    expect(read('met', 'level')).toEqual({ reading: 'met_so_far', month: 9 });
  });
  it('a rate or a level short of its target before the due month is not met so far (it has no pace to be behind)', () => {
    expect(read('behind', 'rate')).toEqual({ reading: 'unmet_so_far', month: 9 });
    expect(read('behind', 'level', '<=')).toEqual({ reading: 'unmet_so_far', month: 9 });
  });
  it('a flow that reached its floor stays met: months only add to it', () => {
    expect(read('met', 'flow', '>=')).toEqual({ reading: 'met', month: null });
    expect(read('met', 'flow', '>')).toEqual({ reading: 'met', month: null });
  });
  it('a flow under its cap, or about its target, can still leave it: met so far', () => {
    expect(read('met', 'flow', '<=')).toEqual({ reading: 'met_so_far', month: 9 });
    expect(read('met', 'flow', '~')).toEqual({ reading: 'met_so_far', month: 9 });
  });
  it('a flow behind or on track keeps its words (the pace explains them)', () => {
    expect(read('behind', 'flow')).toEqual({ reading: 'behind', month: null });
    expect(read('on_track', 'flow')).toEqual({ reading: 'on_track', month: null });
  });
  it('from the due month on, every reading is final', () => {
    expect(read('met', 'rate', '>=', '2023-12')).toEqual({ reading: 'met', month: null });
    expect(read('missed', 'rate', '>=', '2023-12')).toEqual({ reading: 'missed', month: null });
    // Due in June, judged at June (the as-of month was later): final.
    expect(read('met', 'level', '>=', '2023-06', 2023 * 12 + 5)).toEqual({ reading: 'met', month: null });
  });
  it('no data reads no data', () => {
    expect(read('no_data', 'rate')).toEqual({ reading: 'no_data', month: null });
  });
  it('readingOf takes the due month from the target (31 December by default)', () => {
    const j = {
      target: { targetId: 't', indicatorId: 'i', areaCode: 'a', year: 2023, comparator: '>=' as const, targetValue: 90, baseline: null, dueDate: '2023-12-31', docId: 'd', clause: null, quote: null },
      indicator: { indicatorId: 'i', nameZh: 'i', nameEn: null, unit: 'percent', kind: 'rate' as const, higherIsBetter: true, groupZh: null, groupEn: null, numeratorZh: null, numeratorEn: null, denominatorZh: null, denominatorEn: null },
      judgement: { judgedAt: '2023-03', actual: 95, target: 90, expected: null, status: 'met' as const, attainment: 105.6 },
    };
    expect(readingOf(j)).toEqual({ reading: 'met_so_far', month: 3 });
    expect(readingOf({ ...j, target: { ...j.target, dueDate: '2023-03-31' } })).toEqual({ reading: 'met', month: null });
  });
});
