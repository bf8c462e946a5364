/**
 * What the workbench's browser tests check on every page, in one place: no page error, no console
 * error but the expected ones (expected-console.ts), no request to a host other than the page's
 * own; and the rows a page shows against the independent reference judge.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RefJudgement } from '../helpers/reference-judge';
import { isExpectedConsoleError } from './expected-console';
import { keys, mismatches, readKpis, type ShownKpi } from './kpi-compare';

export const SETTLE_TIMEOUT = 20_000;

/** Starts recording a page's problems and requests; assert `problems` is empty once the page is done. */
export function watchPage(page: Page, serverUrl: string): { problems: string[]; requests: string[] } {
  const problems: string[] = [];
  const requests: string[] = [];
  const serverHost = new URL(serverUrl).host;
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isExpectedConsoleError(msg)) problems.push(`console.error: ${msg.text()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    requests.push(`${req.method()} ${url}`);
    if (url.startsWith('data:')) return;
    const host = new URL(url.startsWith('blob:') ? url.slice(5) : url).host;
    if (host !== serverHost) problems.push(`foreign request: ${req.method()} ${url}`);
  });
  return { problems, requests };
}

/**
 * Waits (the page recomputes after every change) until the page is ready and shows exactly
 * `expected` (reference keys, sorted) with the reference's values, then asserts it, so a wrong
 * page fails with a diff. `soft`: record the failure and go on, so the checks after it still run
 * (the test fails either way).
 */
export async function expectRows(
  page: Page,
  expected: string[],
  ref: Map<string, RefJudgement>,
  what: string,
  soft = false,
): Promise<ShownKpi[]> {
  const deadline = Date.now() + SETTLE_TIMEOUT;
  let shown: ShownKpi[];
  for (;;) {
    const ready = (await page.getAttribute('[data-app-root]', 'data-ready')) === 'true';
    shown = await readKpis(page);
    if (ready && JSON.stringify(keys(shown)) === JSON.stringify(expected) && mismatches(shown, ref).length === 0) break;
    if (Date.now() > deadline) break;
    await page.waitForTimeout(150);
  }
  const check = soft ? expect.soft : expect;
  check(keys(shown), `rows after: ${what}`).toEqual(expected);
  check(mismatches(shown, ref).join('\n'), `values after: ${what}`).toBe('');
  return shown;
}
