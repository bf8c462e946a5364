/**
 * Calendar months as integers (year × 12 + month − 1), so that month arithmetic is plain
 * subtraction and never touches Date or the local time zone.
 */

const PERIOD_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE_RE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** 'YYYY-MM' → month index, or null when the text is not a valid period. */
export function parsePeriod(text: string): number | null {
  const m = PERIOD_RE.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** Month index → 'YYYY-MM'. */
export function formatPeriod(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** 'YYYY-MM-DD' → the month index of that date, or null when it is not a real calendar date. */
export function dueMonthOf(date: string): number | null {
  const m = DATE_RE.exec(date.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return year * 12 + month - 1;
}

export function yearOf(index: number): number {
  return Math.floor(index / 12);
}

/** First month (January) of a year as a month index. */
export function januaryOf(year: number): number {
  return year * 12;
}

export function decemberOf(year: number): number {
  return year * 12 + 11;
}
