/**
 * Accessibility: axe-core over both views, every wall page and the briefing, with no serious or
 * critical violation. (axe is injected as a script, so this context bypasses the CSP; the other
 * browser tests run under it.)
 */
import { stageBuiltApp, unstage } from './stage';
import { createRequire } from 'node:module';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer } from '../tools/serve.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let tmp = '';
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  ({ tmp, server, browser } = await stageBuiltApp({ prefix: 'jiuye-a11y-', csp: false }));
});

afterAll(() => unstage({ tmp, server, browser }));

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

async function audit(page: Page, label: string): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const result = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<unknown> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  })) as AxeResult;
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function open(query: string, size = { width: 1920, height: 1080 }): Promise<Page> {
  const context = await browser.newContext({ viewport: size, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}app/${query}`);
  await page.waitForSelector('[data-ready="true"]', { timeout: 90_000 });
  return page;
}

it('analyst view (with a target selected) and the briefing: no serious or critical violation', async () => {
  const found: string[] = [];
  for (const q of ['?year=2023&asof=2023-09&target=hjb2023-3-10-assistance-rate', '?year=2023&lang=en', '?view=briefing&year=2023']) {
    const page = await open(q, { width: 1600, height: 1000 });
    found.push(...(await audit(page, q)));
    await page.context().close();
  }
  expect(found).toEqual([]);
});

it('every wall page: no serious or critical violation', async () => {
  const page = await open('?view=wall&year=2023&asof=2023-09&rotate=600');
  const ids = ((await page.getAttribute('main.wall', 'data-pages')) ?? '').split(',');
  const found: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    found.push(...(await audit(page, `wall ${ids[i]}`)));
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('[data-ready="true"]');
  }
  expect(ids.length).toBeGreaterThan(3);
  expect(found).toEqual([]);
  await page.context().close();
});
