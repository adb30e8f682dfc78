#!/usr/bin/env python3
"""End to end on the real binary: foicode merge. The samples and the held-out replies are
split into three shards by file (so replies of one trust fall in different shards), each
shard is coded on its own, and the shards are merged. The merged dataset must be byte for
byte the dataset of one run over the whole corpus (but for the report's "made" time and
folder name). Merging again reports no changes; a refresh of the merged dataset over the
corpus reads nothing again; an input in two shards, or a shard named as --out, is refused
with a message and nothing written.

usage: merge_test.py --foicode build/foicode --source CHECKOUT
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
FAILURES = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        FAILURES.append(what)


def foicode(binary, *args, cwd):
    return subprocess.run([binary, *args], capture_output=True, text=True, timeout=1800, cwd=cwd)


def dataset(folder):
    files = {}
    for name in DATASET_FILES:
        with open(os.path.join(folder, name), "rb") as f:
            data = f.read()
        if name == "report.html":
            data = re.sub(rb"made \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"made (time)", data)
            data = data.replace(os.path.basename(folder).encode(), b"(name)")
        files[name] = data
    return files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--foicode", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    binary = os.path.abspath(args.foicode)
    tmp = tempfile.mkdtemp(prefix="foicode-merge-")
    try:
        corpus = os.path.join(tmp, "corpus")
        files = []
        for folder in ("samples/replies", "samples/holdout/replies"):
            root = os.path.join(args.source, folder)
            files += [os.path.join(root, name) for name in sorted(os.listdir(root))]
        for i, path in enumerate(files):
            shard = os.path.join(corpus, "shard-%d" % (i % 3))
            os.makedirs(shard, exist_ok=True)
            copy = shutil.copytree if os.path.isdir(path) else shutil.copy2
            copy(path, os.path.join(shard, os.path.basename(path)))
        # A second copy of one reply in another shard: one respondent, replies in two shards.
        letter = os.path.join(args.source, "samples/replies/FOI 24-1187 Response.pdf")
        shutil.copy2(letter, os.path.join(corpus, "shard-1", "FOI 24-1187 Response (resent).pdf"))
        shutil.copy2(letter, os.path.join(corpus, "shard-2", "FOI 24-1187 Response (second copy).pdf"))

        whole = foicode(binary, "run", "corpus", "--out", "whole", "--jobs", "2", cwd=tmp)
        check(whole.returncode == 0, "one run over the whole corpus: " + whole.stderr[-500:])
        for k in range(3):
            run = foicode(binary, "run", "corpus/shard-%d" % k, "--out", "ds-%d" % k, "--jobs", "2", cwd=tmp)
            check(run.returncode == 0, "shard %d coded on its own: %s" % (k, run.stderr[-500:]))
        merge = foicode(binary, "merge", "ds-0", "ds-1", "ds-2", "--out", "whole-merged", cwd=tmp)
        check(merge.returncode == 0, "the shards merge: " + merge.stderr[-500:])
        with open(os.path.join(tmp, "whole", "responses.jsonl")) as f:
            whole_records = [json.loads(line) for line in f]
        split = [r for r in whole_records if len({s["path"].split("/")[1] for s in r["sources"]}) > 1]
        check(len(split) >= 1, "some respondent's replies fall in more than one shard (%d)" % len(split))
        if whole.returncode == 0 and merge.returncode == 0:
            want = dataset(os.path.join(tmp, "whole"))
            got = dataset(os.path.join(tmp, "whole-merged"))
            for name in DATASET_FILES:
                check(got[name] == want[name], "merged %s is the same as one run's" % name)

        again = foicode(binary, "merge", "ds-0", "ds-1", "ds-2", "--out", "whole-merged", cwd=tmp)
        check(again.returncode == 0 and "changes: no changes" in again.stdout,
              "merging again reports no changes: " + again.stdout + again.stderr[-300:])
        refresh = foicode(binary, "run", "corpus", "--out", "whole-merged", cwd=tmp)
        with open(os.path.join(tmp, "whole-merged", "last-run.json")) as f:
            counters = json.load(f)
        check(refresh.returncode == 0 and counters["unread"] == counters["inputs"] > 0
              and "changes: no changes" in refresh.stdout,
              "a refresh of the merged dataset over the corpus reads nothing again: %s %s" % (counters, refresh.stdout))

        twice = foicode(binary, "merge", "ds-0", "ds-0", "--out", "twice", cwd=tmp)
        check(twice.returncode == 1 and "each input must be in one shard only" in twice.stderr
              and not os.path.exists(os.path.join(tmp, "twice")),
              "an input in two shards is refused before anything is written: " + twice.stderr)
        into = foicode(binary, "merge", "ds-0", "ds-1", "--out", "ds-1", cwd=tmp)
        check(into.returncode == 1 and "is the folder merged into" in into.stderr,
              "a shard named as --out is refused: " + into.stderr)
        missing = foicode(binary, "merge", "ds-0", "nowhere", "--out", "x", cwd=tmp)
        check(missing.returncode == 2 and "no such dataset folder: nowhere" in missing.stderr,
              "a shard that is not there is a usage error: " + missing.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
