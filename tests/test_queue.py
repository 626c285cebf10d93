"""The article queue (service/shared/queue.py) on the real Neo4j: states, leases, fencing, and claims that race.

No spaCy here: the "article write" handed to `complete` is a small real write (a Country) standing in for
`write_article_tx`, which tests/test_worker*.py exercise for real.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import neo4j
import pytest
from conftest import nodes

from ingest.load import WriteResult
from service.graph.repository import GraphRepository
from service.graph.transaction import TxQueries
from service.shared import queue
from service.shared.queue import LeaseLost, QueueItem

SHORT_LEASE = 0.5  # seconds; tests that need an expired lease sleep past it


def payloads(count: int, tag: str = "a") -> list[dict[str, str]]:
    return [{"text": f"Article {tag}{i}: Chile and Peru signed a trade agreement.", "url": f"https://x.test/{tag}{i}"}
            for i in range(count)]  # fmt: skip


def claim(
    repo: GraphRepository, owner: str, limit: int = 1, lease: float = 30.0, max_attempts: int = 3
) -> list[QueueItem]:
    return queue.claim(repo, owner, limit=limit, lease_seconds=lease, max_attempts=max_attempts).items


def country_write(iso3: str) -> Callable[[neo4j.ManagedTransaction], WriteResult]:
    """A stand-in for write_article_tx: one MERGE, so tests can see whether the transaction committed."""

    def write(tx: neo4j.ManagedTransaction) -> WriteResult:
        TxQueries(tx).write("write/upsert_country", rows=[{"id": iso3, "name": iso3}])
        return WriteResult(article_id=f"article-{iso3}", created=True)

    return write


def status(repo: GraphRepository, key: str) -> queue.ItemStatus:
    found = queue.get_status(repo, key)
    assert found is not None
    return found


# --- submitting ---------------------------------------------------------------------------------------------


def test_enqueue_returns_deterministic_ids_and_merges_resubmissions(graph: GraphRepository) -> None:
    first = queue.enqueue(graph, payloads(3))
    again = queue.enqueue(graph, [payloads(3)[1], {"url": "https://x.test/a1", "text": payloads(3)[1]["text"]}])
    assert len(set(first)) == 3
    assert again == [first[1], first[1]]  # same payload (key order does not matter): same item
    assert first[0] == queue.item_id(payloads(1)[0])
    assert queue.counts(graph) == {"queued": 3, "processing": 0, "done": 0, "failed": 0}
    item = status(graph, first[0])
    assert (item.status, item.attempts, item.error, item.processed_by) == ("queued", 0, None, [])
    assert item.enqueued_at is not None


def test_unknown_ids_have_no_status(graph: GraphRepository) -> None:
    assert queue.get_status(graph, "0" * 32) is None


def test_enqueue_refuses_what_is_not_a_json_object(graph: GraphRepository) -> None:
    with pytest.raises(TypeError, match="JSON object"):
        queue.enqueue(graph, ["just text"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="JSON-serialisable"):
        queue.enqueue(graph, [{"text": object()}])
    assert queue.counts(graph)["queued"] == 0


# --- claiming -----------------------------------------------------------------------------------------------


def test_claims_take_the_oldest_items_first_and_lease_them(graph: GraphRepository) -> None:
    ids = queue.enqueue(graph, payloads(5))
    first = claim(graph, "w1", limit=2)
    second = claim(graph, "w2", limit=2)
    assert [i.id for i in first] == ids[:2]
    assert [i.id for i in second] == ids[2:4]
    assert first[0].payload == payloads(5)[0]
    assert first[0].attempt == 1
    item = status(graph, ids[0])
    assert (item.status, item.lease_owner, item.attempts) == ("processing", "w1", 1)
    assert item.lease_until is not None and item.lease_until > (item.enqueued_at or "")
    assert queue.counts(graph) == {"queued": 1, "processing": 4, "done": 0, "failed": 0}


def test_an_expired_lease_is_taken_by_the_next_claimer(graph: GraphRepository) -> None:
    [key] = queue.enqueue(graph, payloads(1))
    claim(graph, "dead", lease=SHORT_LEASE)
    assert claim(graph, "alive") == []  # still leased
    time.sleep(SHORT_LEASE + 0.3)
    [taken] = claim(graph, "alive")
    assert (taken.id, taken.attempt) == (key, 2)
    assert status(graph, key).lease_owner == "alive"


def test_an_item_whose_workers_keep_dying_fails_after_max_attempts(graph: GraphRepository) -> None:
    [key] = queue.enqueue(graph, payloads(1))
    for _ in range(2):
        claim(graph, "doomed", lease=0.2, max_attempts=2)
        time.sleep(0.4)
    result = queue.claim(graph, "next", limit=1, lease_seconds=30, max_attempts=2)
    assert result.items == []
    assert [i for i, _ in result.exhausted] == [key]
    item = status(graph, key)
    assert item.status == "failed"
    assert item.error is not None and "gave up after 2 attempts" in item.error and "stopped answering" in item.error


def test_renew_extends_only_leases_still_held(graph: GraphRepository) -> None:
    ids = queue.enqueue(graph, payloads(2))
    held = claim(graph, "w1", limit=2, lease=SHORT_LEASE)
    before = status(graph, ids[0]).lease_until
    assert [i.id for i in queue.renew(graph, held, "w1", lease_seconds=30)] == ids
    assert (status(graph, ids[0]).lease_until or "") > (before or "")
    assert queue.renew(graph, held, "someone-else", lease_seconds=30) == []


# --- finishing ----------------------------------------------------------------------------------------------


def test_complete_writes_the_article_and_marks_done_together(graph: GraphRepository) -> None:
    [key] = queue.enqueue(graph, payloads(1))
    [item] = claim(graph, "w1")
    result = queue.complete(graph, item, "w1", country_write("CHL"))
    assert result == WriteResult(article_id="article-CHL", created=True)
    assert nodes(graph, "Country", ["iso3"]) == {("CHL",)}
    done = status(graph, key)
    assert (done.status, done.processed_by, done.article_id, done.lease_owner) == ("done", ["w1"], "article-CHL", None)
    assert done.done_at is not None
    # The same call again (a driver retry after a lost commit answer) finds it done and writes nothing.
    assert queue.complete(graph, item, "w1", country_write("PER")) is None
    assert nodes(graph, "Country", ["iso3"]) == {("CHL",)}


def test_a_failing_article_write_leaves_neither_graph_changes_nor_done(graph: GraphRepository) -> None:
    [key] = queue.enqueue(graph, payloads(1))
    [item] = claim(graph, "w1")

    def write_then_crash(tx: neo4j.ManagedTransaction) -> WriteResult:
        country_write("CHL")(tx)
        raise RuntimeError("crash after writing half an article")

    with pytest.raises(RuntimeError):
        queue.complete(graph, item, "w1", write_then_crash)
    assert nodes(graph, "Country", ["iso3"]) == set()
    assert status(graph, key).status == "processing"


def test_a_worker_that_lost_its_lease_can_no_longer_touch_the_item(graph: GraphRepository) -> None:
    [key] = queue.enqueue(graph, payloads(1))
    [stale] = claim(graph, "slow", lease=SHORT_LEASE)
    time.sleep(SHORT_LEASE + 0.3)
    [fresh] = claim(graph, "fast")
    with pytest.raises(LeaseLost, match="no longer leased to slow"):
        queue.complete(graph, stale, "slow", country_write("CHL"))
    with pytest.raises(LeaseLost):
        queue.fail(graph, stale, "slow", "late")
    queue.release(graph, [stale], "slow")  # skipped: not ours
    assert nodes(graph, "Country", ["iso3"]) == set()
    assert status(graph, key).lease_owner == "fast"
    # Same owner name, older attempt: still refused (the attempt number is part of the lease).
    with pytest.raises(LeaseLost):
        queue.complete(graph, QueueItem(stale.id, stale.payload, stale.attempt), "fast", country_write("CHL"))
    assert queue.complete(graph, fresh, "fast", country_write("PER")) is not None
    assert status(graph, key).processed_by == ["fast"]


def test_failed_attempts_are_retried_until_the_limit(graph: GraphRepository) -> None:
    [key] = queue.enqueue(graph, payloads(1))
    outcomes = []
    for _ in range(3):
        [item] = claim(graph, "w1", max_attempts=3)
        outcomes.append(queue.retry_later(graph, item, "w1", f"boom {item.attempt}", max_attempts=3))
    assert outcomes == ["queued", "queued", "failed"]
    final = status(graph, key)
    assert (final.status, final.attempts) == ("failed", 3)
    assert final.error == "gave up after 3 attempts; last error: boom 3"


def test_fail_then_retry_puts_the_item_back_with_a_fresh_budget(graph: GraphRepository) -> None:
    ids = queue.enqueue(graph, payloads(3))
    items = claim(graph, "w1", limit=3)
    for item in items[:2]:
        queue.fail(graph, item, "w1", "unreadable article: empty article")
    failed = status(graph, ids[0])
    assert (failed.status, failed.error, failed.lease_owner) == ("failed", "unreadable article: empty article", None)

    assert queue.retry(graph, [ids[0], ids[2]]) == [ids[0]]  # ids[2] is processing, not failed: left alone
    again = status(graph, ids[0])
    assert (again.status, again.attempts, again.error) == ("queued", 0, "unreadable article: empty article")
    assert status(graph, ids[2]).status == "processing"
    assert queue.retry_all_failed(graph) == [ids[1]]
    assert queue.counts(graph) == {"queued": 2, "processing": 1, "done": 0, "failed": 0}


def test_release_on_shutdown_does_not_count_as_an_attempt(graph: GraphRepository) -> None:
    ids = queue.enqueue(graph, payloads(2))
    items = claim(graph, "w1", limit=2)
    queue.release(graph, items, "w1")
    for key in ids:
        item = status(graph, key)
        assert (item.status, item.attempts, item.lease_owner, item.lease_until) == ("queued", 0, None, None)


# --- claims that race ---------------------------------------------------------------------------------------


def test_a_claimer_waits_for_a_concurrent_claim_and_then_sees_it(
    graph: GraphRepository, graph_driver: neo4j.Driver
) -> None:
    """Deterministic: transaction A has locked and leased the item but not committed; B's claim must block on
    the lock and, once A commits, see the item taken (a stale read would lease it a second time)."""
    [key] = queue.enqueue(graph, payloads(1))
    session = graph_driver.session(database=graph.database)
    tx = session.begin_transaction()
    run = TxQueries(tx)  # type: ignore[arg-type]
    run.write("write/queue_lock", rows=[{"id": key}])
    run.write("write/queue_claim", rows=[{"id": key, "owner": "A", "lease_ms": 30_000}])

    result: list[list[QueueItem]] = []
    claimer = threading.Thread(target=lambda: result.append(claim(graph, "B")))
    claimer.start()
    claimer.join(timeout=1.5)
    assert claimer.is_alive(), "B's claim should wait for A's lock"
    tx.commit()
    session.close()
    claimer.join(timeout=10)
    assert result == [[]]
    assert status(graph, key).lease_owner == "A"


def test_concurrent_claimers_never_take_the_same_item(graph: GraphRepository) -> None:
    total, workers = 120, 6
    ids = queue.enqueue(graph, payloads(total, "race"))
    claims: Counter[str] = Counter()
    lock = threading.Lock()

    def work(owner: str) -> None:
        while True:
            result = queue.claim(graph, owner, limit=3, lease_seconds=30, max_attempts=3)
            if not (result.items or result.contended):
                return
            with lock:
                claims.update(i.id for i in result.items)
            for item in result.items:
                queue.complete(graph, item, owner, lambda tx: WriteResult(article_id="-", created=True))

    with ThreadPoolExecutor(workers) as pool:
        for future in [pool.submit(work, f"w{n}") for n in range(workers)]:
            future.result()

    assert set(claims) == set(ids)
    assert max(claims.values()) == 1
    assert queue.counts(graph) == {"queued": 0, "processing": 0, "done": total, "failed": 0}
    assert all(len(status(graph, key).processed_by) == 1 for key in ids)
