#!/usr/bin/env python3
"""End to end on the real binary: code the samples, record review decisions of every kind,
add replies and change the dictionaries, refresh, and check that every decision is still
applied, or visibly stale, or listed as orphaned; that unchanged inputs were not extracted
again (from the run's own counters); and that a run killed with SIGKILL at any moment,
then run again, gives the same dataset as a run never interrupted.

usage: refresh_test.py --foicode build/foicode --source CHECKOUT
"""
import argparse
import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

FAILURES = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        FAILURES.append(what)


def run(foicode, *args, expect=0):
    p = subprocess.run([foicode, *args], capture_output=True, text=True, timeout=900)
    if p.returncode != expect:
        sys.exit(f"foicode {' '.join(args)} exited {p.returncode} (wanted {expect}):\n{p.stdout}\n{p.stderr}")
    return p


def records(ds):
    with open(os.path.join(ds, "responses.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def counters(ds):
    with open(os.path.join(ds, "last-run.json"), encoding="utf-8") as f:
        return json.load(f)


def changes(ds):
    with open(os.path.join(ds, "changes.jsonl"), encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def by_name(recs, name):
    for r in recs:
        if (r["respondent"] or {}).get("name") == name:
            return r
    raise AssertionError(f"no record for {name}")


def export_queue(foicode, ds, path, data):
    run(foicode, "review", ds, "--export", path, "--data", data)
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write_verdicts(path, rows, extra):
    fields = list(rows[0].keys())
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=fields)
        w.writeheader()
        w.writerows(rows)
        for e in extra:
            w.writerow({k: e.get(k, "") for k in fields})


def decide(rows):
    """Fills in a verdict of every kind on the sample queue. Returns what was decided."""
    decided = {}
    for r in rows:
        code, who = r["code"], r["respondent"]
        if code == "deployment_mixed" and "deployment" not in decided:
            # A correction of a system (deployment) and of its figure.
            r.update(verdict="correct", new_deployment="live", new_low="68001", new_high="68001",
                     reason="the letter says it is in routine use")
            decided["deployment"] = who
        elif code == "unnamed_system" and "vendor" not in decided:
            r.update(verdict="correct", new_vendor="Brainomix", new_product="e-Stroke")
            decided["vendor"] = who
        elif code == "unnamed_system" and "reject" not in decided:
            r.update(verdict="reject", reason="not an AI system")
            decided["reject"] = who
        elif code == "acknowledgement_only" and "status" not in decided:
            r.update(verdict="correct", new_status="no_ai")
            decided["status"] = who
        elif code == "acknowledgement_only" and "respondent" not in decided:
            r.update(verdict="correct", new_respondent="Imperial College Healthcare NHS Trust")
            decided["respondent"] = who
        elif code == "charset_guessed" and "accept" not in decided:
            r.update(verdict="accept")
            decided["accept"] = who
    return decided


def kill_and_rerun(foicode, inputs, ds, data, duration, fractions):
    """Runs into ds, killed with SIGKILL after each fraction of `duration`, then to the end."""
    for fraction in fractions:
        p = subprocess.Popen([foicode, "run", inputs, "--out", ds, "--data", data, "--jobs", "2"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        p.send_signal(signal.SIGKILL)
        p.wait()
        # Whatever moment it died at, what is on disk is a whole dataset (or none yet).
        path = os.path.join(ds, "responses.jsonl")
        if os.path.exists(path):
            try:
                records(ds)
                readable = True
            except (json.JSONDecodeError, UnicodeDecodeError):
                readable = False
            check(readable, f"after a kill at {fraction:.2f} of a run, responses.jsonl is whole")
    run(foicode, "run", inputs, "--out", ds, "--data", data, "--jobs", "2")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--foicode", required=True)
    ap.add_argument("--source", required=True)
    args = ap.parse_args()
    foicode = os.path.abspath(args.foicode)
    src = os.path.abspath(args.source)
    tmp = tempfile.mkdtemp(prefix="foicode-e2e-")
    os.chdir(tmp)
    try:
        shutil.copytree(os.path.join(src, "samples/replies"), "replies")
        data = os.path.join(tmp, "data")
        shutil.copytree(os.path.join(src, "dictionaries"), os.path.join(data, "dictionaries"))
        shutil.copytree(os.path.join(src, "rules"), os.path.join(data, "rules"))
        n_samples = sum(len(files) for _, _, files in os.walk("replies"))

        # 1. The first run extracts everything.
        started = time.monotonic()
        run(foicode, "run", "replies", "--out", "ds", "--data", data, "--jobs", "2")
        full_seconds = time.monotonic() - started
        c = counters("ds")
        check(c["extracted"] == n_samples and c["recoded"], f"first run extracted all {n_samples} inputs")

        # 2. Decisions of every kind, through the CSV round trip.
        rows = export_queue(foicode, "ds", "queue.csv", data)
        decided = decide(rows)
        check(len(decided) == 6, f"the sample queue offers every kind of decision ({sorted(decided)})")
        hull = "Hull University Teaching Hospitals NHS Trust"
        write_verdicts("verdicts.csv", rows, [{"record": hull, "verdict": "add", "new_vendor": "Qure.ai",
                                               "new_deployment": "pilot", "reason": "named on the phone"}])
        out = run(foicode, "review", "ds", "--import", "verdicts.csv", "--data", data)
        check("applied 8 decisions" in out.stdout, "import applied 8 decisions (" + out.stdout.strip() + ")")

        recs = records("ds")
        epsom = by_name(recs, decided["deployment"])
        annalise = [s for s in epsom["systems"] if s["vendor"] == "Annalise.ai"][0]
        check(annalise["deployment"] == "live" and annalise["review"]["state"] == "corrected"
              and annalise["review"]["machine"] == {"deployment": "pilot"},
              "a corrected deployment is applied, the machine's kept beside it")
        check(annalise["usage"][0]["low"] == 68001 and annalise["usage"][0]["review"]["machine"]["low"] == 68000,
              "a corrected figure is applied, the machine's kept beside it")
        christie = by_name(recs, decided["vendor"])
        states = sorted(s["review"]["state"] for s in christie["systems"] + christie.get("rejected_systems", []))
        check(states == ["corrected", "rejected"] and len(christie["rejected_systems"]) == 1,
              f"a rejected system leaves systems for rejected_systems ({states})")
        check(by_name(recs, decided["status"])["status"] == "no_ai", "a corrected status is applied")
        check(by_name(recs, decided["accept"])["review"]["state"] == "accepted", "an accepted record says so")
        added = [s for s in by_name(recs, hull)["systems"] if s["review"]["state"] == "added"]
        check(len(added) == 1 and added[0]["vendor"] == "Qure.ai", "an added system is in the record")

        # A bad file applies nothing and names each bad row.
        write_verdicts("bad.csv", rows[:1], [{"id": "nope", "verdict": "accept"}, {"id": rows[0]["id"], "verdict": "maybe"}])
        bad = run(foicode, "review", "ds", "--import", "bad.csv", "--data", data, expect=1)
        check("bad.csv:3:" in bad.stderr and "bad.csv:4:" in bad.stderr and "nothing was applied" in bad.stderr,
              "a file with bad rows applies nothing and names each row")

        # 3. New replies, a removed one, and a dictionary change; then refresh.
        holdout = os.path.join(src, "samples/holdout/replies")
        new_files = sorted(os.listdir(holdout))[:3]
        for name in new_files:
            shutil.copy(os.path.join(holdout, name), os.path.join("replies", name))
        removed = [f for f in os.listdir("replies") if f.startswith("Acknowledgement")][0]
        os.remove(os.path.join("replies", removed))
        vendors = os.path.join(data, "dictionaries", "vendors.tsv")
        with open(vendors, encoding="utf-8") as f:
            text = f.read()
        text = text.replace("Annalise.ai\tRadiology\tAnnalise ;", "Annalise.ai\tRespiratory\tAnnalise ; Annalise Lung AI ;")
        with open(vendors, "w", encoding="utf-8") as f:
            f.write(text)
        snapshot = os.path.join(tmp, "ds-before-refresh")
        shutil.copytree("ds", snapshot)

        started = time.monotonic()
        run(foicode, "run", "replies", "--out", "ds", "--data", data, "--jobs", "2")
        refresh_seconds = time.monotonic() - started
        c = counters("ds")
        check(c["extracted"] == len(new_files), f"refresh extracted only the {len(new_files)} new inputs ({c['extracted']})")
        check(c["unread"] + c["from_cache"] == n_samples - 1, "every unchanged input came from the last run")
        check(c["recoded"], "the dictionary change re-coded from the stored text")
        check(c["decisions_applied"] + c["decisions_stale"] + c["decisions_orphaned"] + c["decisions_superseded"] == 8,
              "every one of the 8 decisions is applied, stale or orphaned")
        check(c["decisions_stale"] >= 1, "the decision on the re-coded Annalise system is stale")
        check(c["decisions_orphaned"] >= 1, "the decision on the removed reply is orphaned")
        kinds = {x["change"] for x in changes("ds")}
        for kind in ("input_added", "input_removed", "respondent_added", "respondent_removed", "decision_stale",
                     "decision_orphaned"):
            check(kind in kinds, f"changes.jsonl reports {kind}")
        recs = records("ds")
        annalise = [s for s in by_name(recs, decided["deployment"])["systems"] if s["vendor"] == "Annalise.ai"][0]
        check(annalise["deployment"] == "live" and annalise["review"]["stale"], "a stale decision is still applied, marked stale")
        queue = export_queue(foicode, "ds", "queue2.csv", data)
        states = {(q["code"], q["state"]) for q in queue}
        check(("deployment_mixed", "stale") in states, "the stale item is back in the queue")
        check(("decision_orphaned", "orphan") in states, "the orphaned decision is listed in the queue")
        check(by_name(recs, decided["accept"])["review"]["state"] == "accepted", "an unaffected decision is still applied")

        # 4. A no-op refresh reads nothing and changes nothing.
        run(foicode, "run", "replies", "--out", "ds", "--data", data, "--jobs", "2")
        c = counters("ds")
        check(c["extracted"] == 0 and c["from_cache"] == 0 and not c["recoded"], "a no-op refresh reads and codes nothing")
        check(changes("ds") == [x for x in changes("ds") if x["change"].startswith("decision_")],
              "a no-op refresh reports no change but the open decisions")

        # A reply replaced by one of the same size, its time set back (as cp -p or unzip do):
        # still read again, since the inode's change time cannot be set back.
        victim = os.path.join("replies", sorted(f for f in os.listdir("replies") if f.endswith(".txt"))[0])
        st = os.stat(victim)
        with open(victim, "rb") as f:
            body = bytearray(f.read())
        body[-2:-1] = b"X" if body[-2:-1] != b"X" else b"Y"
        with open(victim, "wb") as f:
            f.write(body)
        os.utime(victim, ns=(st.st_atime_ns, st.st_mtime_ns))
        run(foicode, "run", "replies", "--out", "ds", "--data", data, "--jobs", "2")
        c = counters("ds")
        check(c["extracted"] == 1, f"a same-size edit with its time set back is read again ({c['extracted']})")
        check("input_changed" in {x["change"] for x in changes("ds")}, "changes.jsonl reports the changed input")
        shutil.copy(os.path.join(src, "samples/replies", os.path.basename(victim)), victim)
        run(foicode, "run", "replies", "--out", "ds", "--data", data, "--jobs", "2")

        # 5. Killed at any moment, then run again: the same dataset as the uninterrupted refresh.
        expected = open(os.path.join("ds", "responses.jsonl"), encoding="utf-8").read()
        killed = os.path.join(tmp, "ds-killed")
        shutil.copytree(snapshot, killed)
        kill_and_rerun(foicode, "replies", killed, data, refresh_seconds, [0.05, 0.3, 0.6, 0.9])
        got = open(os.path.join(killed, "responses.jsonl"), encoding="utf-8").read()
        check(got == expected, "a refresh killed four times and run again equals the uninterrupted one")
        fresh = os.path.join(tmp, "ds-fresh-killed")
        kill_and_rerun(foicode, "replies", fresh, data, full_seconds, [0.1, 0.5])
        uninterrupted = os.path.join(tmp, "ds-fresh")
        run(foicode, "run", "replies", "--out", uninterrupted, "--data", data, "--jobs", "2")
        check(open(os.path.join(fresh, "responses.jsonl"), encoding="utf-8").read()
              == open(os.path.join(uninterrupted, "responses.jsonl"), encoding="utf-8").read(),
              "a first run killed twice and run again equals an uninterrupted one")
    finally:
        os.chdir("/")
        shutil.rmtree(tmp, ignore_errors=True)
    if FAILURES:
        sys.exit(f"{len(FAILURES)} checks failed")
    print("all checks passed")


if __name__ == "__main__":
    main()
