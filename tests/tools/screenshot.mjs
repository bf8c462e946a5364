#!/usr/bin/env node
/**
 * Screenshots of the built app for people to look at (not for assertions):
 *   node tests/tools/screenshot.mjs [--out tests/artifacts/screens] [query ...]
 * Serves dist/ under a sub-path, opens each query at 1920×1080 and 3840×2160, waits for
 * data-ready and saves a PNG per query and size.
 */
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from './serve.mjs';
import { launchOptions } from './ensure-chromium.mjs';

const args = process.argv.slice(2);
const outIdx = args.indexOf('--out');
const out = outIdx >= 0 ? args.splice(outIdx, 2)[1] : 'tests/artifacts/screens';
const queries = args.length ? args : ['?view=wall', '?view=wall&year=2023', '?view=analyst&year=2023', '?year=2022&area=310118&target=qfgf2022-4-5-2-reemployed'];
const sizes = [
  [1920, 1080],
  [3840, 2160],
];
mkdirSync(out, { recursive: true });
const server = await startServer({ root: 'dist', base: '/dash/board/' });
const browser = await chromium.launch(launchOptions());
try {
  for (const q of queries) {
    for (const [width, height] of sizes) {
      const page = await browser.newPage({ viewport: { width, height } });
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(server.url + q);
      await page.waitForSelector('[data-ready="true"], [data-error]', { timeout: 60000 });
      const name = `${q.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'default'}-${width}x${height}.png`;
      await page.screenshot({ path: join(out, name) });
      console.log(`${name}${errors.length ? `  errors: ${errors.join(' | ')}` : ''}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
