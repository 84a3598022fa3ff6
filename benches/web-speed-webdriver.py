"""Runs the browser speed test of `intake serve` in headless Chromium over WebDriver
(chromedriver's plain HTTP API, no client library) and prints the page's figures.
Usage: web-speed-webdriver.py DRIVER_URL SPEED_PAGE_URL [TIMEOUT_S]
Part of benches/web-speed-netlab.sh; talks only to the driver and the page given."""
import json, sys, time, urllib.request

driver, page = sys.argv[1], sys.argv[2]
timeout = float(sys.argv[3]) if len(sys.argv) > 3 else 120.0


def call(method, path, body=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(driver + path, data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        return json.load(r)["value"]


caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {
    "binary": "/usr/bin/chromium",
    "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
             "--user-data-dir=" + sys.argv[4] if len(sys.argv) > 4 else "--incognito",
             "--window-size=1280,900"]}}}}
session = call("POST", "/session", caps)["sessionId"]
s = "/session/" + session
try:
    call("POST", s + "/url", {"url": page})
    start = call("POST", s + "/element", {"using": "css selector", "value": "#start"})
    call("POST", s + "/element/" + list(start.values())[0] + "/click", {})
    t0 = time.monotonic()
    done = None
    while time.monotonic() - t0 < timeout:
        done = call("POST", s + "/execute/sync", {
            "script": "return document.getElementById('speedstatus').dataset.done || null;", "args": []})
        if done:
            break
        time.sleep(0.5)
    figures = call("POST", s + "/execute/sync", {"script": """
        const t = (id) => document.getElementById(id).textContent;
        return {down: t('down'), up: t('up'), ping: t('ping'), loaded: t('loaded')};""", "args": []})
    print(json.dumps({"done": done, "seconds": round(time.monotonic() - t0, 1), **figures}))
finally:
    call("DELETE", s)
