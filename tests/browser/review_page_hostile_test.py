#!/usr/bin/python3
"""Text from a reply cannot act on the review page: codes a reply carrying a <script>, an
<img onerror> and a javascript: link (tests/browser/hostile/), opens its flagged item in
headless Chromium, and checks that the markup shows as text and none of it ran.

usage: review_page_hostile_test.py --foicode build/foicode --source CHECKOUT
"""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from headless_chromium import Browser  # noqa: E402  (beside this file)
import review_page_test as page  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--foicode", required=True)
    ap.add_argument("--source", required=True, help="the checkout root")
    args = ap.parse_args()
    from selenium.webdriver.common.by import By

    with tempfile.TemporaryDirectory(prefix="foicode-hostile-") as tmp:
        dataset = os.path.join(tmp, "ds")
        result = subprocess.run([args.foicode, "run", os.path.join(args.source, "tests/browser/hostile/FOI 999 response.eml"), "--out",
                                 dataset, "--data", args.source], capture_output=True, text=True, timeout=600)
        page.check(result.returncode == 0, "foicode run exits 0 (%s)" % result.stderr[-500:])
        server, url = page.start_server([args.foicode, "review", dataset, "--data", args.source],
                                        os.path.join(tmp, "review.stderr"))
        browser = None
        try:
            browser = Browser(os.path.join(tmp, "chromium"), page.WAIT_SECONDS)
            d = browser.driver
            page.load_page(d, url)
            scripts_before = d.execute_script("return document.querySelectorAll('script').length")
            items = [e.get_attribute("data-id") for e in d.find_elements(By.CSS_SELECTOR, ".queue-item")]
            page.check(len(items) >= 1, "the hostile reply has items in the queue (%d)" % len(items))
            shown = ""
            for item in items:
                page.select_item(d, item)
                # Shown once the page text around the quote has come, or at once for an item
                # with no evidence.
                page.wait_for(d, "the item's text", lambda d: d.find_element(By.ID, "evidence-where").text
                              == "(none)" or "<script>" in d.find_element(By.ID, "context").text)
                shown += d.find_element(By.ID, "context").text + "\n" + d.find_element(By.TAG_NAME, "main").text + "\n"
            page.check("<script>window.__pwned = 1</script>" in shown, "the <script> shows as text")
            page.check('<img src=x onerror="window.__pwned = 2">' in shown, "the <img onerror> shows as text")
            page.check(d.execute_script("return typeof window.__pwned") == "undefined", "no reply text ran")
            page.check(d.execute_script("return document.querySelectorAll('script').length") == scripts_before,
                       "no script element was added")
            page.check(d.execute_script("return document.querySelectorAll('a[href^=\"javascript:\"]').length") == 0,
                       "no javascript: link came from the reply")
            foreign = d.execute_script("return Array.from(document.images).map(i => i.getAttribute('src') || '')"
                                       ".filter(s => s && !s.startsWith('/api/page.png'))")
            page.check(foreign == [], "every image is the server's own page image (%s)" % foreign)
        finally:
            if browser is not None:
                browser.close()
            page.stop_server(server)
    print("review_page_hostile_test: passed")


if __name__ == "__main__":
    try:
        main()
    except page.Failure as e:
        sys.exit("review_page_hostile_test: FAILED: %s" % e)
