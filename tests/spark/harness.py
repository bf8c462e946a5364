"""Runs the Spark job's own run() on several ledgers in one Spark session (one JVM start per release
instead of one per ledger), for tests/spark/spark.test.ts and the bench. `spark-submit` itself is run
by the test on the fixture, so the command a platform uses is tested too.

    python harness.py plan.json   plan: {"conf": [[key, value], …], "runs": [{"label", "ansi", "args"}]}
                                  prints one JSON line per run: label, seconds, and the job's report
    python harness.py --rules cases.json   [[indicator_id, text], …] → the job's parsed rules, as JSON
"""
import importlib.util
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('job', os.path.join(HERE, '..', '..', 'data', 'scripts', 'aggregate-ledger-spark.py'))
job = importlib.util.module_from_spec(spec)
spec.loader.exec_module(job)


def rules(path):
    with open(path, encoding='utf-8') as f:
        cases = json.load(f)
    print(json.dumps([job.parse_ledger_rule(i, t) for i, t in cases]))


def runs(path):
    with open(path, encoding='utf-8') as f:
        plan = json.load(f)
    from pyspark.sql import SparkSession

    t0 = time.time()
    builder = SparkSession.builder.appName('ledger-actuals-tests')
    for key, value in plan['conf']:
        builder = builder.config(key, value)
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel('ERROR')
    print(json.dumps({'label': 'session', 'seconds': round(time.time() - t0, 2), 'spark': spark.version}), flush=True)
    try:
        for r in plan['runs']:
            if r.get('ansi') is None:
                spark.conf.unset('spark.sql.ansi.enabled')
            else:
                spark.conf.set('spark.sql.ansi.enabled', r['ansi'])
            t = time.time()
            report = job.run(spark, job.parse_args(r['args']))
            print(json.dumps({'label': r['label'], 'seconds': round(time.time() - t, 2), 'report': report}, ensure_ascii=False), flush=True)
    finally:
        spark.stop()


if __name__ == '__main__':
    if sys.argv[1] == '--rules':
        rules(sys.argv[2])
    else:
        runs(sys.argv[1])
