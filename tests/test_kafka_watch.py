"""`geokg watch` with GEOKG_QUEUE=kafka, against a loopback site (tests/watch_site.py), the real broker and Neo4j:
new pages are produced to the articles topic (keyed by the id the graph records for the page) instead of queued in
Neo4j, a second poll produces nothing, and while the broker is down no page is recorded, so the next poll after
it is back takes them all."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import KafkaServer
from kafka_helpers import kafka_settings, read_topic
from watch_site import Site, article_html, rss, story

from ingest.watch.config import WatchConfig, build_config
from ingest.watch.watcher import PollResult, Watcher
from service.config import Settings
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.kafka.producer import ArticleProducer
from service.shared import queue


def config(*urls: str) -> WatchConfig:
    defaults = {"delay": 0, "timeout": 5, "retries": 0, "backoff": 0.05, "allow_networks": ["127.0.0.0/8"]}
    return build_config({"defaults": defaults, "watch": {"max_workers": 4}}, extra_urls=urls)


def watch_once(graph: GraphRepository, cfg: WatchConfig, settings: Settings) -> list[PollResult]:
    producer = ArticleProducer(settings)
    watcher = Watcher(graph, cfg, producer=producer)
    try:
        return watcher.run(once=True)
    finally:
        watcher.close()
        producer.close()


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as served:
        yield served


def feed(site: Site, count: int) -> list[str]:
    paths = [f"/news/{i}" for i in range(count)]
    for i, path in enumerate(paths):
        site.page(path, article_html(story(i, tag=f"-{i}"), title=f"Story {i}"))
    site.add("/rss.xml", rss(site, paths), "application/rss+xml")
    return paths


def test_new_pages_are_produced_to_the_topic_not_queued_in_neo4j(
    graph: GraphRepository, neo4j_server: ConnectionInfo, kafka_server: KafkaServer, site: Site
) -> None:
    settings = kafka_settings(neo4j_server, kafka_server)
    paths = feed(site, 5)
    [first] = watch_once(graph, config(site.url("/rss.xml")), settings)
    assert first.ok and first.pages == {"queued": 5}
    assert queue.counts(graph) == {"queued": 0, "processing": 0, "done": 0, "failed": 0}

    messages = read_topic(settings.kafka_bootstrap, settings.kafka_topic, 5)
    payloads = {(m.key() or b"").decode(): json.loads(m.value() or b"") for m in messages}
    assert sorted(p["url"] for p in payloads.values()) == sorted(site.url(p) for p in paths)
    for key, payload in payloads.items():
        assert key == queue.encode(payload)[0]  # the id POST /articles would have answered

    [second] = watch_once(graph, config(site.url("/rss.xml")), settings)
    assert second.ok and second.pages == {}
    assert len(read_topic(settings.kafka_bootstrap, settings.kafka_topic, 6, timeout=4)) == 5


def test_while_the_broker_is_down_pages_are_not_recorded_and_are_taken_once_it_is_back(
    graph: GraphRepository, neo4j_server: ConnectionInfo, kafka_server: KafkaServer, site: Site
) -> None:
    settings = kafka_settings(neo4j_server, kafka_server)
    feed(site, 3)
    nowhere: dict[str, Any] = {"kafka_bootstrap": "127.0.0.1:9", "kafka_ack_timeout": 1.0}
    [down] = watch_once(graph, config(site.url("/rss.xml")), settings.model_copy(update=nowhere))
    assert down.pages == {"retry_later": 3}
    [back] = watch_once(graph, config(site.url("/rss.xml")), settings)
    assert back.pages == {"queued": 3}
    assert len(read_topic(settings.kafka_bootstrap, settings.kafka_topic, 3)) == 3
