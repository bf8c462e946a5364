/**
 * Registers the service worker (public/sw.js) where the browser allows one (HTTPS or localhost),
 * and hands it the URLs this first visit loaded, so a reboot without network still shows the
 * last data. Plain-HTTP intranets get no service worker: the README documents cache headers instead.
 */
import { engineAssetUrls } from '../data/db';

export function registerOffline(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker
      .register('./sw.js')
      .then(async () => {
        const reg = await navigator.serviceWorker.ready;
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
