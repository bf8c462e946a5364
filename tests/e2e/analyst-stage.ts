/**
 * The analyst workbench in headless Chromium for the take-away, load-report and owner tests: a
 * copy of dist/ served under a sub-path, one browser context per viewport and language, pages that
 * fail their test on a page error, a console error (except the optional areas.geojson 404) or a
 * request to another host, and the waits those tests share.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { type RunningServer } from '../tools/serve.mjs';
import { loadFolder, type RefFolder } from '../helpers/reference-judge';
import { SETTLE_TIMEOUT, watchPage } from './page-checks';
import { stageBuiltApp, unstage } from './stage';

export { expectRows } from './page-checks';

const BASE = '/apps/jiuye/';
const APP_DIR = 'dashboard';
export const READY_TIMEOUT = 90_000;

export interface AnalystStage {
  /** The bundled data as served (dist/data is the build's copy of data/). */
  bundled: RefFolder;
  /** Folder of the served data (for reading its CSV files directly). */
  dataDir: string;
  appUrl: string;
  close: () => Promise<void>;
  withPage: (query: string, body: (ctx: PageCtx) => Promise<void>, opts?: PageOptions) => Promise<void>;
}

export interface PageCtx {
  page: Page;
  /** Every request the page made, in order. */
  requests: string[];
}

export interface PageOptions {
  width?: number;
  height?: number;
}

export async function stageAnalyst(prefix: string): Promise<AnalystStage> {
  let tmp = '';
  let server: RunningServer | null = null;
  let browser: Browser | null = null;
  ({ tmp, server, browser } = await stageBuiltApp({ prefix, apps: [APP_DIR], base: BASE }));
  const dataDir = path.join(tmp, APP_DIR, 'data');
  const appUrl = `${server.url}${APP_DIR}/`;
  const contexts = new Map<string, BrowserContext>();
  const contextFor = async (o: PageOptions) => {
    const key = `${o.width ?? 1600}x${o.height ?? 1000}`;
    let c = contexts.get(key);
    if (!c) {
      c = await browser!.newContext({ viewport: { width: o.width ?? 1600, height: o.height ?? 1000 }, locale: 'zh-CN', acceptDownloads: true });
      contexts.set(key, c);
    }
    return c;
  };
  const withPage = async (query: string, body: (ctx: PageCtx) => Promise<void>, opts: PageOptions = {}) => {
    const page = await (await contextFor(opts)).newPage();
    const { problems, requests } = watchPage(page, server.url);
    try {
      await page.goto(`${appUrl}${query}`);
      await waitReady(page);
      await body({ page, requests });
    } finally {
      await page.close();
    }
    expect(problems.join('\n'), `problems on ${query}`).toBe('');
  };
  return {
    bundled: loadFolder(dataDir),
    dataDir,
    appUrl,
    withPage,
    close: async () => {
      for (const c of contexts.values()) await c.close().catch(() => undefined);
      await unstage({ tmp, server, browser });
    },
  };
}

export async function waitReady(page: Page): Promise<void> {
  try {
    await page.waitForSelector('[data-app-root][data-ready="true"]', { timeout: READY_TIMEOUT, state: 'attached' });
  } catch (err) {
    const error = await page.getAttribute('[data-app-root]', 'data-error').catch(() => null);
    throw new Error(`page never became ready${error ? ` (data-error: ${error})` : ''}: ${(err as Error).message}`, { cause: err });
  }
}

export async function waitParam(page: Page, name: string, value: string | null): Promise<void> {
  await page.waitForURL((u) => u.searchParams.get(name) === value, { timeout: SETTLE_TIMEOUT });
}

/** Loads files (name + bytes) through the file input and waits for their reports. */
export async function uploadFiles(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  await page.setInputFiles(
    '[data-drop-zone] input[type=file]',
    files.map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: f.bytes })),
  );
  for (const f of files)
    await page.waitForSelector(`[data-load-report][data-busy="false"] [data-file="${f.name}"]`, { timeout: SETTLE_TIMEOUT });
  await waitReady(page);
}

/** Clicks `selector` and returns the file it downloads (name and bytes). */
export async function downloadOf(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}
