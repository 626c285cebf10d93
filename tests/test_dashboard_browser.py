"""The dashboard in a real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium), against the
real API served by uvicorn on a loopback port over the sample graph.

The browser's traffic is watched two ways: Chromium's performance log lists every request the page made, and the
browser is given a recording proxy for everything that is not loopback, so a request to any other host (from the
page or from the browser itself) is caught and refused rather than sent, and the test fails on it. The browser's own
calls home (update checks, sign-in, the default search engine) are pointed at a closed loopback port.

The screenshot goes to $GEOKG_TEST_OUTPUT (default `test-output/` in the repository); its path is printed.

Without /usr/bin/chromium or /usr/bin/chromedriver the test fails: `.ci/run` installs them.
"""

from __future__ import annotations

import json
import os
import socket
import socketserver
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest
import uvicorn
from selenium import webdriver
from selenium.common.exceptions import ElementClickInterceptedException, ElementNotInteractableException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

from service.api.app import create_app
from service.api.routes_dashboard import CONTENT_SECURITY_POLICY
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from tests.conftest import api_settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
REPO_ROOT = Path(__file__).resolve().parent.parent
WAIT_SECONDS = 30
LOOPBACK_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
NOWHERE = "http://127.0.0.1:9"  # the discard port: nothing listens there
QUIET_FEATURES = (
    "NetworkTimeServiceQuerying",
    "AutofillServerCommunication",
    "OptimizationHints",
    "OptimizationGuideModelDownloading",
)


# --------------------------------------------------------------------------- servers


class _RecordingProxy(socketserver.ThreadingTCPServer):
    """An HTTP proxy that forwards nothing: it records the first line of each request (`CONNECT host:443`,
    `GET http://host/...`) and answers 403."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        self.requests: list[str] = []
        super().__init__(("127.0.0.1", 0), _ProxyHandler)


class _ProxyHandler(socketserver.StreamRequestHandler):
    server: _RecordingProxy

    def handle(self) -> None:
        line = self.rfile.readline(4096).decode("latin-1").strip()
        if line:
            self.server.requests.append(line)
        self.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")


@pytest.fixture(scope="module")
def recording_proxy() -> Iterator[_RecordingProxy]:
    proxy = _RecordingProxy()
    thread = threading.Thread(target=proxy.serve_forever, name="recording-proxy", daemon=True)
    thread.start()
    try:
        yield proxy
    finally:
        proxy.shutdown()
        proxy.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="module")
def api_url(sample_graph: GraphRepository, neo4j_server: ConnectionInfo) -> Iterator[str]:
    """The real app, served by uvicorn in a background thread on a free loopback port, over the sample graph."""
    settings = api_settings(neo4j_server)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="uvicorn", daemon=True)
    thread.start()
    deadline = time.monotonic() + WAIT_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


# --------------------------------------------------------------------------- browser


def _require_chromium() -> None:
    missing = [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not path.exists()]
    if missing:
        pytest.fail(
            f"{' and '.join(missing)} not found: the dashboard test needs Debian's chromium and chromium-driver "
            "(`apt-get install -y --no-install-recommends chromium chromium-driver`; .ci/run installs them)"
        )


@pytest.fixture
def browser(tmp_path: Path, recording_proxy: _RecordingProxy) -> Iterator[WebDriver]:
    _require_chromium()
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-quic",
        "--no-first-run",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1400,1500",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        # Anything not loopback goes to the recording proxy (loopback bypasses proxies by default).
        f"--proxy-server=http://127.0.0.1:{recording_proxy.server_address[1]}",
        # The browser's own calls home, which the flags above leave on, turned off or pointed at a closed
        # loopback port: network time, form autofill, optimisation hints, Google sign-in, the component updater
        # (Debian's wrapper enables remote extensions).
        "--disable-features=" + ",".join(QUIET_FEATURES),
        f"--gaia-url={NOWHERE}",
        f"--component-updater=url-source={NOWHERE}",
    ):
        options.add_argument(flag)
    # Debian's default search engine is preconnected at start-up: make it a loopback one.
    search = {"keyword": "none", "short_name": "none", "url": f"{NOWHERE}/?q={{searchTerms}}"}
    options.add_experimental_option("prefs", {"default_search_provider_data": {"template_url_data": search}})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    service = Service(executable_path=str(CHROMEDRIVER), log_output=str(tmp_path / "chromedriver.log"))
    driver = webdriver.Chrome(options=options, service=service)
    try:
        yield driver
    finally:
        driver.quit()


def _output_dir() -> Path:
    folder = Path(os.environ.get("GEOKG_TEST_OUTPUT") or REPO_ROOT / "test-output")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _requested_urls(driver: WebDriver) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _wait(driver: WebDriver, what: str, condition: Any) -> Any:
    return WebDriverWait(driver, WAIT_SECONDS).until(condition, message=f"timed out waiting for {what}")


def _click(driver: WebDriver, element: WebElement) -> str:
    """A real mouse click at the element's centre; a dispatched click event if something covers that point."""
    try:
        element.click()
        return "mouse"
    except (ElementClickInterceptedException, ElementNotInteractableException):
        driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", element)
        return "dispatched"


# --------------------------------------------------------------------------- tests


def test_dashboard_serves_its_files_with_a_strict_policy(api_url: str) -> None:
    page = httpx.get(f"{api_url}/dashboard")
    assert page.status_code == 200
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert page.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert "script-src 'self';" in CONTENT_SECURITY_POLICY and "unsafe" not in CONTENT_SECURITY_POLICY
    assert "<script>" not in page.text  # no inline script: the policy would block it anyway
    for name, content_type in (("app.js", "text/javascript"), ("style.css", "text/css")):
        asset = httpx.get(f"{api_url}/dashboard/static/{name}")
        assert asset.status_code == 200, name
        assert asset.headers["content-type"].startswith(content_type), name
        assert asset.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    # API text reaches the page only as text: no markup sinks and no eval in the script.
    script = httpx.get(f"{api_url}/dashboard/static/app.js").text
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"):
        assert sink not in script, sink
    assert httpx.get(f"{api_url}/dashboard/static/..%2Froutes_dashboard.py").status_code == 404
    assert httpx.get(f"{api_url}/dashboard/static/index.html").status_code == 404
    redirect = httpx.get(f"{api_url}/dashboard/")
    assert redirect.status_code == 308
    assert httpx.get(f"{api_url}/dashboard/", follow_redirects=True).url.path == "/dashboard"


def test_russia_cooperates_with_north_korea_with_evidence(
    api_url: str, browser: WebDriver, recording_proxy: _RecordingProxy
) -> None:
    # The event behind the RUS-PRK edge, from the API itself: its evidence must show in the page.
    relations = httpx.get(f"{api_url}/relations", params={"a": "RUS", "b": "PRK"}, timeout=30)
    assert relations.status_code == 200, relations.text
    sentences = [item["sentence"] for event in relations.json()["events"] for item in event["evidence"]]
    assert sentences, "the sample graph has no RUS-PRK event"

    screenshot = _output_dir() / "dashboard-russia.png"
    try:
        browser.get(f"{api_url}/dashboard")
        countries = _wait(browser, "the country list", lambda d: Select(d.find_element(By.ID, "country-select")))
        _wait(browser, "Russia in the country list", lambda d: d.find_elements(By.CSS_SELECTOR, "option[value=RUS]"))
        countries.select_by_value("RUS")
        _wait(
            browser,
            "Russia as the chosen country",
            lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid=country-name]").text == "Russia",
        )

        cooperation = '[data-testid=partners-cooperation] [data-testid=partner][data-id="PRK"]'
        partner = _wait(
            browser,
            "North Korea among the cooperation partners",
            lambda d: d.find_element(By.CSS_SELECTOR, cooperation),
        )
        assert "North Korea" in partner.text

        _wait(
            browser,
            "the network layout to settle",
            lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid=network]").get_attribute("data-state") == "settled",
        )
        edge_selector = (
            '[data-testid=edge][data-source="RUS"][data-target="PRK"], '
            '[data-testid=edge][data-source="PRK"][data-target="RUS"]'
        )
        edges = browser.find_elements(By.CSS_SELECTOR, edge_selector)
        assert edges, "no RUS-PRK edge in the network"
        how = _click(browser, edges[0])
        print(f"clicked the {edges[0].get_attribute('data-type')} edge ({how} click)")

        shown = _wait(
            browser,
            "an evidence sentence",
            lambda d: [e.text for e in d.find_elements(By.CSS_SELECTOR, "[data-testid=evidence-sentence]") if e.text],
        )
        assert all(text.strip() for text in shown)
        assert set(shown) <= set(sentences), shown
        words = {word.strip(".,;:").lower() for word in shown[0].split()}
        assert words & {"north", "korea", "korean", "kim", "russia", "russian", "putin", "troops"}, shown[0]
        title = browser.find_element(By.CSS_SELECTOR, "[data-testid=evidence-title]").text
        assert "Russia" in title and "North Korea" in title, title
        links = browser.find_elements(By.CSS_SELECTOR, "[data-testid=evidence-link]")
        assert all(link.get_attribute("href").startswith(("http://", "https://")) for link in links)

        # The pair's trend chart: one drawn period per period of GET /relations/timeline, with its numbers.
        trend = _wait(
            browser,
            "the RUS-PRK trend chart",
            lambda d: d.find_element(By.CSS_SELECTOR, '[data-testid=pair-trend][data-pair="PRK|RUS"]'),
        )
        interval = trend.get_attribute("data-interval")
        answer = httpx.get(
            f"{api_url}/relations/timeline", params={"a": "RUS", "b": "PRK", "interval": interval}, timeout=30
        )
        assert answer.status_code == 200, answer.text
        expected = [(p["period"], p["net"], p["cooperation"], p["conflict"]) for p in answer.json()["periods"]]
        drawn = [
            (
                g.get_attribute("data-period"),
                float(g.get_attribute("data-net")),
                int(g.get_attribute("data-cooperation")),
                int(g.get_attribute("data-conflict")),
            )
            for g in trend.find_elements(By.CSS_SELECTOR, "[data-testid=trend-period]")
        ]
        assert drawn == expected
        assert any(cooperation > 0 for _, _, cooperation, _ in drawn), drawn  # troops sent to an ally, a meeting
        assert trend.find_elements(By.CSS_SELECTOR, ".trend-bar-cooperation")
    finally:
        browser.save_screenshot(str(screenshot))
        print(f"screenshot: {screenshot}")

    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors
    requested = _requested_urls(browser)
    assert any(url.endswith("/graph?center=RUS&depth=1") for url in requested), requested
    outside = [
        url
        for url in requested
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).hostname not in LOOPBACK_HOSTS
    ]
    assert not outside, outside
    assert not recording_proxy.requests, recording_proxy.requests


def _assert_stayed_on_loopback(browser: WebDriver, recording_proxy: _RecordingProxy) -> list[str]:
    requested = _requested_urls(browser)
    outside = [
        url
        for url in requested
        if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).hostname not in LOOPBACK_HOSTS
    ]
    assert not outside, outside
    assert not recording_proxy.requests, recording_proxy.requests
    return requested


def _operations(api_url: str) -> list[tuple[str, str, str]]:
    spec = httpx.get(f"{api_url}/openapi.json").json()
    return [
        (method.upper(), path, operation["operationId"])
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in ("get", "post", "put", "patch", "delete")
    ]


def test_swagger_ui_lists_every_operation_offline(
    api_url: str, browser: WebDriver, recording_proxy: _RecordingProxy
) -> None:
    operations = _operations(api_url)
    assert len(operations) > 10
    browser.get(f"{api_url}/docs")
    shown = _wait(
        browser,
        "Swagger UI's operations",
        lambda d: (
            blocks
            if len(blocks := d.find_elements(By.CSS_SELECTOR, ".opblock .opblock-summary")) >= len(operations)
            else None
        ),
    )
    listed = {
        (
            block.find_element(By.CSS_SELECTOR, ".opblock-summary-method").text,
            block.find_element(By.CSS_SELECTOR, ".opblock-summary-path").get_attribute("data-path"),
        )
        for block in shown
    }
    assert listed == {(method, path) for method, path, _ in operations}
    browser.save_screenshot(str(_output_dir() / "docs-swagger-ui.png"))
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors
    requested = _assert_stayed_on_loopback(browser, recording_proxy)
    assert any(url.endswith("/docs/static/swagger-ui-bundle.js") for url in requested), requested


def test_redoc_lists_every_operation_offline(
    api_url: str, browser: WebDriver, recording_proxy: _RecordingProxy
) -> None:
    operations = _operations(api_url)
    browser.get(f"{api_url}/redoc")
    sections = _wait(
        browser,
        "ReDoc's operations",
        lambda d: (
            found
            if len(found := d.find_elements(By.CSS_SELECTOR, "[data-section-id*='operation/']")) >= len(operations)
            else None
        ),
    )
    ids = {section.get_attribute("data-section-id").rsplit("operation/", 1)[1] for section in sections}
    assert ids >= {operation_id for _, _, operation_id in operations}
    browser.save_screenshot(str(_output_dir() / "docs-redoc.png"))
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors
    requested = _assert_stayed_on_loopback(browser, recording_proxy)
    assert any(url.endswith("/docs/static/redoc.standalone.js") for url in requested), requested


def test_chromium_missing_is_a_failure_not_a_skip(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", Path("/nonexistent/chromium"))
    with pytest.raises(pytest.fail.Exception, match="/nonexistent/chromium not found"):
        _require_chromium()
