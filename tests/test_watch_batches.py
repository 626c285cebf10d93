"""The watcher's pages recorded in batches, one Neo4j transaction each (the real test Neo4j): a story met twice in one
batch or across batches is queued once."""

from __future__ import annotations

import json

import pytest
from conftest import nodes

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
