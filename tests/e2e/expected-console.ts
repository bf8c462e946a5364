import type { ConsoleMessage } from 'playwright-core';

/**
 * The one console error a correct page may log: the browser's own "Failed to load resource" for
 * the optional areas.geojson probe (a data folder without licensed boundaries answers 404, and the
 * app then draws the tile map). Anything else is a failure.
 */
export function isExpectedConsoleError(msg: ConsoleMessage): boolean {
  return /Failed to load resource: .*404/.test(msg.text()) && /\/areas\.geojson(\?|$)/.test(msg.location().url ?? '');
}
