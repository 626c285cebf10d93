"""`geokg watch` against real HTTP servers on loopback (tests/watch_site.py) and the real test Neo4j: feeds, sitemaps,
conditional GET, robots.txt, slow and failing hosts, the private-address guard, duplicates, and restarts."""

from __future__ import annotations

import ipaddress
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import api_settings, geokg_env, nodes
from watch_site import Site, article_html, atom, http_date, rss, rss_links, sitemap, story

from ingest.watch.config import WatchConfig, build_config
from ingest.watch.metrics import WatchMetrics, serve_metrics
from ingest.watch.watcher import PollResult, Watcher
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.shared import queue, watch_state

REPO_ROOT = Path(__file__).resolve().parents[1]
LOOPBACK = ["127.0.0.0/8"]


def config(*urls: str, **defaults: Any) -> WatchConfig:
    settings = {"delay": 0, "timeout": 5, "retries": 0, "backoff": 0.05, "allow_networks": LOOPBACK, **defaults}
    return build_config({"defaults": settings, "watch": {"max_workers": 4}}, extra_urls=urls)


def watch_once(graph: GraphRepository, cfg: WatchConfig) -> list[PollResult]:
    watcher = Watcher(graph, cfg)
    try:
        return watcher.run(once=True)
    finally:
        watcher.close()


def queued_payloads(graph: GraphRepository) -> list[dict[str, Any]]:
    return [json.loads(row["payload"]) for row in graph.run_admin("admin/queue_payloads")]


def queued_urls(graph: GraphRepository) -> list[str]:
    return sorted(p["url"] for p in queued_payloads(graph))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as served:
        yield served


def test_rss_atom_and_sitemap_pages_are_queued_and_a_second_poll_fetches_nothing_new(
    graph: GraphRepository, site: Site
) -> None:
    paths = [f"/news/{i}" for i in range(7)]
    for i, path in enumerate(paths):
        site.page(path, article_html(story(i), title=f"Story {i}"))
    site.add("/rss.xml", rss(site, paths[:3]), "application/rss+xml", etag='"rss-1"')
    site.add("/atom.xml", atom(site, paths[3:5]), "application/atom+xml", last_modified=http_date())
    site.add("/sitemap.xml", sitemap(site, paths[5:]), "application/xml", etag='"map-1"')
    cfg = config(site.url("/rss.xml"), site.url("/atom.xml"), site.url("/sitemap.xml"))

    first = watch_once(graph, cfg)
    assert [r.ok for r in first] == [True, True, True], [r.summary() for r in first]
    assert sum(r.pages["queued"] for r in first) == 7
    assert queued_urls(graph) == sorted(site.url(p) for p in paths)
    assert queue.counts(graph)["queued"] == 7
    assert all(site.hits(p) == 1 for p in paths)
    user_agents = {r.headers.get("user-agent", "") for r in site.requests}
    assert all(ua.startswith("geokg-watch/") for ua in user_agents), user_agents
    assert site.hits("/robots.txt") == 1  # once per host, not per request

    before = len(site.requests)
    second = watch_once(graph, cfg)
    assert all(r.ok and r.not_modified for r in second), [r.summary() for r in second]
    later = site.requests[before:]
    listings = {"/rss.xml", "/atom.xml", "/sitemap.xml"}
    assert {r.path for r in later} - {"/robots.txt"} == listings
    assert all(r.status == 304 for r in later if r.path in listings)
    assert next(r for r in later if r.path == "/rss.xml").headers["if-none-match"] == '"rss-1"'
    assert next(r for r in later if r.path == "/atom.xml").headers["if-modified-since"] == http_date()
    assert queue.counts(graph)["queued"] == 7

    # A feed that changes but names only known stories fetches no page either.
    site.add("/rss.xml", rss(site, paths[:3] + paths[5:]), "application/rss+xml", etag='"rss-2"')
    third = watch_once(graph, cfg)
    assert sum(r.found for r in third) == 0
    assert all(site.hits(p) == 1 for p in paths)

    health = {s["url"]: s for s in watch_state.sources(graph)}
    rss_health = health[site.url("/rss.xml")]
    assert (rss_health["status"], rss_health["polls"], rss_health["queued"], rss_health["found"]) == ("ok", 3, 3, 3)


def test_robots_txt_disallow_is_obeyed(graph: GraphRepository, site: Site) -> None:
    site.add("/robots.txt", "User-agent: *\nDisallow: /private/\n", "text/plain")
    site.page("/private/secret", article_html(story(1)))
    site.page("/news/open", article_html(story(2)))
    site.add("/feed.xml", rss(site, ["/private/secret", "/news/open"]), "application/rss+xml")

    [result] = watch_once(graph, config(site.url("/feed.xml")))
    assert result.pages == {"queued": 1, "disallowed": 1}
    assert site.hits("/private/secret") == 0
    assert queued_urls(graph) == [site.url("/news/open")]


def test_a_robots_txt_for_our_agent_disallowing_everything_stops_the_feed_itself(
    graph: GraphRepository, site: Site
) -> None:
    site.add("/robots.txt", "User-agent: geokg-watch\nDisallow: /\n\nUser-agent: *\nAllow: /\n", "text/plain")
    site.add("/feed.xml", rss(site, ["/news/a"]), "application/rss+xml")
    [result] = watch_once(graph, config(site.url("/feed.xml")))
    assert not result.ok and "disallows" in (result.error or "")
    assert site.paths() == ["/robots.txt"]


def test_a_slow_host_times_out_a_500_host_is_retried_and_a_404_is_not(graph: GraphRepository) -> None:
    with Site() as slow, Site() as failing, Site() as good:
        slow.add("/feed.xml", rss(slow, ["/a"]), "application/rss+xml", delay=3.0)
        failing.add("/feed.xml", "oops", "text/plain", status=500)
        good.page("/ok", article_html(story(3)))
        good.add("/feed.xml", rss(good, ["/ok", "/missing", "/broken"]), "application/rss+xml", etag='"g"')
        good.add("/broken", "down", "text/plain", status=503)
        cfg = config(slow.url("/feed.xml"), failing.url("/feed.xml"), good.url("/feed.xml"), timeout=0.5, retries=2)
        started = time.monotonic()
        slow_result, failing_result, good_result = watch_once(graph, cfg)
        elapsed = time.monotonic() - started

        assert not slow_result.ok and "Timeout" in (slow_result.error or "")
        assert not failing_result.ok and "HTTP 500" in (failing_result.error or "")
        assert failing.hits("/feed.xml") == 3  # one try and two retries
        assert good.hits("/missing") == 1  # 404: no retry
        assert good.hits("/broken") == 3  # 503: retried
        assert good_result.ok and good_result.pages == {"queued": 1, "gone": 1, "retry_later": 1}
        assert elapsed < 10, elapsed  # the slow host did not hold the others up for its full delay each time

        health = {s["url"]: s for s in watch_state.sources(graph)}
        assert health[failing.url("/feed.xml")]["status"] == "error"
        assert health[failing.url("/feed.xml")]["consecutive_errors"] == 1
        assert health[good.url("/feed.xml")]["status"] == "ok"

        # The 503 page was not recorded, so the feed's validators were not saved: the next poll reads the feed
        # again (no 304) and retries the page; the 404 page is remembered and not asked for again.
        watch_once(graph, config(good.url("/feed.xml"), timeout=0.5, retries=0))
        assert good.hits("/broken") == 4
        assert good.hits("/missing") == 1
        assert [r.status for r in good.requests if r.path == "/feed.xml"] == [200, 200]


class NetworkTrap:
    """Fails the test if anything tries to reach, or resolve to, an address outside loopback: `socket.connect`,
    `connect_ex` and `create_connection` are wrapped, and `getaddrinfo` answers from a fake DNS for *.test names."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, names: dict[str, str]) -> None:
        self.violations: list[str] = []
        self.resolved: list[str] = []
        real_connect = socket.socket.connect
        real_connect_ex = socket.socket.connect_ex
        real_getaddrinfo = socket.getaddrinfo
        real_create = socket.create_connection
        trap = self

        def check(address: Any, how: str) -> None:
            host = address[0] if isinstance(address, tuple) else None
            if host is None:  # a Unix socket: not a network address
                return
            try:
                loopback = ipaddress.ip_address(str(host).split("%")[0]).is_loopback
            except ValueError:
                loopback = host == "localhost"
            if not loopback:
                trap.violations.append(f"{how} {address!r}")
                raise AssertionError(f"a connection to {address!r} was attempted ({how})")

        def connect(self: socket.socket, address: Any) -> None:
            check(address, "connect")
            return real_connect(self, address)

        def connect_ex(self: socket.socket, address: Any) -> int:
            check(address, "connect_ex")
            return real_connect_ex(self, address)

        def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
            check(address, "create_connection")
            return real_create(address, *args, **kwargs)

        def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
            name = host.decode() if isinstance(host, bytes) else str(host)
            trap.resolved.append(name)
            if name in names:
                return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (names[name], int(port or 0)))]
            if name not in ("localhost", "127.0.0.1", "::1") and not name.startswith("127."):
                trap.violations.append(f"resolve {name!r}")
                raise AssertionError(f"{name!r} was looked up: only loopback and the fake *.test names may be")
            return real_getaddrinfo(host, port, *args, **kwargs)

        monkeypatch.setattr(socket.socket, "connect", connect)
        monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
        monkeypatch.setattr(socket, "create_connection", create_connection)
        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def test_entries_pointing_at_private_addresses_are_refused_without_any_connection(
    graph: GraphRepository, site: Site, monkeypatch: pytest.MonkeyPatch
) -> None:
    trap = NetworkTrap(monkeypatch, {"intranet.test": "10.20.30.40", "metadata.test": "169.254.169.254"})
    site.page("/news/fine", article_html(story(4)))
    site.add("/go-inside", "", status=302, headers={"Location": "http://192.168.0.10/admin"})
    site.add("/go-by-name", "", status=301, headers={"Location": "http://intranet.test:8080/x"})
    site.add(
        "/feed.xml",
        rss_links(
            [
                "http://10.0.0.5/article",
                "http://intranet.test/article",
                "http://metadata.test/latest/meta-data/",
                "http://[fd00::1]/article",
                "http://[::ffff:10.0.0.7]/article",
                "http://169.254.169.254/latest",
                "http://0.0.0.0:80/x",
                site.url("/go-inside"),
                site.url("/go-by-name"),
                "ftp://files.test/article",
                "file:///etc/passwd",
                site.url("/news/fine"),
            ]
        ),
        "application/rss+xml",
    )
    # Loopback is allowed for the test site only; everything else stays forbidden.
    [result] = watch_once(graph, config(site.url("/feed.xml")))
    assert trap.violations == []
    assert result.ok, result.summary()
    assert result.pages == {"refused": 9, "queued": 1}, result.pages
    assert queued_urls(graph) == [site.url("/news/fine")]
    assert "intranet.test" in trap.resolved  # the name was looked up, and its address refused before connecting

    # Without allow_networks even the loopback feed is refused, still without a connection.
    other = build_config({"defaults": {"delay": 0}}, extra_urls=[site.url("/feed.xml")])
    before = len(site.requests)
    [refused] = watch_once(graph, other)
    assert not refused.ok and "loopback" in (refused.error or "")
    assert len(site.requests) == before
    assert trap.violations == []


def test_one_story_under_several_urls_is_queued_once(graph: GraphRepository, site: Site) -> None:
    text = story(5)
    canonical = site.url("/world/story-5")
    site.page("/world/story-5", article_html(text, canonical=canonical))
    site.page("/world/story-5/amp", article_html(text, canonical=canonical))
    site.page("/syndicated/copy", article_html(text, canonical=canonical))
    site.page("/mirror/same-text", article_html(text))
    site.page("/world/other", article_html(story(6)))
    feed = [
        "/world/story-5?utm_source=rss&utm_medium=feed",
        "/world/story-5/amp",
        "/world/story-5",
        "/syndicated/copy",
        "/mirror/same-text",
        "/world/other",
    ]
    site.add("/feed.xml", rss(site, feed), "application/rss+xml")

    [result] = watch_once(graph, config(site.url("/feed.xml"), concurrency=3))
    assert result.ok
    # The tracking and AMP variants are one URL before fetching: fetched once.
    fetched = [p for p in site.paths() if p.startswith("/world/story-5")]
    assert len(fetched) == 1, fetched
    assert result.pages == {"queued": 2, "duplicate": 2}, result.pages
    payloads = queued_payloads(graph)
    assert len(payloads) == 2
    [copy] = [p for p in payloads if "accord number 5 " in p["html"]]
    # Whichever copy came first is queued, under the canonical URL when it names one on its own site.
    assert copy["url"] in (canonical, site.url("/mirror/same-text"))


def test_pages_not_in_english_or_without_text_are_counted_and_skipped(graph: GraphRepository, site: Site) -> None:
    french = (
        "La France et l'Allemagne ont signé mardi un accord commercial dans la capitale, ont indiqué des "
        "responsables. L'accord réduit les droits de douane sur les produits agricoles pendant cinq ans."
    )
    site.page("/fr", article_html(french, lang="fr"))
    site.page("/empty", "<!DOCTYPE html><html><head><title>x</title></head><body><nav>Home</nav></body></html>")
    site.add("/image", b"\x89PNG\r\n\x1a\n" + bytes(2000), "image/png")
    site.page("/en", article_html(story(7)))
    site.add("/feed.xml", rss(site, ["/fr", "/empty", "/image", "/en"]), "application/rss+xml")

    [result] = watch_once(graph, config(site.url("/feed.xml")))
    assert result.pages == {"not_english": 1, "no_text": 2, "queued": 1}, result.pages
    [health] = watch_state.sources(graph)
    assert (health["not_english"], health["no_text"], health["queued"]) == (1, 2, 1)
    states = graph.run_admin("admin/watch_seen_states")
    # Per page (its URL), not per state: the rows come in the order of their keys, hashes of URLs with the port.
    reasons = {(row["url"].rsplit("/", 1)[-1], row["state"], row["reason"]) for row in states}
    assert ("fr", "not_english", "language fr") in reasons
    assert ("image", "no_text", "not an article page (Content-Type image/png)") in reasons
    assert ("empty", "no_text", "too little text for an article (1 words)") in reasons


def test_size_and_redirect_limits(graph: GraphRepository, site: Site) -> None:
    site.page("/big", article_html(story(8) + "\n\n" + "More words here. " * 5000))
    for i in range(4):
        site.add(f"/hop{i}", "", status=302, headers={"Location": f"/hop{i + 1}"})
    site.page("/hop4", article_html(story(9)))
    site.add("/feed.xml", rss(site, ["/big", "/hop0"]), "application/rss+xml")

    [result] = watch_once(graph, config(site.url("/feed.xml"), max_bytes=20_000, max_redirects=2))
    assert result.pages == {"gone": 2}, result.pages
    assert site.hits("/hop3") == 0  # the third redirect was not followed
    errors = {row["reason"] for row in graph.run_admin("admin/watch_seen_states")}
    assert any("bytes" in e for e in errors) and any("redirects" in e for e in errors), errors


# --------------------------------------------------------------------------- the process


def _geokg(*args: str) -> list[str]:
    return [sys.executable, "-c", "import sys; from service.cli import main; sys.exit(main(sys.argv[1:]))", *args]


@pytest.mark.parametrize(
    "batch",
    [None, 5],
    ids=["default batches", "batches of 5"],  # the default: written after 1 s (about 13 pages here); or 5 by 5
)
def test_a_watcher_killed_mid_poll_and_restarted_loses_and_repeats_nothing(
    graph: GraphRepository, neo4j_server: ConnectionInfo, site: Site, tmp_path: Path, batch: int | None
) -> None:
    paths = [f"/news/{i}" for i in range(25)]
    for i, path in enumerate(paths):
        site.page(path, article_html(story(i, tag=f"-{i}")), delay=0.15)
    site.add("/feed.xml", rss(site, paths), "application/rss+xml", etag='"v1"')
    sources = tmp_path / "sources.toml"
    batching = f"[watch]\nbatch_pages = {batch}\nbatch_seconds = 60\n\n" if batch else ""
    sources.write_text(
        batching + '[defaults]\ndelay = 0\nconcurrency = 2\nallow_networks = ["127.0.0.0/8"]\n\n'
        f'[[sources]]\nurl = "{site.url("/feed.xml")}"\nkind = "rss"\n',
        encoding="utf-8",
    )
    command = _geokg("watch", "--once", "--config", str(sources))
    process = subprocess.Popen(
        command, cwd=tmp_path, env=geokg_env(neo4j_server), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    deadline = time.monotonic() + 60
    while queue.counts(graph)["queued"] < 4 and time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
    assert process.poll() is None, "the watcher finished before it could be killed"
    os.kill(process.pid, signal.SIGKILL)
    process.wait(10)
    queued_before = queue.counts(graph)["queued"]
    assert 0 < queued_before < len(paths)
    if batch:  # a batch is written whole or not at all
        assert queued_before % batch == 0, queued_before
    # No page is left half-recorded (a key claimed but without its outcome).
    assert "pending" not in {state for (state,) in nodes(graph, "WatchSeen", ["state"])}
    fetched_before = {p for p in paths if site.hits(p)}

    finished = subprocess.run(command, cwd=tmp_path, env=geokg_env(neo4j_server), capture_output=True, timeout=120)
    assert finished.returncode == 0, finished.stderr.decode()[-2000:]
    assert queued_urls(graph) == sorted(site.url(p) for p in paths)  # every story, once
    assert queue.counts(graph)["queued"] == len(paths)
    # Pages recorded before the kill were not fetched again; only those in flight at the kill may have been.
    refetched = [p for p in paths if site.hits(p) > 1]
    assert len(refetched) <= len(fetched_before) - queued_before + 2, (refetched, queued_before)
    assert all(site.hits(p) <= 2 for p in paths)


def test_bad_configuration_is_refused_with_a_clear_error_and_nothing_is_polled(
    graph: GraphRepository, neo4j_server: ConnectionInfo, site: Site, tmp_path: Path
) -> None:
    site.add("/feed.xml", rss(site, []), "application/rss+xml")
    good = site.url("/feed.xml")
    cases = {
        "not toml": ("[defaults\n", "not valid TOML"),
        "unknown key": (f'[[sources]]\nurl = "{good}"\nspeed = 3\n', "speed"),
        "bad cidr": (f'[[sources]]\nurl = "{good}"\nallow_networks = ["10.0.0.0/33"]\n', "CIDR"),
        "not http": ('[[sources]]\nurl = "file:///etc/passwd"\n', "http(s)"),
        "negative delay": (f'[defaults]\ndelay = -1\n[[sources]]\nurl = "{good}"\n', "delay"),
        "bad kind": (f'[[sources]]\nurl = "{good}"\nkind = "json"\n', "kind"),
        "bad agent": (f'[watch]\nuser_agent = "a\\nb-injected: 1"\n[[sources]]\nurl = "{good}"\n', "User-Agent"),
        "no sources": ("[defaults]\ninterval = 60\n", "no sources"),
    }
    for name, (text, expected) in cases.items():
        path = tmp_path / f"{name.replace(' ', '_')}.toml"
        path.write_text(text, encoding="utf-8")
        done = subprocess.run(
            _geokg("watch", "--once", "--config", str(path)),
            cwd=tmp_path,
            env=geokg_env(neo4j_server),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 2, (name, done.stderr)
        assert expected in done.stderr, (name, done.stderr)
    for args, expected in (
        (["--allow-network", "banana", good], "--allow-network"),
        (["javascript:alert(1)"], "http(s)"),
        ([], "no sources"),
    ):
        done = subprocess.run(
            _geokg("watch", "--once", *args), cwd=tmp_path, env=geokg_env(neo4j_server), capture_output=True, text=True
        )
        assert done.returncode == 2 and expected in done.stderr, (args, done.stderr)
    # `geokg up` checks its sources file before serving anything.
    done = subprocess.run(
        _geokg("up", "--no-samples", "--port", str(_free_port()), "--sources", str(tmp_path / "unknown_key.toml")),
        cwd=tmp_path,
        env=geokg_env(neo4j_server),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2 and "speed" in done.stderr, done.stderr
    assert site.requests == []
    assert watch_state.sources(graph) == []
    assert queue.counts(graph)["queued"] == 0


@pytest.mark.model
def test_watched_articles_reach_the_graph_with_their_real_urls(
    graph: GraphRepository, site: Site, neo4j_server: ConnectionInfo
) -> None:
    from fastapi.testclient import TestClient

    from ingest.nlp import load_pipeline
    from ingest.worker import Worker, WorkerOptions
    from ingest.worker_metrics import WorkerMetrics
    from service.api.app import create_app

    paths = ["/2024/06/14/trade-deal", "/world/talks?id=7"]
    for i, path in enumerate(paths):
        site.page(path, article_html(story(i), title=f"Trade deal {i}"))
    site.add("/feed.xml", rss(site, [p + ("&" if "?" in p else "?") + "utm_source=rss" for p in paths]), "text/xml")
    watch_metrics = WatchMetrics()
    watch_port, worker_port = _free_port(), _free_port()
    serve_metrics(watch_metrics, watch_port)
    watcher = Watcher(graph, config(site.url("/feed.xml")), metrics=watch_metrics)
    try:
        [result] = watcher.run(once=True)
    finally:
        watcher.close()
    assert result.pages == {"queued": 2}

    options = WorkerOptions(once=True, poll_interval=0.1, backoff_initial=0.1, backoff_max=0.5)
    worker_metrics = WorkerMetrics()
    worker_metrics.serve(worker_port)
    stats = Worker(graph, load_pipeline(), options, worker_id="watch-test", metrics=worker_metrics).run()
    assert (stats.done, stats.failed) == (2, 0)

    # Each process's own metrics, scraped over HTTP as Prometheus would.
    watched = httpx.get(f"http://127.0.0.1:{watch_port}/metrics").text
    assert "geokg_watch_articles_queued_total 2.0" in watched
    assert 'geokg_watch_pages_total{outcome="queued"} 2.0' in watched
    assert 'geokg_watch_http_request_seconds_count{outcome="200"}' in watched
    worked = httpx.get(f"http://127.0.0.1:{worker_port}/metrics").text
    assert "geokg_worker_articles_extracted_total 2.0" in worked
    assert "geokg_worker_extraction_seconds_count 2.0" in worked
    assert "geokg_worker_write_seconds_count 2.0" in worked
    assert "geokg_worker_events_written_total 0.0" not in worked
    assert nodes(graph, "Article", ["url"]) == {(site.url(p),) for p in paths}
    # The front door shows the ingest rate and the queue's depth.
    with TestClient(create_app(api_settings(neo4j_server))) as client:
        home = client.get("/").text
    assert re.search(r'data-testid="ingest-rate">Ingest: <strong>2</strong> articles in the last hour', home), home
    assert '<span data-testid="queue-queued">0 queued</span>' in home

    # Each article's events cite it: the evidence links are the pages' real URLs.
    cited = graph.run_admin("admin/watch_article_evidence")
    assert {row["url"] for row in cited} == {site.url(p) for p in paths}
    assert all(row["events"] >= 1 for row in cited), cited


def test_per_host_delay_and_concurrency_limits_hold(graph: GraphRepository) -> None:
    with Site() as spaced, Site() as parallel:
        for site, count in ((spaced, 4), (parallel, 8)):
            for i in range(count):
                site.page(f"/n/{i}", article_html(story(i, tag=f"-{site.port}")), delay=0.2 if site is parallel else 0)
            site.add("/feed.xml", rss(site, [f"/n/{i}" for i in range(count)]), "application/rss+xml")
        spaced_cfg = config(spaced.url("/feed.xml"), delay=0.4, concurrency=1)
        watch_once(graph, spaced_cfg)
        gaps = [b - a for a, b in zip(spaced.starts, spaced.starts[1:], strict=False)]
        assert len(spaced.starts) == 6 and min(gaps) >= 0.38, gaps  # robots.txt, the feed, 4 pages
        assert spaced.max_active == 1

        watch_once(graph, config(parallel.url("/feed.xml"), delay=0, concurrency=2))
        assert parallel.max_active == 2  # 8 slow pages, 4 worker threads, at most 2 on this host


def test_a_sitemap_index_is_read_each_poll_and_its_child_sitemaps_conditionally(
    graph: GraphRepository, site: Site
) -> None:
    for i in range(4):
        site.page(f"/p/{i}", article_html(story(i, tag="-map")))
    index = (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{site.url('/s1.xml')}</loc></sitemap><sitemap><loc>{site.url('/s2.xml')}</loc></sitemap>"
        "</sitemapindex>"
    )
    site.add("/index.xml", index, "application/xml", etag='"i1"')
    site.add("/s1.xml", sitemap(site, ["/p/0", "/p/1"]), "application/xml", etag='"a1"')
    site.add("/s2.xml", sitemap(site, ["/p/2"], news=False), "application/xml", etag='"b1"')
    cfg = config(site.url("/index.xml"))

    [first] = watch_once(graph, cfg)
    assert first.pages == {"queued": 3}
    before = len(site.requests)
    [second] = watch_once(graph, cfg)
    assert second.found == 0
    later = {r.path: r for r in site.requests[before:]}
    assert later["/index.xml"].status == 200 and "if-none-match" not in later["/index.xml"].headers
    assert (later["/s1.xml"].status, later["/s2.xml"].status) == (304, 304)

    site.add("/s2.xml", sitemap(site, ["/p/2", "/p/3"], news=False), "application/xml", etag='"b2"')
    [third] = watch_once(graph, cfg)
    assert third.pages == {"queued": 1}
    assert queued_urls(graph) == sorted(site.url(f"/p/{i}") for i in range(4))


def test_retry_after_on_429_and_503_is_waited_for_by_the_whole_host(graph: GraphRepository, site: Site) -> None:
    site.page("/busy", article_html(story(1)), answers=[503], headers={"Retry-After": "1"})
    site.page("/limited", article_html(story(2)), answers=[429], headers={"Retry-After": "1"})
    site.add("/feed.xml", rss(site, ["/busy", "/limited"]), "application/rss+xml")

    [result] = watch_once(graph, config(site.url("/feed.xml"), retries=1, backoff=0.05, concurrency=1))
    assert result.pages == {"queued": 2}, result.pages  # a 429 is retried, not taken for a page that is gone
    assert queued_urls(graph) == [site.url("/busy"), site.url("/limited")]
    refused = [r for r in site.requests if r.status in (429, 503)]
    assert {r.path for r in refused} == {"/busy", "/limited"}
    # Nothing more went to the host until a second after each 429 or 503 (backoff alone would be 0.05 s).
    for answer in refused:
        later = [r.at - answer.at for r in site.requests if r.at > answer.at]
        assert later and min(later) >= 0.95, (answer.path, later)


def test_a_retry_after_over_the_limit_is_not_waited_for_and_the_page_is_fetched_next_poll(
    graph: GraphRepository, site: Site
) -> None:
    site.page("/later", article_html(story(3)), answers=[503], headers={"Retry-After": "3600"})
    site.add("/feed.xml", rss(site, ["/later"]), "application/rss+xml")
    cfg = config(site.url("/feed.xml"), retries=3, backoff=0.05, max_retry_after=0.5)

    started = time.monotonic()
    [first] = watch_once(graph, cfg)
    assert time.monotonic() - started < 10
    assert first.pages == {"retry_later": 1}, first.pages
    assert site.hits("/later") == 1  # no retry within the poll: the host asked for an hour
    assert queue.counts(graph)["queued"] == 0
    [second] = watch_once(graph, cfg)
    assert second.pages == {"queued": 1}, second.pages
    assert queued_urls(graph) == [site.url("/later")]


def test_a_host_named_by_sources_with_different_limits_gets_the_strictest(graph: GraphRepository, site: Site) -> None:
    for i in range(6):
        site.page(f"/n/{i}", article_html(story(i, tag="-strict")))
    site.add("/eager.xml", rss(site, [f"/n/{i}" for i in range(3)]), "application/rss+xml")
    site.add("/careful.xml", rss(site, [f"/n/{i}" for i in range(3, 6)]), "application/rss+xml")
    common = {"timeout": 5, "retries": 0, "allow_networks": LOOPBACK}
    cfg = build_config(
        {
            "watch": {"max_workers": 4},
            "sources": [
                {"url": site.url("/eager.xml"), "delay": 0, "concurrency": 4, **common},
                {"url": site.url("/careful.xml"), "delay": 0.3, "concurrency": 1, **common},
            ],
        }
    )
    results = watch_once(graph, cfg)
    assert [r.pages for r in results] == [{"queued": 3}, {"queued": 3}]
    assert len(site.starts) == 9  # robots.txt, two feeds, six pages
    assert site.max_active == 1
    gaps = [b - a for a, b in zip(site.starts, site.starts[1:], strict=False)]
    assert min(gaps) >= 0.28, gaps
