"""GET /sources and GET /metrics on the real test Neo4j, after a real watcher poll of a loopback site."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient
from watch_site import Site, article_html, rss, story

from ingest.watch.config import build_config
from ingest.watch.watcher import Watcher
from service.api.app import create_app
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from tests.conftest import api_settings


def _poll(graph: GraphRepository, *urls: str) -> None:
    cfg = build_config({"defaults": {"delay": 0, "timeout": 3, "retries": 0, "allow_networks": ["127.0.0.0/8"]}},
                       extra_urls=urls)  # fmt: skip
    watcher = Watcher(graph, cfg)
    try:
        watcher.run(once=True)
    finally:
        watcher.close()


def _metric(text: str, name: str, **labels: str) -> float:
    for line in text.splitlines():
        if line.startswith("#") or not line.startswith(name):
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', line.rsplit(" ", 1)[0]))
        if line.split("{")[0].split(" ")[0] == name and all(found.get(k) == v for k, v in labels.items()):
            return float(line.rsplit(" ", 1)[1])
    raise AssertionError(f"{name} {labels} not in the metrics:\n{text[:3000]}")


def test_sources_and_metrics_show_the_watchers_work(graph: GraphRepository, neo4j_server: ConnectionInfo) -> None:
    with Site() as site:
        site.page("/a", article_html(story(1)))
        site.page("/b", article_html(story(2)))
        site.add("/feed.xml", rss(site, ["/a", "/b", "/gone"]), "application/rss+xml")
        secret_feed = f"http://reader:hunter2@127.0.0.1:{site.port}/private.xml"
        _poll(graph, site.url("/feed.xml"), secret_feed)

    with TestClient(create_app(api_settings(neo4j_server))) as client:
        answer = client.get("/sources")
        assert answer.status_code == 200
        body = answer.text
        assert "hunter2" not in body and "reader" not in body
        sources = {s["url"]: s for s in answer.json()["sources"]}
        feed = sources[site.url("/feed.xml")]
        assert (feed["status"], feed["found"], feed["queued"], feed["failed"], feed["polls"]) == ("ok", 3, 2, 1, 1)
        assert feed["last_poll"] and feed["last_error"] is None
        private = sources[f"http://***@127.0.0.1:{site.port}/private.xml"]
        assert private["status"] == "error" and "404" in private["last_error"]

        home = client.get("/").text
        assert '<span data-testid="queue-queued">2 queued</span>' in home
        assert "<strong>0</strong> articles in the last hour" in home

        client.get("/countries/NOWHERE/partners")
        metrics = client.get("/metrics")
        assert metrics.status_code == 200
        assert metrics.headers["content-type"].startswith("text/plain")
        text = metrics.text
        assert "hunter2" not in text
        assert _metric(text, "geokg_graph_up") == 1
        assert _metric(text, "geokg_queue_items", status="queued") == 2
        assert _metric(text, "geokg_source_queued_total", source=site.url("/feed.xml")) == 2
        assert _metric(text, "geokg_source_errors_total", source=f"http://***@127.0.0.1:{site.port}/private.xml") == 1
        assert _metric(text, "geokg_api_request_seconds_count", route="/sources", status="200", method="GET") == 1
        assert _metric(text, "geokg_api_request_seconds_count", route="/countries/{actor}/partners", status="404") == 1


def test_sources_and_metrics_follow_read_access(neo4j_server: ConnectionInfo, graph: GraphRepository) -> None:
    settings = api_settings(neo4j_server, api_key="a-long-test-key-123").model_copy(update={"read_access": "key"})
    with TestClient(create_app(settings)) as client:
        for path in ("/sources", "/metrics"):
            assert client.get(path).status_code == 401
            assert client.get(path, headers={"X-API-Key": "wrong-key-000000"}).status_code == 403
            assert client.get(path, headers={"X-API-Key": "a-long-test-key-123"}).status_code == 200
