#!/usr/bin/python3
"""The review page in a real browser (headless Chromium through Selenium), end to end.

Codes the samples with `foicode run`, serves them with `foicode review`, accepts one system
and corrects another through the page (the form's deployment and vendor), reloads the page to
see both decided, stops the server with SIGTERM and checks the decisions in responses.jsonl.

Needs Debian's python3-selenium (hence /usr/bin/python3, not a python3 earlier on PATH),
chromium and chromium-driver. Exits non-zero with a message on
the first failure; every wait is bounded, and the server and browser are always stopped.

  tests/browser/review_page_test.py --foicode build/foicode --samples samples/replies --data .
"""

import argparse
import json
import os
import select
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from headless_chromium import Browser  # noqa: E402  (beside this file)

# Generous: Chromium starts slowly, and each decision rewrites the dataset (slower under ASan).
WAIT_SECONDS = float(os.environ.get("FOICODE_BROWSER_WAIT", "90"))


class Failure(Exception):
    pass


def log(message):
    print("review_page_test: " + message, flush=True)


def check(condition, message):
    if not condition:
        raise Failure(message)
    log("ok: " + message)


# ---- the server ------------------------------------------------------------------------------

def start_server(command, stderr_path):
    """Starts `command` and returns (process, url) once it prints the page's URL. Its stderr
    goes to a file: a pipe nobody reads could fill and stall the server."""
    log("starting: " + " ".join(command))
    with open(stderr_path, "wb") as stderr:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr,
                                   start_new_session=True)
    deadline = time.monotonic() + WAIT_SECONDS
    seen = b""
    while time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 0.2)
        if ready:
            line = process.stdout.readline()
            if not line:
                break
            seen += line
            text = line.decode("utf-8", "replace").strip()
            if text.startswith("http://127.0.0.1:"):
                return process, text
        elif process.poll() is not None:
            break
    stop_server(process)
    with open(stderr_path, encoding="utf-8", errors="replace") as f:
        err = f.read()
    raise Failure("the server printed no http://127.0.0.1: URL within %d s; stdout: %r; "
                  "stderr: %s" % (WAIT_SECONDS, seen, err[-2000:]))


def stop_server(process):
    """SIGTERM, then SIGKILL if it has not ended in WAIT_SECONDS. Returns the exit status."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=WAIT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            raise Failure("the server did not stop within %d s of SIGTERM" % WAIT_SECONDS)
    return process.returncode


# ---- the browser -----------------------------------------------------------------------------

def wait_for(driver, what, condition):
    from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
    from selenium.webdriver.support.ui import WebDriverWait
    try:
        return WebDriverWait(driver, WAIT_SECONDS, ignored_exceptions=[
            StaleElementReferenceException]).until(lambda d: condition(d))
    except TimeoutException:
        error = page_error(driver)
        raise Failure("timed out after %d s waiting for %s%s" % (
            WAIT_SECONDS, what, "; the page shows the error: " + error if error else ""))


def page_error(driver):
    from selenium.webdriver.common.by import By
    try:
        box = driver.find_element(By.ID, "error")
        return box.text if box.is_displayed() else ""
    except Exception:  # the page may not be there at all
        return ""


# Attributes of a queue button, read in one script call: the queue is re-rendered after every
# action, so element references taken earlier go stale.
ITEM_ATTRIBUTE_JS = """
const button = Array.from(document.querySelectorAll('.queue-item'))
    .find((e) => e.getAttribute('data-id') === arguments[0]);
return button ? button.getAttribute(arguments[1]) : null;
"""


def item_attribute(driver, item_id, name):
    return driver.execute_script(ITEM_ATTRIBUTE_JS, item_id, name)


def item_state(driver, item_id):
    return item_attribute(driver, item_id, "data-state")


def queue_item(driver, item_id):
    from selenium.webdriver.common.by import By
    for element in driver.find_elements(By.CSS_SELECTOR, ".queue-item"):
        if element.get_attribute("data-id") == item_id:
            return element
    raise Failure("item %s is not in the queue" % item_id)


def open_system_items(driver):
    from selenium.webdriver.common.by import By
    return [e.get_attribute("data-id") for e in driver.find_elements(By.CSS_SELECTOR, ".queue-item")
            if e.get_attribute("data-target") == "system" and e.get_attribute("data-state") == "open"]


def select_item(driver, item_id):
    queue_item(driver, item_id).click()
    wait_for(driver, "item %s to be shown" % item_id,
             lambda d: "selected" in (item_attribute(d, item_id, "class") or ""))


def load_page(driver, url):
    driver.get(url)
    wait_for(driver, "the queue to load", lambda d: d.find_element(
        "css selector", "body").get_attribute("data-ready") == "true")


def drive_page(driver, url, api_get):
    """Accepts one system item and corrects another. Returns what the dataset must show:
    (accepted item, corrected item, {field: (old, new)})."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    load_page(driver, url)
    check(driver.find_element(By.ID, "progress").text.endswith("reviewed"),
          "the page shows progress: " + driver.find_element(By.ID, "progress").text)
    systems = open_system_items(driver)
    check(len(systems) >= 2, "the queue has at least two open system items (%d)" % len(systems))
    queue = {item["id"]: item for item in api_get("/api/queue")["items"]}
    names = api_get("/api/names")

    accepted, corrected = systems[0], systems[1]
    select_item(driver, accepted)
    driver.find_element(By.ID, "accept").click()
    wait_for(driver, "the accepted item to show as decided",
             lambda d: item_state(d, accepted) == "decided")
    log("accepted item %s (%s)" % (accepted, describe(queue[accepted])))

    select_item(driver, corrected)
    driver.find_element(By.ID, "correct").click()
    wait_for(driver, "the correction form", lambda d: d.find_element(By.ID, "correct-form").is_displayed())
    machine = queue[corrected]["system"]
    deployment = Select(driver.find_element(By.ID, "correct-deployment"))
    choices = [o.get_attribute("value") for o in deployment.options]
    new_deployment = next((c for c in choices if c and c != machine.get("deployment")), None)
    check(new_deployment is not None, "the form offers another deployment than %r" %
          machine.get("deployment"))
    deployment.select_by_value(new_deployment)
    new_vendor = next((v for v in names.get("vendors", []) if v != machine.get("vendor")), None)
    check(new_vendor is not None, "the names offer another vendor than %r" % machine.get("vendor"))
    vendor = driver.find_element(By.ID, "correct-vendor")
    vendor.clear()
    vendor.send_keys(new_vendor)
    driver.find_element(By.ID, "save-correction").click()
    wait_for(driver, "the corrected item to show as decided",
             lambda d: item_state(d, corrected) == "decided")
    log("corrected item %s: deployment %r -> %r, vendor %r -> %r" % (
        corrected, machine.get("deployment"), new_deployment, machine.get("vendor"), new_vendor))
    check(not page_error(driver), "the page shows no error")

    # Nothing lives only in the page: a reload shows both decisions from the server.
    load_page(driver, url)
    check(item_state(driver, accepted) == "decided", "after a reload the accepted item is decided")
    check(item_state(driver, corrected) == "decided", "after a reload the corrected item is decided")

    return queue[accepted], queue[corrected], {
        "deployment": (machine.get("deployment"), new_deployment),
        "vendor": (machine.get("vendor"), new_vendor),
    }


def describe(item):
    system = item.get("system") or {}
    return "%s: %s %s" % (item.get("record"), system.get("vendor"), system.get("product"))


def make_api_get(url):
    """GETs an API path with the token header, as the page does."""
    import urllib.parse
    import urllib.request
    parts = urllib.parse.urlsplit(url)
    token = urllib.parse.parse_qs(parts.query)["token"][0]

    def get(path):
        request = urllib.request.Request("%s://%s%s" % (parts.scheme, parts.netloc, path),
                                         headers={"X-Foicode-Token": token})
        with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:
            return json.load(response)
    return get


# ---- the dataset -----------------------------------------------------------------------------

def all_systems(dataset_dir):
    path = os.path.join(dataset_dir, "responses.jsonl")
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                record = json.loads(line)
                for system in record.get("systems", []):
                    yield record, system


def check_dataset(dataset_dir, accepted_item, changes):
    systems = list(all_systems(dataset_dir))
    states = [(s.get("review") or {}).get("state") for _, s in systems]
    accepted = [s for _, s in systems if (s.get("review") or {}).get("state") == "accepted"]
    check(len(accepted) == 1, "responses.jsonl has one accepted system (review states: %s)" %
          sorted(set(str(x) for x in states)))
    a = accepted[0]
    want = accepted_item["system"]
    check((a.get("vendor"), a.get("product")) == (want.get("vendor"), want.get("product")),
          "the accepted system is %s %s" % (want.get("vendor"), want.get("product")))

    corrected = [s for _, s in systems if (s.get("review") or {}).get("state") == "corrected"]
    check(len(corrected) == 1, "responses.jsonl has one corrected system")
    c = corrected[0]
    machine = c["review"].get("machine") or {}
    for field, (old, new) in changes.items():
        check(c.get(field) == new, "the corrected system's %s is %r (got %r)" % (field, new, c.get(field)))
        check(machine.get(field) == old, "its review.machine.%s holds the old %r (got %r)" % (
            field, old, machine.get(field)))


# ---- main ------------------------------------------------------------------------------------

def run(args):
    with tempfile.TemporaryDirectory(prefix="foicode-browser-") as tmp:
        dataset = os.path.join(tmp, "ds")
        command = [args.foicode, "run", args.samples, "--out", dataset, "--data", args.data]
        log("coding the samples: " + " ".join(command))
        result = subprocess.run(command, capture_output=True, timeout=600)
        check(result.returncode == 0, "foicode run exits 0 (got %d; stderr: %s)" % (
            result.returncode, result.stderr.decode("utf-8", "replace")[-2000:]))

        server, url = start_server([args.foicode, "review", dataset, "--data", args.data],
                                   os.path.join(tmp, "review.stderr"))
        browser = None
        try:
            log("the server printed " + url.split("?")[0] + "?token=…")
            browser = Browser(os.path.join(tmp, "chromium"), WAIT_SECONDS)
            accepted, _, changes = drive_page(browser.driver, url, make_api_get(url))
        finally:
            if browser is not None:
                browser.close()
            status = stop_server(server)
        check(status == 0, "foicode review exits 0 on SIGTERM (got %s)" % status)
        check_dataset(dataset, accepted, changes)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--foicode", required=True, help="the foicode binary")
    parser.add_argument("--samples", required=True, help="the replies to code (samples/replies)")
    parser.add_argument("--data", required=True, help="the checkout root (dictionaries/, rules/)")
    args = parser.parse_args()
    try:
        run(args)
    except Failure as e:
        print("review_page_test: FAILED: %s" % e, file=sys.stderr, flush=True)
        return 1
    except Exception as e:  # a crash in Selenium or the browser is a failure too
        print("review_page_test: FAILED: %s: %s" % (type(e).__name__, e), file=sys.stderr,
              flush=True)
        return 1
    log("passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
