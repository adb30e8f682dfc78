#!/usr/bin/env python3
"""foicode at scale, against a shell loop of pdftotext, each measured in the same run on the
same machine. Generates a synthetic corpus (tools/bench/make-corpus.py: by default 10,000
replies, half short PDF letters, a quarter e-mails with attachments, a sixth long policy PDFs,
the rest office files), then times:

  baseline   pdftotext once per PDF of the corpus, through xargs -P JOBS
  floor      the same PDFs' text through poppler-cpp in JOBS processes, nothing else done
             (foicode_poppler_floor): the least any Poppler-based tool can spend, as plain
             text and as words with boxes (what foicode reads)
  full       foicode run over the corpus into an empty folder, --jobs JOBS --stats
  no-op      the same run again: nothing changed
  1% new     1% more replies added to the corpus, and the run again

and reports (a) full / baseline, (b) no-op / full, (c) 1%-new / full, (d) peak memory, from
the kernel (the largest resident size of foicode and of any one reader process, as wait4 and
--stats report them), and (e) files and pages per second, with --stats' time per stage.
Prints a table and writes JSON (--json).

usage: tools/bench/scale_bench.py [--foicode build/foicode] [--count 10000] [--jobs N]
                                  [--floor build/tools/bench/foicode_poppler_floor]
                                  [--work DIR] [--json FILE]
  --work DIR  where the corpus and datasets go (default: a temporary folder, removed after);
              a corpus already there with the same --count is reused
"""
import argparse
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def timed(cmd, **kwargs):
    """Runs cmd; returns (seconds, stdout, peak RSS in MB of the process tree it waited for)."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, **kwargs)
    stdout = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed (%s): %s" % (os.waitstatus_to_exitcode(status), " ".join(cmd)))
    return seconds, stdout, usage.ru_maxrss / 1024.0


def stats_of(stdout):
    """The figures of foicode run --stats."""
    out = {"stages": {}}
    for stage in ("extract", "of it ocr", "normalise", "rules", "assemble", "write"):
        m = re.search(r"^\s+%s\s+([\d.]+)$" % stage, stdout, re.M)
        out["stages"]["ocr" if stage == "of it ocr" else stage] = float(m.group(1)) if m else None
    m = re.search(r"\((\d+) pages extracted\)", stdout)
    out["pages_extracted"] = int(m.group(1)) if m else None
    m = re.search(r"peak memory: foicode (\d+) MB; largest reader process (\d+) MB", stdout)
    out["foicode_mb"], out["reader_mb"] = (int(m.group(1)), int(m.group(2))) if m else (None, None)
    m = re.search(r"^read (\d+) inputs? \((\d+) extracted", stdout, re.M)
    out["inputs"], out["extracted"] = (int(m.group(1)), int(m.group(2))) if m else (None, None)
    return out


def poppler_floor(program, pdfs, jobs, work, words):
    """Seconds for `jobs` processes of foicode_poppler_floor, each over its share of the PDFs."""
    with open(pdfs) as f:
        paths = f.read().splitlines()
    lists = []
    for j in range(jobs):
        lists.append(os.path.join(work, "floor-%d.txt" % j))
        with open(lists[-1], "w") as f:
            f.write("".join(p + "\n" for p in paths[j::jobs]))
    started = time.monotonic()
    procs = [subprocess.Popen([program, l] + (["--words"] if words else []), stdout=subprocess.DEVNULL)
             for l in lists]
    if any(p.wait() != 0 for p in procs):
        sys.exit("failed: " + program)
    seconds = time.monotonic() - started
    for l in lists:
        os.remove(l)
    return seconds


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--foicode", default=os.path.join(ROOT, "build/foicode"))
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--floor", default=os.path.join(ROOT, "build/tools/bench/foicode_poppler_floor"))
    ap.add_argument("--work")
    ap.add_argument("--json")
    args = ap.parse_args()
    if shutil.which("pdftotext") is None:
        sys.exit("pdftotext is missing: tools/setup-debian.sh installs it (poppler-utils)")
    work = args.work or tempfile.mkdtemp(prefix="foicode-scale-")
    os.makedirs(work, exist_ok=True)
    try:
        corpus = os.path.join(work, "corpus-%d" % args.count)
        pdfs = os.path.join(work, "pdfs-%d.txt" % args.count)
        if not os.path.exists(pdfs):
            shutil.rmtree(corpus, ignore_errors=True)
            print("generating %d replies in %s ..." % (args.count, corpus), file=sys.stderr)
            made = subprocess.run([sys.executable, os.path.join(ROOT, "tools/bench/make-corpus.py"), corpus,
                                   "--count", str(args.count), "--list-pdfs", pdfs + ".tmp"],
                                  check=True, capture_output=True, text=True)
            with open(os.path.join(work, "corpus-%d.json" % args.count), "w") as f:
                f.write(made.stdout)
            os.replace(pdfs + ".tmp", pdfs)
        with open(os.path.join(work, "corpus-%d.json" % args.count)) as f:
            corpus_info = json.loads(f.read())
        ds = os.path.join(work, "dataset")
        shutil.rmtree(ds, ignore_errors=True)
        # The 1% new replies go in a folder of their own, named in every run, so that the corpus
        # stays as made and can be reused.
        new = os.path.join(work, "new-%d" % args.count)
        shutil.rmtree(new, ignore_errors=True)
        os.makedirs(new)

        print("baseline: pdftotext per PDF, xargs -P %d ..." % args.jobs, file=sys.stderr)
        with open(pdfs) as listing:
            baseline, _, _ = timed(["xargs", "-d", "\n", "-P", str(args.jobs), "-I{}", "pdftotext", "-q", "{}",
                                    "/dev/null"], stdin=listing)
        floor_text = floor_words = None
        if os.path.exists(args.floor):
            print("floor: in-process Poppler over the same PDFs ...", file=sys.stderr)
            floor_text = poppler_floor(args.floor, pdfs, args.jobs, work, False)
            floor_words = poppler_floor(args.floor, pdfs, args.jobs, work, True)
        run = [args.foicode, "run", corpus, new, "--out", ds, "--jobs", str(args.jobs), "--stats"]
        print("full run ...", file=sys.stderr)
        full, full_out, full_rss = timed(run)
        print("no-op refresh ...", file=sys.stderr)
        noop, noop_out, _ = timed(run)
        # 1% new replies, numbered after the corpus, added beside it.
        new_count = max(1, args.count // 100)
        subprocess.run([sys.executable, os.path.join(ROOT, "tools/bench/make-corpus.py"), new, "--start",
                        str(args.count), "--count", str(new_count)], check=True, capture_output=True)
        print("refresh with %d new ..." % new_count, file=sys.stderr)
        one_pct, one_out, _ = timed(run)
        shutil.rmtree(new, ignore_errors=True)
        full_stats = stats_of(full_out)
        result = {
            "machine": {"cores": os.cpu_count(), "jobs": args.jobs},
            "corpus": corpus_info,
            "seconds": {"pdftotext_baseline": baseline, "poppler_text_floor": floor_text,
                        "poppler_words_floor": floor_words, "full": full, "noop_refresh": noop,
                        "one_percent_new": one_pct},
            "ratios": {"full_over_baseline": full / baseline, "noop_over_full": noop / full,
                       "one_percent_over_full": one_pct / full},
            "peak_rss_mb": {"foicode_and_waited_readers": full_rss, "foicode": full_stats["foicode_mb"],
                            "largest_reader": full_stats["reader_mb"],
                            "at_most_at_once": (full_stats["foicode_mb"] or 0) + args.jobs * (full_stats["reader_mb"] or 0)},
            "rates": {"files_per_s": args.count / full,
                      "pages_per_s": (full_stats["pages_extracted"] or 0) / full},
            "stage_thread_seconds": full_stats["stages"],
            "noop": stats_of(noop_out),
            "one_percent": stats_of(one_out),
        }
        rows = [
            ("pdftotext per PDF, xargs -P%d" % args.jobs, "%.1f s" % baseline, ""),
        ]
        if floor_text is not None:
            rows += [
                ("  in-process Poppler, text", "%.1f s" % floor_text,
                 "floor: %.2fx the baseline, no coding" % (floor_text / baseline)),
                ("  in-process Poppler, words", "%.1f s" % floor_words,
                 "floor with word boxes, as foicode reads: %.2fx" % (floor_words / baseline)),
            ]
        rows += [
            ("foicode full run", "%.1f s" % full, "(a) %.2fx the baseline (target <= 0.3x)" % (full / baseline)),
            ("no-op refresh", "%.2f s" % noop, "(b) %.2f%% of the full run (target < 2%%)" % (100 * noop / full)),
            ("refresh, 1%% new (%d files)" % new_count, "%.1f s" % one_pct,
             "(c) %.2f%% of the full run (target < 5%%)" % (100 * one_pct / full)),
            ("peak RSS", "%.0f MB" % full_stats["foicode_mb"] if full_stats["foicode_mb"] else "?",
             "(d) foicode; largest reader %s MB; at most %d MB at once (target < 300 MB)"
             % (full_stats["reader_mb"], result["peak_rss_mb"]["at_most_at_once"])),
            ("rate", "%.1f files/s" % result["rates"]["files_per_s"],
             "(e) %.1f pages/s (%s pages)" % (result["rates"]["pages_per_s"], full_stats["pages_extracted"])),
        ]
        print("\nfoicode at scale: %d replies (%d PDF pages, %.0f MB), --jobs %d on %d cores\n"
              % (args.count, corpus_info["pdf_pages"], corpus_info["bytes"] / 1e6, args.jobs, os.cpu_count()))
        for name, value, note in rows:
            print("  %-32s %14s  %s" % (name, value, note))
        print("\n  thread-seconds by stage (full run): " +
              ", ".join("%s %.1f" % (k, v) for k, v in full_stats["stages"].items() if v is not None))
        if args.json:
            with open(args.json, "w") as f:
                json.dump(result, f, indent=2)
                f.write("\n")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
