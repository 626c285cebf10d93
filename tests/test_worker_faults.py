"""Queue workers as separate processes: two at once, SIGKILL mid-article, SIGTERM, and Neo4j stopped and restarted
under a running worker (on a managed Neo4j instance of this module's own, which the test stops and starts).

Workers run `geokg worker` through WORKER_ENTRY, which can slow extraction or the article's write transaction down
and print a marker when it gets there, so that a test can strike at a known moment.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator

import pytest
from conftest import agreements, geokg_env, nodes, rels, spawn_geokg

from service.config import Settings
from service.graph.driver import ConnectionInfo, create_driver
from service.graph.local_neo4j import LocalNeo4j
from service.graph.repository import GraphRepository
from service.graph.schema import apply_schema
from service.shared import queue

pytestmark = pytest.mark.model

FAULTS_BOLT_PORT = int(os.environ.get("GEOKG_TEST_FAULTS_BOLT_PORT", 18687))
FAULTS_HTTP_PORT = int(os.environ.get("GEOKG_TEST_FAULTS_HTTP_PORT", 18474))
START_TIMEOUT = 60.0  # a worker process loads spaCy and connects

# `geokg worker ...`, with optional pauses: GEOKG_TEST_SLOW_EXTRACT (seconds, before extracting a batch) and
# GEOKG_TEST_SLOW_WRITE (inside the article's transaction, after its graph write and before the queue update).
WORKER_ENTRY = """
import os, sys, time
import ingest.worker as worker

def slowed(name, marker, before):
    real, delay = getattr(worker, name), float(os.environ.get(f"GEOKG_TEST_SLOW_{marker}", "0"))
    def wrapper(*args, **kwargs):
        if before:
            print(f"MARK {marker}", file=sys.stderr, flush=True)
            time.sleep(delay)
        result = real(*args, **kwargs)
        if not before:
            print(f"MARK {marker} {result.article_id}", file=sys.stderr, flush=True)
            time.sleep(delay)
        return result
    if delay:
        setattr(worker, name, wrapper)

slowed("extract_many", "EXTRACT", before=True)
slowed("write_article_tx", "WRITE", before=False)
from service.cli import main
sys.exit(main(sys.argv[1:]))
"""


class WorkerProcess:
    """A `geokg worker` subprocess whose stderr (its log) is collected line by line."""

    def __init__(self, server: ConnectionInfo, name: str, args: list[str], slow: dict[str, float]) -> None:
        env = geokg_env(server, **{f"GEOKG_TEST_SLOW_{key.upper()}": str(value) for key, value in slow.items()})
        self.name = name
        self.process = spawn_geokg(WORKER_ENTRY, ["worker", "--worker-id", name, "--poll-interval", "0.2", *args], env)
        self.lines: list[str] = []
        self._eof = False
        self._changed = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            with self._changed:
                self.lines.append(line.rstrip("\n"))
                self._changed.notify_all()
        with self._changed:
            self._eof = True
            self._changed.notify_all()

    @property
    def log(self) -> str:
        with self._changed:
            return "\n".join(self.lines)

    def wait_for(self, pattern: str, timeout: float = START_TIMEOUT, count: int = 1) -> list[str]:
        """The first `count` log lines matching `pattern`, waiting for them (fails if the worker exits first)."""
        regex = re.compile(pattern)
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [line for line in self.lines if regex.search(line)]
                if len(found) >= count:
                    return found[:count]
                if self._eof:  # the worker exited
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._changed.wait(min(left, 0.5))
        pytest.fail(f"worker {self.name} never logged {pattern!r} ({count}x); its log:\n{self.log}")

    def signal(self, signum: int) -> None:
        self.process.send_signal(signum)

    def wait(self, timeout: float) -> int:
        try:
            return self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            pytest.fail(f"worker {self.name} still running after {timeout}s; its log:\n{self.log}")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


Spawn = Callable[..., WorkerProcess]


@pytest.fixture
def spawn() -> Iterator[Spawn]:
    """`spawn(server, name, *args, extract=seconds, write=seconds)` starts a worker; all are killed at the end."""
    started: list[WorkerProcess] = []

    def start(server: ConnectionInfo, name: str, *args: str, **slow: float) -> WorkerProcess:
        worker = WorkerProcess(server, name, list(args), slow)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.2)


def item(repo: GraphRepository, key: str) -> queue.ItemStatus:
    found = queue.get_status(repo, key)
    assert found is not None
    return found


def assert_each_article_once(repo: GraphRepository, ids: list[str]) -> list[queue.ItemStatus]:
    """Every item done by exactly one worker, and the graph holding each article (one event each) exactly once."""
    items = [item(repo, key) for key in ids]
    assert [i.status for i in items] == ["done"] * len(ids)
    assert all(len(i.processed_by) == 1 for i in items), [i.processed_by for i in items]
    articles = nodes(repo, "Article", ["id"])
    assert articles == {(i.article_id,) for i in items}
    assert len(articles) == len(ids)
    reported = rels(repo, "REPORTED_IN")
    assert len(reported) == len(ids)
    assert {article for _, article in reported} == {a for (a,) in articles}
    return items


# --- on the session's Neo4j ---------------------------------------------------------------------------------


def test_two_workers_share_a_queue_without_doing_anything_twice(
    graph: GraphRepository, neo4j_server: ConnectionInfo, spawn: Spawn
) -> None:
    workers = [spawn(neo4j_server, f"worker-{n}", "--batch-size", "2", "--lease", "30") for n in (1, 2)]
    for worker in workers:
        worker.wait_for("polling")  # both running before there is work, so that both get some
    ids = queue.enqueue(graph, agreements(30))
    wait_until(lambda: queue.counts(graph)["done"] == 30, 120, "30 articles done")
    for worker in workers:
        worker.signal(signal.SIGTERM)
    assert [worker.wait(30) for worker in workers] == [0, 0]

    items = assert_each_article_once(graph, ids)
    assert all(i.attempts == 1 for i in items)
    assert {i.processed_by[0] for i in items} == {"worker-1", "worker-2"}
    done_lines = sum(len(re.findall(r"article \w+ done", w.log)) for w in workers)
    assert done_lines == 30


@pytest.mark.parametrize("moment", ["extract", "write"])
def test_a_killed_workers_article_is_taken_again_after_its_lease(
    graph: GraphRepository, neo4j_server: ConnectionInfo, spawn: Spawn, moment: str
) -> None:
    """SIGKILL while extracting, or inside the article's write transaction (graph written, queue not yet)."""
    ids = queue.enqueue(graph, agreements(3))
    doomed = spawn(neo4j_server, "doomed", "--batch-size", "1", "--lease", "2", **{moment: 60.0})
    doomed.wait_for(f"MARK {moment.upper()}")
    doomed.signal(signal.SIGKILL)
    assert doomed.wait(10) == -signal.SIGKILL

    first = item(graph, ids[0])
    assert (first.status, first.lease_owner, first.attempts) == ("processing", "doomed", 1)
    assert nodes(graph, "Article", ["id"]) == set()  # the killed transaction left nothing behind

    rescuer = spawn(neo4j_server, "rescuer", "--once", "--lease", "2")
    assert rescuer.wait(90) == 0
    items = assert_each_article_once(graph, ids)
    assert (items[0].attempts, items[0].processed_by) == (2, ["rescuer"])
    assert all(i.processed_by == ["rescuer"] for i in items)


def test_sigterm_finishes_the_current_article_and_gives_back_the_rest(
    graph: GraphRepository, neo4j_server: ConnectionInfo, spawn: Spawn
) -> None:
    ids = queue.enqueue(graph, agreements(4))
    worker = spawn(neo4j_server, "polite", "--batch-size", "4", "--lease", "30", write=1.5)
    worker.wait_for("MARK WRITE")  # inside the first article's transaction
    worker.signal(signal.SIGTERM)
    assert worker.wait(30) == 0

    items = [item(graph, key) for key in ids]
    assert [i.status for i in items] == ["done", "queued", "queued", "queued"]
    assert [i.attempts for i in items[1:]] == [0, 0, 0]  # given back unstarted: no attempt counted
    assert all(i.lease_owner is None for i in items)
    assert len(nodes(graph, "Article", ["id"])) == 1
    worker.wait_for("released 3 unstarted articles", timeout=1)


# --- Neo4j going away -----------------------------------------------------------------------------------------


def test_a_worker_started_without_neo4j_waits_for_it_and_stops_cleanly(spawn: Spawn) -> None:
    with socket.socket() as probe:  # a port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    nowhere = ConnectionInfo(f"neo4j://127.0.0.1:{port}", "neo4j", "irrelevant", "neo4j")
    worker = spawn(nowhere, "waiting", "--max-backoff", "1")
    lines = worker.wait_for(f"Neo4j unavailable at {re.escape(nowhere.uri)}, retrying in", count=3)
    assert all("(connect: " in line for line in lines)
    worker.signal(signal.SIGTERM)
    assert worker.wait(15) == 0


@pytest.fixture(scope="module")
def faults_server() -> Iterator[LocalNeo4j]:
    """A managed Neo4j of this module's own (instance "faults"), which tests stop and start."""
    settings = Settings()
    server = LocalNeo4j(
        version=settings.neo4j_version,
        home=settings.neo4j_home,
        instance="faults",
        bolt_port=FAULTS_BOLT_PORT,
        http_port=FAULTS_HTTP_PORT,
        heap="512m",
        pagecache="128m",
    )
    server.install()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def faults_graph(faults_server: LocalNeo4j) -> Iterator[tuple[ConnectionInfo, GraphRepository]]:
    info = ConnectionInfo(
        uri=faults_server.bolt_uri, user=faults_server.user, password=faults_server.password, database="neo4j"
    )
    faults_server.start()  # no-op when running; brings it back if a failed test left it stopped
    driver = create_driver(info)
    try:
        repo = GraphRepository(driver, info.database, uri=info.uri, user=info.user)
        repo.run_admin("admin/delete_all")
        apply_schema(repo)
        yield info, repo
    finally:
        driver.close()


@pytest.mark.neo4j  # its own managed server, not the session's (so not marked through the fixtures)
def test_a_worker_waits_out_a_neo4j_restart_and_loses_nothing(
    faults_server: LocalNeo4j, faults_graph: tuple[ConnectionInfo, GraphRepository], spawn: Spawn
) -> None:
    info, repo = faults_graph
    ids = queue.enqueue(repo, agreements(10))
    worker = spawn(info, "patient", "--once", "--batch-size", "2", "--lease", "3", "--max-backoff", "2", write=0.5)
    worker.wait_for(r"article \w+ done", count=2)

    faults_server.stop()
    worker.wait_for(f"Neo4j unavailable at {re.escape(info.uri)}, retrying in", timeout=30)
    time.sleep(2)
    faults_server.start()

    assert worker.wait(120) == 0
    items = assert_each_article_once(repo, ids)
    assert all(i.processed_by == ["patient"] for i in items)
    assert "Neo4j at" in worker.log and "is back" in worker.log
