#!/usr/bin/python3
"""The report in a real browser: codes samples/replies with samples/cohort.csv, opens
report.html from disk in headless Chromium (no network), checks that the headline, the
vendor-presence table and both charts are there and visible, that the numbers agree with a
hand count from the samples' expected facts (samples/expected/), and saves a screenshot.

usage: report_page_test.py --foicode build/foicode --source CHECKOUT [--screenshot report.png]
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from headless_chromium import Browser  # noqa: E402  (beside this file)

WAIT_SECONDS = float(os.environ.get("FOICODE_BROWSER_WAIT", "90"))


class Failure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise Failure(message)
    print("report_page_test: ok: " + message, flush=True)


def hand_count(source):
    """Vendor -> respondents, and status -> count, from the hand-coded expected facts."""
    vendors, statuses = {}, {}
    for path in glob.glob(os.path.join(source, "samples/expected/*.json")):
        with open(path, encoding="utf-8") as f:
            expected = json.load(f)
        statuses[expected["status"]] = statuses.get(expected["status"], 0) + 1
        for system in expected["systems"]:
            if system.get("vendor"):
                vendors.setdefault(system["vendor"], set()).add(expected["respondent"])
    return vendors, statuses


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--foicode", required=True)
    ap.add_argument("--source", required=True, help="the checkout root")
    ap.add_argument("--screenshot", help="where to save a PNG of the report (default: a temporary file)")
    args = ap.parse_args()
    from selenium.webdriver.common.by import By

    with tempfile.TemporaryDirectory(prefix="foicode-report-") as tmp:
        dataset = os.path.join(tmp, "ds")
        result = subprocess.run([args.foicode, "run", os.path.join(args.source, "samples/replies"), "--out", dataset,
                                 "--cohort", os.path.join(args.source, "samples/cohort.csv"), "--data", args.source],
                                capture_output=True, text=True, timeout=900)
        check(result.returncode == 0, "foicode run with the cohort exits 0 (%s)" % result.stderr[-500:])
        browser = Browser(os.path.join(tmp, "chromium"), WAIT_SECONDS, size=(1280, 1600))
        try:
            d = browser.driver
            d.get("file://" + os.path.join(dataset, "report.html"))
            check(d.find_element(By.TAG_NAME, "h1").is_displayed(), "the heading shows")
            stats = {s.find_element(By.CLASS_NAME, "l").text: s.find_element(By.CLASS_NAME, "v").text
                     for s in d.find_elements(By.CSS_SELECTOR, ".headline .stat")}
            check(stats.get("organisations asked (cohort)") == "39", "39 asked, from the cohort (%s)" % stats)
            replied = [v for k, v in stats.items() if k.startswith("replied")]
            check(replied == ["31"], "31 replied (%s)" % replied)
            check(stats.get("did not reply") == "8", "8 did not reply")
            non = [li.text for li in d.find_elements(By.CSS_SELECTOR, "#non-responders + p + ul li")]
            check(len(non) == 8 and "Oxford University Hospitals NHS Foundation Trust" in non,
                  "the 8 non-responders are listed by name")

            vendors, statuses = hand_count(args.source)
            uses = [v for k, v in stats.items() if k.startswith("use clinical AI")]
            check(uses == [str(statuses.get("uses_ai", 0))], "trusts using clinical AI match the hand count (%s)" % uses)
            table = d.find_element(By.CSS_SELECTOR, "table.presence")
            check(table.is_displayed(), "the vendor-presence table shows")
            rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
            shown = {r.find_elements(By.TAG_NAME, "td")[0].text: int(r.find_elements(By.TAG_NAME, "td")[1].text)
                     for r in rows}
            want = {v: len(who) for v, who in vendors.items()}
            check(shown == want, "every vendor's trust presence matches the hand count (%d vendors)" % len(want))

            charts = d.find_elements(By.CSS_SELECTOR, "svg.chart")
            check(len(charts) == 2 and all(c.is_displayed() for c in charts), "both charts show")
            for chart in charts:
                bars = [b for b in chart.find_elements(By.CSS_SELECTOR, "rect.bar") if b.size["width"] > 0]
                labels = chart.find_elements(By.CSS_SELECTOR, "text.label")
                check(len(bars) >= 2 and all(b.size["height"] > 0 for b in bars),
                      "%s: %d visible bars" % (chart.get_attribute("aria-label"), len(bars)))
                check(len(labels) >= len(bars) and chart.find_element(By.CSS_SELECTOR, "text.axis-title").text,
                      "%s: labelled bars and an axis title" % chart.get_attribute("aria-label"))
            check(len(d.find_elements(By.CSS_SELECTOR, "ul.respondents > li")) == 31, "one line per respondent")
            link = d.find_element(By.CSS_SELECTOR, "table.presence tbody tr td a")
            target = link.get_attribute("href").split("#", 1)[1]
            check(d.find_element(By.ID, target) is not None, "a presence count links to the trusts it counts")

            shot = args.screenshot or os.path.join(tmp, "report.png")
            d.set_window_size(1280, 1600)
            check(d.save_screenshot(shot) and os.path.getsize(shot) > 20000, "screenshot saved: " + shot)
        finally:
            browser.close()
    print("report_page_test: passed")


if __name__ == "__main__":
    try:
        main()
    except Failure as e:
        sys.exit("report_page_test: FAILED: %s" % e)
