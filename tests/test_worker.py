"""The queue worker (ingest/worker.py) in this process: real spaCy pipeline, real Neo4j, articles written here.

Several workers at once, killed workers, Neo4j outages and signals need worker processes: tests/test_worker_faults.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import agreements, nodes, rels
from spacy.language import Language

import ingest.extract
import ingest.worker
from ingest.nlp import load_pipeline
from ingest.worker import Worker, WorkerOptions, WorkerStats
from service import cli
from service.config import get_settings
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.shared import queue

pytestmark = pytest.mark.model

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


def run_once(graph: GraphRepository, nlp: Language, **options: Any) -> WorkerStats:
    settings = {"once": True, "poll_interval": 0.1, "backoff_initial": 0.1, "backoff_max": 0.5, **options}
    return Worker(graph, nlp, WorkerOptions(**settings), worker_id="test-worker").run()


def test_the_worker_writes_each_article_once_and_marks_it_done(graph: GraphRepository, nlp: Language) -> None:
    ids = queue.enqueue(graph, agreements(5))
    stats = run_once(graph, nlp, batch_size=2)
    assert (stats.done, stats.failed, stats.retried, stats.lost) == (5, 0, 0, 0)

    articles = nodes(graph, "Article", ["id"])
    assert len(articles) == 5
    assert len(rels(graph, "REPORTED_IN")) == 5
    for key in ids:
        item = queue.get_status(graph, key)
        assert item is not None
        assert (item.status, item.attempts, item.processed_by) == ("done", 1, ["test-worker"])
        assert (item.article_id,) in articles

    # Nothing left to do, and a re-submission is the same (done) item.
    assert queue.enqueue(graph, agreements(5)) == ids
    assert run_once(graph, nlp).done == 0
    assert len(nodes(graph, "Article", ["id"])) == 5


def test_unreadable_articles_fail_at_once_with_the_reason(graph: GraphRepository, nlp: Language) -> None:
    _good, empty, no_text = queue.enqueue(graph, [*agreements(1), {"text": "  "}, {"html": "<div></div>"}])
    stats = run_once(graph, nlp)
    assert (stats.done, stats.failed, stats.retried) == (1, 2, 0)
    no_body = "JSON article has no non-empty 'text' or 'html' field"
    for key, reason in ((empty, no_body), (no_text, "no text found in the HTML")):
        item = queue.get_status(graph, key)
        assert item is not None
        assert (item.status, item.attempts) == ("failed", 1)
        assert item.error == f"unreadable article: {reason}"
    assert len(nodes(graph, "Article", ["id"])) == 1


def test_a_write_that_keeps_crashing_is_retried_then_failed(
    graph: GraphRepository, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest.worker, "write_article_tx", crash)
    [key] = queue.enqueue(graph, agreements(1))
    stats = run_once(graph, nlp, max_attempts=3)
    assert (stats.done, stats.retried, stats.failed) == (0, 2, 1)
    item = queue.get_status(graph, key)
    assert item is not None
    assert (item.status, item.attempts) == ("failed", 3)
    assert (
        item.error == "gave up after 3 attempts; last error: writing to the graph failed: RuntimeError('disk on fire')"
    )
    assert nodes(graph, "Article", ["id"]) == set()


def test_a_crash_in_one_article_of_a_batch_does_not_hold_up_the_others(
    graph: GraphRepository, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_extract = ingest.extract.extract_many
    poison = agreements(3)[1]["text"]

    def extract_many(articles: list[Any], nlp: Language) -> Iterator[Any]:
        if any(a.text == poison for a in articles):
            raise ValueError("the parser choked")
        return real_extract(articles, nlp)

    monkeypatch.setattr(ingest.worker, "extract_many", extract_many)
    ids = queue.enqueue(graph, agreements(3))
    stats = run_once(graph, nlp, batch_size=3, max_attempts=2)
    assert (stats.done, stats.retried, stats.failed) == (2, 1, 1)
    statuses = {key: queue.get_status(graph, key) for key in ids}
    assert [s.status if s else None for s in statuses.values()] == ["done", "failed", "done"]
    assert "extraction crashed: ValueError('the parser choked')" in (statuses[ids[1]].error or "")  # type: ignore[union-attr]


def test_failed_articles_can_be_retried_from_the_command_line(
    graph: GraphRepository,
    nlp: Language,
    neo4j_server: ConnectionInfo,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for name, value in (
        ("URI", neo4j_server.uri),
        ("USER", neo4j_server.user),
        ("PASSWORD", neo4j_server.password or ""),
        ("DATABASE", neo4j_server.database),
    ):
        monkeypatch.setenv(f"GEOKG_NEO4J_{name}", value)
    get_settings.cache_clear()  # the CLI reads settings through this cache
    try:
        [bad] = queue.enqueue(graph, [{"text": ""}])
        run_once(graph, nlp)
        assert cli.main(["queue", "status", bad]) == 0
        [shown] = json.loads(capsys.readouterr().out)
        assert shown["status"] == "failed"
        assert shown["error"] == "unreadable article: JSON article has no non-empty 'text' or 'html' field"

        assert cli.main(["queue", "retry", "--all-failed"]) == 0
        assert capsys.readouterr().out.strip() == "requeued 1 failed articles"
        item = queue.get_status(graph, bad)
        assert item is not None and (item.status, item.attempts) == ("queued", 0)

        assert cli.main(["queue", "status"]) == 0
        assert json.loads(capsys.readouterr().out) == {"queued": 1, "processing": 0, "done": 0, "failed": 0}
        assert cli.main(["queue", "status", "0" * 32]) == 3  # unknown id

        run_once(graph, nlp)  # fails again, and `worker --retry-failed` requeues it before working
        stats = run_once(graph, nlp, retry_failed=True)
        assert stats.failed == 1
        item = queue.get_status(graph, bad)
        assert item is not None and (item.status, item.attempts) == ("failed", 1)
    finally:
        get_settings.cache_clear()


def test_importing_the_worker_does_not_load_the_api() -> None:
    code = "import sys, ingest.worker, service.shared.queue; sys.exit('fastapi' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, check=False).returncode == 0
