/**
 * The benchmark's baseline: the ledger parsed with PapaParse and aggregated in plain JavaScript,
 * to the same figures as src/data/ledger/{clean,cases,actuals}.sql (ledger_actuals: indicator_id,
 * area_code, period, value, numerator, denominator), with no database at all.
 *
 * Semantics followed exactly, rule by rule:
 * - clean.sql: a row is dropped when case_id is empty, registered_on is not a date, employed_on /
 *   exited_on are present but not dates, or area_code is not in areas.csv. Rows of a group no rule
 *   uses stay (they only feed nothing). Empty fields are NULL, as DuckDB's read_csv makes them.
 * - cases.sql: one case per (TRIM(case_id), LOWER(TRIM(group)), year of registered_on); the case
 *   takes the area and followed_up_on of its latest row (registered_on DESC, area_code DESC) and
 *   the first registered_on, employed_on and exited_on of all its rows.
 * - calendar: months from January of min(case_year) to December of
 *   greatest(max(case_year), max(employed year), max(exited year)).
 * - actuals.sql: employed_rate and deadline_rate count cases of the month's year; the deadline is
 *   registered_on + N months with the day clamped to the month's end (DuckDB's `date + INTERVAL
 *   n MONTH`), employed on the deadline day is in time; employed_flow counts employment in the
 *   month (any case year); followup_rate counts person-months on the register (registered by the
 *   month's end, not employed/exited before it began, any case year), followed when the raw
 *   followed_up_on text contains 'YYYY-MM' (LIKE '%YYYY-MM%'), summed year to date per area.
 * - Dates: what DuckDB's CAST(x AS DATE) reads in a ledger: Y-M-D with '-', '/', '.' or ' ' as
 *   the separator (the same one twice), 1–2 digit month and day, surrounding whitespace; TRIM
 *   removes Unicode space separators only (like DuckDB's).
 *
 * Runs unchanged in Node and in a browser page (tests/bench/baseline.html maps 'papaparse' to
 * the library's own build). Export: aggregateInJs(text, { indicatorsCsv, areasCsv }).
 */
import Papa from 'papaparse';

const COLUMNS = ['case_id', 'area_code', 'case_group', 'registered_on', 'employed_on', 'exited_on', 'followed_up_on', 'source'];
const ALIASES = { group: 'case_group' };

/**
 * The same rule grammar as src/data/ledger/rule.mjs, written again on purpose: the baseline is the
 * bench's independent check of the whole path from indicators.csv to the figures, so it shares no
 * code with the app or with `npm run aggregate`.
 */
export function parseRule(indicatorId, text) {
  if (!text) return null;
  const [rule, caseGroup, months] = text.split(':').map((x) => x.trim());
  if (!caseGroup || !/^[a-z0-9_]+$/.test(caseGroup)) return null;
  if (rule === 'deadline_rate') {
    const n = Number(months);
    return Number.isInteger(n) && n > 0 && n <= 120 ? { indicatorId, rule, caseGroup, months: n } : null;
  }
  return ['employed_rate', 'employed_flow', 'followup_rate'].includes(rule) ? { indicatorId, rule, caseGroup, months: 0 } : null;
}

// ---- dates as day numbers (days since 1970-01-01), proleptic Gregorian ----

function daysFromCivil(y, m, d) {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}
function civilFromDays(z) {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}
const isLeap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const monthDays = (y, m) => (m === 2 ? (isLeap(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);

const dateCache = new Map();
const DATE_RE = /^\s*(\d{1,7})([-/. ])(\d{1,2})\2(\d{1,2})\s*$/;
/** Day number of a date text as CAST(TRIM(x) AS DATE) reads it; NaN when that cast fails. */
export function parseDate(s) {
  // Fast path: exactly YYYY-MM-DD.
  if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
    const y = (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
    const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
    const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
    if (y >= 0 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= 31 && /^\d{4}-\d\d-\d\d$/.test(s)) {
      return d <= monthDays(y, m) ? daysFromCivil(y, m, d) : NaN;
    }
  }
  let v = dateCache.get(s);
  if (v === undefined) {
    const t = trimSpaces(s);
    const m = DATE_RE.exec(t);
    v = NaN;
    if (m) {
      const y = Number(m[1]);
      const mo = Number(m[3]);
      const d = Number(m[4]);
      if (mo >= 1 && mo <= 12 && d >= 1 && d <= monthDays(y, mo)) v = daysFromCivil(y, mo, d);
    }
    if (dateCache.size < 100000) dateCache.set(s, v);
  }
  return v;
}

const SPACE_EDGES = /^\p{Zs}+|\p{Zs}+$/gu;
/** DuckDB's TRIM: Unicode space separators (Zs) at either end. */
const trimSpaces = (s) =>
  s.length &&
  (s.charCodeAt(0) <= 32 || s.charCodeAt(0) > 127 || s.charCodeAt(s.length - 1) <= 32 || s.charCodeAt(s.length - 1) > 127)
    ? s.replace(SPACE_EDGES, '')
    : s;

/** registered_on + n months, the day clamped to the month's end (DuckDB's date + INTERVAL n MONTH). */
const addMonthsCache = new Map();
function addMonths(day, n) {
  const key = day * 256 + n;
  let v = addMonthsCache.get(key);
  if (v === undefined) {
    const [y, m, d] = civilFromDays(day);
    const total = y * 12 + (m - 1) + n;
    const ny = Math.floor(total / 12);
    const nm = (total % 12) + 1;
    v = daysFromCivil(ny, nm, Math.min(d, monthDays(ny, nm)));
    addMonthsCache.set(key, v);
  }
  return v;
}
/** Month index (year * 12 + month − 1) of a day number. */
const monthCache = new Map();
function monthOf(day) {
  let v = monthCache.get(day);
  if (v === undefined) {
    const [y, m] = civilFromDays(day);
    v = y * 12 + m - 1;
    monthCache.set(day, v);
  }
  return v;
}

/**
 * Aggregates a ledger's text to ledger_actuals rows.
 * @param {string} text the ledger CSV (UTF-8 decoded)
 * @param {{ indicatorsCsv: string, areasCsv: string }} tables
 * @returns {{ rows: number, cases: number, figures: { indicator_id: string, area_code: string, period: string, value: number | null, numerator: number | null, denominator: number | null }[], ms: { parse: number, derive: number } }}
 */
export function aggregateInJs(text, { indicatorsCsv, areasCsv }) {
  const now = () => (typeof performance !== 'undefined' ? performance.now() : 0);
  const t0 = now();
  const rules = Papa.parse(indicatorsCsv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true })
    .data.map((r) => parseRule(String(r.indicator_id), r.ledger_rule))
    .filter(Boolean);
  const known = new Set(
    Papa.parse(areasCsv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true })
      .data.map((r) => r.area_code)
      .filter((a) => a != null),
  );
  const rulesByGroup = new Map();
  for (const r of rules) rulesByGroup.set(r.caseGroup, [...(rulesByGroup.get(r.caseGroup) ?? []), r]);

  // ---- parse + clean + dedupe, chunk by chunk ----
  /** (case_id, group, year) → case */
  const cases = new Map();
  let header = true;
  let iId = -1;
  let iArea = -1;
  let iGroup = -1;
  let iReg = -1;
  let iEmp = -1;
  let iExit = -1;
  let iFu = -1;
  let rows = 0;
  const readHeader = (r) => {
    const seen = new Set();
    const at = {};
    r.forEach((h, i) => {
      const n0 = String(h)
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase()
        .replace(/\s+/g, '_');
      const n = ALIASES[n0] ?? n0;
      if (COLUMNS.includes(n) && !seen.has(n)) {
        seen.add(n);
        at[n] = i;
      }
    });
    [iId, iArea, iGroup, iReg, iEmp, iExit, iFu] = [
      'case_id',
      'area_code',
      'case_group',
      'registered_on',
      'employed_on',
      'exited_on',
      'followed_up_on',
    ].map((c) => at[c] ?? -1);
  };
  /** A field as DuckDB's read_csv gives it: empty or missing (null_padding) is NULL. */
  const field = (r, i) => {
    if (i < 0) return null;
    const v = r[i];
    return v === undefined || v === '' ? null : v;
  };
  const onRow = (r) => {
    rows++;
    const rawId = field(r, iId);
    if (rawId === null) return;
    const caseId = trimSpaces(rawId);
    if (caseId === '') return; // missing_id
    const rawReg = field(r, iReg);
    if (rawReg === null) return; // bad_date
    const reg = parseDate(rawReg);
    if (reg !== reg) return;
    const rawEmp = field(r, iEmp);
    let emp = NaN;
    if (rawEmp !== null && trimSpaces(rawEmp) !== '') {
      emp = parseDate(rawEmp);
      if (emp !== emp) return;
    }
    const rawExit = field(r, iExit);
    let exit = NaN;
    if (rawExit !== null && trimSpaces(rawExit) !== '') {
      exit = parseDate(rawExit);
      if (exit !== exit) return;
    }
    const rawArea = field(r, iArea);
    if (rawArea === null) return;
    const area = trimSpaces(rawArea);
    if (!known.has(area)) return; // unknown_area
    const rawGroup = field(r, iGroup);
    const group = rawGroup === null ? '' : trimSpaces(rawGroup).toLowerCase();
    const fu = field(r, iFu) ?? '';
    const year = Math.floor(monthOf(reg) / 12);
    const key = caseId + '\u0001' + group + '\u0001' + year;
    const c = cases.get(key);
    if (c === undefined) {
      cases.set(key, { group, year, area, latest: reg, reg, emp, exit, fu });
      return;
    }
    if (reg > c.latest || (reg === c.latest && area > c.area)) {
      c.latest = reg;
      c.area = area;
      c.fu = fu;
    }
    if (reg < c.reg) c.reg = reg;
    if (emp === emp && !(emp >= c.emp)) c.emp = emp;
    if (exit === exit && !(exit >= c.exit)) c.exit = exit;
  };
  Papa.parse(text, {
    chunkSize: 8 * 1024 * 1024,
    chunk: (res) => {
      for (const r of res.data) {
        // Blank lines: DuckDB skips them.
        if (r.length === 1 && r[0] === '') continue;
        if (header) {
          readHeader(r);
          header = false;
        } else onRow(r);
      }
    },
  });
  const t1 = now();

  // ---- calendar ----
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const c of cases.values()) {
    if (c.year < y0) y0 = c.year;
    if (c.year > y1) y1 = c.year;
    if (c.emp === c.emp) y1 = Math.max(y1, Math.floor(monthOf(c.emp) / 12));
    if (c.exit === c.exit) y1 = Math.max(y1, Math.floor(monthOf(c.exit) / 12));
  }
  const figures = [];
  if (cases.size === 0) return { rows, cases: 0, figures, ms: { parse: t1 - t0, derive: now() - t1 } };
  const m0 = y0 * 12;
  const nM = (y1 - y0 + 1) * 12;
  const period = (i) => {
    const mi = m0 + i;
    const y = Math.floor(mi / 12);
    const m = (mi % 12) + 1;
    return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}`;
  };
  const periods = Array.from({ length: nM }, (_, i) => period(i));

  // Per rule and area: arrays over the calendar's months (difference arrays for ranges).
  const acc = rules.map(() => new Map());
  const arrays = (ri, area, n) => {
    let a = acc[ri].get(area);
    if (a === undefined) {
      a = Array.from({ length: n }, () => new Float64Array(nM + 1));
      acc[ri].set(area, a);
    }
    return a;
  };
  const ruleIndex = new Map(rules.map((r, i) => [r, i]));

  for (const c of cases.values()) {
    const rs = rulesByGroup.get(c.group);
    if (rs === undefined) continue;
    const regM = monthOf(c.reg) - m0;
    const yearEnd = (c.year - y0) * 12 + 11;
    const hasEmp = c.emp === c.emp;
    const empM = hasEmp ? monthOf(c.emp) - m0 : Infinity;
    const hasExit = c.exit === c.exit;
    const exitM = hasExit ? monthOf(c.exit) - m0 : Infinity;
    for (const r of rs) {
      const ri = ruleIndex.get(r);
      if (r.rule === 'employed_rate') {
        const [den, num] = arrays(ri, c.area, 2);
        den[regM]++;
        den[yearEnd + 1]--;
        // employed_on <= month_end ⇔ month ≥ employed month
        const from = Math.max(regM, empM);
        if (hasEmp && from <= yearEnd) {
          num[from]++;
          num[yearEnd + 1]--;
        }
      } else if (r.rule === 'deadline_rate') {
        const deadline = addMonths(c.reg, r.months);
        const from = monthOf(deadline) - m0;
        if (from > yearEnd) continue;
        const [den, num] = arrays(ri, c.area, 2);
        den[from]++;
        den[yearEnd + 1]--;
        if (hasEmp && c.emp <= deadline) {
          num[from]++;
          num[yearEnd + 1]--;
        }
      } else if (r.rule === 'employed_flow') {
        if (hasEmp && empM >= 0 && empM < nM) arrays(ri, c.area, 1)[0][empM]++;
      } else if (r.rule === 'followup_rate') {
        const last = Math.min(empM, exitM, nM - 1);
        if (last < regM) continue;
        const [active, followed] = arrays(ri, c.area, 2);
        for (let m = regM; m <= last; m++) {
          active[m]++;
          if (c.fu.length >= 7 && c.fu.includes(periods[m])) followed[m]++;
        }
      }
    }
  }

  // ---- figures ----
  rules.forEach((r, ri) => {
    for (const [area, a] of acc[ri]) {
      if (r.rule === 'employed_rate' || r.rule === 'deadline_rate') {
        let den = 0;
        let num = 0;
        for (let m = 0; m < nM; m++) {
          den += a[0][m];
          num += a[1][m];
          if (den > 0)
            figures.push({
              indicator_id: r.indicatorId,
              area_code: area,
              period: periods[m],
              value: null,
              numerator: num,
              denominator: den,
            });
        }
      } else if (r.rule === 'employed_flow') {
        for (let m = 0; m < nM; m++)
          if (a[0][m] > 0)
            figures.push({
              indicator_id: r.indicatorId,
              area_code: area,
              period: periods[m],
              value: a[0][m],
              numerator: null,
              denominator: null,
            });
      } else {
        let act = 0;
        let fol = 0;
        for (let m = 0; m < nM; m++) {
          if (m % 12 === 0) act = fol = 0;
          if (a[0][m] === 0) continue;
          act += a[0][m];
          fol += a[1][m];
          figures.push({
            indicator_id: r.indicatorId,
            area_code: area,
            period: periods[m],
            value: null,
            numerator: fol,
            denominator: act,
          });
        }
      }
    }
  });
  figures.sort((x, y) => compareFigures(x, y));
  return { rows, cases: cases.size, figures, ms: { parse: t1 - t0, derive: now() - t1 } };
}

const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
/** Order of `npm run aggregate`: indicator_id, area_code, period. */
export const compareFigures = (x, y) =>
  cmp(x.indicator_id, y.indicator_id) || cmp(x.area_code, y.area_code) || cmp(x.period, y.period);

/**
 * Differences between two lists of figures (after sorting both), at most `limit` of them; empty when
 * they are the same. Numbers compare exactly (they are counts).
 */
export function diffFigures(a, b, limit = 10) {
  const norm = (list) =>
    list
      .map((f) => ({
        indicator_id: String(f.indicator_id),
        area_code: String(f.area_code),
        period: String(f.period),
        value: f.value == null ? null : Number(f.value),
        numerator: f.numerator == null ? null : Number(f.numerator),
        denominator: f.denominator == null ? null : Number(f.denominator),
      }))
      .sort(compareFigures);
  const x = norm(a);
  const y = norm(b);
  const out = [];
  let i = 0;
  let j = 0;
  const show = (f) => (f ? `${f.indicator_id} ${f.area_code} ${f.period} value=${f.value} ${f.numerator}/${f.denominator}` : '—');
  while ((i < x.length || j < y.length) && out.length < limit) {
    const c = i < x.length && j < y.length ? compareFigures(x[i], y[j]) : i < x.length ? -1 : 1;
    if (c < 0) out.push(`only in first: ${show(x[i++])}`);
    else if (c > 0) out.push(`only in second: ${show(y[j++])}`);
    else {
      const p = x[i++];
      const q = y[j++];
      if (p.value !== q.value || p.numerator !== q.numerator || p.denominator !== q.denominator)
        out.push(`differs: ${show(p)} ≠ ${show(q)}`);
    }
  }
  return out;
}
