#!/usr/bin/env node
// Make sure a system Chromium (and CJK fonts) exist before the browser tests.
//
// playwright-core never downloads browsers, so the e2e suite drives the
// distribution's Chromium. On a fresh CI machine (Debian, root) we install it;
// anywhere else we fail loudly with the command to run — a browser suite that
// silently skips would report green without having tested anything.
// The dashboard is Chinese: without CJK fonts text renders as tofu boxes,
// which breaks screenshots and layout measurements, hence fonts-noto-cjk.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const CJK_FONT_FILE = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';
const PACKAGES = ['chromium', 'fonts-noto-cjk'];

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Path of a usable Chromium executable, or null. CHROMIUM_PATH wins. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  for (const file of [fromEnv, ...CANDIDATES]) {
    if (file && isExecutable(file)) return file;
  }
  return null;
}

/** Options for playwright-core's `chromium.launch()`. */
export function launchOptions() {
  const executablePath = findChromium();
  if (!executablePath) {
    // Throw here rather than let playwright fail with a less helpful message.
    throw new Error(`Chromium not found. ${installHint(PACKAGES)} (or set CHROMIUM_PATH)`);
  }
  return {
    executablePath,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox', // running as root in CI/containers
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      // Keep the browser from phoning home: tests must only talk to our server.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}

export function hasCjkFonts() {
  if (existsSync(CJK_FONT_FILE)) return true;
  const res = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return res.status === 0 && res.stdout.trim() !== '';
}

const isDebian = () => existsSync('/etc/debian_version');
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const canAptInstall = () => isDebian() && isRoot();

function installHint(packages) {
  const list = packages.join(' ');
  if (isDebian()) return `Install it with: ${isRoot() ? '' : 'sudo '}apt-get install -y ${list}`;
  return `Install Chromium (and Noto CJK fonts) with your package manager: ${list}`;
}

/** apt-get update && install, output streamed. Returns true on success. */
function aptInstall(packages) {
  console.error(`Installing ${packages.join(' ')} with apt-get…`);
  const res = spawnSync('sh', ['-c', `apt-get update && apt-get install -y ${packages.join(' ')}`], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return res.status === 0;
}

function chromiumVersion(executable) {
  const res = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 15_000 });
  return res.status === 0 ? res.stdout.trim() : 'version unknown';
}

function main() {
  let chromium = findChromium();
  if (!chromium && canAptInstall()) {
    aptInstall(PACKAGES);
    chromium = findChromium();
  }
  if (!chromium) {
    console.error(`Chromium not found. ${installHint(PACKAGES)}`);
    process.exit(1);
  }

  if (!hasCjkFonts()) {
    if (canAptInstall()) aptInstall(['fonts-noto-cjk']);
    if (!hasCjkFonts()) {
      // Not fatal: the tests can still run, but Chinese text will not render.
      console.warn(`Warning: no CJK fonts found; Chinese text will render as boxes. ${installHint(['fonts-noto-cjk'])}`);
    }
  }

  console.log(`Chromium: ${chromium} (${chromiumVersion(chromium)})`);
}

const isCli = (() => {
  try {
    return realpathSync(process.argv[1] ?? '') === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();

if (isCli) main();
