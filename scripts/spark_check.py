#!/usr/bin/env python3
"""Runs newsgraph as a stateless Spark mapper and checks it against a single-process run.

Starts pyspark in local mode, splits a JSONL corpus (default: the first 300 lines of
../shared/data/corpus/wikinews.jsonl, plus one deliberately malformed line in the middle) into
partitions, pipes every partition through

    newsgraph extract - --jsonl --format nq --quiet --jobs 1

(`rdd.pipe`: JSONL on stdin, N-Quads on stdout), collects the union and compares it, as a set of
quads (blank node labels normalized, though newsgraph writes none), with one run of the binary over
the same input. Exits 0 when they are equal, 1 on a mismatch, 2 when it cannot run; prints a
summary either way.

    python3 scripts/spark_check.py [--binary target/release/newsgraph] [--corpus FILE]
                                   [--lines 300] [--partitions 4]
"""

import argparse
import glob
import os
import re
import shlex
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MALFORMED = '{"id": "malformed", "text": "this line is not JSON'
BLANK = re.compile(r"_:[A-Za-z0-9_.-]+")
DOC_GRAPH = re.compile(r"(<https://newsgraph\.dev/id/doc/[^>/]+>) \.$")


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(REPO, "target"))
    p.add_argument("--binary", default=os.path.join(target, "release", "newsgraph"))
    p.add_argument(
        "--corpus",
        default=os.path.join(REPO, "..", "shared", "data", "corpus", "wikinews.jsonl"),
    )
    p.add_argument("--lines", type=int, default=300, help="corpus lines to use")
    p.add_argument("--partitions", type=int, default=4)
    return p.parse_args()


def ensure_java_home():
    """pyspark needs JAVA_HOME or java on PATH; prefer a Java 17 when JAVA_HOME is unset."""
    if os.environ.get("JAVA_HOME"):
        return
    candidates = sorted(glob.glob("/usr/lib/jvm/java-17-openjdk*")) + sorted(
        glob.glob("/usr/lib/jvm/*17*")
    )
    for c in candidates:
        if os.path.exists(os.path.join(c, "bin", "java")):
            os.environ["JAVA_HOME"] = c
            return


def quad_set(lines):
    """N-Quads lines as a set, blank node labels replaced by one placeholder."""
    return {BLANK.sub("_:b", l.strip()) for l in lines if l.strip()}


def main():
    args = parse_args()
    if not os.access(args.binary, os.X_OK):
        print(f"spark_check: no binary at {args.binary} (cargo build --release)", file=sys.stderr)
        return 2
    with open(args.corpus, encoding="utf-8") as f:
        lines = [l.rstrip("\n") for _, l in zip(range(args.lines), f)]
    lines.insert(len(lines) // 2, MALFORMED)
    command = [args.binary, "extract", "-", "--jsonl", "--format", "nq", "--quiet", "--jobs", "1"]

    start = time.time()
    single = subprocess.run(
        command, input="\n".join(lines) + "\n", capture_output=True, text=True
    )
    single_secs = time.time() - start
    if single.returncode not in (0, 1):
        print(f"spark_check: single run failed ({single.returncode}): {single.stderr}")
        return 2
    reported = [l for l in single.stderr.splitlines() if l.strip()]

    ensure_java_home()
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    from pyspark import SparkConf, SparkContext

    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("newsgraph-spark-check")
        .set("spark.ui.enabled", "false")
        .set("spark.driver.memory", "1g")
        .set("spark.ui.showConsoleProgress", "false")
    )
    start = time.time()
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        rdd = sc.parallelize(lines, args.partitions)
        partitions = rdd.getNumPartitions()
        sizes = rdd.glom().map(len).collect()
        # a partition with the malformed line exits 1 after writing its other documents
        piped = rdd.pipe(" ".join(shlex.quote(c) for c in command), checkCode=False).collect()
    finally:
        sc.stop()
    spark_secs = time.time() - start

    expected = quad_set(single.stdout.splitlines())
    got = quad_set(piped)
    graphs = {m.group(1) for m in map(DOC_GRAPH.search, expected) if m}
    print(
        f"spark_check: {len(lines)} lines ({len(lines) - 1} documents + 1 malformed), "
        f"{partitions} partitions of {sizes}"
    )
    print(
        f"spark_check: single process {len(expected)} distinct quads in {single_secs:.1f} s; "
        f"Spark {len(got)} distinct quads ({len(piped)} lines) in {spark_secs:.1f} s; "
        f"{len(graphs)} named graphs; single run reported: {reported}"
    )
    ok = True
    if not any("malformed" in r or ":" in r for r in reported):
        print("spark_check: the malformed line was not reported by the single run")
        ok = False
    if expected != got:
        ok = False
        missing = sorted(expected - got)
        extra = sorted(got - expected)
        print(f"spark_check: MISMATCH: {len(missing)} quads missing from Spark, {len(extra)} extra")
        for l in missing[:5]:
            print(f"  missing: {l}")
        for l in extra[:5]:
            print(f"  extra:   {l}")
    if len(expected) == 0:
        ok = False
        print("spark_check: no quads at all")
    print("spark_check: OK" if ok else "spark_check: FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
