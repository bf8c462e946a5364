/**
 * The built app as a deployment serves it, for browser tests: dist/ copied into a temporary folder
 * under each of `apps` (sub-paths of the server's `base`), anything else the test needs added by
 * `prepare`, served with the CSP that dist/_headers sets (off only for axe, which injects a script),
 * and one Chromium.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { launchOptions } from '../tools/ensure-chromium.mjs';
import { startServer, type RunningServer } from '../tools/serve.mjs';
import { builtCspHeaders } from './csp';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const DIST = path.join(REPO, 'dist');

export interface Staged {
  tmp: string;
  server: RunningServer;
  browser: Browser;
}

export async function stageBuiltApp(opts: {
  prefix: string;
  apps?: string[];
  base?: string;
  csp?: boolean;
  prepare?: (tmp: string) => void | Promise<void>;
}): Promise<Staged> {
  if (!existsSync(path.join(DIST, 'index.html')))
    throw new Error(`dist/index.html is missing: build the app first (\`npm run build\`; \`npm test\` builds before the browser tests). Looked in ${DIST}`);
  const tmp = mkdtempSync(path.join(tmpdir(), opts.prefix));
  for (const app of opts.apps ?? ['app']) cpSync(DIST, path.join(tmp, app), { recursive: true });
  await opts.prepare?.(tmp);
  const server = await startServer({ root: tmp, base: opts.base ?? '/', headers: opts.csp === false ? {} : builtCspHeaders(DIST) });
  const browser = await chromium.launch(launchOptions());
  return { tmp, server, browser };
}

/** Closes what stageBuiltApp opened (whatever of it is still open) and removes the folder. */
export async function unstage(s: { tmp?: string; server?: RunningServer | null; browser?: Browser | null }): Promise<void> {
  await s.browser?.close().catch(() => undefined);
  await s.server?.close().catch(() => undefined);
  if (s.tmp) rmSync(s.tmp, { recursive: true, force: true });
}
