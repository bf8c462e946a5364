#!/usr/bin/env node
// `npm test`: every check in order, stopping at the first failure.
//
// Ends with a single `N passed, N failed` line so a human or CI log reader sees
// the outcome at a glance. Vitest steps contribute their individual test
// counts (read from a JSON report); typecheck, lint and build count as one
// check each. The line is printed even when a step fails, with the counts
// known so far, and the exit code is non-zero whenever anything failed.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** @type {{ script: string, vitest?: boolean }[]} */
const STEPS = [
  { script: 'typecheck' },
  { script: 'lint' },
  { script: 'test:unit', vitest: true },
  { script: 'build' },
  { script: 'test:e2e', vitest: true },
];

const tmp = mkdtempSync(path.join(tmpdir(), 'run-all-'));
let passed = 0;
let failed = 0;

// Ctrl-C reaches the child too (same process group); stay alive long enough
// to report what was known instead of dying without the summary line.
let interrupted = false;
process.on('SIGINT', () => {
  interrupted = true;
});

/** Run `npm run <script> -- ...extra`, streaming output. Resolves to success. */
function npmRun(script, extra) {
  const args = ['run', script, ...(extra.length ? ['--', ...extra] : [])];
  return new Promise((resolve) => {
    const child = spawn('npm', args, { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', (err) => {
      console.error(`Could not start npm: ${err.message}`);
      resolve(false);
    });
    child.on('close', (code) => resolve(code === 0));
  });
}

/** Test counts from a vitest JSON report, or null if it was not written. */
function readVitestReport(file) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    return { passed: report.numPassedTests ?? 0, failed: report.numFailedTests ?? 0 };
  } catch {
    return null;
  }
}

async function main() {
  for (const [i, step] of STEPS.entries()) {
    console.log(`\n▶ [${i + 1}/${STEPS.length}] npm run ${step.script}`);
    const started = Date.now();

    let ok;
    if (step.vitest) {
      // Absolute path: vitest resolves outputFile against its own root.
      const reportFile = path.join(tmp, `${step.script.replace(/\W/g, '_')}.json`);
      ok = await npmRun(step.script, [
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${reportFile}`,
      ]);
      const counts = readVitestReport(reportFile);
      passed += counts?.passed ?? 0;
      failed += counts?.failed ?? 0;
      // A step can fail without any failing test (collection error, no tests
      // found, Chromium missing before vitest even starts): count it once.
      if (!ok && !counts?.failed) failed += 1;
    } else {
      ok = await npmRun(step.script, []);
      if (ok) passed += 1;
      else failed += 1;
    }

    const secs = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${ok ? '✔' : '✘'} npm run ${step.script} (${secs}s)`);
    if (!ok || interrupted) {
      if (ok) failed += 1; // interrupted after a passing step: still not a full run
      const skipped = STEPS.slice(i + 1).map((s) => s.script);
      if (skipped.length) console.log(`Stopped; not run: ${skipped.join(', ')}`);
      break;
    }
  }
}

try {
  await main();
} catch (err) {
  console.error(err?.stack ?? String(err));
  failed += 1;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
