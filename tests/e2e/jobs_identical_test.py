#!/usr/bin/env python3
"""End to end on the real binary: the dataset does not depend on --jobs. The samples and the
held-out replies are coded from scratch with --jobs 1, 2, 3 and 8, each into its own folder,
and every dataset file must be byte for byte the same as with --jobs 1. Two things are allowed
to differ, because they say when a run happened: the report's "made" time and last-run.json's
seconds. The folders share a name, which the report shows.

A dataset coded from the samples alone and then refreshed with the held-out replies added
must be the same too, with the records of unchanged inputs taken from the first run.

The --jobs 2 run also asks for --stats, whose table must name every stage with a time, count
the pages extracted and give the peak memory.

usage: jobs_identical_test.py --foicode build/foicode --source CHECKOUT
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

DATASET_FILES = ["responses.jsonl", "responses.csv", "systems.csv", "report.html", "changes.jsonl"]


def check_stats(stdout):
    """The --stats table of a full run: what is wrong with it, if anything."""
    problems = []
    seconds = {}
    for stage in ("extract", "of it ocr", "normalise", "rules", "assemble", "write"):
        m = re.search(r"^\s+%s\s+(\d+\.\d\d)$" % stage, stdout, re.M)
        if not m:
            problems.append("--stats has no time for %s:\n%s" % (stage, stdout))
        else:
            seconds[stage] = float(m.group(1))
    if seconds.get("extract", 0) <= 0 or seconds.get("rules", 0) <= 0:
        problems.append("--stats shows no time in extract or rules on a full run: %s" % seconds)
    if seconds.get("of it ocr", 0) <= 0:
        problems.append("--stats shows no OCR time though the samples have a scan: %s" % seconds)
    pages = re.search(r"\((\d+) pages extracted\)", stdout)
    if not pages or int(pages.group(1)) < 40:
        problems.append("--stats does not count the pages extracted: %s" % stdout)
    memory = re.search(r"peak memory: foicode (\d+) MB; largest reader process (\d+) MB", stdout)
    if not memory or int(memory.group(1)) <= 0 or int(memory.group(2)) <= 0:
        problems.append("--stats gives no peak memory: %s" % stdout)
    print(("ok   " if not problems else "FAIL ") + "--stats names every stage, the pages and the memory")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--foicode", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    failures = []
    tmp = tempfile.mkdtemp(prefix="foicode-jobs-")
    try:
        replies = os.path.join(tmp, "replies")
        shutil.copytree(os.path.join(args.source, "samples/replies"), os.path.join(replies, "samples"))
        grown = os.path.join(tmp, "grown", "ds")
        first = subprocess.run([args.foicode, "run", replies, "--out", grown, "--jobs", "2"],
                               capture_output=True, text=True, timeout=1800)
        if first.returncode != 0:
            failures.append("the samples alone exited %d: %s" % (first.returncode, first.stderr[-2000:]))
        shutil.copytree(os.path.join(args.source, "samples/holdout/replies"), os.path.join(replies, "holdout"))
        outputs = {}
        for jobs in (1, 2, 3, 8):
            out = os.path.join(tmp, "jobs-%d" % jobs, "ds")
            stats = ["--stats"] if jobs == 2 else []
            run = subprocess.run([args.foicode, "run", replies, "--out", out, "--jobs", str(jobs), *stats],
                                 capture_output=True, text=True, timeout=1800)
            if run.returncode != 0:
                failures.append("--jobs %d exited %d: %s" % (jobs, run.returncode, run.stderr[-2000:]))
                continue
            if stats:
                failures += check_stats(run.stdout)
            files = {}
            for name in DATASET_FILES:
                with open(os.path.join(out, name), "rb") as f:
                    files[name] = f.read()
            files["report.html"], made = re.subn(rb"made \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"made (time)",
                                                 files["report.html"])
            if made != 1:
                failures.append("the report's time was not found once, but %d times" % made)
            with open(os.path.join(out, "last-run.json")) as f:
                counters = json.load(f)
            counters.pop("seconds")
            files["last-run.json counters"] = json.dumps(counters, sort_keys=True).encode()
            outputs[jobs] = files
        refresh = subprocess.run([args.foicode, "run", replies, "--out", grown, "--jobs", "2"],
                                 capture_output=True, text=True, timeout=1800)
        if refresh.returncode != 0:
            failures.append("the refresh with the held-out replies exited %d: %s"
                            % (refresh.returncode, refresh.stderr[-2000:]))
        elif 1 in outputs:
            with open(os.path.join(grown, "last-run.json")) as f:
                reused = json.load(f).get("records_reused", 0)
            ok = reused >= 20
            print(("ok   " if ok else "FAIL ") + "the refresh took %d records of unchanged inputs from the first run" % reused)
            if not ok:
                failures.append("the refresh reused only %d records" % reused)
            for name in DATASET_FILES:
                if name == "changes.jsonl":
                    continue  # says what the refresh added, unlike a first run
                with open(os.path.join(grown, name), "rb") as f:
                    data = f.read()
                if name == "report.html":
                    data = re.sub(rb"made \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"made (time)", data)
                same = data == outputs[1][name]
                print(("ok   " if same else "FAIL ") + "%s refreshed with more replies is the same as coded at once" % name)
                if not same:
                    failures.append("%s differs after a refresh that added replies" % name)
        if 1 in outputs:
            records = outputs[1]["responses.jsonl"].count(b"\n")
            if records < 20:
                failures.append("--jobs 1 wrote only %d records: the comparison would prove little" % records)
            for jobs, files in outputs.items():
                for name, data in files.items():
                    same = data == outputs[1][name]
                    print(("ok   " if same else "FAIL ") + "%s with --jobs %d is the same as with --jobs 1" % (name, jobs))
                    if not same:
                        failures.append("%s differs with --jobs %d" % (name, jobs))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
