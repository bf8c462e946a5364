/**
 * The map without a licensing problem: the built-in tile map by default, and a geographic map
 * when the data folder carries licensed boundaries as areas.geojson. The boundaries here are
 * synthetic squares for the synthetic fixture's three districts.
 */
import { stageBuiltApp, unstage } from './stage';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer } from '../tools/serve.mjs';
import { isExpectedConsoleError } from './expected-console';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
let tmp = '';
let server: RunningServer;
let browser: Browser;

const square = (code: string, x: number, y: number) => ({
  type: 'Feature',
  properties: { area_code: code, name: code },
  geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] },
});

beforeAll(async () => {
  ({ tmp, server, browser } = await stageBuiltApp({
    prefix: 'jiuye-geo-',
    prepare: (dir) => {
      cpSync(path.join(REPO, 'tests', 'fixtures', 'e2e'), path.join(dir, 'plain'), { recursive: true });
      cpSync(path.join(REPO, 'tests', 'fixtures', 'e2e'), path.join(dir, 'geo'), { recursive: true });
      writeFileSync(
        path.join(dir, 'geo', 'areas.geojson'),
        JSON.stringify({ type: 'FeatureCollection', features: [square('990101', 0, 0), square('990102', 1, 0), square('990103', 0, 1)] }),
      );
    },
  }));
});

afterAll(() => unstage({ tmp, server, browser }));

async function mapKind(folder: string): Promise<{ kind: string | null; problems: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && !isExpectedConsoleError(m) && problems.push(m.text()));
  await page.goto(`${server.url}app/?view=wall&data=../${folder}/&pages=districts&rotate=600`);
  await page.waitForSelector('[data-ready="true"]', { timeout: 90_000 });
  const kind = await page.getAttribute('[data-map]', 'data-map');
  await page.close();
  return { kind, problems };
}

it('draws the tile map when the folder has no boundaries', async () => {
  const r = await mapKind('plain');
  expect(r.problems).toEqual([]);
  expect(r.kind).toBe('tiles');
});

it('draws a geographic map from areas.geojson when the folder has one', async () => {
  const r = await mapKind('geo');
  expect(r.problems).toEqual([]);
  expect(r.kind).toBe('geo');
});
