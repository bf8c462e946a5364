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
