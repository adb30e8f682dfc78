#!/usr/bin/env python3
"""End to end on the real binary: a dataset folder that cannot be written. A disk that fills
up part way through a refresh (simulated with a file-size limit, RLIMIT_FSIZE, at several
sizes), an --out that is a file, and an --out inside a read-only place must each give one
clear message and exit status 1 or 2, leave the last good dataset byte for byte as it was
with no temporary files beside it, and let the next run complete.

usage: disk_trouble_test.py --foicode build/foicode --source CHECKOUT
"""
import argparse
import glob
import os
import resource
import shutil
import signal
import subprocess
import sys
import tempfile

FAILURES = []
DATASET_FILES = ["responses.jsonl", "responses.csv", "systems.csv", "report.html", "changes.jsonl"]


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        FAILURES.append(what)


def run(foicode, args, file_size_limit=None):
    def limit():
        # A write past the limit fails with EFBIG, as one on a full disk fails with ENOSPC.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))
    return subprocess.run([foicode, *args], capture_output=True, text=True, timeout=900,
                          preexec_fn=limit if file_size_limit else None)


def snapshot(ds):
    out = {}
    for name in DATASET_FILES:
        with open(os.path.join(ds, name), "rb") as f:
            out[name] = f.read()
    return out


def leftovers(ds):
    return sorted(os.path.basename(p) for p in glob.glob(os.path.join(ds, "*.tmp-*")))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--foicode", required=True)
    parser.add_argument("--source", required=True)
    args = parser.parse_args()
    foicode = os.path.abspath(args.foicode)
    samples = os.path.join(args.source, "samples", "replies")
    data = ["--data", args.source]

    with tempfile.TemporaryDirectory(prefix="foicode-disk-") as tmp:
        replies = os.path.join(tmp, "replies")
        shutil.copytree(samples, replies)
        ds = os.path.join(tmp, "dataset")
        first = run(foicode, ["run", replies, "--out", ds, "--jobs", "2", *data])
        check(first.returncode == 0, "the first run completes")
        before = snapshot(ds)

        # New replies arrive, then the disk fills at various points of the refresh.
        with open(os.path.join(replies, "new reply.txt"), "w", encoding="utf-8") as f:
            f.write("Dear requester,\nThe Trust uses Annalise CXR for chest X-rays.\nFOI Team\n")
        os.remove(os.path.join(replies, "FOI 24-7763 reply.txt"))
        sizes = [4_096, 65_536, 200_000, 400_000, 1_000_000, 4_000_000]
        failed = 0
        completed = None
        for size in sizes:
            p = run(foicode, ["run", replies, "--out", ds, "--jobs", "2", *data], file_size_limit=size)
            if p.returncode == 0:
                completed = size
                break  # room enough: this run completes the refresh
            failed += 1
            check(p.returncode == 1, f"limit {size}: exit status 1 (got {p.returncode})")
            message = p.stderr.strip()
            check("File too large" in message or "disk I/O error" in message or "full" in message,
                  f"limit {size}: the message says why: {message[:300]!r}")
            check(message.count("\n") <= 2, f"limit {size}: one clear message, not a flood")
            check(not leftovers(ds), f"limit {size}: no temporary files left: {leftovers(ds)}")
            if "is unchanged" in message:
                check(snapshot(ds) == before, f"limit {size}: the last good dataset is byte for byte as it was")
            else:
                check("were written" in message, f"limit {size}: says the new files were written")
        check(failed >= 2, f"{failed} limits made a write fail (else the test tests little)")
        if completed is None:
            done = run(foicode, ["run", replies, "--out", ds, "--jobs", "2", *data])
            check(done.returncode == 0, "the next run with room completes: " + done.stderr[-300:])
        with open(os.path.join(ds, "responses.jsonl"), encoding="utf-8") as f:
            text = f.read()
        check("new reply.txt" in text and "FOI 24-7763 reply.txt" not in text,
              "the completed run's dataset has the new reply and not the removed one")
        with open(os.path.join(ds, "changes.jsonl"), encoding="utf-8") as f:
            changes = f.read()
        check('"input_added"' in changes and '"input_removed"' in changes,
              "the changes since the last completed run are reported by the run that completes")

        # --out names a file, not a folder.
        a_file = os.path.join(tmp, "a-file")
        with open(a_file, "w") as f:
            f.write("not a folder\n")
        p = run(foicode, ["run", replies, "--out", a_file, *data])
        check(p.returncode in (1, 2) and a_file in p.stderr, f"--out a file: a message naming it: {p.stderr.strip()[:200]!r}")
        with open(a_file) as f:
            check(f.read() == "not a folder\n", "--out a file: the file is untouched")

        # --out inside a place no one can write (procfs refuses even root).
        p = run(foicode, ["run", replies, "--out", "/proc/foicode-dataset", *data])
        check(p.returncode in (1, 2) and "/proc/foicode-dataset" in p.stderr,
              f"--out unwritable: a message naming it: {p.stderr.strip()[:200]!r}")

    if FAILURES:
        sys.exit(f"{len(FAILURES)} check(s) failed")
    print("all checks passed")


if __name__ == "__main__":
    main()
