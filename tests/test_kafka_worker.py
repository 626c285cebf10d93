"""The Kafka consumer worker (ingest/kafka_worker.py) in this process, on the real broker and Neo4j with the real
spaCy pipeline: produce -> consume -> graph with the offsets committed after the graph; a redelivered or duplicate
message changes nothing; a poison article is dead-lettered with the reason after N attempts (counted in the graph)
while its partition goes on; a worker killed after its graph commit but before its offset commit leaves neither a
lost article nor a duplicate event after the restart."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from conftest import KafkaServer, agreements, nodes, rels
from fastapi.testclient import TestClient
from kafka_helpers import headers, kafka_settings, read_topic, submit
from spacy.language import Language

import ingest.kafka_worker
import ingest.worker
from ingest.kafka_worker import KafkaWorker, KafkaWorkerOptions, KafkaWorkerStats
from service.api.app import create_app
from service.config import Settings
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.kafka.topics import uncommitted
from service.shared import queue, stream_state

pytestmark = pytest.mark.model


@pytest.fixture
def settings(graph: GraphRepository, neo4j_server: ConnectionInfo, kafka_server: KafkaServer) -> Settings:
    return kafka_settings(neo4j_server, kafka_server)


def run_once(graph: GraphRepository, nlp: Language, settings: Settings, **options: Any) -> KafkaWorkerStats:
    values = {"once": True, "poll_timeout": 0.5, "backoff_initial": 0.1, "backoff_max": 0.5, **options}
    return KafkaWorker(graph, nlp, settings, KafkaWorkerOptions(**values), worker_id="kafka-worker").run()


def event_count(graph: GraphRepository) -> int:
    return len(nodes(graph, "Event", ["id"]))


def test_articles_go_from_the_topic_into_the_graph_and_their_offsets_are_committed(
    graph: GraphRepository, nlp: Language, settings: Settings
) -> None:
    ids = submit(settings, agreements(5))
    stats = run_once(graph, nlp, settings, batch_size=2)
    assert (stats.done, stats.failed, stats.retried, stats.skipped) == (5, 0, 0, 0)
    articles = nodes(graph, "Article", ["id"])
    assert len(articles) == 5 and len(rels(graph, "REPORTED_IN")) == 5
    for key in ids:
        item = queue.get_status(graph, key)
        assert item is not None
        assert (item.status, item.attempts, item.processed_by) == ("done", 1, ["kafka-worker"])
        assert (item.article_id,) in articles
    assert uncommitted(settings) == 0

    # GET /articles/{id} answers for a consumed article as it does with the Neo4j queue.
    with TestClient(create_app(settings)) as client:
        answer = client.get(f"/articles/{ids[0]}")
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "done" and answer.json()["events"]

    # Nothing left for the group; the same articles submitted again are skipped, not written twice.
    events = event_count(graph)
    assert run_once(graph, nlp, settings).done == 0
    assert submit(settings, agreements(5)) == ids
    again = run_once(graph, nlp, settings)
    assert (again.done, again.skipped) == (0, 5)
    assert len(nodes(graph, "Article", ["id"])) == 5 and event_count(graph) == events
    assert uncommitted(settings) == 0


def test_an_unreadable_article_is_dead_lettered_at_once_with_the_reason(
    graph: GraphRepository, nlp: Language, settings: Settings
) -> None:
    good, empty = submit(settings, [*agreements(1), {"text": "  "}])
    stats = run_once(graph, nlp, settings)
    assert (stats.done, stats.failed, stats.dead_lettered) == (1, 1, 1)
    item = queue.get_status(graph, empty)
    assert item is not None
    assert (item.status, item.attempts) == ("failed", 1)
    assert item.error == "unreadable article: JSON article has no non-empty 'text' or 'html' field"
    [dead] = read_topic(settings.kafka_bootstrap, settings.kafka_dead_letter_topic, 1)
    assert dead.key() == empty.encode()
    assert headers(dead)["geokg-error"] == item.error
    assert headers(dead)["geokg-origin"].startswith(f"{settings.kafka_topic}/")
    assert queue.get_status(graph, good).status == "done"  # type: ignore[union-attr]
    assert uncommitted(settings) == 0


def test_a_poison_article_is_retried_then_dead_lettered_and_its_partition_goes_on(
    graph: GraphRepository, nlp: Language, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_extract = ingest.worker.extract_many
    articles = agreements(4)
    poison = articles[1]["text"]

    def extract_many(batch: list[Any], nlp: Language) -> Any:
        if any(a.text == poison for a in batch):
            raise ValueError("the parser choked")
        return real_extract(batch, nlp)

    monkeypatch.setattr(ingest.worker, "extract_many", extract_many)
    # One partition: the poison article sits between good ones, and must not hold them up.
    settings = settings.model_copy(update={"kafka_topic": f"{settings.kafka_topic}-1", "kafka_partitions": 1})
    from service.kafka.topics import ensure_topics

    ensure_topics(settings)
    ids = submit(settings, articles)
    stats = run_once(graph, nlp, settings, batch_size=2, max_attempts=3)
    assert (stats.done, stats.retried, stats.failed, stats.dead_lettered) == (3, 2, 1, 1)
    item = queue.get_status(graph, ids[1])
    assert item is not None
    assert (item.status, item.attempts) == ("failed", 3)
    assert item.error == "gave up after 3 attempts; last error: extraction crashed: ValueError('the parser choked')"
    [dead] = read_topic(settings.kafka_bootstrap, settings.kafka_dead_letter_topic, 1)
    assert (dead.key(), headers(dead)["geokg-attempts"]) == (ids[1].encode(), "3")
    assert headers(dead)["geokg-error"] == item.error
    assert [queue.get_status(graph, key).status for key in ids] == ["done", "failed", "done", "done"]  # type: ignore[union-attr]
    assert uncommitted(settings) == 0


def test_attempts_are_counted_in_the_graph_so_an_article_that_kills_its_workers_is_given_up(
    graph: GraphRepository, nlp: Language, settings: Settings
) -> None:
    [key] = submit(settings, agreements(1))
    for dead_worker in ("w1", "w2", "w3"):  # three workers took it and died before finishing
        attempt = stream_state.begin_attempt(graph, key, dead_worker, produced_ms=0)
    assert (attempt.status, attempt.attempts) == ("processing", 3)
    stats = run_once(graph, nlp, settings, max_attempts=3)
    assert (stats.done, stats.dead_lettered) == (0, 1)
    item = queue.get_status(graph, key)
    assert item is not None and item.status == "failed"
    assert item.error == "gave up after 3 attempts; last error: its worker stopped each time (killed, or stuck)"
    assert nodes(graph, "Article", ["id"]) == set()


class Killed(BaseException):
    """Ends the worker where a SIGKILL might: after its graph commits, before its offset commit."""


class DiesBeforeCommitting(KafkaWorker):
    def _commit(self, consumer: Any, jobs: Any) -> None:
        if any(job.finished for job in jobs):
            raise Killed


def test_a_worker_killed_before_its_offset_commit_loses_nothing_and_duplicates_nothing(
    graph: GraphRepository, nlp: Language, settings: Settings
) -> None:
    ids = submit(settings, agreements(6, tag=uuid.uuid4().hex[:6]))
    options = KafkaWorkerOptions(once=True, batch_size=3, poll_timeout=0.5)
    with pytest.raises(Killed):
        DiesBeforeCommitting(graph, nlp, settings, options, worker_id="doomed").run()
    states = {key: queue.get_status(graph, key) for key in ids}  # None: not delivered to the doomed worker
    written = {key for key, state in states.items() if state is not None and state.status == "done"}
    assert written, "the doomed worker wrote a batch before dying"
    assert uncommitted(settings) == 6, "and committed no offset"
    events = event_count(graph)

    stats = run_once(graph, nlp, settings, batch_size=3)
    assert stats.skipped == len(written) and stats.done == 6 - len(written)
    for key in ids:
        item = queue.get_status(graph, key)
        assert item is not None and item.status == "done"
        assert len(item.processed_by) == 1
    assert len(nodes(graph, "Article", ["id"])) == 6
    assert graph.run_admin("admin/duplicate_events") == []
    assert event_count(graph) >= events
    assert uncommitted(settings) == 0


def test_queue_retry_replays_a_dead_lettered_article_which_then_starts_afresh(
    graph: GraphRepository, nlp: Language, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from service.kafka.replay import replay_dead_letters

    real_write = ingest.kafka_worker.write_article_tx

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(ingest.kafka_worker, "write_article_tx", broken)
    other, poison = submit(settings, agreements(2))
    assert run_once(graph, nlp, settings, max_attempts=2).dead_lettered == 2
    assert queue.get_status(graph, poison).status == "failed"  # type: ignore[union-attr]

    monkeypatch.setattr(ingest.kafka_worker, "write_article_tx", real_write)  # the cause is fixed
    assert replay_dead_letters(settings, graph, {poison}) == [poison]
    stats = run_once(graph, nlp, settings)
    assert (stats.done, stats.failed) == (1, 0)
    item = queue.get_status(graph, poison)
    assert item is not None and (item.status, item.attempts) == ("done", 1)
    assert queue.get_status(graph, other).status == "failed"  # type: ignore[union-attr]  # not asked for

    assert replay_dead_letters(settings, graph) == [other]  # --all-failed: only what is still failed
    assert run_once(graph, nlp, settings).done == 1
    assert replay_dead_letters(settings, graph) == []
    assert len(nodes(graph, "Article", ["id"])) == 2
