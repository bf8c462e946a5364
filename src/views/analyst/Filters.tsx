/** Area and year filters; both live in the URL. */
import { useDashboard } from '../../app/dashboard-context';
import { yearsWithTargets } from '../../domain/resolve';
import { areaName } from '../panels/labels';

export function Filters() {
  const { catalog, i18n, year, areas, setState } = useDashboard();
  const years = yearsWithTargets(catalog.targets);
  const targetAreas = new Set(catalog.targets.map((t) => t.areaCode));
  // Areas that have targets first (what an analyst filters by), in code order.
  const options = catalog.areas.filter((a) => targetAreas.has(a.areaCode));
  const selected = areas.length === 1 ? areas[0] : areas.length === 0 ? '' : '__multi';
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        <span>{i18n.t('area')}</span>
        <select
          name="area"
          value={selected}
          onChange={(e) => setState({ areas: e.target.value ? [e.target.value] : [], target: null })}
        >
          <option value="">{i18n.t('allAreas')}</option>
          {areas.length > 1 && <option value="__multi">{areas.map((a) => areaName(catalog.areaByCode.get(a), i18n.lang)).join('、')}</option>}
          {options.map((a) => (
            <option key={a.areaCode} value={a.areaCode}>
              {areaName(a, i18n.lang)}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{i18n.t('year')}</span>
        <select name="year" value={year} onChange={(e) => setState({ year: Number(e.target.value), target: null })}>
          {!years.some((y) => y.year === year) && <option value={year}>{year}</option>}
          {years.map((y) => (
            <option key={y.year} value={y.year}>
              {y.year}（{i18n.t('count', { n: y.count })}）
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
