/** See bare.html: boot DuckDB-WASM exactly as src/data/db.ts does, nothing else. */
import * as duckdb from '@duckdb/duckdb-wasm';

const params = new URLSearchParams(location.search);
const absolute = (url) => new URL(url, document.baseURI).href;
const BUNDLES = {
  mvp: { mainModule: params.get('mvpWasm'), mainWorker: params.get('mvpWorker') },
  eh: { mainModule: params.get('ehWasm'), mainWorker: params.get('ehWorker') },
};

async function boot() {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(absolute(bundle.mainWorker));
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(absolute(bundle.mainModule));
  await db.open({ query: { castBigIntToDouble: true, castTimestampToDate: true, castDecimalToDouble: true } });
  const conn = await db.connect();
  await conn.query(`SET autoinstall_known_extensions = false; SET autoload_known_extensions = false;`);
  await conn.query('SELECT 1 AS ok');
  window.__bare = { db, conn, bundle: bundle.mainModule };
  document.getElementById('root').setAttribute('data-ready', 'true');
}

boot().catch((e) => document.getElementById('root').setAttribute('data-error', String(e?.message ?? e)));

/** The ingest floor: read the file, register it, scan it with read_csv (typed as the app reads it), then store it. */
document.querySelector('input[data-ledger-input]').addEventListener('change', async (e) => {
  const out = document.querySelector('output[data-floor]');
  try {
    const { db, conn } = window.__bare;
    const file = e.target.files[0];
    const t0 = performance.now();
    const bytes = new Uint8Array(await file.arrayBuffer());
    const t1 = performance.now();
    // The header first: registering hands the buffer to the worker.
    const header = new TextDecoder().decode(bytes.subarray(0, 4096)).split(/\r?\n/)[0].split(',');
    await db.registerFileBuffer('floor.csv', bytes);
    const t2 = performance.now();
    const dates = new Set(['registered_on', 'employed_on', 'exited_on']);
    const cols = header.map((h, i) => `'c${i}': '${dates.has(h.trim()) ? 'DATE' : 'VARCHAR'}'`).join(', ');
    const csv = `read_csv('floor.csv', auto_detect = false, header = true, delim = ',', quote = '"', escape = '"', columns = {${cols}}, dateformat = '%Y-%m-%d', store_rejects = true, strict_mode = false, null_padding = true)`;
    const scan = await conn.query(`SELECT count(*) AS n FROM ${csv}`);
    const t3 = performance.now();
    // Stored as the app stores a ledger's rows: without the source text.
    const source = header.findIndex((h) => h.trim() === 'source');
    await conn.query(`CREATE OR REPLACE TEMP TABLE floor_rows AS SELECT *${source >= 0 ? ` EXCLUDE (c${source})` : ''} FROM ${csv}`);
    const t4 = performance.now();
    await conn.query(`DROP TABLE floor_rows`);
    await db.dropFile('floor.csv');
    out.setAttribute('data-rows', String(scan.toArray()[0].n));
    out.setAttribute('data-ms-read', String(t1 - t0));
    out.setAttribute('data-ms-register', String(t2 - t1));
    out.setAttribute('data-ms-scan', String(t3 - t2));
    out.setAttribute('data-ms-store', String(t4 - t3));
    out.setAttribute('data-state', 'done');
  } catch (err) {
    out.setAttribute('data-error', String(err?.message ?? err));
    out.setAttribute('data-state', 'error');
  }
});
