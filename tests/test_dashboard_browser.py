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
import re
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
from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    TimeoutException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

from service.api.app import create_app
from service.api.routes_dashboard import CONTENT_SECURITY_POLICY
from service.config import Settings
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


class _Api:
    """The real app under uvicorn in a background thread on a loopback port; `stop()` and `start()` again on the
    same port (the dashboard's error states: the API stopped, then back)."""

    def __init__(self, settings: Settings, port: int = 0) -> None:
        self.settings = settings
        self.port = port
        self.server: uvicorn.Server | None = None
        self.thread: threading.Thread | None = None
        self.sock: socket.socket | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", self.port))
        self.port = sock.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(self.settings), log_level="warning", lifespan="on"))
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="uvicorn", daemon=True)
        thread.start()
        deadline = time.monotonic() + WAIT_SECONDS
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                pytest.fail("uvicorn did not start")
            time.sleep(0.05)
        self.server, self.thread, self.sock = server, thread, sock

    def stop(self) -> None:
        if self.server is not None and self.thread is not None and self.sock is not None:
            self.server.should_exit = True
            self.thread.join(timeout=10)
            self.sock.close()
        self.server = self.thread = self.sock = None


@pytest.fixture(scope="module")
def api_url(sample_graph: GraphRepository, neo4j_server: ConnectionInfo) -> Iterator[str]:
    """The real app, served by uvicorn in a background thread on a free loopback port, over the sample graph."""
    api = _Api(api_settings(neo4j_server))
    api.start()
    try:
        yield api.url
    finally:
        api.stop()


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


def _click_when_free(driver: WebDriver, element: WebElement, what: str) -> None:
    """A real mouse click, retried while something else (a slide still sliding in) covers the element."""

    def attempt(_: WebDriver) -> bool:
        try:
            element.click()
        except (ElementClickInterceptedException, ElementNotInteractableException):
            return False
        return True

    _wait(driver, what, attempt)


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


def test_stats_and_front_door_count_the_sample_graph(api_url: str, sample_graph: GraphRepository) -> None:
    expected = {
        label: sample_graph.run_admin("admin/nodes_with_label", label=label, keys=["id"])
        for label in ("Country", "Organization", "Person", "Event", "Article")
    }
    articles = sample_graph.run_admin("admin/nodes_with_label", label="Article", keys=["ingested_at"])
    stats = httpx.get(f"{api_url}/stats", timeout=30)
    assert stats.status_code == 200, stats.text
    body = stats.json()
    assert body == {
        "countries": len(expected["Country"]),
        "organizations": len(expected["Organization"]),
        "people": len(expected["Person"]),
        "events": len(expected["Event"]),
        "articles": len(expected["Article"]),
        "last_ingested_at": max(row["values"][0] for row in articles),
    }
    assert body["events"] > 0 and body["articles"] > 0
    html = httpx.get(f"{api_url}/", timeout=30).text
    assert f'data-testid="stat-events"><strong>{body["events"]:,}</strong> events' in html
    assert f'datetime="{body["last_ingested_at"]}"' in html


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
    requested = _assert_stayed_on_loopback(browser, recording_proxy)
    assert any(url.endswith("/graph?center=RUS&depth=1") for url in requested), requested


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


# --------------------------------------------------------------------------- the dashboard's states and sizes

PALETTE = json.loads((REPO_ROOT / "service" / "browser" / "palette.json").read_text(encoding="utf-8"))
UNREACHABLE = "The geokg API does not answer (is it running?)"


def _viewport(driver: WebDriver, width: int, height: int) -> None:
    """The page's viewport exactly (a phone's when narrow), whatever the headless window's own size."""
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600},
    )


def _rgb(colour: str) -> str:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({red}, {green}, {blue})"


def _settled(driver: WebDriver, name: str) -> None:
    _wait(
        driver,
        f"{name} as the chosen country",
        lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid=country-name]").text == name,
    )
    _wait(
        driver,
        "the network to settle",
        lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid=network]").get_attribute("data-state") == "settled",
    )
    _wait(driver, "the partners", lambda d: not d.find_elements(By.CSS_SELECTOR, "[data-testid=partners-loading]"))


def _unexpected_console_errors(driver: WebDriver) -> list[dict[str, Any]]:
    """SEVERE console entries other than the failed requests a test provokes on purpose (404s, the API stopped)."""
    expected = ("status of 404", "ERR_CONNECTION_REFUSED", "Failed to fetch", "ERR_EMPTY_RESPONSE")
    return [
        entry
        for entry in driver.get_log("browser")
        if entry["level"] == "SEVERE" and not any(text in entry["message"] for text in expected)
    ]


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_with_a_date_range_the_network_and_the_partners_agree(
    api_url: str, browser: WebDriver, recording_proxy: _RecordingProxy, width: int, height: int
) -> None:
    since, until = "2022", "2024-12"
    _viewport(browser, width, height)
    browser.get(f"{api_url}/dashboard#country=RUS&since={since}&until={until}")
    _settled(browser, "Russia")
    assert browser.find_element(By.ID, "since").get_attribute("value") == since
    partners = [
        (
            p.get_attribute("data-stance"),
            p.get_attribute("data-id"),
            int(p.get_attribute("data-events")),
            p.get_attribute("data-first"),
            p.get_attribute("data-last"),
        )
        for p in browser.find_elements(By.CSS_SELECTOR, "[data-testid=partner]")
    ]
    edges = [
        {
            name: e.get_attribute(f"data-{name}")
            for name in ("source", "target", "type", "class", "stance", "count", "first", "last")
        }
        for e in browser.find_elements(By.CSS_SELECTOR, "[data-testid=edge]")
    ]
    assert partners and edges
    for stance, partner, events, first, last in partners:
        mine = [e for e in edges if {e["source"], e["target"]} == {"RUS", partner} and e["stance"] == stance]
        assert sum(int(e["count"]) for e in mine) == events, (stance, partner, mine)
        assert min(e["first"] for e in mine) == first and max(e["last"] for e in mine) == last, (partner, mine)
    around = {
        e["source"] if e["target"] == "RUS" else e["target"] for e in edges if "RUS" in (e["source"], e["target"])
    }
    assert around == {partner for _, partner, *_ in partners}
    for edge in edges:  # the range's counts and dates, not all-time ones
        assert edge["last"] >= since and (edge["first"] <= until or edge["first"].startswith(until)), edge
    # Troops sent to an ally: a purple deployment, counted as cooperation, with its legend entry.
    troops = browser.find_element(
        By.CSS_SELECTOR, '[data-testid=edge][data-source="PRK"][data-target="RUS"][data-type="DEPLOYS_TROOPS_TO"]'
    )
    assert troops.get_attribute("data-class") == "deployment" and troops.get_attribute("data-stance") == "cooperation"
    stroke = browser.execute_script("return getComputedStyle(arguments[0].querySelector('.edge-line')).stroke", troops)
    assert stroke == _rgb(PALETTE["relations"]["deployment"])
    assert "PRK" in {partner for stance, partner, *_ in partners if stance == "cooperation"}
    assert browser.find_element(By.CSS_SELECTOR, "[data-testid=legend-deployment]").is_displayed()
    # Readable on a phone: the network's labels at their real size, the partners on the first screens.
    label_height = browser.execute_script(
        "return document.querySelector('[data-testid=node] text').getBoundingClientRect().height"
    )
    assert label_height >= 11, label_height
    if width < 600:
        partners_top = browser.execute_script(
            "return document.getElementById('partners-heading').getBoundingClientRect().top"
        )
        assert partners_top < height, partners_top
        assert browser.execute_script("return document.documentElement.scrollWidth") <= width
    browser.save_screenshot(str(_output_dir() / f"dashboard-{width}x{height}.png"))
    assert not _unexpected_console_errors(browser)
    _assert_stayed_on_loopback(browser, recording_proxy)


def test_loading_an_unknown_country_and_the_api_stopped(
    browser: WebDriver, sample_graph: GraphRepository, neo4j_server: ConnectionInfo
) -> None:
    api = _Api(api_settings(neo4j_server))
    api.start()
    try:
        # A bad #country= : one message (with the API's suggestions), once, and empty panels.
        browser.get(f"{api.url}/dashboard#country=Rusia")
        status = _wait(
            browser, "the error", lambda d: "unknown actor" in (t := d.find_element(By.ID, "status").text) and t
        )
        assert status.count("unknown actor") == 1 and "Russia" in status, status
        assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid=partner]")
        assert not browser.find_element(By.CSS_SELECTOR, "[data-testid=retry]").is_displayed()

        browser.execute_script("location.hash = 'country=RUS'")  # editing the hash changes the page
        _settled(browser, "Russia")
        assert browser.find_elements(By.CSS_SELECTOR, "[data-testid=partner]")
        browser.execute_script(
            "window.seen = []; const list = document.getElementById('partners-cooperation');"
            "new MutationObserver(() => window.seen.push(list.textContent))"
            ".observe(list, {childList: true, subtree: true});"
        )
        api.stop()
        browser.execute_script("location.hash = 'country=PRK'")
        status = _wait(
            browser,
            "the unreachable message",
            lambda d: (t := d.find_element(By.ID, "status").text) == UNREACHABLE and t,
        )
        assert browser.find_element(By.CSS_SELECTOR, "[data-testid=country-name]").text == "North Korea"
        seen = browser.execute_script("return window.seen")
        assert seen and seen[0] == "Loading…", seen  # Russia's partners went at once, under North Korea's name
        assert not browser.find_elements(By.CSS_SELECTOR, "[data-testid=partner]")
        retry = browser.find_element(By.CSS_SELECTOR, "[data-testid=retry]")
        assert retry.is_displayed()
        browser.save_screenshot(str(_output_dir() / "dashboard-api-stopped.png"))

        api.start()  # the same port
        retry.click()
        _settled(browser, "North Korea")
        cooperation = browser.find_elements(By.CSS_SELECTOR, "[data-testid=partners-cooperation] [data-testid=partner]")
        assert "RUS" in {p.get_attribute("data-id") for p in cooperation}
        assert not browser.find_element(By.CSS_SELECTOR, "[data-testid=retry]").is_displayed()

        browser.back()  # Back: the previous view of the dashboard, not another page
        _settled(browser, "Russia")
        assert browser.current_url.endswith("/dashboard#country=RUS")
    finally:
        api.stop()
    assert not _unexpected_console_errors(browser)


def test_search_filters_and_exports(api_url: str, browser: WebDriver, recording_proxy: _RecordingProxy) -> None:
    browser.get(f"{api_url}/dashboard#country=RUS")
    _settled(browser, "Russia")
    search = browser.find_element(By.ID, "country-search")
    search.send_keys("NATO")  # an organisation: not in the country list, found by the API
    choice = _wait(
        browser, "NATO as a choice", lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid=search-choice]")
    )
    assert "North Atlantic Treaty Organization" in choice.text
    choice.click()
    _settled(browser, "North Atlantic Treaty Organization")
    assert "country=NATO" in browser.current_url
    search.clear()
    search.send_keys("Rusia")  # a near miss: the API's did-you-mean
    _wait(browser, "did you mean", lambda d: d.find_elements(By.CSS_SELECTOR, "[data-testid=did-you-mean]"))
    offered = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "[data-testid=search-choice]")]
    assert "Russia" in offered, offered
    browser.find_elements(By.CSS_SELECTOR, "[data-testid=search-choice]")[offered.index("Russia")].click()
    _settled(browser, "Russia")

    # Filters: material conflict only, from 2022; the page, the hash and the exports follow.
    Select(browser.find_element(By.ID, "filter-quad")).select_by_value("material_conflict")
    browser.find_element(By.ID, "since").send_keys("2022")
    browser.find_element(By.CSS_SELECTOR, "[data-testid=range-apply]").click()
    _wait(browser, "the filtered view", lambda d: "quad=material_conflict" in d.current_url)
    _settled(browser, "Russia")
    edges = browser.find_elements(By.CSS_SELECTOR, "[data-testid=edge]")
    assert edges and {e.get_attribute("data-quad") for e in edges} == {"material_conflict"}
    badges = browser.find_elements(By.CSS_SELECTOR, "[data-testid=timeline-event]")
    assert badges
    links = {
        a.get_attribute("data-testid"): a.get_attribute("href")
        for a in browser.find_elements(By.CSS_SELECTOR, ".export-links a")
    }
    assert set(links) == {"export-events-csv", "export-events-json", "export-relations-csv", "export-graphml"}
    for name, href in links.items():
        assert "actor=RUS" in href and "since=2022" in href, (name, href)
        answer = httpx.get(href, timeout=30)
        assert answer.status_code == 200, (name, answer.text[:200])
    assert "quad_class=material_conflict" in links["export-events-csv"]
    assert "types=PROTEST%2CMOBILIZE%2CCOERCE%2CASSAULT%2CSANCTION" in links["export-graphml"]
    exported = httpx.get(links["export-events-json"], timeout=30).json()
    rows = exported["events"] if isinstance(exported, dict) else exported
    assert rows and {row["quad_class"] for row in rows} == {"material_conflict"}

    # A minimum confidence: the API leaves out the events below it (min_confidence on the partners, the network and
    # the events the page reads, and on the events exports), not the page.
    browser.find_element(By.ID, "filter-confidence").send_keys("0.7")
    browser.find_element(By.CSS_SELECTOR, "[data-testid=range-apply]").click()
    _wait(browser, "the confidence filter", lambda d: "confidence=0.7" in d.current_url)
    _settled(browser, "Russia")
    events_link = browser.find_element(By.CSS_SELECTOR, "[data-testid=export-events-json]").get_attribute("href")
    assert events_link and "min_confidence=0.7" in events_link, events_link
    confident = httpx.get(events_link, timeout=30).json()
    assert [row["id"] for row in confident] == [row["id"] for row in rows if row["confidence"] >= 0.7]
    shown = browser.find_elements(By.CSS_SELECTOR, "[data-testid=timeline-event]")
    assert len(shown) == len(confident), (len(shown), len(confident))
    assert not _unexpected_console_errors(browser)
    requested = _assert_stayed_on_loopback(browser, recording_proxy)
    for path in ("/graph?", "/countries/RUS/partners?", "/events?"):
        assert any(path in url and "min_confidence=0.7" in url for url in requested), path


# --------------------------------------------------------------------------- Neo4j Browser itself

BROWSER_WAIT = 60
RESULT = re.compile(r"Displaying (\d+) nodes|Started streaming (\d+) records?|Successfully set your parameters")
FAILURE = re.compile(r"\bERROR\b|Neo\.(?:Client|Transient|Database)Error|ParameterMissing")


def _run_block(driver: WebDriver, block: WebElement, code: str, what: str) -> WebElement:
    """Clicks a guide block (Browser puts its code in the editor) and runs it. On a loaded machine Browser now and
    then drops the click, and Run on an empty editor makes no frame: then the block is clicked and run once more."""
    before = len(_browser_frames(driver))
    _click_when_free(driver, block, what)
    try:
        return _run_in_browser(driver, clicked=code)
    except TimeoutException:
        if len(_browser_frames(driver)) > before:
            raise  # the block ran (its frame is there) and never answered: a real failure
    _click_when_free(driver, block, what)
    return _run_in_browser(driver, clicked=code)


def _browser_frames(driver: WebDriver) -> list[WebElement]:
    return driver.find_elements(By.CSS_SELECTOR, "[data-testid=frame]")


def _run_in_browser(driver: WebDriver, command: str | None = None, *, clicked: str | None = None) -> WebElement:
    """Types `command` into Browser's editor (or runs `clicked`, the code a guide block put there) and returns the new
    frame once it has its answer: a query's rows or error, a `:param`'s confirmation, a command's contents."""
    before = len(_browser_frames(driver))
    if command:
        driver.find_element(By.CSS_SELECTOR, "[data-testid=activeEditor] textarea").send_keys(command)
    driver.find_element(By.CSS_SELECTOR, "[data-testid=editor-Run]").click()
    _wait(driver, "a new frame", lambda d: len(_browser_frames(d)) > before)
    frame = _browser_frames(driver)[0]
    code = command or clicked or ""

    def answered(_: WebDriver) -> bool:
        text = frame.text
        if RESULT.search(text) or FAILURE.search(text):
            return True
        if code.startswith(":") and not code.startswith(":param"):
            contents = frame.find_elements(By.CSS_SELECTOR, "[data-testid=frameContents]")
            return bool(contents and (contents[0].get_attribute("textContent") or "").strip())
        return False

    WebDriverWait(driver, BROWSER_WAIT).until(answered, message=f"no answer in Browser for {code[:80]!r}")
    return frame


def _has_fill(frame: WebElement, colour: str) -> Any:
    script = "return [...arguments[0].querySelectorAll('svg circle')].map(c => c.getAttribute('fill'))"
    return lambda d: colour.upper() in {str(fill).upper() for fill in d.execute_script(script, frame)}


@pytest.mark.neo4j_browser
def test_neo4j_browser_runs_every_block_of_every_guide_slide(
    api_url: str, browser: WebDriver, neo4j_server: ConnectionInfo, neo4j_browser_url: str
) -> None:
    """Neo4j Browser of the test server, connected with its credentials: `:style` and `:play` from the API, then
    every code block of every guide slide clicked and run in order, each with rows and no error."""
    browser.get(neo4j_browser_url)
    username = _wait(
        browser,
        "Browser's login",
        lambda d: (
            (u := d.find_element(By.CSS_SELECTOR, "[data-testid=username]")).is_displayed() and u.is_enabled() and u
        ),
    )
    address = _wait(
        browser,
        "Browser's address field",
        lambda d: (
            (a := d.find_element(By.CSS_SELECTOR, "[data-testid=boltaddress]")).is_displayed() and a.is_enabled() and a
        ),
    )
    address.clear()
    address.send_keys(urlsplit(neo4j_server.uri).netloc)
    username.send_keys(neo4j_server.user)
    browser.find_element(By.CSS_SELECTOR, "[data-testid=password]").send_keys(neo4j_server.password or "")
    browser.find_element(By.CSS_SELECTOR, "[data-testid=connect]").click()
    _wait(browser, "Browser connected", lambda d: not d.find_elements(By.CSS_SELECTOR, "[data-testid=connect]"))
    # Once connected, Browser runs its own start command (`:play start`): wait for it before adding frames.
    _wait(
        browser,
        "Browser's start frame",
        lambda d: ":play start" in (_browser_frames(d)[0].text if _browser_frames(d) else ""),
    )
    _run_in_browser(browser, ":config maxFrames: 100")  # keep the guide's frame in the stream
    # Browser loads styles and guides only from allowlisted hosts; localhost is on every server's list (the managed
    # Neo4j adds 127.0.0.1, which Browser knows only once it has read the server's settings).
    api = api_url.replace("://127.0.0.1:", "://localhost:")
    style = _run_in_browser(browser, f":style {api}/browser/style.grass")
    _wait(browser, "the style", lambda d: "DEPLOYS_TROOPS_TO" in (style.get_attribute("textContent") or ""))
    _run_in_browser(browser, f":play {api}/browser/guide")
    carousel = _wait(browser, "the guide", lambda d: d.find_element(By.CSS_SELECTOR, "[data-testid=carousel]"))
    slides = len(carousel.find_elements(By.CSS_SELECTOR, "li[aria-label]"))
    assert slides >= 10, slides
    ran = []
    for slide in range(slides):
        # Browser renders a slide a moment after the guide frame appears (or after "next" is clicked).
        blocks = _wait(
            browser,
            f"slide {slide + 1}'s code blocks",
            lambda d: [
                b for b in d.find_elements(By.CSS_SELECTOR, "[data-testid=carousel] pre.runnable") if b.is_displayed()
            ],
        )
        for block in blocks:
            code = block.text
            frame = _run_block(browser, block, code, f"slide {slide + 1}'s block to take a click")
            text = frame.text
            assert not FAILURE.search(text), (slide + 1, code, text[-500:])
            if not code.startswith(":"):  # a query: rows (Browser draws its nodes, or streams its records)
                found = RESULT.search(text)
                assert found and int(found.group(1) or found.group(2) or 0) > 0, (slide + 1, code, text[-500:])
                if slide == 1:  # a country's partners, drawn with the geokg style
                    # Browser colours the drawn nodes a moment after it draws them.
                    _wait(
                        browser, "countries drawn in the style's colour", _has_fill(frame, PALETTE["nodes"]["country"])
                    )
                    browser.save_screenshot(str(_output_dir() / "neo4j-browser-style.png"))
            ran.append(code.splitlines()[0])
        if slide < slides - 1:
            browser.find_element(By.CSS_SELECTOR, "[data-testid=nextSlide]").click()
    assert len(ran) >= 20, ran
    assert ":param actor => ''" in ran


def test_chromium_missing_is_a_failure_not_a_skip(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", Path("/nonexistent/chromium"))
    with pytest.raises(pytest.fail.Exception, match="/nonexistent/chromium not found"):
        _require_chromium()
