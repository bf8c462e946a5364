/**
 * Cold start, as `npm run bench` measures it: the wall, the analyst view and the bare DuckDB boot
 * (tests/bench/bare.html), each in a new browser context (no cache, no IndexedDB), served
 * compressed (the build's .br/.gz copies, as nginx's brotli_static/gzip_static send them) and
 * uncompressed (compression off, as a default nginx sends .wasm), on loopback and over an emulated
 * 50 Mbps link with 20 ms latency (Chrome DevTools Protocol network emulation; it also throttles
 * what DuckDB's worker fetches). For each page: the time from navigation to data-ready="true" and
 * to data-engine="ready" (for the bare page both are its first query), in the page's own clock.
 */

/** The emulated office link. */
export const LINK = { latencyMs: 20, mbps: 50 };

/** The ways the bench serves and connects: [name, server key, throttled]. */
export const MODES = [
  ['loopback, compressed', 'compressed', false],
  ['loopback, uncompressed', 'uncompressed', false],
  ['50 Mbps / 20 ms, compressed', 'compressed', true],
  ['50 Mbps / 20 ms, uncompressed', 'uncompressed', true],
];

const median = (xs) => {
  const s = [...xs].filter((x) => x != null).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const round = (x) => (x == null ? null : Math.round(x));

/**
 * Measures every mode. `open(url, { throttled })` opens a fresh page (its context carries the
 * bench's init script, which records readyAt and engineAt) and returns { page, context };
 * `urls(serverKey)` gives { wall, analyst, bare } on that server.
 */
export async function measureColdStart({ open, urls, runs, runsThrottled = runs, log = () => undefined }) {
  const out = {};
  for (const [mode, serverKey, throttled] of MODES) {
    const u = urls(serverKey);
    const samples = { bare: [], analyst: [], wall: [] };
    const n = throttled ? runsThrottled : runs;
    for (let i = 0; i < n; i++) {
      for (const view of ['bare', 'analyst', 'wall']) {
        const { page, context } = await open(u[view], { throttled });
        await page.waitForFunction(
          () =>
            (window.__bench?.readyAt != null && window.__bench?.engineAt != null) ||
            document.querySelector('[data-app-root][data-error], #root[data-error]') != null,
          null,
          { timeout: 180_000, polling: 50 },
        );
        const error = await page.evaluate(() => document.querySelector('[data-app-root][data-error], #root[data-error]')?.getAttribute('data-error'));
        if (error) throw new Error(`${u[view]}: ${error}`);
        const t = await page.evaluate(() => ({ ready: window.__bench.readyAt, engine: window.__bench.engineAt, prepared: window.__bench.prepared }));
        samples[view].push(t);
        await context.close();
      }
      log(
        `${mode} run ${i + 1}/${n}: bare ${round(samples.bare.at(-1).engine)} ms; analyst ready ${round(samples.analyst.at(-1).ready)} / engine ${round(samples.analyst.at(-1).engine)} ms; wall ready ${round(samples.wall.at(-1).ready)} / engine ${round(samples.wall.at(-1).engine)} ms`,
      );
    }
    const summary = (list) => ({
      ready: round(median(list.map((x) => x.ready))),
      engine: round(median(list.map((x) => x.engine))),
      runs: list.map((x) => [round(x.ready), round(x.engine)]),
      prepared: [...new Set(list.map((x) => x.prepared ?? 'none'))],
    });
    out[mode] = { bare: round(median(samples.bare.map((x) => x.engine))), analyst: summary(samples.analyst), wall: summary(samples.wall) };
  }
  return out;
}

/** Applies the emulated link to a page (CDP: page and the workers it starts). */
export async function throttle(page, context) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LINK.latencyMs,
    downloadThroughput: (LINK.mbps * 1e6) / 8,
    uploadThroughput: (LINK.mbps * 1e6) / 8,
  });
  return cdp;
}
