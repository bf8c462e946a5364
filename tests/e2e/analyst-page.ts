/**
 * Opening the built workbench for the analyst layout tests: the bundled data served under a
 * sub-path, a page per size and language that fails its test on any page error, console error
 * (but the optional areas.geojson 404) or request to another host, and the rows it shows compared
 * with the independent reference judge.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { RunningServer } from '../tools/serve.mjs';
import { loadFolder, type RefFolder, type RefJudgement } from '../helpers/reference-judge';
import { isExpectedConsoleError } from './expected-console';
import { keys, mismatches, readKpis, type ShownKpi } from './kpi-compare';
import { stageBuiltApp, unstage } from './stage';

const READY_TIMEOUT = 90_000;
const SETTLE_TIMEOUT = 20_000;

export interface Workbench {
  tmp: string;
  server: RunningServer;
  browser: Browser;
  url: string;
  /** The bundled data as served. */
  bundled: RefFolder;
  dataDir: string;
}

export async function openWorkbench(prefix: string): Promise<Workbench> {
  const staged = await stageBuiltApp({ prefix, apps: ['dashboard'], base: '/apps/jiuye/' });
  const dataDir = path.join(staged.tmp, 'dashboard', 'data');
  return { ...staged, url: `${staged.server.url}dashboard/`, bundled: loadFolder(dataDir), dataDir };
}

export const closeWorkbench = (w: Partial<Workbench>) => unstage(w);

/** A page at a viewport (a phone when narrower than 600 px), opened on `query` and ready; fails on errors. */
export async function withPage(
  w: Workbench,
  viewport: { width: number; height: number },
  query: string,
  body: (page: Page) => Promise<void>,
): Promise<void> {
  const phone = viewport.width < 600;
  const context = await w.browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: phone, hasTouch: phone, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  const host = new URL(w.server.url).host;
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !isExpectedConsoleError(msg)) problems.push(`console.error: ${msg.text()}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).host !== host) problems.push(`foreign request: ${url}`);
  });
  try {
    await page.goto(`${w.url}${query}`);
    await waitReady(page);
    await body(page);
  } finally {
    await context.close();
  }
  expect(problems.join('\n'), `problems on ${query}`).toBe('');
}

export async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('[data-app-root][data-ready="true"]', { timeout: READY_TIMEOUT, state: 'attached' });
}

/** Waits until the page shows exactly `expected` (reference keys) with the reference's values, then asserts it. */
export async function expectRows(page: Page, expected: string[], ref: Map<string, RefJudgement>, what: string): Promise<ShownKpi[]> {
  const deadline = Date.now() + SETTLE_TIMEOUT;
  let shown: ShownKpi[];
  for (;;) {
    const ready = (await page.getAttribute('[data-app-root]', 'data-ready')) === 'true';
    shown = await readKpis(page);
    if (ready && JSON.stringify(keys(shown)) === JSON.stringify(expected) && mismatches(shown, ref).length === 0) break;
    if (Date.now() > deadline) break;
    await page.waitForTimeout(150);
  }
  expect(keys(shown), `rows after: ${what}`).toEqual(expected);
  expect(mismatches(shown, ref).join('\n'), `values after: ${what}`).toBe('');
  return shown;
}

export const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
