import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Content-Security-Policy the build writes into dist/_headers, so browser tests serve the app
 * under exactly the policy a deployment uses (any violation is a console error, and fails the test).
 */
export function builtCspHeaders(distDir: string): Record<string, string> {
  const text = readFileSync(path.join(distDir, '_headers'), 'utf8');
  const line = text.split('\n').find((l) => l.trim().startsWith('Content-Security-Policy:'));
  if (!line) throw new Error(`${distDir}/_headers has no Content-Security-Policy`);
  return { 'Content-Security-Policy': line.split('Content-Security-Policy:')[1]!.trim() };
}
