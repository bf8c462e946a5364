/**
 * Trino's SQL parser (trino-parser 432 and what it needs, from Maven Central, checked against pinned
 * SHA-256 sums) in .venv-spark/trino-parser-432/: Trino itself cannot run here, so `npm run test:spark`
 * holds the shared SQL files to Trino's grammar instead. Needs a JDK (javac), as Java 17 from Debian has.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VENV_ROOT } from './venv.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MAVEN = 'https://repo1.maven.org/maven2';
export const TRINO_PARSER_VERSION = '432';
const JARS = [
  ['io/trino/trino-parser/432/trino-parser-432.jar', 'b56dbaee7e882ae886418c1d7a39c1bf44e531ad128e13c1e9330b91200b1f5d'],
  ['io/trino/trino-grammar/432/trino-grammar-432.jar', 'd8a77b377660e951f613541ddad4c26e515e943e7b056affde4d5ef5464e9a17'],
  [
    'org/antlr/antlr4-runtime/4.13.1/antlr4-runtime-4.13.1.jar',
    '54665d2838cc66458343468efc539e454fc95b46a8a04b13c6ac43fc9be63505',
  ],
  ['com/google/guava/guava/32.1.2-jre/guava-32.1.2-jre.jar', 'bc65dea7cfd9e4dacf8419d8af0e741655857d27885bb35d943d7187fc3a8fce'],
  [
    'com/google/guava/failureaccess/1.0.1/failureaccess-1.0.1.jar',
    'a171ee4c734dd2da837e4b16be9df4661afab72a41adaf31eb84dfdaf936ca26',
  ],
];

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The parser's class path, downloading what is missing. */
export async function ensureTrinoParser(log = console.log) {
  const dir = path.join(VENV_ROOT, `trino-parser-${TRINO_PARSER_VERSION}`);
  mkdirSync(dir, { recursive: true });
  const jars = [];
  for (const [at, sum] of JARS) {
    const file = path.join(dir, path.basename(at));
    if (!existsSync(file) || sha256(readFileSync(file)) !== sum) {
      log(`downloading ${path.basename(at)} (Maven Central)`);
      const res = await fetch(`${MAVEN}/${at}`);
      if (!res.ok) throw new Error(`${MAVEN}/${at}: HTTP ${res.status}`);
      const bytes = Buffer.from(await res.arrayBuffer());
      if (sha256(bytes) !== sum) throw new Error(`${path.basename(at)}: SHA-256 is not the pinned one`);
      writeFileSync(file, bytes);
    }
    jars.push(file);
  }
  return jars.join(path.delimiter);
}

/** Parses each file with Trino's grammar; the status and output of the JDK's single-file launcher. */
export function parseWithTrino(classPath, files) {
  const r = spawnSync('java', ['-cp', classPath, path.join(HERE, 'ParseWithTrino.java'), ...files], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}`.trim() };
}
