/**
 * Pinned PySpark releases in virtual environments inside the repository (.venv-spark/<version>,
 * ignored by git), made on first use so that a fresh clone needs only Python 3.11+, Java 17 and
 * PyPI: `npm run test:spark` and the bench's Spark run both come through here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const VENV_ROOT = path.join(REPO, '.venv-spark');

/**
 * The releases CI tests: the last 3.5 (the line most platforms run) and the newest 4.x (ANSI mode on by
 * default). PySpark from PyPI carries its Spark; py4j is pinned too. SPARK_VERSIONS=3.5.9,4.0.5 tests others.
 */
export const PINNED = { '3.5.9': '0.10.9.9', '4.3.0': '0.10.9.9' };
export const SPARK_VERSIONS = (process.env.SPARK_VERSIONS ?? Object.keys(PINNED).join(',')).split(',').filter(Boolean);

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { encoding: 'utf8', ...opts });

/** Java is Spark's one requirement outside Python: say what is missing instead of failing inside Spark. */
export function javaVersion() {
  const r = run('java', ['-version']);
  if (r.error || r.status !== 0)
    throw new Error('Spark needs Java 17 or later on PATH (Debian: sudo apt-get install -y openjdk-17-jre-headless)');
  return /version "([^"]+)"/.exec(r.stderr)?.[1] ?? 'unknown';
}

/**
 * The virtual environment of one PySpark release, created and installed when missing or not that
 * release (about 320–460 MB from PyPI, half a minute here). Returns how to run it.
 */
export function ensureSpark(version, log = console.log) {
  const py4j = PINNED[version] ?? '0.10.9.9';
  const dir = path.join(VENV_ROOT, version);
  const python = path.join(dir, 'bin', 'python');
  const installed = () => run(python, ['-c', 'import pyspark; print(pyspark.__version__)']).stdout?.trim();
  if (!existsSync(python) || installed() !== version) {
    log(`installing PySpark ${version} into ${path.relative(REPO, dir)} (from PyPI)`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(VENV_ROOT, { recursive: true });
    execFileSync(process.env.PYTHON ?? 'python3', ['-m', 'venv', dir], { stdio: 'inherit' });
    execFileSync(
      python,
      [
        '-m',
        'pip',
        'install',
        '--quiet',
        '--no-cache-dir',
        '--disable-pip-version-check',
        `pyspark==${version}`,
        `py4j==${py4j}`,
      ],
      {
        stdio: 'inherit',
      },
    );
    if (installed() !== version) throw new Error(`PySpark ${version} did not install into ${dir}`);
  }
  const bin = path.join(dir, 'bin');
  // spark-submit finds its Spark through the python first on PATH (not another SPARK_HOME); the
  // workers run this python.
  const env = {
    ...process.env,
    PATH: `${bin}${path.delimiter}${process.env.PATH}`,
    PYSPARK_PYTHON: python,
    PYSPARK_DRIVER_PYTHON: python,
  };
  delete env.SPARK_HOME;
  return { version, python, sparkSubmit: path.join(bin, 'spark-submit'), env };
}

/** What a local run needs to stay small: two cores, no UI, few shuffle partitions, UTC. */
export const LOCAL_CONF = [
  ['spark.master', 'local[2]'],
  ['spark.ui.enabled', 'false'],
  ['spark.sql.shuffle.partitions', '4'],
  ['spark.sql.session.timeZone', 'UTC'],
  ['spark.driver.memory', '2g'],
];
