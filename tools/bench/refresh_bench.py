#!/usr/bin/env python3
"""The cost of refreshing a dataset against coding it from scratch, on the same inputs in the
same run: a full run into an empty folder, a no-op refresh (nothing changed), a refresh with
one new reply, and a refresh after a dictionary change (re-coding from the stored text).
Prints a table and writes JSON. Times are wall-clock medians; the counters come from the
program's own last-run.json.

usage: tools/bench/refresh_bench.py [--foicode build/foicode] [--repeat 3] [--json out.json]
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def timed(cmd):
    started = time.monotonic()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.monotonic() - started


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--foicode", default=os.path.join(ROOT, "build/foicode"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--json")
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="foicode-bench-")
    try:
        replies = os.path.join(tmp, "replies")
        shutil.copytree(os.path.join(ROOT, "samples/replies"), os.path.join(replies, "samples"))
        holdout = os.path.join(ROOT, "samples/holdout/replies")
        names = sorted(os.listdir(holdout))
        os.makedirs(os.path.join(replies, "holdout"))
        for name in names:
            shutil.copy(os.path.join(holdout, name), os.path.join(replies, "holdout", name))
        data = os.path.join(tmp, "data")
        for folder in ("dictionaries", "rules"):
            shutil.copytree(os.path.join(ROOT, folder), os.path.join(data, folder))
        ds = os.path.join(tmp, "ds")

        def run(out=ds):
            return timed([args.foicode, "run", replies, "--out", out, "--data", data, "--jobs", str(args.jobs)])

        def counters(out=ds):
            with open(os.path.join(out, "last-run.json")) as f:
                return json.load(f)

        full = []
        for i in range(args.repeat):
            shutil.rmtree(ds, ignore_errors=True)
            full.append(run())
        n_inputs = counters()["inputs"]
        noop = [run() for _ in range(args.repeat)]
        assert counters()["extracted"] == 0 and not counters()["recoded"]
        one_new = []
        text_reply = [n for n in names if n.endswith(".txt")][0]
        for i in range(args.repeat):
            # New content each time: a reply seen before would come from the cache.
            new = os.path.join(replies, "holdout", f"late reply {i}.txt")
            with open(os.path.join(holdout, text_reply), encoding="utf-8") as f:
                body = f.read()
            with open(new, "w", encoding="utf-8") as f:
                f.write(body + f"\nReference {i}\n")
            one_new.append(run())
            assert counters()["extracted"] == 1, counters()
            os.remove(new)
            run()
        recode = []
        vendors = os.path.join(data, "dictionaries", "vendors.tsv")
        for i in range(args.repeat):
            with open(vendors, "a") as f:
                f.write(f"# bench edit {i}\n")
            recode.append(run())
            assert counters()["extracted"] == 0 and counters()["recoded"]

        base = statistics.median(full)
        rows = [("full run (empty folder)", full), ("no-op refresh", noop), ("refresh, 1 new reply", one_new),
                ("refresh, dictionaries changed", recode)]
        result = {"inputs": n_inputs, "jobs": args.jobs, "repeat": args.repeat, "runs": {}}
        print(f"{n_inputs} inputs, --jobs {args.jobs}, median of {args.repeat}")
        print(f"{'run':32} {'seconds':>9} {'vs full run':>12}")
        for name, times in rows:
            m = statistics.median(times)
            print(f"{name:32} {m:9.3f} {100 * m / base:11.1f}%")
            result["runs"][name] = {"median_seconds": m, "seconds": times, "share_of_full": m / base}
        if args.json:
            with open(args.json, "w") as f:
                json.dump(result, f, indent=2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
