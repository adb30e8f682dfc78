#!/usr/bin/env python3
"""Score a coded dataset against the hand-reviewed expected facts of the sample replies.

Usage: tools/evaluate.py OUT_DIR [--expected DIR] [--json]

Reads OUT_DIR/responses.jsonl (the format of the coded-records contract) and every
*.json file in the expected folder (default: samples/expected/ beside this script), matches
records by respondent name (a null respondent by its sources), and prints vendor and product
precision and recall, usage-figure recall, status, exemption and date accuracy, flag counts,
the wrong facts that carry no flag, missing records and expected flags that were not raised.
It is a measurement, not a test: the exit status is 0 whenever it ran, 2 for a usage error
(bad arguments, no responses.jsonl, an expected file that cannot be read).
"""

import argparse
import collections
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_EXPECTED = os.path.join(ROOT, "samples", "expected")


class UsageError(Exception):
    pass


# ---------------------------------------------------------------------------
# Small, forgiving readers: the output under test may be malformed anywhere.
# ---------------------------------------------------------------------------
def as_list(v):
    return v if isinstance(v, list) else []


def as_dict(v):
    return v if isinstance(v, dict) else {}


def as_text(v):
    if isinstance(v, str) and v.strip():
        return v.strip()
    return None


def as_num(v):
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v.replace(",", ""))
        except ValueError:
            return None
    return None


def as_per(v):
    t = as_text(v)
    return t.lower() if t else None


def norm_path(p):
    p = p.replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return p


def path_matches(out_path, exp_path):
    """An output path is the run's PATH argument joined with the path below it."""
    return out_path == exp_path or out_path.endswith("/" + exp_path)


def norm_exemption(v):
    t = as_text(v)
    if t is None:
        return None
    m = re.match(r"(?i)\s*(?:s(?:ection)?\.?\s*)?(\d+)", t)
    return "s%d" % int(m.group(1)) if m else t.lower()


def flag_codes(v):
    codes = []
    for f in as_list(v):
        code = as_text(f.get("code")) if isinstance(f, dict) else as_text(f)
        codes.append(code or "(no code)")
    return codes


def fmt_num(x):
    if x is None:
        return "?"
    return str(int(x)) if float(x).is_integer() else str(x)


def fmt_figure(f):
    s = fmt_num(f["low"]) if f["low"] == f["high"] else "%s-%s" % (fmt_num(f["low"]), fmt_num(f["high"]))
    if f["per"]:
        s += " per " + f["per"]
    if f["start"] or f["end"]:
        s += " (%s..%s)" % (f["start"] or "?", f["end"] or "?")
    return s


def fmt_system(vendor, product):
    return "%s / %s" % (vendor or "null", product or "null")


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------
def figure(u, expected):
    u = as_dict(u)
    if expected:
        start, end = as_text(u.get("period_start")), as_text(u.get("period_end"))
    else:
        period = as_dict(u.get("period"))
        start, end = as_text(period.get("start")), as_text(period.get("end"))
    return {"low": as_num(u.get("low")), "high": as_num(u.get("high")), "per": as_per(u.get("per")),
            "start": start, "end": end}


def system(s, expected):
    s = as_dict(s)
    return {"vendor": as_text(s.get("vendor")), "product": as_text(s.get("product")),
            "subspecialty": as_text(s.get("subspecialty")), "deployment": as_text(s.get("deployment")),
            "usage": [figure(u, expected) for u in as_list(s.get("usage"))],
            "flags": [] if expected else flag_codes(s.get("flags"))}


def tool(t):
    t = as_dict(t)
    return (as_text(t.get("vendor")), as_text(t.get("product")))


def load_expected(folder):
    if not os.path.isdir(folder):
        raise UsageError("expected folder not found: %s" % folder)
    records = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        path = os.path.join(folder, name)
        try:
            with open(path, encoding="utf-8") as f:
                d = json.load(f)
        except (OSError, ValueError) as e:
            raise UsageError("%s: cannot read: %s" % (path, e))
        if not isinstance(d, dict):
            raise UsageError("%s: not a JSON object" % path)
        resp = d.get("respondent")
        if resp is not None and not as_text(resp):
            raise UsageError("%s: respondent must be a name or null" % path)
        sources = d.get("sources")
        if not isinstance(sources, list) or not sources or not all(as_text(s) for s in sources):
            raise UsageError("%s: sources must be a non-empty list of paths" % path)
        if not isinstance(d.get("systems", []), list):
            raise UsageError("%s: systems must be a list" % path)
        systems = [system(s, True) for s in d.get("systems", [])]
        for s in systems:
            for u in s["usage"]:
                if u["low"] is None or u["high"] is None:
                    raise UsageError("%s: a usage figure of %s has no low/high" % (
                        path, fmt_system(s["vendor"], s["product"])))
        records.append({
            "id": name[:-5],
            "file": path,
            "name": as_text(resp),
            "sources": [norm_path(s) for s in sources],
            "status": as_text(d.get("status")),
            "exemptions": sorted({norm_exemption(x) for x in as_list(d.get("exemptions"))} - {None}),
            "response_date": as_text(d.get("response_date")),
            "systems": systems,
            "other_tools": [tool(t) for t in as_list(d.get("other_tools"))],
            "expected_flags": [c for c in (as_text(x) for x in as_list(d.get("expected_flags"))) if c],
        })
    return records


def load_output(out_dir):
    path = out_dir if os.path.isfile(out_dir) else os.path.join(out_dir, "responses.jsonl")
    if not os.path.isdir(out_dir) and not os.path.isfile(out_dir):
        raise UsageError("not found: %s" % out_dir)
    if not os.path.isfile(path):
        raise UsageError("no responses.jsonl in %s" % out_dir)
    records, problems = [], []
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            lines = f.read().split("\n")
    except OSError as e:
        raise UsageError("%s: cannot read: %s" % (path, e))
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
        except ValueError as e:
            problems.append("responses.jsonl line %d: not JSON (%s)" % (n, e))
            continue
        if not isinstance(d, dict):
            problems.append("responses.jsonl line %d: not a JSON object" % n)
            continue
        resp = d.get("respondent")
        name = as_text(resp.get("name")) if isinstance(resp, dict) else as_text(resp)
        sources = []
        for s in as_list(d.get("sources")):
            p = as_text(s.get("path")) if isinstance(s, dict) else as_text(s)
            if p:
                sources.append(norm_path(p))
        records.append({
            "line": n,
            "name": name,
            "sources": sources,
            "status": as_text(d.get("status")),
            "exemptions": sorted({norm_exemption(x) for x in as_list(d.get("exemptions"))} - {None}),
            "response_date": as_text(d.get("response_date")),
            "systems": [system(s, False) for s in as_list(d.get("systems"))],
            "other_tools": [tool(t) for t in as_list(d.get("other_tools"))],
            "flags": flag_codes(d.get("flags")),
        })
    return path, records, problems


def label(rec):
    if rec["name"]:
        return rec["name"]
    return "(no respondent) %s" % (rec["sources"][0] if rec["sources"] else "(no sources)")


def overlap(exp, out):
    return sum(1 for e in exp["sources"] if any(path_matches(o, e) for o in out["sources"]))


def match_records(expected, outputs):
    """Pairs each expected record with at most one output record: the same respondent name
    (the same sources for a null respondent), most shared sources first."""
    pairs = []
    for i, e in enumerate(expected):
        for j, o in enumerate(outputs):
            ov = overlap(e, o)
            if e["name"] is not None:
                if o["name"] == e["name"]:
                    pairs.append((-ov, 0, i, j))
                elif o["name"] is not None and o["name"].casefold() == e["name"].casefold():
                    pairs.append((-ov, 1, i, j))
            elif o["name"] is None and ov > 0:
                pairs.append((-ov, 0, i, j))
    pairs.sort()
    e2o, used = {}, set()
    for _, _, i, j in pairs:
        if i not in e2o and j not in used:
            e2o[i] = j
            used.add(j)
    return e2o


# ---------------------------------------------------------------------------
# Measures
# ---------------------------------------------------------------------------
def rows(items):
    """Sorted lists for the report; None sorts first instead of failing to compare."""
    return sorted((list(x) for x in items), key=lambda r: [(v is not None, v or "") for v in r])


def ratio(a, b):
    return a / b if b else None


def prf(expected, output):
    tp = len(expected & output)
    p, r = ratio(tp, len(output)), ratio(tp, len(expected))
    f1 = 2 * p * r / (p + r) if p is not None and r is not None and p + r > 0 else (
        0.0 if p is not None and r is not None else None)
    return {"tp": tp, "fp": len(output - expected), "fn": len(expected - output),
            "precision": p, "recall": r, "f1": f1}


def same_system(out_s, exp_s):
    """The output system that stands for an expected one: the same vendor, and the same
    product when both give one; for a vendor-less system, the same subspecialty."""
    if exp_s["vendor"] is None:
        return out_s["vendor"] is None and out_s["subspecialty"] == exp_s["subspecialty"]
    return (out_s["vendor"] == exp_s["vendor"] and
            (out_s["product"] is None or exp_s["product"] is None or out_s["product"] == exp_s["product"]))


def same_figure(a, b):
    return a["low"] == b["low"] and a["high"] == b["high"] and a["per"] == b["per"]


def evaluate(expected, outputs, problems):
    e2o = match_records(expected, outputs)
    o2e = {j: i for i, j in e2o.items()}
    key_of_out = {j: ("exp", expected[o2e[j]]["id"]) if j in o2e else ("out", j) for j in range(len(outputs))}
    label_of_key = {("exp", e["id"]): label(e) for e in expected}
    label_of_key.update({("out", j): label(o) for j, o in enumerate(outputs)})

    # Vendors and products.
    exp_v, exp_p, out_v, out_p = set(), set(), set(), set()
    for e in expected:
        k = ("exp", e["id"])
        for s in e["systems"]:
            if s["vendor"]:
                exp_v.add((k, s["vendor"]))
                exp_p.add((k, s["vendor"], s["product"]))
    for j, o in enumerate(outputs):
        k = key_of_out[j]
        for s in o["systems"]:
            if s["vendor"]:
                out_v.add((k, s["vendor"]))
                out_p.add((k, s["vendor"], s["product"]))
    # The facts of a missing record are not listed one by one: the record is.
    matched = {("exp", expected[i]["id"]) for i in e2o}
    vendor = prf(exp_v, out_v)
    vendor["missed"] = rows([label_of_key[k], v] for k, v in exp_v - out_v if k in matched)
    vendor["extra"] = rows([label_of_key[k], v] for k, v in out_v - exp_v)
    product = prf(exp_p, out_p)
    product["missed"] = rows([label_of_key[k], v, p] for k, v, p in exp_p - out_p if k in matched)
    product["extra"] = rows([label_of_key[k], v, p] for k, v, p in out_p - exp_p)

    # Usage figures.
    n_fig = found = with_period = 0
    missed_figs = []
    for i, e in enumerate(expected):
        o = outputs[e2o[i]] if i in e2o else None
        for s in e["systems"]:
            cands = [c for c in (o["systems"] if o else []) if same_system(c, s)]
            for f in s["usage"]:
                n_fig += 1
                hits = [g for c in cands for g in c["usage"] if same_figure(g, f)]
                if hits:
                    found += 1
                    if any(g["start"] == f["start"] and g["end"] == f["end"] for g in hits):
                        with_period += 1
                elif o is not None:
                    missed_figs.append({"respondent": label(e), "vendor": s["vendor"], "product": s["product"],
                                        "figure": fmt_figure(f)})
    usage = {"expected": n_fig, "found": found, "recall": ratio(found, n_fig),
             "found_with_period": with_period, "missed": missed_figs}

    # Status, exemptions, date, sources, other tools.
    fields = {}
    diffs = {"status": [], "exemptions": [], "response_date": []}
    for field in ("status", "exemptions", "response_date"):
        ok = 0
        for i, e in enumerate(expected):
            if i not in e2o:
                continue
            got = outputs[e2o[i]][field]
            if got == e[field]:
                ok += 1
            else:
                diffs[field].append({"respondent": label(e), "expected": e[field], "output": got})
        fields[field] = {"correct": ok, "total": len(expected), "accuracy": ratio(ok, len(expected))}
    src_ok, src_diffs = 0, []
    for i, e in enumerate(expected):
        if i not in e2o:
            continue
        o = outputs[e2o[i]]
        missing = [p for p in e["sources"] if not any(path_matches(q, p) for q in o["sources"])]
        extra = [q for q in o["sources"] if not any(path_matches(q, p) for p in e["sources"])]
        if missing or extra:
            src_diffs.append({"respondent": label(e), "missing": missing, "extra": extra})
        else:
            src_ok += 1
    fields["sources"] = {"correct": src_ok, "total": len(expected), "accuracy": ratio(src_ok, len(expected))}
    exp_t = {(("exp", e["id"]),) + t for e in expected for t in e["other_tools"]}
    out_t = {(key_of_out[j],) + t for j, o in enumerate(outputs) for t in o["other_tools"]}
    other_tools = prf(exp_t, out_t)
    other_tools["missed"] = rows([label_of_key[k], v, p] for k, v, p in exp_t - out_t if k in matched)

    # Flags.
    n_sys = sum(len(o["systems"]) for o in outputs)
    n_flagged = sum(1 for o in outputs for s in o["systems"] if s["flags"])
    rec_counts = collections.Counter(c for o in outputs for c in o["flags"])
    sys_counts = collections.Counter(c for o in outputs for s in o["systems"] for c in s["flags"])

    # Wrong facts without a flag.
    wrong = []
    for j, o in enumerate(outputs):
        e = expected[o2e[j]] if j in o2e else None
        exp_systems = e["systems"] if e else []
        who = label(o) if e else "%s [line %d, no expected record]" % (label(o), o["line"])
        pairs = {(s["vendor"], s["product"]) for s in exp_systems}
        for s in o["systems"]:
            if (s["vendor"], s["product"]) not in pairs and not s["flags"]:
                wrong.append({"respondent": who, "kind": "system",
                              "detail": "system %s is not expected" % fmt_system(s["vendor"], s["product"])})
            if s["flags"] or o["flags"]:
                continue
            exp_figs = [f for es in exp_systems if same_system(s, es) for f in es["usage"]]
            for g in s["usage"]:
                if not any(same_figure(g, f) for f in exp_figs):
                    wrong.append({"respondent": who, "kind": "usage",
                                  "detail": "figure %s for %s is not expected" % (
                                      fmt_figure(g), fmt_system(s["vendor"], s["product"]))})
        if e and o["status"] != e["status"] and not o["flags"]:
            wrong.append({"respondent": who, "kind": "status",
                          "detail": "status %s, expected %s" % (o["status"], e["status"])})

    # Missing records, unexpected records, flags not raised.
    missing = []
    for i, e in enumerate(expected):
        if i in e2o:
            continue
        went = sorted({label(o) for o in outputs
                       if any(path_matches(q, p) for p in e["sources"] for q in o["sources"])})
        missing.append({"respondent": label(e), "file": os.path.basename(e["file"]), "sources_in": went})
    unexpected = [{"respondent": label(o), "line": o["line"], "sources": o["sources"]}
                  for j, o in enumerate(outputs) if j not in o2e]
    not_raised = [{"respondent": label(e), "code": c}
                  for i, e in enumerate(expected) if i in e2o
                  for c in e["expected_flags"] if c not in outputs[e2o[i]]["flags"]]

    return {
        "records": {"expected": len(expected), "output": len(outputs), "matched": len(e2o),
                    "missing": missing, "unexpected": unexpected},
        "vendor": vendor,
        "product": product,
        "usage": usage,
        "status": fields["status"],
        "exemptions": fields["exemptions"],
        "response_date": fields["response_date"],
        "sources": fields["sources"],
        "differences": dict(diffs, sources=src_diffs),
        "other_tools": other_tools,
        "flagged_systems": {"flagged": n_flagged, "systems": n_sys, "share": ratio(n_flagged, n_sys)},
        "flag_counts": {"record": dict(sorted(rec_counts.items())), "system": dict(sorted(sys_counts.items()))},
        "wrong_without_flag": wrong,
        "expected_flags_not_raised": not_raised,
        "problems": problems,
    }


# ---------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------
def pct(x):
    return "n/a" if x is None else "%.3f" % x


def print_report(r, out):
    w = out.write
    rec = r["records"]
    w("Records: %d expected, %d in output, %d matched, %d missing, %d unexpected\n" % (
        rec["expected"], rec["output"], rec["matched"], len(rec["missing"]), len(rec["unexpected"])))
    for name, key in (("Vendors  (respondent, vendor)         ", "vendor"),
                      ("Products (respondent, vendor, product)", "product")):
        m = r[key]
        w("%s  P %s (%d/%d)  R %s (%d/%d)  F1 %s\n" % (
            name, pct(m["precision"]), m["tp"], m["tp"] + m["fp"], pct(m["recall"]), m["tp"],
            m["tp"] + m["fn"], pct(m["f1"])))
    u = r["usage"]
    w("Usage figures: found %d/%d (recall %s); %d of the found also have the expected period\n" % (
        u["found"], u["expected"], pct(u["recall"]), u["found_with_period"]))
    for key, name in (("status", "Status"), ("exemptions", "Exemptions"), ("response_date", "Response date"),
                      ("sources", "Sources (exact set)")):
        m = r[key]
        w("%-20s %d/%d (%s)\n" % (name + ":", m["correct"], m["total"], pct(m["accuracy"])))
    t = r["other_tools"]
    w("%-20s found %d/%d, %d not expected\n" % ("Other tools:", t["tp"], t["tp"] + t["fn"], t["fp"]))
    fs = r["flagged_systems"]
    w("Flagged systems:     %d/%d (%s)\n" % (fs["flagged"], fs["systems"], pct(fs["share"])))
    for level in ("record", "system"):
        counts = r["flag_counts"][level]
        w("Flags (%s): %s\n" % (level, ", ".join("%s %d" % kv for kv in counts.items()) or "none"))

    def section(title, items, fmt):
        w("\n%s (%d)\n" % (title, len(items)))
        for it in items:
            w("  " + fmt(it) + "\n")

    section("Wrong facts without a flag", r["wrong_without_flag"],
            lambda x: "%s: %s" % (x["respondent"], x["detail"]))
    section("Missing expected records", rec["missing"],
            lambda x: "%s [%s]%s" % (x["respondent"], x["file"],
                                     "; its sources are in: " + "; ".join(x["sources_in"]) if x["sources_in"] else ""))
    section("Expected flags not raised", r["expected_flags_not_raised"],
            lambda x: "%s: %s" % (x["respondent"], x["code"]))
    if rec["unexpected"]:
        section("Output records matching no expected record", rec["unexpected"],
                lambda x: "%s (line %d): %s" % (x["respondent"], x["line"], "; ".join(x["sources"])))
    misses = ([("vendor", "%s: %s" % tuple(m)) for m in r["vendor"]["missed"]] +
              [("product", "%s: %s" % (m[0], fmt_system(m[1], m[2]))) for m in r["product"]["missed"]] +
              [("usage", "%s: %s %s" % (m["respondent"], fmt_system(m["vendor"], m["product"]), m["figure"]))
               for m in r["usage"]["missed"]] +
              [("other tool", "%s: %s" % (m[0], fmt_system(m[1], m[2]))) for m in r["other_tools"]["missed"]])
    if misses:
        section("Expected facts not found", misses, lambda x: "%-10s %s" % x)
    diffs = [(k, d) for k in ("status", "exemptions", "response_date") for d in r["differences"][k]]
    if diffs:
        section("Differences", diffs, lambda x: "%-13s %s: expected %s, output %s" % (
            x[0], x[1]["respondent"], json.dumps(x[1]["expected"]), json.dumps(x[1]["output"])))
    if r["differences"]["sources"]:
        section("Source differences", r["differences"]["sources"], lambda x: "%s: missing %s, extra %s" % (
            x["respondent"], json.dumps(x["missing"]), json.dumps(x["extra"])))
    if r["problems"]:
        section("Problems reading the output", r["problems"], lambda x: x)


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir", metavar="OUT_DIR", help="folder holding responses.jsonl")
    ap.add_argument("--expected", default=DEFAULT_EXPECTED, metavar="DIR",
                    help="folder of expected-facts files (default: samples/expected)")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args(argv)  # exits 2 on a bad argument
    try:
        expected = load_expected(args.expected)
        path, outputs, problems = load_output(args.out_dir)
    except UsageError as e:
        sys.stderr.write("evaluate.py: %s\n" % e)
        return 2
    result = evaluate(expected, outputs, problems)
    result["output_file"] = path
    result["expected_dir"] = args.expected
    try:
        if args.json:
            json.dump(result, sys.stdout, indent=1, sort_keys=True)
            sys.stdout.write("\n")
        else:
            print_report(result, sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # the reader (head, less) went away: not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
