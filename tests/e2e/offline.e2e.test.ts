/**
 * Offline: after one visit, a wall screen that reloads while the network is down still shows its
 * last data, with a badge saying so (service worker; the app is served over localhost, which
 * browsers treat as secure).
 */
import { stageBuiltApp, unstage } from './stage';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer } from '../tools/serve.mjs';
import { isExpectedConsoleError } from './expected-console';

let tmp = '';
let server: RunningServer | null = null;
let browser: Browser;

beforeAll(async () => {
  ({ tmp, server, browser } = await stageBuiltApp({ prefix: 'jiuye-offline-' }));
});

afterAll(() => unstage({ tmp, server, browser }));

it('reloads with the network down and still shows the last data, with the offline badge', async () => {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  const url = `${server!.url}app/?view=wall&year=2023&rotate=600`;
  await page.goto(url);
  await page.waitForSelector('[data-ready="true"]', { timeout: 90_000 });
  await page.waitForSelector('html[data-offline-ready="true"]', { timeout: 90_000 });
  const before = await page.$$eval('[data-kpi]', (els) => els.map((e) => [e.getAttribute('data-target-id'), e.getAttribute('data-actual')]));
  expect(before.length).toBeGreaterThan(5);
  expect(await page.$('[data-offline-badge]')).toBeNull();
  page.on('console', (m) => m.type() === 'error' && !isExpectedConsoleError(m) && !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(m.text()) && problems.push(m.text()));

  // The network goes down: the server is gone, the page reboots.
  await server!.close();
  server = null;
  await page.reload();
  await page.waitForSelector('[data-ready="true"]', { timeout: 90_000 });
  await page.waitForSelector('[data-offline-badge]', { timeout: 30_000 });
  const after = await page.$$eval('[data-kpi]', (els) => els.map((e) => [e.getAttribute('data-target-id'), e.getAttribute('data-actual')]));
  expect(after).toEqual(before);
  expect(await page.textContent('[data-offline-badge]')).toContain('缓存');
  expect(problems).toEqual([]);
  await context.close();
});
