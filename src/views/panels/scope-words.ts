/**
 * What a take-away (table export, briefing) says about its scope, in the reader's words: the month
 * its rows are judged at and the filters other than area and year. Pure functions of the dashboard.
 */
import { PROJECTED_MISSED } from '../../domain/projection';
import type { Dashboard } from '../../app/dashboard-context';
import { formatPeriod } from '../../domain/period';
import { statedMonth } from '../../domain/resolve';
import type { JudgedTarget } from '../../domain/types';
import { areaName, groupName } from './labels';

/** The month the rows are judged at, as a take-away states it (domain/resolve.ts statedMonth). */
export const rowsMonth = (d: Pick<Dashboard, 'asOf' | 'year'>, rows: readonly JudgedTarget[]) =>
  formatPeriod(statedMonth(rows.map((r) => r.judgement.judgedAt), d.asOf, d.year));

/** The filtered areas by name; empty for all areas. */
export const areaNames = (d: Pick<Dashboard, 'areas' | 'catalog' | 'i18n'>) => d.areas.map((a) => areaName(d.catalog.areaByCode.get(a), d.i18n.lang) || a);

/** The filters other than area and year, in words ([label, value]). */
export function filtersInWords(d: Pick<Dashboard, 'i18n' | 'state' | 'catalog'>): [string, string][] {
  const { i18n, state, catalog } = d;
  const out: [string, string][] = [];
  if (state.groups.length) {
    const names = state.groups.map((g) => {
      const ind = catalog.indicators.find((i) => i.groupZh === g);
      return (ind && groupName(ind, i18n.lang)) || g;
    });
    out.push([i18n.t('group'), names.join('、')]);
  }
  if (state.docs.length) out.push([i18n.t('document'), state.docs.join('、')]);
  if (state.statuses.length) out.push([i18n.t('status'), state.statuses.map((s) => (s === PROJECTED_MISSED ? i18n.t('filterProjectedMissed') : i18n.status(s))).join('、')]);
  if (state.owners.length) out.push([i18n.t('owner'), state.owners.join('、')]);
  return out;
}
