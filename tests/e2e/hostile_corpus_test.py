#!/usr/bin/env python3
"""End to end on the real binary: generate the hostile corpus (tools/hostile-corpus.py), code
it with `foicode run`, and check that the batch finishes; that every input is in exactly one
record's sources; that every input that could not be read carries a specific error (one that
names a limit, a format problem, encryption, truncation...) and none tells of a crash; that
nothing was written outside the dataset folder and no temporary file is left in it; and that a
second run over the same corpus (a refresh) finishes too and writes the same dataset.

usage: hostile_corpus_test.py --foicode build/foicode --source CHECKOUT [--keep DIR]
"""
import argparse
import collections
import csv
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

FAILURES = []

# What a specific error says: a limit, a format problem, encryption, truncation, emptiness...
SPECIFIC = re.compile(
    r"limit|encrypt|password|truncat|incomplete|ends inside|damaged|corrupt|not an? |unsupported|"
    r"empty|too (large|short|big|deep|many)|over the|nested|depth|invalid|malformed|missing|"
    r"could not be (read|decoded|opened|parsed)|cannot read|no (pages|message|headers)|bomb|ratio|"
    r"unpacked|bytes|characters|cells|entries|parts|pixels|seconds|well-formed|Pages tree|"
    r"could not read the page \(", re.IGNORECASE)
GENERIC = re.compile(r"\s*(error|internal error|unknown error|failed|failure|exception|n/?a)?\s*[.!]?\s*",
                     re.IGNORECASE)
# Words that tell of the program itself (or a reader it runs) crashing rather than the input
# being bad.
CRASH = re.compile(r"crash|signal|segmentation|segfault|core dump|abort|internal error|exception|"
                   r"std::|bad_alloc|terminate|assert|stack overflow|heap|sanitizer", re.IGNORECASE)
# Files a finished run may leave in its dataset folder (lock files stay, unlocked).
TEMPORARY = re.compile(r"\.tmp|tmp-|~$|\.part$|\.partial$|-journal$|-wal$|-shm$|^\.#|\.swp$", re.IGNORECASE)

# Inputs whose outcome is not in doubt: (a pattern of the path, a pattern its error must match).
MUST_FAIL = [
    (r"^empty/", r"empty"),
    (r"^encrypted/user-", r"encrypt|password"),
    (r"^bombs/zip-bomb", r"limit|bomb|ratio"),
    (r"^bombs/docx-bomb", r"limit|bomb|ratio"),
    (r"^bombs/png-claims", r"limit|pixels"),
    (r"^many/ten-thousand-attachments", r"limit|parts|attachments"),
    (r"^many/twenty-thousand-entries", r"limit|entries"),
    (r"^nested/", r"limit|depth|nested|deep"),
    (r"^broken-pdf/header-only", r"damaged|not a PDF|pages"),
]
# Inputs that are whole and readable (only hostile in some detail): they must carry no error.
MUST_READ = [r"^encrypted/owner-password-only", r"^encrypted/plain-reference"]
# Replies with a few stray NUL or invalid bytes: still read as what they are.
MUST_BE_KIND = [(r"^bad-bytes/every-field\.eml$", "eml"), (r"^bad-bytes/charset-names-garbage\.eml$", "eml"),
                (r"^bad-bytes/page\.html$", "html"), (r"^bad-bytes/cells\.csv$", "csv|txt")]
# Record flags that say a part of an input could not be read: that input must carry an error
# (the contract: `error` when it, or a part of it, could not be read).
UNREAD_FLAGS = {"part_unreadable", "container_empty", "entry_encrypted"}


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        FAILURES.append(what)
    return condition


def run(foicode, *args, cwd):
    started = time.monotonic()
    p = subprocess.run([foicode, *args], capture_output=True, cwd=cwd, timeout=3300)
    return p, time.monotonic() - started


def lenient(path):
    """A path as foicode labels it: bytes that are not UTF-8 are written \\xhh."""
    raw = os.fsencode(path) if isinstance(path, str) else path
    return raw.decode("utf-8", errors="backslashreplace")


def listing(root, skip=None):
    """Every file and folder under root (bytes paths) with size and modification time."""
    seen = {}
    root = os.fsencode(root)
    for dirpath, dirnames, filenames in os.walk(root):
        if skip is not None:
            dirnames[:] = [d for d in dirnames if os.path.join(dirpath, d) != os.fsencode(skip)]
        for name in dirnames + filenames:
            path = os.path.join(dirpath, name)
            st = os.lstat(path)
            seen[os.path.relpath(path, root)] = (st.st_size, st.st_mtime_ns if not os.path.isdir(path) else 0)
    return seen


def marker_files(marker, places):
    found = set()
    for place in places:
        try:
            names = os.listdir(place)
        except OSError:
            continue
        found.update(os.path.join(place, n) for n in names if marker in n)
    return found


def read_records(ds):
    with open(os.path.join(ds, "responses.jsonl"), "rb") as f:
        raw = f.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        check(False, f"responses.jsonl is valid UTF-8 ({e})")
        text = raw.decode("utf-8", errors="replace")
    records = []
    for n, line in enumerate(text.splitlines(), start=1):
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError as e:
            check(False, f"responses.jsonl line {n} is JSON ({e})")
    return records, raw


def error_kind(message):
    m = message.lower()
    for kind, pattern in [("empty", r"empty file"), ("encrypted", r"encrypt|password"),
                          ("limit", r"limit"), ("truncated", r"truncat|incomplete|ends inside"),
                          ("damaged", r"damaged|corrupt|could not|cannot|invalid|malformed"),
                          ("not-that-format", r"not an? "), ("unsupported", r"unsupported")]:
        if re.search(pattern, m):
            return kind
    return "other"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--foicode", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--keep", help="copy the corpus and the dataset here for a look afterwards")
    args = ap.parse_args()
    foicode = os.path.abspath(args.foicode)
    src = os.path.abspath(args.source)
    tmp = tempfile.mkdtemp(prefix="foicode-hostile-")
    try:
        # The corpus and the dataset each sit alone in a folder of their own, so that anything
        # written beside either shows.
        corpus_parent, out_parent = os.path.join(tmp, "in"), os.path.join(tmp, "res")
        os.makedirs(corpus_parent)
        os.makedirs(out_parent)
        corpus = os.path.join(corpus_parent, "corpus")
        out = os.path.join(out_parent, "out")
        started = time.monotonic()
        gen = subprocess.run([sys.executable, os.path.join(src, "tools", "hostile-corpus.py"), corpus],
                             capture_output=True, text=True, timeout=600)
        gen_seconds = time.monotonic() - started
        if gen.returncode != 0:
            sys.exit(f"hostile-corpus.py failed:\n{gen.stdout}\n{gen.stderr}")
        print(gen.stdout.strip() + f" ({gen_seconds:.1f} s)")
        marker = "foicode-escape"

        inputs = {}  # display path (lenient text) -> path below the corpus
        expected = collections.Counter()  # two names may differ only in invalid bytes
        for dirpath, _, filenames in os.walk(os.fsencode(corpus)):
            for name in filenames:
                rel = os.path.relpath(os.path.join(dirpath, name), os.fsencode(corpus))
                inputs[lenient(b"in/corpus/" + rel)] = lenient(rel)
                expected[lenient(b"in/corpus/" + rel)] += 1
        before = listing(tmp)
        places = [tmp, corpus_parent, out_parent, os.path.dirname(tmp), "/tmp", "/", os.getcwd(),
                  os.path.expanduser("~")]
        markers_before = marker_files(marker, places)

        p, run_seconds = run(foicode, "run", "in/corpus", "--out", "res/out", "--jobs", "2", "--data", src, cwd=tmp)
        print(f"foicode run: exit {p.returncode} in {run_seconds:.1f} s")
        check(p.returncode == 0, f"foicode run over the corpus exits 0" + ("" if p.returncode == 0 else
              f" (got {p.returncode}; stderr ends: " + p.stderr.decode("utf-8", "replace")[-600:].strip() + ")"))
        if not os.path.exists(os.path.join(out, "responses.jsonl")):
            check(False, "responses.jsonl was written")
            raise SystemExit(1)

        # Every input in exactly one record's sources, and nothing else there.
        records, first_jsonl = read_records(out)
        seen = collections.Counter()
        sources = {}
        for r in records:
            for s in r.get("sources", []):
                path = lenient(s.get("path") or "")
                seen[path] += 1
                sources[path] = s
        missing = sorted(set(inputs) - set(seen))
        extra = sorted(set(seen) - set(inputs))
        twice = sorted(p for p, n in seen.items() if n > expected[p])
        short = sorted(f"{p} ({seen[p]} of {n})" for p, n in expected.items() if 0 < seen[p] < n)
        check(not missing, f"every input is in a record's sources ({len(missing)} missing: {missing[:8]})")
        check(not short, f"inputs whose names differ only in invalid bytes each have a source ({short[:8]})")
        check(not extra, f"sources name only inputs ({len(extra)} unknown: {extra[:8]})")
        check(not twice, f"no input is in two sources ({twice[:8]})")

        # Errors: specific, no crash.
        vague, crashes = [], []
        for path, s in sorted(sources.items()):
            if s.get("error") is None:
                continue
            message = s["error"]
            if not isinstance(message, str) or GENERIC.fullmatch(message) or not SPECIFIC.search(message):
                vague.append((inputs.get(path, path), message))
            if isinstance(message, str) and CRASH.search(message):
                crashes.append((inputs.get(path, path), message))
        check(not vague, "every error is specific" + "".join(f"\n       {p}: {m!r}" for p, m in vague))
        check(not crashes, "no error tells of a crash" + "".join(f"\n       {p}: {m!r}" for p, m in crashes))
        for path_pattern, error_pattern in MUST_FAIL:
            bad = [(rel, sources.get(disp, {}).get("error")) for disp, rel in sorted(inputs.items())
                   if re.search(path_pattern, rel)
                   and not re.search(error_pattern, sources.get(disp, {}).get("error") or "", re.IGNORECASE)]
            check(not bad, f"inputs {path_pattern} have an error matching /{error_pattern}/"
                  + "".join(f"\n       {p}: {m!r}" for p, m in bad))
        for path_pattern in MUST_READ:
            bad = [(rel, sources.get(disp, {}).get("error")) for disp, rel in sorted(inputs.items())
                   if re.search(path_pattern, rel) and sources.get(disp, {}).get("error") is not None]
            check(not bad, f"inputs {path_pattern} are read without error"
                  + "".join(f"\n       {p}: {m!r}" for p, m in bad))

        for path_pattern, kind_pattern in MUST_BE_KIND:
            bad = [(rel, sources.get(disp, {}).get("kind"), sources.get(disp, {}).get("error"))
                   for disp, rel in sorted(inputs.items())
                   if re.search(path_pattern, rel) and not re.fullmatch(kind_pattern, sources.get(disp, {}).get("kind") or "")]
            check(not bad, f"inputs {path_pattern} are read as {kind_pattern}"
                  + "".join(f"\n       {p}: kind {k}, error {m!r}" for p, k, m in bad))
        silent = []
        for r in records:
            for flag in r.get("flags", []):
                if flag.get("code") not in UNREAD_FLAGS:
                    continue
                for s in r.get("sources", []):
                    if (flag.get("message") or "").startswith(s.get("path", "") + ":") and s.get("error") is None:
                        silent.append((inputs.get(lenient(s["path"]), s["path"]), flag["code"], flag["message"]))
        check(not silent, "an input with a part that could not be read carries an error"
              + "".join(f"\n       {p}: error null, flag {c}: {m[:160]!r}" for p, c, m in sorted(set(silent))))

        # The spreadsheet files parse, one row per record, whatever the names held.
        try:
            with open(os.path.join(out, "responses.csv"), newline="", encoding="utf-8") as f:
                rows = list(csv.DictReader(f))
            check(len(rows) == len(records), f"responses.csv has one row per record ({len(rows)} for {len(records)})")
            with open(os.path.join(out, "systems.csv"), newline="", encoding="utf-8") as f:
                list(csv.DictReader(f))
        except (UnicodeDecodeError, csv.Error) as e:
            check(False, f"responses.csv and systems.csv are valid UTF-8 CSV ({e})")

        # Nothing outside the dataset folder; nothing half-written in it.
        after = listing(tmp, skip=out)
        appeared = sorted(lenient(k) for k in set(after) - set(before))
        changed = sorted(lenient(k) for k in set(after) & set(before) if after[k] != before[k])
        check(not appeared, f"nothing was written beside the corpus or the dataset ({appeared[:8]})")
        check(not changed, f"the corpus is unchanged ({changed[:8]})")
        escaped = sorted(marker_files(marker, places) - markers_before)
        check(not escaped, f"no file named from a hostile attachment or entry name appeared ({escaped})")
        leftovers = sorted(lenient(k) for k in listing(out) if TEMPORARY.search(os.path.basename(lenient(k))))
        check(not leftovers, f"no temporary or half-written file is left in the dataset folder ({leftovers})")

        # A refresh over the same corpus finishes, and writes the same dataset.
        p2, refresh_seconds = run(foicode, "run", "in/corpus", "--out", "res/out", "--jobs", "2", "--data", src, cwd=tmp)
        print(f"foicode run (refresh): exit {p2.returncode} in {refresh_seconds:.1f} s")
        check(p2.returncode == 0, f"a refresh over the corpus exits 0" + ("" if p2.returncode == 0 else
              f" (got {p2.returncode}; stderr ends: " + p2.stderr.decode("utf-8", "replace")[-600:].strip() + ")"))
        if p2.returncode == 0:
            _, second_jsonl = read_records(out)
            check(second_jsonl == first_jsonl, "the refresh writes the same responses.jsonl")
            leftovers = sorted(lenient(k) for k in listing(out) if TEMPORARY.search(os.path.basename(lenient(k))))
            check(not leftovers, f"no temporary file is left after the refresh ({leftovers})")

        # Summary: inputs and errors by kind of file, and errors by what they say.
        by_kind = collections.defaultdict(lambda: [0, 0])
        by_error = collections.Counter()
        for s in (s for r in records for s in r.get("sources", [])):
            by_kind[s.get("kind") or "?"][0] += 1
            if s.get("error") is not None:
                by_kind[s.get("kind") or "?"][1] += 1
                by_error[error_kind(s["error"])] += 1
        print(f"\n{sum(expected.values())} inputs, {sum(e for _, e in by_kind.values())} with an error;"
              f" corpus {gen_seconds:.0f} s, run {run_seconds:.0f} s, refresh {refresh_seconds:.0f} s")
        print(f"{'kind':<10} {'inputs':>6} {'errors':>6}")
        for kind, (n, e) in sorted(by_kind.items()):
            print(f"{kind:<10} {n:>6} {e:>6}")
        print("errors by what they say: " + ", ".join(f"{k} {n}" for k, n in by_error.most_common()))
        if args.keep:
            shutil.rmtree(args.keep, ignore_errors=True)
            shutil.copytree(tmp, args.keep, symlinks=True)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if FAILURES:
        sys.exit(f"{len(FAILURES)} checks failed")
    print("all checks passed")


if __name__ == "__main__":
    main()
