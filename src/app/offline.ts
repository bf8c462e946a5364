/**
 * Registers the service worker (public/sw.js) where the browser allows one (HTTPS or localhost),
 * and hands it the URLs this first visit loaded (once the page is ready: its code comes in chunks), so a reboot without network still shows the
 * last data. Plain-HTTP intranets get no service worker: the README documents cache headers instead.
 */
import { engineAssetUrls } from '../data/db';

/**
 * Resolves once the page first says data-ready="true" with DuckDB holding the data: by then every
 * chunk the view needs has loaded, and caching (which fetches the wasm once more) no longer competes
 * with DuckDB's own download on a slow link.
 */
function firstReady(): Promise<void> {
  const ready = () => {
    const root = document.querySelector('[data-app-root]');
    return root?.getAttribute('data-ready') === 'true' && root.getAttribute('data-engine') === 'ready';
  };
  return new Promise((resolve) => {
    if (ready()) return resolve();
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { subtree: true, attributes: true, attributeFilter: ['data-ready', 'data-engine'] });
  });
}

export function registerOffline(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('./sw.js')
      .then(async () => {
        const reg = await navigator.serviceWorker.ready;
        // The views, chart code and data arrive as separate files, some after 'load'.
        await firstReady();
        const urls = performance
          .getEntriesByType('resource')
          .map((e) => e.name)
          .concat(window.location.href.split('?')[0]!, new URL('./', document.baseURI).href, ...(await engineAssetUrls()));
        navigator.serviceWorker.addEventListener('message', (e) => {
          if ((e.data as { type?: string })?.type === 'cached') document.documentElement.setAttribute('data-offline-ready', 'true');
        });
        reg.active?.postMessage({ type: 'cache-urls', urls: [...new Set(urls)] });
      })
      .catch(() => undefined);
  });
}
