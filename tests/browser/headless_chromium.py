"""Debian's Chromium, headless, driven through Debian's chromedriver and python3-selenium.

chromedriver is started here on 127.0.0.1 and reached by address: selenium's own launcher
looks for it at "localhost", which a minimal machine without /etc/hosts cannot resolve.
"""
import os
import socket
import subprocess
import time


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_listening(port, process, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("chromedriver exited with status %d" % process.returncode)
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("chromedriver did not listen on 127.0.0.1:%d within %d s" % (port, seconds))


class Browser:
    """A headless Chromium window of `size`; close() ends the browser and chromedriver."""

    def __init__(self, profile_dir, wait_seconds, size=(1280, 800)):
        from selenium import webdriver

        port = _free_port()
        self._driver_process = subprocess.Popen(
            ["/usr/bin/chromedriver", "--port=%d" % port, "--allowed-ips=127.0.0.1"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            _wait_listening(port, self._driver_process, wait_seconds)
            options = webdriver.ChromeOptions()
            options.binary_location = "/usr/bin/chromium"
            for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                        "--window-size=%d,%d" % size, "--user-data-dir=" + profile_dir,
                        "--no-first-run", "--disable-extensions",
                        # DevTools over a pipe, not a port chromedriver would look up as "localhost".
                        "--remote-debugging-pipe"):
                options.add_argument(arg)
            options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
            self.driver = webdriver.Remote(command_executor="http://127.0.0.1:%d" % port, options=options)
            self.driver.set_page_load_timeout(wait_seconds)
            self.driver.set_script_timeout(wait_seconds)
        except Exception:
            self._stop_driver_process()
            raise

    def _stop_driver_process(self):
        if self._driver_process.poll() is None:
            self._driver_process.terminate()
            try:
                self._driver_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._driver_process.kill()
                self._driver_process.wait()

    def close(self):
        try:
            self.driver.quit()
        except Exception:  # the browser may be gone already; chromedriver still has to stop
            pass
        self._stop_driver_process()
