/**
 * The entry: start DuckDB, then load the app. DuckDB's boot (fetching and compiling its wasm) is the
 * floor of the page's time to data-ready, so it starts before React, the charts or the views have
 * even been downloaded; they arrive as chunks while it boots.
 */
import { getEngine } from './data/db';
import { registerOffline } from './app/offline';

void getEngine().catch(() => undefined);
// The wall screen is the one left running unattended: it gets the offline cache.
if (new URLSearchParams(window.location.search).get('view') === 'wall') registerOffline();
void import('./mount');
