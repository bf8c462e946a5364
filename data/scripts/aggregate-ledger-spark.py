#!/usr/bin/env python3
"""The ledger's monthly figures on Spark: the job a city data platform submits.

    spark-submit [--master yarn] data/scripts/aggregate-ledger-spark.py \\
        --ledger <ledger.csv | ledger.parquet | a folder or glob of them, local or hdfs:// s3a:// …> \\
        --areas <areas.csv> --indicators <indicators.csv> --out <folder>
        [--format csv|parquet] [--encoding UTF-8] [--name <file name shown as the source>]
        [--sql-dir <folder of clean.sql, cases.sql, actuals.sql>] [--report <report.json>]

It runs src/data/ledger/clean.sql, cases.sql and actuals.sql unchanged (the files the page runs in
DuckDB-WASM and `npm run aggregate` in native DuckDB) and writes <out>/actuals.csv in the shape of
the dashboard's actuals.csv, with basis and source (`ledger: <file>`), sorted as `npm run aggregate`
sorts it: the same bytes for the same ledger. Tested with Spark 3.5 and 4.x in local mode
(`npm run test:spark`); see the README, "Beyond the browser".

What is the host's part, done here as the page does it (src/data/ledger.ts):
- reading: the ledger is read as text, columns found by their header names (case-insensitive,
  `group` for case_group, the first of a repeated name), a missing column is empty;
- typing: a date is YYYY-MM-DD, 1–4 digit year, 1–2 digit month and day, spaces around it allowed,
  a real calendar day (what DuckDB's reader takes with dateformat '%Y-%m-%d'); a row with a date
  that is there but is not one is set aside as bad_date, as the page's reader sets it aside; this
  is TRY_CAST on a checked shape, so it is the same with ANSI mode on (Spark 4's default) or off;
- the tables the SQL files read: ledger_typed, known_areas (areas.csv), ledger_rules (the
  ledger_rule column of indicators.csv, read as src/data/ledger/rule.mjs reads it), ledger_clean,
  ledger_cases and calendar (January of the first case year to December of the last year with a
  registration, an employment or an exit: the data's own years).
Not mirrored: a CSV line whose quotes DuckDB cannot parse is `malformed` in the page and read as
Spark's CSV reader reads it here; ledgers are machine exports, one line per row.

Small files (areas, indicators) are read on the driver; the ledger by the executors; the output and
the report are written through Hadoop's file system, so every path may be any URI the cluster reads.
"""
import argparse
import calendar
import csv
import datetime
import io
import json
import math
import os
import re
import sys
import time

LEDGER_COLUMNS = ['case_id', 'area_code', 'case_group', 'registered_on', 'employed_on', 'exited_on', 'followed_up_on', 'source']
REQUIRED_COLUMNS = ['case_id', 'area_code', 'case_group', 'registered_on']
DATE_COLUMNS = ['registered_on', 'employed_on', 'exited_on']
HEADER_ALIASES = {'group': 'case_group'}
SQL_FILES = ['clean.sql', 'cases.sql', 'actuals.sql']
OUTPUT_COLUMNS = ['indicator_id', 'area_code', 'period', 'value', 'numerator', 'denominator', 'basis', 'source']
# DuckDB's reader with dateformat '%Y-%m-%d': 1–4 digit year, 1–2 digit month and day, and the
# spaces it skips around a value (space, tab, newline, vertical tab, form feed, carriage return:
# exactly Java's \s without UNICODE_CHARACTER_CLASS).
DATE_SHAPE = r'^\s*([0-9]{1,4})-([0-9]{1,2})-([0-9]{1,2})\s*$'


class JobError(Exception):
    """A problem with the job's input, reported in one line."""


# ---------------------------------------------------------------- pure helpers (no Spark)


def normalise_header(name):
    """A header name as the page compares it: no BOM, trimmed, lower case, spaces as '_', aliases."""
    n = re.sub(r'\s+', '_', name.lstrip('\ufeff').strip().lower())
    return HEADER_ALIASES.get(n, n)


def ledger_positions(header, file):
    """Ledger column → its index in the header (the first column of that name); None when absent."""
    names = [normalise_header(h) for h in header]
    if not names or names[0] == '':
        raise JobError(f'{file}: no header line')
    missing = [c for c in REQUIRED_COLUMNS if c not in names]
    if missing:
        raise JobError(f'{file}: missing column(s) {", ".join(missing)}')
    return {c: (names.index(c) if c in names else None) for c in LEDGER_COLUMNS}


_JS_SPACE = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff'


def js_number(text):
    """JavaScript's Number(text) for a string: what src/data/ledger/rule.mjs applies to the months."""
    s = text.strip(_JS_SPACE)
    if s == '':
        return 0.0
    m = re.fullmatch(r'0([xob])([0-9a-f]+)', s, re.IGNORECASE)
    if m:
        base = {'x': 16, 'o': 8, 'b': 2}[m.group(1).lower()]
        try:
            return float(int(m.group(2), base))
        except ValueError:
            return math.nan
    if re.fullmatch(r'[+-]?Infinity', s):
        return -math.inf if s.startswith('-') else math.inf
    if re.fullmatch(r'[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?', s):
        return float(s)
    return math.nan


def parse_ledger_rule(indicator_id, text):
    """`deadline_rate:hardship:3` → a rule; None when the text is not one (as rule.mjs reads it)."""
    if not text:
        return None
    parts = [p.strip(_JS_SPACE) for p in text.split(':')]
    rule = parts[0]
    case_group = parts[1] if len(parts) > 1 else ''
    if not case_group or not re.fullmatch(r'[a-z0-9_]+', case_group):
        return None
    if rule == 'deadline_rate':
        n = js_number(parts[2]) if len(parts) > 2 else math.nan
        ok = math.isfinite(n) and n == int(n) and 0 < n <= 120
        return {'indicatorId': indicator_id, 'rule': rule, 'caseGroup': case_group, 'months': int(n)} if ok else None
    if rule in ('employed_rate', 'employed_flow', 'followup_rate'):
        return {'indicatorId': indicator_id, 'rule': rule, 'caseGroup': case_group, 'months': 0}
    return None


def decode_text(data):
    """UTF-8 (a BOM allowed), else GB18030 as Excel writes it in China."""
    try:
        return data.decode('utf-8-sig')
    except UnicodeDecodeError:
        return data.decode('gb18030')


def read_table(text):
    """A small CSV table as dicts keyed by normalised header names."""
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        return []
    header = [normalise_header(h) for h in rows[0]]
    return [dict(zip(header, r)) for r in rows[1:] if any(cell != '' for cell in r)]


def months(first_year, last_year):
    """The calendar's rows: (period, period_year, month_start, month_end)."""
    out = []
    for y in range(first_year, last_year + 1):
        for m in range(1, 13):
            out.append((f'{y:04d}-{m:02d}', y, datetime.date(y, m, 1), datetime.date(y, m, calendar.monthrange(y, m)[1])))
    return out


def js_number_text(x):
    """A number as JavaScript (and so `npm run aggregate`) writes it: 12, not 12.0."""
    if x is None:
        return ''
    if float(x).is_integer() and abs(x) < 1e21:
        return str(int(x))
    return repr(float(x))


def csv_field(text):
    """Quoted only where needed, as PapaParse's unparse quotes (`npm run aggregate`)."""
    if text == '':
        return text
    if any(ch in text for ch in ',"\r\n') or text[0] == ' ' or text[-1] == ' ':
        return '"' + text.replace('"', '""') + '"'
    return text


def actuals_csv(figures, source):
    """actuals.csv: the contract's columns, basis `flow` for flows, sorted by indicator, area, period."""
    lines = [','.join(OUTPUT_COLUMNS)]
    for f in sorted(figures, key=lambda r: (r['indicator_id'], r['area_code'], r['period'])):
        cells = [f['indicator_id'], f['area_code'], f['period'], js_number_text(f['value']), js_number_text(f['numerator']),
                 js_number_text(f['denominator']), 'flow' if f['value'] is not None else '', source]
        lines.append(','.join(csv_field(c) for c in cells))
    return '\n'.join(lines) + '\n'


def source_name(ledger, name):
    """The file named as the figures' source: --name, else the last part of the ledger's path."""
    return name or ledger.rstrip('/').rsplit('/', 1)[-1]


# ---------------------------------------------------------------- Spark host


class Files:
    """Whole small files through Hadoop's file system: local paths, hdfs://, s3a:// alike."""

    def __init__(self, spark):
        self.jvm = spark._jvm
        self.conf = spark._jsc.hadoopConfiguration()

    def _path(self, uri):
        path = self.jvm.org.apache.hadoop.fs.Path(uri)
        return path, path.getFileSystem(self.conf)

    def read(self, uri):
        path, fs = self._path(uri)
        if not fs.exists(path):
            raise JobError(f'{uri}: no such file')
        stream = fs.open(path)
        try:
            return bytes(self.jvm.org.apache.commons.io.IOUtils.toByteArray(stream))
        finally:
            stream.close()

    def write(self, uri, text):
        path, fs = self._path(uri)
        fs.mkdirs(path.getParent())
        stream = fs.create(path, True)
        try:
            stream.write(bytearray(text.encode('utf-8')))
        finally:
            stream.close()


def sql_text(name, sql_dir):
    """A shared SQL file: from --sql-dir, else from this checkout, else shipped with --files."""
    here = os.path.dirname(os.path.abspath(__file__))
    for folder in [sql_dir, os.path.join(here, '..', '..', 'src', 'data', 'ledger')]:
        if folder and os.path.exists(os.path.join(folder, name)):
            with open(os.path.join(folder, name), encoding='utf-8') as f:
                return f.read()
    from pyspark import SparkFiles

    shipped = SparkFiles.get(name)
    if os.path.exists(shipped):
        with open(shipped, encoding='utf-8') as f:
            return f.read()
    raise JobError(f'{name} not found: pass --sql-dir, or ship it with spark-submit --files')


def read_ledger(spark, args):
    """The ledger with every column as text (dates as Spark reads them from Parquet), by ledger column name."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import StringType, StructField, StructType

    fmt = args.format or ('parquet' if re.search(r'\.parq(uet)?/?$', args.ledger, re.IGNORECASE) else 'csv')
    if fmt == 'parquet':
        raw = spark.read.parquet(args.ledger)
        header = raw.columns
    else:
        # The header line as text (the names are ASCII in UTF-8 and GB18030 alike; a BOM is dropped below).
        first = spark.read.text(args.ledger).first()
        if first is None:
            raise JobError(f'{args.ledger}: empty')
        header = next(csv.reader([first[0]]))
        schema = StructType([StructField(f'_c{i}', StringType()) for i in range(len(header))])
        # Every value as text, by position; a short line is padded with nulls and a long one cut,
        # as the page's reader does (null_padding, strict_mode off).
        raw = (
            spark.read.schema(schema)
            .option('header', 'true')
            .option('enforceSchema', 'true')
            .option('sep', ',')
            .option('quote', '"')
            .option('escape', '"')
            .option('mode', 'PERMISSIVE')
            .option('encoding', args.encoding)
            .csv(args.ledger)
        )
    at = ledger_positions(header, args.ledger)
    cols = raw.columns

    def column(c):
        if at[c] is None:
            return F.lit(None).cast('string').alias(c)
        value = raw[cols[at[c]]]
        # A Parquet date column keeps its type; everything else is text.
        return (value if c in DATE_COLUMNS else value.cast('string')).alias(c)

    return fmt, raw.select(*[column(c) for c in LEDGER_COLUMNS])


def typed_dates(fmt, df):
    """Adds <date>_parsed (DATE or NULL) and bad_date (a date is there but is not one) to the ledger."""
    from pyspark.sql import functions as F
    from pyspark.sql.types import DateType, TimestampType

    bad = F.lit(False)
    for c in DATE_COLUMNS:
        kind = df.schema[c].dataType
        if isinstance(kind, DateType):
            parsed, present = F.col(c), F.col(c).isNotNull()
        elif isinstance(kind, TimestampType) or type(kind).__name__ == 'TimestampNTZType':
            parsed, present = F.to_date(F.col(c)), F.col(c).isNotNull()
        else:
            text = F.col(c).cast('string')
            # Parquet text dates are trimmed first (of Unicode spaces, as DuckDB's TRIM), as the page
            # reads the text dates of an Arrow file; a CSV value is taken as the reader gives it.
            present = (F.regexp_replace(text, r'^\p{Zs}+|\p{Zs}+$', '') != '') if fmt == 'parquet' else (text != '')
            shape = [F.regexp_extract(text, DATE_SHAPE, i) for i in (1, 2, 3)]
            iso = F.concat_ws('-', F.lpad(shape[0], 4, '0'), F.lpad(shape[1], 2, '0'), F.lpad(shape[2], 2, '0'))
            # TRY_CAST of a checked YYYY-MM-DD: NULL for 2022-02-30, never an error, ANSI mode or not.
            parsed = F.when(text.rlike(DATE_SHAPE), F.expr(f'TRY_CAST(__iso_{c} AS DATE)'))
            df = df.withColumn(f'__iso_{c}', iso)
        df = df.withColumn(f'{c}_parsed', F.when(present, parsed))
        bad = bad | (F.coalesce(present, F.lit(False)) & F.col(f'{c}_parsed').isNull())
    return df.withColumn('bad_date', bad)


def run(spark, args):
    from pyspark import StorageLevel
    from pyspark.sql.types import DateType, IntegerType, StringType, StructField, StructType

    t0 = time.time()
    spark.conf.set('spark.sql.session.timeZone', 'UTC')
    files = Files(spark)
    sql = {name: sql_text(name, args.sql_dir) for name in SQL_FILES}

    indicators = read_table(decode_text(files.read(args.indicators)))
    rules = [r for r in (parse_ledger_rule(i.get('indicator_id', ''), i.get('ledger_rule')) for i in indicators) if r]
    if not rules:
        raise JobError(f'{args.indicators}: no indicator has a ledger_rule')
    areas = sorted({a['area_code'] for a in read_table(decode_text(files.read(args.areas))) if a.get('area_code')})

    spark.createDataFrame(
        [(r['indicatorId'], r['rule'], r['caseGroup'], r['months']) for r in rules],
        StructType([StructField('indicator_id', StringType()), StructField('rule', StringType()),
                    StructField('case_group', StringType()), StructField('months', IntegerType())]),
    ).createOrReplaceTempView('ledger_rules')
    spark.createDataFrame([(a,) for a in areas], StructType([StructField('area_code', StringType())])).createOrReplaceTempView('known_areas')

    fmt, ledger = read_ledger(spark, args)
    typed = typed_dates(fmt, ledger).persist(StorageLevel.MEMORY_AND_DISK)
    typed.createOrReplaceTempView('ledger_read')
    spark.sql(
        """SELECT case_id, area_code, case_group, registered_on_parsed AS registered_on, employed_on_parsed AS employed_on,
                  exited_on_parsed AS exited_on, followed_up_on, source, CAST(NULL AS BIGINT) AS row_no
           FROM ledger_read WHERE NOT bad_date"""
    ).createOrReplaceTempView('ledger_typed')
    read = spark.sql('SELECT COUNT(*) AS n, COUNT_IF(bad_date) AS bad FROM ledger_read').first()
    rows = spark.sql(sql['clean.sql']).persist(StorageLevel.MEMORY_AND_DISK)
    rows.createOrReplaceTempView('ledger_rows')
    problems = {r['problem']: r['n'] for r in spark.sql('SELECT problem, COUNT(*) AS n FROM ledger_rows WHERE problem IS NOT NULL GROUP BY problem').collect()}
    illustrative = bool(spark.sql('SELECT COALESCE(MAX(CASE WHEN illustrative THEN 1 ELSE 0 END), 0) AS i FROM ledger_rows').first()['i'])
    typed.unpersist()
    if read['bad']:
        problems['bad_date'] = problems.get('bad_date', 0) + read['bad']
    spark.sql('SELECT * FROM ledger_rows WHERE problem IS NULL').createOrReplaceTempView('ledger_clean')
    cases = spark.sql(sql['cases.sql']).persist(StorageLevel.MEMORY_AND_DISK)
    cases.createOrReplaceTempView('ledger_cases')
    span = spark.sql(
        """SELECT COUNT(*) AS n, MIN(case_year) AS y0,
                  GREATEST(MAX(case_year), MAX(EXTRACT(YEAR FROM employed_on)), MAX(EXTRACT(YEAR FROM exited_on))) AS y1
           FROM ledger_cases"""
    ).first()
    rows.unpersist()
    if not span['n']:
        raise JobError(f'{args.ledger}: no usable case')
    spark.createDataFrame(
        months(int(span['y0']), int(span['y1'])),
        StructType([StructField('period', StringType()), StructField('period_year', IntegerType()),
                    StructField('month_start', DateType()), StructField('month_end', DateType())]),
    ).createOrReplaceTempView('calendar')
    figures = [r.asDict() for r in spark.sql(sql['actuals.sql']).where('COALESCE(denominator, 1) > 0').collect()]
    cases.unpersist()

    name = source_name(args.ledger, args.name)
    out = args.out.rstrip('/') + '/actuals.csv'
    files.write(out, actuals_csv(figures, f'ledger: {name}'))
    report = {
        'file': name,
        'rows': read['n'],
        'cases': span['n'],
        'rejected': [{'reason': k, 'count': problems[k]} for k in sorted(problems)],
        'figures': len(figures),
        'indicators': sorted({f['indicator_id'] for f in figures}),
        'illustrative': illustrative,
        'calendar': [f'{int(span["y0"]):04d}-01', f'{int(span["y1"]):04d}-12'],
        'spark': spark.version,
        'ansi': spark.conf.get('spark.sql.ansi.enabled'),
        'seconds': round(time.time() - t0, 2),
        'out': out,
    }
    if args.report:
        files.write(args.report, json.dumps(report, ensure_ascii=False, indent=2) + '\n')
    return report


def parse_args(argv=None):
    p = argparse.ArgumentParser(description='The ledger SQL on Spark: monthly figures per area → <out>/actuals.csv')
    p.add_argument('--ledger', required=True, help='CSV or Parquet file, folder or glob; any URI Spark reads')
    p.add_argument('--areas', required=True, help="areas.csv (area_code is what the ledger's codes are checked against)")
    p.add_argument('--indicators', required=True, help='indicators.csv (its ledger_rule column says which figures to make)')
    p.add_argument('--out', required=True, help='folder for actuals.csv')
    p.add_argument('--format', choices=['csv', 'parquet'], help='default: parquet for a .parquet path, else csv')
    p.add_argument('--encoding', default='UTF-8', help='of a CSV ledger (default UTF-8; GB18030 for an Excel export)')
    p.add_argument('--name', help='the file named as the source (default: the last part of --ledger)')
    p.add_argument('--sql-dir', help='folder of clean.sql, cases.sql, actuals.sql (default: this checkout, else --files)')
    p.add_argument('--report', help='also write a JSON report: rows, cases, rows left out by reason, figures')
    return p.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName('ledger-actuals').getOrCreate()
    try:
        report = run(spark, args)
    except JobError as e:
        print(f'aggregate-ledger-spark: {e}', file=sys.stderr)
        return 1
    finally:
        spark.stop()
    left_out = ', '.join(f"{r['count']} {r['reason']}" for r in report['rejected']) or 'none'
    print(
        f"{report['figures']} monthly figures from {report['rows']} rows ({report['cases']} cases; left out: {left_out}) "
        f"→ {report['out']} in {report['seconds']} s (Spark {report['spark']}, ANSI {report['ansi']})"
    )
    return 0


if __name__ == '__main__':
    sys.exit(main())
