/**
 * How dates and times are written, one way everywhere a take-away states them (briefing, export,
 * PNG): months as 2023-09, days as 2023-12-31, a moment as 2023-12-31 14:05 (local time).
 */

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment (export time, print time) as 'YYYY-MM-DD HH:mm' in local time. */
export function formatDateTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
