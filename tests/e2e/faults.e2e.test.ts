/**
 * Deployment faults surface as messages, not spinners: the wasm missing or served with the wrong
 * MIME type, the data folder unreachable, one table missing, and a CORS refusal for ?data= on
 * another origin (with the policy widened for that origin, as DASHBOARD_DATA_ORIGINS does).
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchOptions } from '../tools/ensure-chromium.mjs';
import { startServer, type RunningServer } from '../tools/serve.mjs';
import { builtCspHeaders } from './csp';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const DIST = path.join(REPO, 'dist');
let tmp = '';
let browser: Browser;
const servers: RunningServer[] = [];

beforeAll(async () => {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` first');
  tmp = mkdtempSync(path.join(tmpdir(), 'jiuye-faults-'));
  browser = await chromium.launch(launchOptions());
});

afterAll(async () => {
  await browser?.close();
  for (const s of servers) await s.close().catch(() => undefined);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function serveCopy(name: string, edit: (dir: string) => void, headers: Record<string, string> = builtCspHeaders(DIST)) {
  const dir = path.join(tmp, name);
  cpSync(DIST, dir, { recursive: true });
  edit(dir);
  const s = await startServer({ root: dir, base: '/', headers });
  servers.push(s);
  return s;
}

/**
 * Opens the page and waits for DuckDB holding the data or an error message: never an endless
 * spinner. (Figures prepared at build time may be on screen before DuckDB has started, or failed to.)
 */
async function outcome(url: string): Promise<{ ready: boolean; error: string | null; text: string }> {
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await page.goto(url);
  await page.waitForSelector('[data-app-root][data-ready="true"][data-engine="ready"], [data-app-root][data-error]', { timeout: 60_000 });
  const root = await page.$('[data-app-root]');
  const res = {
    ready: (await root!.getAttribute('data-ready')) === 'true',
    error: await root!.getAttribute('data-error'),
    text: (await page.textContent('body')) ?? '',
  };
  await page.close();
  return res;
}

it('the wasm missing: a message naming DuckDB, not a spinner', async () => {
  const s = await serveCopy('no-wasm', (dir) => {
    for (const f of readdirSync(path.join(dir, 'assets'))) if (f.endsWith('.wasm')) unlinkSync(path.join(dir, 'assets', f));
  });
  const r = await outcome(`${s.url}?view=wall`);
  expect(r.ready).toBe(false);
  expect(r.error).toMatch(/DuckDB/);
  expect(r.text).toContain('数据无法加载');
}, 90_000);

it('the wasm served with the wrong MIME type: it still starts, or says why it cannot', async () => {
  const s = await serveCopy('bad-mime', () => undefined);
  // The server picks types by extension; rename the wasm so it goes out as application/octet-stream.
  const dir = path.join(tmp, 'bad-mime');
  for (const f of readdirSync(path.join(dir, 'assets'))) {
    if (!f.endsWith('.wasm')) continue;
    const bytes = readFileSync(path.join(dir, 'assets', f));
    unlinkSync(path.join(dir, 'assets', f));
    writeFileSync(path.join(dir, 'assets', f.replace(/\.wasm$/, '.bin')), bytes);
    for (const js of readdirSync(path.join(dir, 'assets')).filter((x) => x.endsWith('.js'))) {
      const p = path.join(dir, 'assets', js);
      writeFileSync(p, readFileSync(p, 'utf8').split(f).join(f.replace(/\.wasm$/, '.bin')));
    }
  }
  const r = await outcome(`${s.url}?view=analyst`);
  expect(r.ready || /DuckDB/.test(r.error ?? '')).toBe(true);
}, 90_000);

it('the data folder unreachable: a message naming the URL', async () => {
  const s = await serveCopy('unreachable', () => undefined);
  const r = await outcome(`${s.url}?data=./no-such-folder/`);
  expect(r.ready).toBe(false);
  expect(r.text).toMatch(/no-such-folder\/areas\.csv: HTTP 404/);
}, 90_000);

it('one table missing: a message naming the table, nothing half-loaded', async () => {
  const s = await serveCopy('no-targets', (dir) => unlinkSync(path.join(dir, 'data', 'targets.csv')));
  const r = await outcome(`${s.url}`);
  expect(r.ready).toBe(false);
  expect(r.text).toMatch(/targets\.csv: HTTP 404/);
}, 90_000);

it('a CORS refusal for ?data= on another origin says so; the same folder with CORS loads', async () => {
  const plain = await startServer({ root: path.join(REPO, 'tests', 'fixtures'), base: '/' });
  const cors = await startServer({ root: path.join(REPO, 'tests', 'fixtures'), base: '/', headers: { 'Access-Control-Allow-Origin': '*' } });
  servers.push(plain, cors);
  const origins = [new URL(plain.url).origin, new URL(cors.url).origin];
  // As a build with DASHBOARD_DATA_ORIGINS would: the policy lets the page connect to both.
  const widen = (csp: string) => csp.replace("connect-src 'self'", `connect-src 'self' ${origins.join(' ')}`);
  const headers = { 'Content-Security-Policy': widen(builtCspHeaders(DIST)['Content-Security-Policy']!) };
  const s = await serveCopy(
    'cors',
    (dir) => {
      const p = path.join(dir, 'index.html');
      writeFileSync(p, readFileSync(p, 'utf8').replace(/connect-src 'self'/, `connect-src 'self' ${origins.join(' ')}`));
    },
    headers,
  );
  const refused = await outcome(`${s.url}?data=${encodeURIComponent(`${plain.url}e2e/`)}`);
  expect(refused.ready).toBe(false);
  expect(refused.text).toMatch(/refused by CORS/);
  const allowed = await outcome(`${s.url}?data=${encodeURIComponent(`${cors.url}e2e/`)}`);
  expect(allowed.error).toBeNull();
  expect(allowed.ready).toBe(true);
}, 120_000);
