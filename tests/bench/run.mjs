#!/usr/bin/env node
/**
 * `npm run bench [-- --quick] [-- --no-build] [-- --cold-only] [-- --ledger] [-- --no-spark]`: the dashboard's performance against its goals and
 * against a baseline without a database, in headless Chromium on this machine.
 *
 * 1. Builds the app (`npx vite build`, into a temporary folder so dist/ is left alone) and the bare page (tests/bench/bare.html: DuckDB-WASM boot
 *    only, built by Vite from the same package, loading the app's own hashed wasm and worker).
 * 2. Generates tests/bench/ledger-100000.csv and ledger-1000000.csv if missing (gen-ledger.mjs)
 *    and derives their figures with native DuckDB (data/scripts/aggregate-ledger.mjs, same SQL).
 * 3. Serves the build (gzip on, as tests/tools/serve.mjs does) with the bench pages in
 *    dist/bench/, and measures (medians; ≥5 runs for small things, ≥3 at 1M rows):
 *    - cold start (cold-start.mjs; new browser context each run, so no cache and no IndexedDB): wall,
 *      analyst and the bare boot, to data-ready="true" and to data-engine="ready", served compressed
 *      and uncompressed, on loopback and over an emulated 50 Mbps / 20 ms link; time is the page's
 *      own performance.now() when the attribute turns;
 *    - filter change → all panels updated: from the change (in the page) until data-ready is true
 *      again and the DOM has been quiet for 300 ms (the end is the last change, not the quiet);
 *    - ledger ingest at 100k and 1M rows: from the file input's change event until the ledger
 *      report says data-state="done" (plus the app's own read/parse/derive split); the pointer is
 *      put on the file input a second before, as a user's is (it warms the engine up), and one
 *      more 1M run gives the file without it;
 *    - judgement at 1M: from data-state="done" until data-ready="true" (every panel re-judged on
 *      the ledger's figures), and a year switch back to the ledger's year once the cache is gone;
 *    - memory: peak resident set (VmHWM) of the page's renderer process (it also hosts the DuckDB
 *      worker and its wasm memory), fresh browser per ledger run; main-thread JS heap peak (CDP);
 *    - bytes on first load: the bodies the server sent (gzip) for the cold analyst and wall loads;
 *    - the engine's floor for ingest: the bare page reads the ledger, registers it and scans it
 *      with read_csv as the app types it, then stores it, nothing else (what no DuckDB-WASM ingest
 *      of that file can beat);
 *    - the baseline (tests/bench/baseline.mjs: PapaParse + plain JS, in a page of the same browser,
 *      main thread, file read with File.text()) on the same ledgers.
 *    - as context, the same files and SQL outside the browser: native DuckDB (2 threads) and the
 *      Spark job in local[2] (tests/bench/spark.mjs; `--no-spark` skips it) on the 1M-row ledger.
 * 4. Same numbers: the baseline's figures, the app's (window.__dashboard.ledgerFigures()) and Spark's must
 *    equal native DuckDB's, exactly; otherwise the bench exits 1. Goals are reported met/missed.
 *    `--ledger` measures only the ledger part (no cold starts, bundled filter changes or bytes).
 * Writes tests/bench/results.json (git-ignored) and prints a table.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { launchOptions } from '../tools/ensure-chromium.mjs';
import { startServer } from '../tools/serve.mjs';
import { aggregateLedger } from '../../data/scripts/aggregate-ledger.mjs';
import { diffFigures } from './baseline.mjs';
import { measureColdStart, MODES, throttle } from './cold-start.mjs';
import { sparkOnLedger } from './spark.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const BENCH = path.join(REPO, 'tests', 'bench');
const DIST = path.join(REPO, 'dist');
const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const NO_BUILD = args.includes('--no-build');
// Cold start and first-load bytes only (the filter, ledger and memory runs take most of the bench's time).
const COLD_ONLY = args.includes('--cold-only');
/** Only the ledger part: ingest, judgement, memory, the floor, the baseline and the engines beside the page. */
const LEDGER_ONLY = args.includes('--ledger');
/** Skip the Spark run (it needs Java, and PyPI the first time). */
const NO_SPARK = args.includes('--no-spark');
const LEDGER_YEAR = 2023;
const SIZES = [100_000, 1_000_000];
const RUNS = {
  cold: QUICK ? 2 : 7,
  coldThrottled: QUICK ? 1 : 5,
  filter: QUICK ? 6 : 20,
  ledgerSmall: QUICK ? 2 : 5,
  ledgerLarge: QUICK ? 1 : 3,
};
const QUIET_MS = 300;
const CACHE_GONE_MS = 16_000; // the app's gcTime is 15 s
const t0 = performance.now();
const log = (...a) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s]`, ...a);

// ---------------------------------------------------------------- statistics

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => {
  const s = sorted(xs);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Nearest-rank percentile. */
const pct = (xs, p) => {
  const s = sorted(xs);
  return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : null;
};
const round = (x, d = 0) => (x == null ? null : Math.round(x * 10 ** d) / 10 ** d);

// ---------------------------------------------------------------- process memory (Linux /proc)

function children() {
  const byParent = new Map();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      byParent.set(ppid, [...(byParent.get(ppid) ?? []), Number(d)]);
    } catch {
      // gone
    }
  }
  return byParent;
}
/** This bench's own process and every process below it, given children(). */
function ownTree(tree) {
  const mine = new Set();
  const queue = [process.pid];
  while (queue.length) {
    const p = queue.shift();
    mine.add(p);
    queue.push(...(tree.get(p) ?? []));
  }
  return mine;
}
const cmdline = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
};
const statusKb = (pid, field) => {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
};
/** Renderer processes of the browser started with `marker` on its command line. */
function renderers(marker) {
  const tree = children();
  const all = [...tree.values()].flat();
  const root = all.find((p) => cmdline(p).includes(marker));
  if (!root) return [];
  const out = [];
  const queue = [root];
  while (queue.length) {
    const p = queue.shift();
    // Child processes rewrite their title: the arguments may come as one space-separated string.
    if (/(^| )--type=renderer( |$)/.test(cmdline(p).join(' '))) out.push(p);
    queue.push(...(tree.get(p) ?? []));
  }
  return out;
}
/** Peak and current resident set of the largest renderer (the page's), in MB. */
function rendererMemory(marker) {
  const rs = renderers(marker).map((p) => ({ pid: p, hwm: statusKb(p, 'VmHWM') ?? 0, rss: statusKb(p, 'VmRSS') ?? 0 }));
  if (!rs.length) return null;
  const top = rs.sort((a, b) => b.hwm - a.hwm)[0];
  return { peakMB: top.hwm / 1024, rssMB: top.rss / 1024, renderers: rs.length };
}

const CLK = 100; // USER_HZ, the unit of /proc CPU times on Linux
/**
 * CPU used by processes outside this bench's process tree, sampled every 500 ms from /proc (each
 * process counts from when it was first seen; what a process does in its last half second or a
 * process shorter than that is missed, so this is a lower bound).
 */
function foreignCpuSampler() {
  const first = new Map();
  const last = new Map();
  const sample = () => {
    const tree = children();
    const mine = ownTree(tree);
    for (const p of [...tree.values()].flat()) {
      if (mine.has(p)) continue;
      try {
        const st = readFileSync(`/proc/${p}/stat`, 'utf8');
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        const key = `${p}:${f[19]}`; // pid and start time
        const ticks = Number(f[11]) + Number(f[12]);
        if (!first.has(key)) first.set(key, ticks);
        last.set(key, ticks);
      } catch {
        // gone
      }
    }
  };
  const started = performance.now();
  sample();
  const timer = setInterval(sample, 500);
  return () => {
    clearInterval(timer);
    sample();
    let ticks = 0;
    for (const [k, v] of last) ticks += v - first.get(k);
    const seconds = ticks / CLK;
    const wall = (performance.now() - started) / 1000;
    return {
      otherCpuSeconds: round(seconds, 1),
      wallSeconds: round(wall),
      otherShareOfCapacity: round(seconds / (wall * cpus().length), 2),
    };
  };
}
/** Chromium browser processes (not their helpers) that this bench did not start. */
function foreignBrowsers() {
  const tree = children();
  const mine = ownTree(tree);
  return [...tree.values()].flat().filter((p) => {
    const args = cmdline(p).join(' ');
    return !mine.has(p) && /\/(chromium|chrome)( |$)/.test(args) && !/--type=/.test(args);
  }).length;
}

// ---------------------------------------------------------------- page instrumentation

/** Runs before any page script: records data-ready transitions and ledger report states. */
const INIT = `(() => {
  const b = (window.__bench = { readyAt: null, engineAt: null, prepared: null, transitions: [], states: [], fileChangeAt: null, errors: [] });
  const primary = () => document.querySelector('[data-app-root]') || document.getElementById('root') || document.documentElement;
  let last = null;
  let lastState = null;
  const mo = new MutationObserver((records) => {
    const now = performance.now();
    let ready = false, state = false;
    for (const r of records) {
      if (r.attributeName === 'data-ready' || r.attributeName === 'data-engine') ready = true;
      else if (r.attributeName === 'data-state') state = true;
    }
    // data-engine="ready": DuckDB holds the data (the bare page has no such attribute: its data-ready is its first query).
    const root = primary();
    if (b.engineAt === null && root.getAttribute('data-engine') === 'ready') b.engineAt = now;
    if (ready) {
      const v = primary().getAttribute('data-ready');
      if (v !== last) {
        last = v;
        b.transitions.push([now, v]);
        if (v === 'true' && b.readyAt === null) {
          b.readyAt = now;
          b.prepared = root.getAttribute('data-prepared');
          if (!root.hasAttribute('data-engine')) b.engineAt = now;
        }
      }
    }
    if (state) {
      const el = document.querySelector('[data-ledger-report],[data-baseline-report]');
      const s = el && el.getAttribute('data-state');
      if (s !== lastState) {
        lastState = s;
        b.states.push([now, s]);
      }
    }
  });
  mo.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready', 'data-engine', 'data-state'] });
  document.addEventListener('change', (e) => {
    if (e.target && e.target.type === 'file') b.fileChangeAt = performance.now();
  }, true);
  window.addEventListener('error', (e) => b.errors.push(String(e.message)));
})();`;

/**
 * In the page: makes one filter change and waits until data-ready is "true" and nothing in the app
 * changed for `quiet` ms. Returns the time from the change to the last change it caused.
 */
async function changeFilterInPage({ kind, value, quiet }) {
  const b = window.__bench;
  const root = document.querySelector('[data-app-root]');
  let lastMut = 0;
  const mo = new MutationObserver(() => {
    lastMut = performance.now();
  });
  mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
  const before = b.transitions.length;
  const start = performance.now();
  if (kind === 'year') {
    const s = document.querySelector('select[name="year"]');
    s.value = String(value);
    s.dispatchEvent(new Event('change', { bubbles: true }));
  } else {
    document.querySelector(`input[name="status"][value="${value}"]`).click();
  }
  await new Promise((resolve, reject) => {
    const tick = () => {
      const now = performance.now();
      const trans = b.transitions.slice(before).map((t) => t[0]);
      const lastChange = Math.max(start, lastMut, ...trans);
      if (root.getAttribute('data-ready') === 'true' && now - lastChange >= quiet) return resolve();
      if (now - start > 120000) return reject(new Error(`filter change ${kind}=${value} did not settle`));
      setTimeout(tick, 10);
    };
    setTimeout(tick, 10);
  });
  mo.disconnect();
  const trans = b.transitions.slice(before);
  const end = Math.max(lastMut, ...trans.filter((t) => t[1] === 'true').map((t) => t[0]));
  return { ms: Math.max(0, end - start), queried: trans.some((t) => t[1] === 'false') };
}

/** An element's attributes as an object (the pages report their results in data-* attributes). */
const attributesOf = (page, selector) =>
  page.$eval(selector, (el) => Object.fromEntries([...el.attributes].map((a) => [a.name, a.value])));

/**
 * Gives the ledger to the page's file input and waits until the page says done or error (the app
 * and the baseline page both record their states in window.__bench). Returns the wall-clock ms.
 */
async function dropLedger(page, file, polling) {
  const t = performance.now();
  await page.setInputFiles('input[type=file][data-ledger-input]', file);
  await page.waitForFunction(() => window.__bench.states.some((s) => s[1] === 'done' || s[1] === 'error'), null, {
    timeout: 600_000,
    polling,
  });
  return performance.now() - t;
}

// ---------------------------------------------------------------- set-up

/**
 * `npx vite build` into the bench's own folder (not dist/, which other work may be using), or with
 * --no-build a copy of the existing dist/.
 */
function build(outDir) {
  if (NO_BUILD) {
    if (!existsSync(path.join(DIST, 'index.html'))) throw new Error('--no-build: dist/index.html is missing');
    log('build skipped (--no-build): serving a copy of dist/');
    cpSync(DIST, outDir, { recursive: true });
    return;
  }
  log('building the app: npx vite build');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], {
    cwd: REPO,
    stdio: 'inherit',
  });
}

async function buildBare(outDir) {
  const { build: viteBuild } = await import('vite');
  await viteBuild({
    configFile: false,
    root: BENCH,
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', rolldownOptions: { input: path.join(BENCH, 'bare.html') } },
  });
}

function ensureLedgers() {
  const out = {};
  for (const n of SIZES) {
    const file = path.join(BENCH, `ledger-${n}.csv`);
    if (!existsSync(file)) {
      log(`generating ${path.relative(REPO, file)}`);
      execFileSync(
        process.execPath,
        [path.join(REPO, 'data', 'scripts', 'gen-ledger.mjs'), '--rows', String(n), '--year', String(LEDGER_YEAR), '--out', file],
        {
          stdio: 'inherit',
        },
      );
    }
    out[n] = { file, bytes: statSync(file).size };
  }
  return out;
}

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.csv', '.txt', '.json', '.map', '.webmanifest', '.svg', '.wasm']);
const gzCache = new Map();
/**
 * Bytes of the body the compressed server sends Chromium for a file: the build's .br copy where
 * there is one (Chromium accepts br), else gzip level 6 for compressible types, as serve.mjs does.
 */
function sentBytes(file) {
  if (!gzCache.has(file)) {
    const buf = readFileSync(file);
    gzCache.set(
      file,
      existsSync(`${file}.br`)
        ? statSync(`${file}.br`).size
        : COMPRESSIBLE.has(path.extname(file).toLowerCase())
          ? zlib.gzipSync(buf, { level: 6 }).length
          : buf.length,
    );
  }
  return gzCache.get(file);
}
/** Bytes of the same body gzipped (what a server without brotli sends). */
const gzipBytes = (file) => (existsSync(`${file}.gz`) ? statSync(`${file}.gz`).size : sentBytes(file));

// ---------------------------------------------------------------- main

async function main() {
  const tmp = mkdtempSync(path.join(tmpdir(), 'jiuye-bench-'));
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
  const APP = path.join(tmp, 'dashboard');
  build(APP);
  const assets = readdirSync(path.join(APP, 'assets'));
  const find = (re) => {
    const f = assets.find((a) => re.test(a));
    if (!f) throw new Error(`no ${re} in dist/assets`);
    return `../assets/${f}`;
  };
  const bareQuery = new URLSearchParams({
    ehWasm: find(/^duckdb-eh-.*\.wasm$/),
    ehWorker: find(/^duckdb-browser-eh\.worker-.*\.js$/),
    mvpWasm: find(/^duckdb-mvp-.*\.wasm$/),
    mvpWorker: find(/^duckdb-browser-mvp\.worker-.*\.js$/),
  }).toString();

  const ledgers = COLD_ONLY ? {} : ensureLedgers();
  const native = {};
  /** The same files and SQL outside the browser, as context: native DuckDB (2 threads) and Spark local[2]. */
  const engines = { nativeDuckdbMs: {}, spark: null };
  for (const n of COLD_ONLY ? [] : SIZES) {
    const t = performance.now();
    native[n] = await aggregateLedger({
      ledger: ledgers[n].file,
      indicators: path.join(REPO, 'data', 'indicators.csv'),
      areas: path.join(REPO, 'data', 'areas.csv'),
    });
    engines.nativeDuckdbMs[n] = round(performance.now() - t);
    log(`native DuckDB figures for ${n} rows: ${native[n].length} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  if (!NO_SPARK) {
    const n = 1_000_000;
    try {
      const s = await sparkOnLedger({ ledger: ledgers[n].file, out: path.join(tmp, 'spark'), log });
      engines.spark = {
        rows: n,
        version: s.version,
        wallMs: round(s.wallMs),
        jobMs: round(s.jobMs),
        diff: diffFigures(s.figures, native[n]),
      };
      log(`Spark ${s.version} local[2], ${n} rows: spark-submit ${round(s.wallMs)} ms, the job itself ${round(s.jobMs)} ms`);
    } catch (e) {
      engines.spark = { error: String(e?.message ?? e).split('\n')[0] };
      log(`Spark not run: ${engines.spark.error}`);
    }
  }

  const benchDir = path.join(APP, 'bench');
  await buildBare(benchDir);
  for (const f of ['baseline.html', 'baseline.mjs', 'papaparse-global.mjs']) cpSync(path.join(BENCH, f), path.join(benchDir, f));
  cpSync(path.join(REPO, 'node_modules', 'papaparse', 'papaparse.min.js'), path.join(benchDir, 'papaparse.min.js'));
  const server = await startServer({ root: tmp });
  // The same files with compression off, as a default nginx sends .wasm.
  const plainServer = await startServer({ root: tmp, compression: 'none' });
  const urlsOf = (s) => {
    const appUrl = `${s.url}dashboard/`;
    return {
      wall: `${appUrl}?view=wall&rotate=600`,
      analyst: `${appUrl}?view=analyst`,
      bare: `${appUrl}bench/bare.html?${bareQuery}`,
      baseline: `${appUrl}bench/baseline.html`,
    };
  };
  const urls = urlsOf(server);

  const chromiumVersion = execFileSync(launchOptions().executablePath, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
  const results = {
    date: null,
    machine: {
      cpus: cpus().length,
      node: process.version,
      chromium: chromiumVersion,
      loadavgAtStart: loadavg().map((x) => round(x, 2)),
    },
    runs: RUNS,
    ledgers: {},
    engines,
    checks: [],
    notes: [],
  };
  // Other work on the machine (e.g. a test suite in another shell) shares the CPU: measure how much.
  const stopSampler = foreignCpuSampler();
  const others = foreignBrowsers();
  if (others) results.notes.push(`${others} other Chromium browser(s) were running when the bench started`);
  let failed = false;
  if (engines.spark?.diff) {
    results.checks.push({
      what: `Spark local[2] = native DuckDB, 1000000 rows`,
      ok: engines.spark.diff.length === 0,
      diff: engines.spark.diff,
    });
    if (engines.spark.diff.length) failed = true;
  } else if (engines.spark?.error) results.notes.push(`Spark was not run: ${engines.spark.error}`);
  let marker = '';
  let browser = null;
  const launch = async () => {
    marker = `--bench-marker=${process.pid}-${Math.floor(performance.now())}`;
    const opts = launchOptions();
    return chromium.launch({ ...opts, args: [...opts.args, marker] });
  };
  const newPage = async (b) => {
    const context = await b.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'zh-CN' });
    await context.addInitScript(INIT);
    const page = await context.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !/areas\.geojson|404/.test(m.text())) problems.push(`console: ${m.text()}`);
    });
    return { context, page, problems };
  };
  const waitReady = async (page, timeout = 120_000) => {
    await page.waitForFunction(
      () => window.__bench?.readyAt != null || document.querySelector('[data-app-root][data-error], #root[data-error]') != null,
      null,
      {
        timeout,
        polling: 50,
      },
    );
    const error = await page.evaluate(() =>
      document.querySelector('[data-app-root][data-error], #root[data-error]')?.getAttribute('data-error'),
    );
    if (error) throw new Error(`${page.url()}: ${error}`);
  };
  /** Waits until the page is ready and has been for `quiet` ms; returns the last transition to true. */
  const settle = (page, quiet = QUIET_MS) =>
    page.evaluate(
      (q) =>
        new Promise((resolve) => {
          const b = window.__bench;
          const root = document.querySelector('[data-app-root]');
          const tick = () => {
            const lastT = b.transitions.length ? b.transitions[b.transitions.length - 1] : [0, null];
            if (root && root.getAttribute('data-ready') === 'true' && performance.now() - lastT[0] >= q) return resolve(lastT[0]);
            setTimeout(tick, 20);
          };
          tick();
        }),
      quiet,
    );

  try {
    browser = await launch();

    // ---- cold start and bytes ----
    if (!LEDGER_ONLY) {
      log('cold start: warm-up (disk cache, server)');
      for (const u of [urls, urlsOf(plainServer)])
        for (const v of ['bare', 'analyst', 'wall']) {
          const { context, page } = await newPage(browser);
          await page.goto(u[v]);
          await waitReady(page);
          await context.close();
        }
      // Bytes of a first load (to data-engine="ready" and a second more): the bodies the compressed server sent.
      const bytes = {};
      for (const v of ['bare', 'analyst', 'wall']) {
        const { context, page, problems } = await newPage(browser);
        const from = server.requests.length;
        await page.goto(urls[v]);
        await page.waitForFunction(() => window.__bench?.engineAt != null, null, { timeout: 120_000, polling: 50 });
        await page.waitForTimeout(1000); // late requests (e.g. optional areas.geojson) count too
        const by = { js: 0, worker: 0, wasm: 0, css: 0, html: 0, data: 0, other: 0, requests: 0, gzip: 0, identity: 0 };
        for (const r of server.requests.slice(from)) {
          if (r.status !== 200) continue;
          const file = path.join(tmp, ...decodeURIComponent(r.path).split('/').filter(Boolean));
          const target = existsSync(file) && statSync(file).isDirectory() ? path.join(file, 'index.html') : file;
          if (!existsSync(target)) continue;
          const n = sentBytes(target);
          const name = path.basename(target);
          const k = /\.worker-.*\.js$/.test(name)
            ? 'worker'
            : /\.m?js$/.test(name)
              ? 'js'
              : /\.wasm$/.test(name)
                ? 'wasm'
                : /\.css$/.test(name)
                  ? 'css'
                  : /\.html$/.test(name)
                    ? 'html'
                    : /\.(csv|geojson|arrow|parquet|json)$/.test(name)
                      ? 'data'
                      : 'other';
          by[k] += n;
          by.requests++;
          by.gzip += gzipBytes(target);
          by.identity += statSync(target).size;
          if (k === 'js') by.jsGzip = (by.jsGzip ?? 0) + gzipBytes(target);
          if (k === 'worker') by.workerGzip = (by.workerGzip ?? 0) + gzipBytes(target);
          if (k === 'wasm') {
            by.wasmGzip = (by.wasmGzip ?? 0) + gzipBytes(target);
            by.wasmPlain = (by.wasmPlain ?? 0) + statSync(target).size;
          }
        }
        bytes[v] = by;
        if (problems.length) results.notes.push(`${v}: ${problems.slice(0, 3).join(' | ')}`);
        await context.close();
      }
      results.bytes = bytes;
      const open = async (url, { throttled }) => {
        const { context, page, problems } = await newPage(browser);
        if (throttled) await throttle(page, context);
        await page.goto(url);
        context.on('close', () => problems.length && results.notes.push(`${url}: ${problems.slice(0, 3).join(' | ')}`));
        return { context, page };
      };
      results.coldStart = await measureColdStart({
        open,
        urls: (key) => (key === 'compressed' ? urls : urlsOf(plainServer)),
        runs: RUNS.cold,
        runsThrottled: RUNS.coldThrottled,
        log,
      });
      if (COLD_ONLY) results.notes.push('--cold-only: cold start and first-load bytes only');
    }

    // ---- filter changes on the bundled data ----
    const filterRun = async (page, n) => {
      const years = await page.$$eval('select[name="year"] option', (os) => os.map((o) => o.value));
      const statuses = await page.$$eval('input[name="status"]', (is) => is.map((i) => i.value));
      const out = [];
      for (let i = 0; i < n; i++) {
        const step =
          i % 2 === 0
            ? {
                kind: 'year',
                value: years[(years.indexOf(String(await page.$eval('select[name="year"]', (s) => s.value))) + 1) % years.length],
              }
            : { kind: 'status', value: statuses[Math.floor(i / 2) % statuses.length] };
        const r = await page.evaluate(changeFilterInPage, { ...step, quiet: QUIET_MS });
        out.push({ ...step, ...r });
      }
      return out;
    };
    const summarise = (list) => {
      const all = list.map((x) => x.ms);
      const q = list.filter((x) => x.queried).map((x) => x.ms);
      return {
        p50: round(median(all)),
        p95: round(pct(all, 95)),
        n: all.length,
        withQueries: { n: q.length, p50: round(median(q)), p95: round(pct(q, 95)) },
        year: {
          p95: round(
            pct(
              list.filter((x) => x.kind === 'year').map((x) => x.ms),
              95,
            ),
          ),
        },
        status: {
          p95: round(
            pct(
              list.filter((x) => x.kind === 'status').map((x) => x.ms),
              95,
            ),
          ),
        },
        changes: list.map((x) => `${x.kind}=${x.value}:${round(x.ms)}${x.queried ? 'q' : ''}`),
      };
    };
    if (!COLD_ONLY && !LEDGER_ONLY) {
      const { context, page } = await newPage(browser);
      await page.goto(urls.analyst);
      await waitReady(page);
      await settle(page, 1000);
      results.filterBundled = summarise(await filterRun(page, RUNS.filter));
      await context.close();
      log(`filter changes (bundled): p50 ${results.filterBundled.p50} ms, p95 ${results.filterBundled.p95} ms`);
    }

    // ---- ledgers: app and baseline ----
    await browser.close();
    browser = null;
    for (const n of COLD_ONLY ? [] : SIZES) {
      const L = ledgers[n];
      const runs = n >= 1_000_000 ? RUNS.ledgerLarge : RUNS.ledgerSmall;
      const app = [];
      const base = [];
      /** At 1M rows, one more app run in which the user gives the file without reaching for the input first. */
      const cold = [];
      for (let i = 0; i < runs + (n >= 1_000_000 ? 1 : 0); i++) {
        const coldRun = i === runs;
        // App: a fresh browser, so the renderer's peak memory is this run's.
        {
          const b = await launch();
          const { page, problems } = await newPage(b);
          const cdp = await page.context().newCDPSession(page);
          await cdp.send('Performance.enable');
          let heapPeak = 0;
          const sample = async () => {
            const { metrics } = await cdp.send('Performance.getMetrics').catch(() => ({ metrics: [] }));
            heapPeak = Math.max(heapPeak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
          };
          await page.goto(`${urls.analyst}&year=${LEDGER_YEAR}`);
          await waitReady(page);
          await settle(page, 500);
          if (!coldRun) {
            // As a user does: the pointer reaches the file input (which warms the engine up), then a
            // file is chosen in the browser's dialog, which takes at least a second.
            await page.hover('label.ledger-input');
            await page.waitForTimeout(1000);
          }
          const timer = setInterval(() => void sample(), 250);
          const wallMs = await dropLedger(page, L.file, 50);
          const report = await attributesOf(page, '[data-ledger-report]');
          if (report['data-state'] !== 'done')
            throw new Error(`ledger ${n}: ${await page.$eval('[data-ledger-report]', (el) => el.textContent)}`);
          await settle(page);
          clearInterval(timer);
          await sample();
          const t = await page.evaluate(() => {
            const b = window.__bench;
            const done = b.states.find((s) => s[1] === 'done')[0];
            const after = b.transitions.filter((x) => x[0] >= done);
            const lastTrue = after.filter((x) => x[1] === 'true').at(-1);
            return {
              change: b.fileChangeAt,
              done,
              judged: lastTrue ? lastTrue[0] : null,
              queried: after.some((x) => x[1] === 'false'),
            };
          });
          if (!t.queried)
            results.notes.push(
              `ledger ${n} run ${i + 1}: the page did not re-judge after the load (data-ready never went false)`,
            );
          const run = {
            ingestMs: t.done - t.change,
            wallClockMs: wallMs,
            judgementMs: t.judged == null ? null : t.judged - t.done,
            rows: Number(report['data-rows']),
            cases: Number(report['data-cases']),
            msRead: Number(report['data-ms-read']),
            msParse: Number(report['data-ms-parse']),
            msDerive: Number(report['data-ms-derive']),
            heapPeakMB: heapPeak / 1024 ** 2,
          };
          if (i === 0) {
            // Same numbers: the app's figures against native DuckDB.
            const has = await page.evaluate(() => typeof window.__dashboard?.ledgerFigures === 'function');
            if (has) {
              const figs = await page.evaluate(() => window.__dashboard.ledgerFigures());
              const d = diffFigures(figs, native[n]);
              results.checks.push({
                what: `app (DuckDB-WASM) = native DuckDB, ${n} rows`,
                ok: d.length === 0,
                figures: figs.length,
                diff: d,
              });
              if (d.length) failed = true;
            } else
              results.notes.push('window.__dashboard.ledgerFigures() is not exposed: the app’s own figures were not compared');
            if (n >= 1_000_000) {
              // Filter changes with the ledger loaded, then the judgement on a cold cache.
              results.filterLedger = summarise(await filterRun(page, RUNS.filter));
              log(`filter changes (1M ledger): p50 ${results.filterLedger.p50} ms, p95 ${results.filterLedger.p95} ms`);
            }
          }
          if (n >= 1_000_000 && !coldRun) {
            const other = LEDGER_YEAR - 1;
            await page.evaluate(changeFilterInPage, { kind: 'year', value: other, quiet: QUIET_MS });
            await page.waitForTimeout(CACHE_GONE_MS);
            const back = await page.evaluate(changeFilterInPage, { kind: 'year', value: LEDGER_YEAR, quiet: QUIET_MS });
            run.yearSwitchMs = back.ms;
            run.yearSwitchQueried = back.queried;
          }
          run.memory = rendererMemory(marker);
          if (problems.length) results.notes.push(`ledger ${n}: ${problems.slice(0, 3).join(' | ')}`);
          await b.close();
          (coldRun ? cold : app).push(run);
          log(
            `app ${n} rows ${coldRun ? 'without the warm-up' : `run ${i + 1}/${runs}`}: ingest ${round(run.ingestMs)} ms (read ${run.msRead}, parse ${run.msParse}, derive ${run.msDerive}), judgement ${round(run.judgementMs)} ms${run.yearSwitchMs != null ? `, year switch ${round(run.yearSwitchMs)} ms` : ''}, renderer peak ${round(run.memory?.peakMB)} MB`,
          );
        }
        // Baseline: PapaParse + JS in a page of a fresh browser.
        if (!coldRun) {
          const b = await launch();
          const { page } = await newPage(b);
          await page.goto(urls.baseline);
          await waitReady(page);
          const wallMs = await dropLedger(page, L.file, 100);
          const report = await attributesOf(page, '[data-baseline-report]');
          if (report['data-state'] !== 'done') throw new Error(`baseline ${n}: ${report['data-error']}`);
          const t = await page.evaluate(() => ({
            change: window.__bench.fileChangeAt,
            done: window.__bench.states.find((s) => s[1] === 'done')[0],
          }));
          const run = {
            ingestMs: t.done - t.change,
            wallClockMs: wallMs,
            rows: Number(report['data-rows']),
            cases: Number(report['data-cases']),
            msRead: Number(report['data-ms-read']),
            msParse: Number(report['data-ms-parse']),
            msDerive: Number(report['data-ms-derive']),
          };
          if (i === 0) {
            const figs = await page.evaluate(() => window.__baselineFigures);
            const d = diffFigures(figs, native[n]);
            results.checks.push({
              what: `baseline (PapaParse + JS) = native DuckDB, ${n} rows`,
              ok: d.length === 0,
              figures: figs.length,
              diff: d,
            });
            if (d.length) failed = true;
          }
          run.memory = rendererMemory(marker);
          await b.close();
          base.push(run);
          log(
            `baseline ${n} rows run ${i + 1}/${runs}: ${round(run.ingestMs)} ms (read ${run.msRead}, parse ${run.msParse}, derive ${run.msDerive}), renderer peak ${round(run.memory?.peakMB)} MB`,
          );
        }
      }
      // The engine's own floor: the bare page reads the file, registers it and scans it with
      // read_csv (typed as the app reads it), then stores it; no cleaning, nothing derived.
      const floor = [];
      for (let i = 0; i < runs; i++) {
        const b = await launch();
        const { page } = await newPage(b);
        await page.goto(urls.bare);
        await waitReady(page);
        await page.setInputFiles('input[type=file][data-ledger-input]', L.file);
        await page.waitForSelector('output[data-floor][data-state]', { timeout: 600_000, state: 'attached' });
        const f = await attributesOf(page, 'output[data-floor]');
        await b.close();
        if (f['data-state'] !== 'done') throw new Error(`floor ${n}: ${f['data-error']}`);
        const run = {
          rows: Number(f['data-rows']),
          msRead: Number(f['data-ms-read']),
          msRegister: Number(f['data-ms-register']),
          msScan: Number(f['data-ms-scan']),
          msStore: Number(f['data-ms-store']),
        };
        floor.push(run);
        log(
          `floor ${n} rows run ${i + 1}/${runs}: read ${round(run.msRead)}, register ${round(run.msRegister)}, read_csv scan ${round(run.msScan)}, read_csv into a table ${round(run.msStore)} ms`,
        );
      }
      const appRows = app[0].rows;
      const rowsOk = app.every((r) => r.rows === base[0].rows && r.cases === base[0].cases);
      results.checks.push({
        what: `rows and cases: app ${appRows}/${app[0].cases} = baseline ${base[0].rows}/${base[0].cases}, ${n} rows`,
        ok: rowsOk,
      });
      if (!rowsOk) failed = true;
      const med = (list, f) => round(median(list.map(f).filter((x) => x != null)));
      results.ledgers[n] = {
        file: path.relative(REPO, L.file),
        bytes: L.bytes,
        app: {
          ingestMs: med(app, (r) => r.ingestMs),
          rowsPerS: round(n / (median(app.map((r) => r.ingestMs)) / 1000)),
          msRead: med(app, (r) => r.msRead),
          msParse: med(app, (r) => r.msParse),
          msDerive: med(app, (r) => r.msDerive),
          coldIngestMs: med(cold, (r) => r.ingestMs),
          judgementMs: med(app, (r) => r.judgementMs),
          yearSwitchMs: med(app, (r) => r.yearSwitchMs),
          rendererPeakMB: med(app, (r) => r.memory?.peakMB),
          heapPeakMB: med(app, (r) => r.heapPeakMB),
          judgementRuns: app.map((r) => round(r.judgementMs)),
          runs: app.map((r) => ({
            ...r,
            ingestMs: round(r.ingestMs),
            wallClockMs: round(r.wallClockMs),
            judgementMs: round(r.judgementMs),
            yearSwitchMs: round(r.yearSwitchMs),
            heapPeakMB: round(r.heapPeakMB),
          })),
        },
        floor: {
          rows: floor[0]?.rows,
          msRead: med(floor, (r) => r.msRead),
          msRegister: med(floor, (r) => r.msRegister),
          msScan: med(floor, (r) => r.msScan),
          msStore: med(floor, (r) => r.msStore),
          /** read + register + scan: what any DuckDB-WASM ingest of this file costs before cleaning or deriving. */
          scanMs: med(floor, (r) => r.msRead + r.msRegister + r.msScan),
          runs: floor,
        },
        baseline: {
          ingestMs: med(base, (r) => r.ingestMs),
          rowsPerS: round(n / (median(base.map((r) => r.ingestMs)) / 1000)),
          msRead: med(base, (r) => r.msRead),
          msParse: med(base, (r) => r.msParse),
          msDerive: med(base, (r) => r.msDerive),
          rendererPeakMB: med(base, (r) => r.memory?.peakMB),
          runs: base.map((r) => ({ ...r, ingestMs: round(r.ingestMs), wallClockMs: round(r.wallClockMs) })),
        },
      };
    }
  } finally {
    await browser?.close().catch(() => undefined);
    await server.close().catch(() => undefined);
    await plainServer.close().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }

  // ---------------------------------------------------------------- report
  const c = results.coldStart;
  const L1 = results.ledgers[1_000_000];
  const L0 = results.ledgers[100_000];
  const kb = (x) => round(x / 1024, 1);
  const jsAll = LEDGER_ONLY ? 0 : results.bytes.analyst.jsGzip + results.bytes.analyst.workerGzip;
  const sum = (by) => by.js + by.worker + by.wasm + by.css + by.html + by.data + by.other;
  const { wasmGzip, wasmPlain } = LEDGER_ONLY ? {} : results.bytes.analyst;
  const coldGoals = [];
  if (!LEDGER_ONLY) {
    const link = (m) => c[MODES.find(([name]) => name.startsWith(m))[0]];
    const up = link('50 Mbps / 20 ms, uncompressed');
    const cp = link('50 Mbps / 20 ms, compressed');
    const lc = link('loopback, compressed');
    const lu = link('loopback, uncompressed');
    for (const v of ['analyst', 'wall'])
      coldGoals.push([
        `data-ready, ${v}, 50 Mbps uncompressed (ms)`,
        up[v].ready,
        null,
        up[v].ready <= 1500,
        `≤ 1500 ms (bare boot ${up.bare} ms)`,
      ]);
    for (const [name, m] of [
      ['loopback compressed', lc],
      ['loopback uncompressed', lu],
    ])
      for (const v of ['analyst', 'wall'])
        coldGoals.push([
          `data-ready ÷ bare boot, ${v}, ${name}`,
          round(m[v].ready / m.bare, 2),
          null,
          m[v].ready / m.bare <= 0.5,
          `≤ 0.5 × bare (${m.bare} ms)`,
        ]);
    for (const v of ['analyst', 'wall'])
      coldGoals.push([
        `data-engine ÷ bare boot, ${v}, 50 Mbps compressed`,
        round(cp[v].engine / cp.bare, 2),
        null,
        cp[v].engine / cp.bare <= 1.3,
        `≤ 1.3 × bare (${cp.bare} ms)`,
      ]);
    for (const [name, m] of Object.entries(c))
      coldGoals.push([
        `  … ${name}: bare / analyst ready, engine / wall ready, engine (ms)`,
        `${m.bare} / ${m.analyst.ready}, ${m.analyst.engine} / ${m.wall.ready}, ${m.wall.engine}`,
        null,
        null,
        'info',
      ]);
  }
  const goals = [
    ...coldGoals,
    ...(COLD_ONLY
      ? []
      : [
          ...(LEDGER_ONLY
            ? []
            : [
                [
                  'filter change p95, bundled (ms)',
                  results.filterBundled.p95,
                  null,
                  results.filterBundled.p95 <= 100,
                  '≤ 100 ms',
                ],
              ]),
          [
            'filter change p95, 1M ledger (ms)',
            results.filterLedger?.p95 ?? null,
            null,
            (results.filterLedger?.p95 ?? Infinity) <= 250,
            '≤ 250 ms',
          ],
          [
            '  … changes that ran queries (p50 / p95, ms), 1M',
            `${results.filterLedger?.withQueries.p50} / ${results.filterLedger?.withQueries.p95}`,
            null,
            null,
            'info',
          ],
          ['ledger ingest 100k (ms)', L0.app.ingestMs, L0.baseline.ingestMs, null, 'info'],
          ['ledger ingest 1M (ms)', L1.app.ingestMs, L1.baseline.ingestMs, L1.app.ingestMs <= 2000, '≤ 2000 ms'],
          [
            '  … the same without the warm-up (the file given with no pointer on the input first) (ms)',
            L1.app.coldIngestMs,
            null,
            null,
            'info',
          ],
          ['  … DuckDB-WASM floor 1M: read + register + read_csv scan (ms)', L1.floor.scanMs, null, null, 'info'],
          ['  … DuckDB-WASM floor 1M: read_csv into a table (ms)', L1.floor.msStore, null, null, 'info'],
          ['  … native DuckDB, 2 threads, same file and SQL, 1M (ms)', engines.nativeDuckdbMs[1_000_000], null, null, 'info'],
          [
            `  … Spark ${engines.spark?.version ?? ''} local[2], same SQL, 1M: spark-submit / the job (ms)`,
            engines.spark?.wallMs != null ? `${engines.spark.wallMs} / ${engines.spark.jobMs}` : null,
            null,
            null,
            'info',
          ],
          [
            'ledger ingest 1M speed-up over baseline',
            round(L1.baseline.ingestMs / L1.app.ingestMs, 2),
            null,
            L1.baseline.ingestMs / L1.app.ingestMs >= 2,
            '≥ 2 ×',
          ],
          ['judgement after 1M load (ms)', L1.app.judgementMs, null, L1.app.judgementMs <= 150, '≤ 150 ms'],
          ['year switch to ledger year, cold cache, 1M (ms)', L1.app.yearSwitchMs, null, L1.app.yearSwitchMs <= 150, '≤ 150 ms'],
          [
            'renderer peak memory at 1M (MB)',
            L1.app.rendererPeakMB,
            L1.baseline.rendererPeakMB,
            L1.app.rendererPeakMB <= 800,
            '≤ 800 MB',
          ],
        ]),
    ...(LEDGER_ONLY
      ? []
      : [
          ['JS first load incl. DuckDB worker (KB gzip)', kb(jsAll), null, jsAll <= 350 * 1024, '≤ 350 KB'],
          [
            'JS first load, app code only, analyst / wall (KB gzip)',
            `${kb(results.bytes.analyst.jsGzip)} / ${kb(results.bytes.wall.jsGzip)}`,
            null,
            Math.max(results.bytes.analyst.jsGzip, results.bytes.wall.jsGzip) <= 350 * 1024,
            '≤ 350 KB',
          ],
          [
            '  … the same as brotli, analyst / wall (KB)',
            `${kb(results.bytes.analyst.js)} / ${kb(results.bytes.wall.js)}`,
            null,
            null,
            'info',
          ],
          [
            'wasm first load, brotli / gzip / none (KB)',
            `${kb(results.bytes.analyst.wasm)} / ${kb(wasmGzip)} / ${kb(wasmPlain)}`,
            null,
            null,
            'info',
          ],
          [
            'first load to data-engine, all bodies, brotli / gzip / none (KB)',
            `${kb(sum(results.bytes.analyst))} / ${kb(results.bytes.analyst.gzip)} / ${kb(results.bytes.analyst.identity)}`,
            null,
            null,
            'info',
          ],
        ]),
    ...(COLD_ONLY ? [] : [['main-thread JS heap peak at 1M (MB)', L1.app.heapPeakMB, null, null, 'info']]),
  ];
  results.goals = goals.map(([metric, app, baseline, met, goal]) => ({
    metric,
    app,
    baseline,
    goal,
    met: app == null ? null : met,
  }));
  results.benchSeconds = round((performance.now() - t0) / 1000);
  results.machine.loadavgAtEnd = loadavg().map((x) => round(x, 2));
  results.machine.duringMeasurements = stopSampler();
  if (results.machine.duringMeasurements.otherShareOfCapacity > 0.05)
    results.notes.push(
      `other processes used at least ${round(results.machine.duringMeasurements.otherShareOfCapacity * 100)} % of the machine's CPU while the bench measured: timings are pessimistic`,
    );
  results.date = new Date().toISOString();
  writeFileSync(path.join(BENCH, 'results.json'), JSON.stringify(results, null, 2) + '\n');

  const rows = [['metric', 'app', 'baseline', 'baseline ÷ app', 'goal', '']];
  for (const g of results.goals) {
    const ratio = g.app != null && g.baseline != null && g.app !== 0 ? `${round(g.baseline / g.app, 2)}×` : '';
    rows.push([
      g.metric,
      String(g.app ?? '—'),
      String(g.baseline ?? ''),
      ratio,
      g.goal,
      g.met == null ? (g.goal === 'info' ? '' : 'n/a') : g.met ? 'met' : 'MISSED',
    ]);
  }
  if (!COLD_ONLY)
    rows.push([
      'ingest rows/s 100k | 1M (app)',
      `${L0.app.rowsPerS} | ${L1.app.rowsPerS}`,
      `${L0.baseline.rowsPerS} | ${L1.baseline.rowsPerS}`,
      '',
      '',
      '',
    ]);
  if (!COLD_ONLY)
    rows.push([
      'app 1M read/parse/derive (ms)',
      `${L1.app.msRead}/${L1.app.msParse}/${L1.app.msDerive}`,
      `${L1.baseline.msRead}/${L1.baseline.msParse}/${L1.baseline.msDerive}`,
      '',
      '',
      '',
    ]);
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log('');
  for (const r of rows) console.log(r.map((x, i) => x.padEnd(w[i])).join('  '));
  console.log('');
  for (const ch of results.checks)
    console.log(`${ch.ok ? 'ok  ' : 'FAIL'} ${ch.what}${ch.diff?.length ? `\n       ${ch.diff.join('\n       ')}` : ''}`);
  for (const n of results.notes) console.log(`note: ${n}`);
  console.log(`\nbench took ${results.benchSeconds} s · results in tests/bench/results.json`);
  if (failed) {
    console.error('FAILED: figures differ');
    process.exitCode = 1;
  }
}

main().catch((e) => {
  console.error(e?.stack ?? String(e));
  process.exit(1);
});
