"""The watcher records a poll's pages in batches, one Neo4j transaction each (the real test Neo4j): a story met twice
in one batch or across batches is queued once, and a poll's pages land in as many transactions as its batches.
The kill test (a watcher SIGKILLed between batches, restarted) is in test_watch.py."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import nodes
from watch_site import Site, article_html, rss, story

from ingest.watch.config import build_config
from ingest.watch.watcher import Watcher
from service.graph.repository import GraphRepository
from service.shared import queue
from service.shared.watch_state import PageRecord, record_pages

SOURCE = "source:batch-test"


def _page(url: str, *keys: str) -> PageRecord:
    return PageRecord(url, keys, {"html": f"<p>{url}</p>", "url": url})


def test_a_batch_queues_a_story_once_within_it_and_across_batches(graph: GraphRepository) -> None:
    first = record_pages(
        graph,
        SOURCE,
        [
            _page("https://a.example/1", "url:1", "text:one"),
            _page("https://a.example/1-amp", "url:1-amp", "text:one"),  # the same text, later in the batch
            PageRecord("https://a.example/fr", ["url:fr"], None, "not_english", "language fr"),
            _page("https://a.example/2", "url:2", "text:two"),
            _page("https://a.example/2", "url:2"),  # a key of an earlier page of the batch, and no other
        ],
    )
    assert [r.state for r in first] == ["queued", "duplicate", "not_english", "queued", "duplicate"]
    assert first[0].item and first[3].item and first[0].item != first[3].item
    assert [r.item for r in (first[1], first[2], first[4])] == [None, None, None]

    second = record_pages(
        graph, SOURCE, [_page("https://b.example/1", "url:b1", "text:one"), _page("https://b.example/3", "url:3")]
    )
    assert [r.state for r in second] == ["duplicate", "queued"]

    assert queue.counts(graph)["queued"] == 3
    queued = {json.loads(row["payload"])["url"] for row in graph.run_admin("admin/queue_payloads")}
    assert queued == {"https://a.example/1", "https://a.example/2", "https://b.example/3"}
    # Every key is recorded with the outcome of the page that claimed it first; none is left half-written.
    seen = nodes(graph, "WatchSeen", ["key", "state", "item"])
    states = {(key, state, item is not None) for key, state, item in seen}
    assert states == {
        ("url:1", "queued", True),
        ("text:one", "queued", True),
        ("url:1-amp", "duplicate", False),
        ("url:fr", "not_english", False),
        ("url:2", "queued", True),
        ("text:two", "queued", True),
        ("url:b1", "duplicate", False),
        ("url:3", "queued", True),
    }


def test_a_page_without_keys_is_refused_before_anything_is_written(graph: GraphRepository) -> None:
    with pytest.raises(ValueError):
        record_pages(graph, SOURCE, [_page("https://a.example/1", "url:1"), _page("https://a.example/2")])
    assert nodes(graph, "WatchSeen", ["key"]) == set()
    assert record_pages(graph, SOURCE, []) == []


@pytest.fixture
def site() -> Iterator[Site]:
    with Site() as served:
        yield served


def _watch_once(graph: GraphRepository, site: Site, **watch: Any) -> dict[str, int]:
    cfg = build_config(
        {
            "defaults": {"delay": 0, "concurrency": 4, "retries": 0, "allow_networks": ["127.0.0.0/8"]},
            "watch": {"max_workers": 4, **watch},
        },
        extra_urls=[site.url("/feed.xml")],
    )
    watcher = Watcher(graph, cfg)
    try:
        [result] = watcher.run(once=True)
    finally:
        watcher.close()
    assert result.ok, result.error
    return dict(result.pages)


def _pages_per_transaction(graph: GraphRepository) -> list[int]:
    """How many pages each transaction recorded, smallest first. A page's keys carry `at`, the time their
    transaction began (datetime.transaction()): one value per transaction (the batches of a poll are written one
    after the other, each taking some milliseconds, so no two share a clock reading)."""
    pages: dict[Any, set[str]] = defaultdict(set)
    for at, url in nodes(graph, "WatchSeen", ["at", "url"]):
        pages[at].add(url)
    return sorted(len(urls) for urls in pages.values())


def test_a_polls_pages_land_in_one_transaction_per_batch_with_their_queue_items(
    graph: GraphRepository, site: Site
) -> None:
    paths = [f"/news/{i}" for i in range(25)]
    for i, path in enumerate(paths):
        site.page(path, article_html(story(i, tag=f"-{i}")))
    site.add("/feed.xml", rss(site, paths), "application/rss+xml")

    assert _watch_once(graph, site, batch_pages=10, batch_seconds=60) == {"queued": 25}
    assert _pages_per_transaction(graph) == [5, 10, 10]
    # Every queue item is named by the keys of the page it came from, all written by one transaction.
    items = {item for (item,) in nodes(graph, "QueuedArticle", ["id"])}
    assert len(items) == 25
    recorded = nodes(graph, "WatchSeen", ["item", "url", "at"])
    assert {item for item, _url, _at in recorded} == items
    assert all(len({(url, at) for i, url, at in recorded if i == item}) == 1 for item in items)


def test_a_batch_is_written_when_its_first_page_has_waited_long_enough(graph: GraphRepository, site: Site) -> None:
    paths = [f"/news/{i}" for i in range(6)]
    for i, path in enumerate(paths):
        site.page(path, article_html(story(i, tag=f"-{i}")), delay=1.0 * (i // 3))  # 3 at once, 3 after 1 s
    site.add("/feed.xml", rss(site, paths), "application/rss+xml")

    assert _watch_once(graph, site, batch_pages=50, batch_seconds=0.3) == {"queued": 6}
    assert _pages_per_transaction(graph) == [3, 3]


def test_one_page_per_transaction_when_batches_are_of_one(graph: GraphRepository, site: Site) -> None:
    paths = [f"/news/{i}" for i in range(4)]
    for i, path in enumerate(paths):
        site.page(path, article_html(story(i, tag=f"-{i}")))
    site.add("/feed.xml", rss(site, paths), "application/rss+xml")

    assert _watch_once(graph, site, batch_pages=1) == {"queued": 4}
    assert _pages_per_transaction(graph) == [1, 1, 1, 1]
