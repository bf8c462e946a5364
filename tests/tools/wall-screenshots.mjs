#!/usr/bin/env node
/**
 * Screenshots of every wall page, for people to look at (not for assertions):
 *   node tests/tools/wall-screenshots.mjs [--out tests/artifacts/wall-screens] [query ...]
 * Serves dist/, opens each query (default: the default year, and 2023 as of 2023-09) in Chinese and
 * English at 1920×1080, 3840×2160 and 3840×1080, steps through the rotation with → and saves one PNG
 * per page: <out>/<query>-<lang>-<size>/<nn>-<page id>.png.
 */
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './serve.mjs';
import { launchOptions } from './ensure-chromium.mjs';

const args = process.argv.slice(2);
const take = (flag, fallback) => {
  const i = args.indexOf(flag);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const out = take('--out', 'tests/artifacts/wall-screens');
const sizeArg = take('--sizes', '1920x1080,3840x2160,3840x1080');
const langArg = take('--langs', 'zh,en');
const queries = args.length ? args : ['?view=wall', '?view=wall&year=2023&asof=2023-09'];
const sizes = sizeArg.split(',').map((s) => s.split('x').map(Number));
const langs = langArg.split(',');

const server = await startServer({ root: 'dist', base: '/dash/board/' });
const browser = await chromium.launch(launchOptions());
const settled = (page) =>
  page.waitForFunction(
    () =>
      document.querySelector('[data-app-root]')?.getAttribute('data-ready') === 'true' &&
      [...document.querySelectorAll('[data-chart]')].every((c) => c.querySelector('svg') != null),
    undefined,
    { timeout: 90_000 },
  );
try {
  for (const q of queries) {
    for (const lang of langs) {
      for (const [width, height] of sizes) {
        const page = await browser.newPage({ viewport: { width, height } });
        const errors = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => m.type() === 'error' && !/areas\.geojson|404/.test(m.text()) && errors.push(m.text()));
        await page.goto(`${server.url}${q}&lang=${lang}&rotate=600`);
        await settled(page);
        const dir = join(out, `${q.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '')}-${lang}-${width}x${height}`);
        mkdirSync(dir, { recursive: true });
        const ids = ((await page.getAttribute('main.wall', 'data-pages')) ?? '').split(',').filter(Boolean);
        for (let i = 0; i < ids.length; i++) {
          await page.waitForFunction((want) => document.querySelector('main.wall')?.getAttribute('data-page') === want, ids[i]);
          await settled(page);
          await page.evaluate(() => document.fonts.ready);
          await page.waitForTimeout(150);
          await page.screenshot({ path: join(dir, `${String(i).padStart(2, '0')}-${ids[i]}.png`) });
          if (i < ids.length - 1) await page.keyboard.press('ArrowRight');
        }
        console.log(`${dir}: ${ids.join(', ')}${errors.length ? `  errors: ${errors.join(' | ')}` : ''}`);
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
