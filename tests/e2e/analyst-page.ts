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
import { loadFolder, type RefFolder } from '../helpers/reference-judge';
import { watchPage } from './page-checks';
import { stageBuiltApp, unstage } from './stage';

export { expectRows } from './page-checks';

const READY_TIMEOUT = 90_000;

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
  const { problems } = watchPage(page, w.server.url);
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

export const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);
