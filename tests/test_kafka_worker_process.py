"""`geokg worker` processes with GEOKG_QUEUE=kafka on the real broker and Neo4j: one is SIGKILLed after its graph
commit and before its offset commit, the next one (`--once`) gets the same messages again, and in the end every
submitted article is in the graph once, no event is stored twice, and the group has committed every offset."""

from __future__ import annotations

import os
import signal
import subprocess
import time

import pytest
from conftest import KafkaServer, agreements, geokg_env, nodes, spawn_geokg
from kafka_helpers import kafka_settings, submit

from service.config import Settings
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.kafka.topics import uncommitted
from service.shared import queue

pytestmark = pytest.mark.model


# `geokg worker`, whose offset commits wait GEOKG_TEST_SLOW_COMMIT seconds after saying so on stderr: the window in
# which the test kills it (its batch is in the graph, its offsets are not committed).
WORKER_ENTRY = """
import os, sys, time
import ingest.kafka_worker as kafka_worker

delay = float(os.environ.get("GEOKG_TEST_SLOW_COMMIT", "0"))
real_commit = kafka_worker.KafkaWorker._commit

def slow_commit(self, consumer, jobs):
    if delay and any(job.finished for job in jobs):
        print("MARK COMMIT", file=sys.stderr, flush=True)
        time.sleep(delay)
    return real_commit(self, consumer, jobs)

kafka_worker.KafkaWorker._commit = slow_commit
from service.cli import main
sys.exit(main(sys.argv[1:]))
"""


def worker(settings: Settings, server: ConnectionInfo, *args: str, slow_commit: float = 0) -> subprocess.Popen[str]:
    env = geokg_env(
        server,
        GEOKG_QUEUE="kafka",
        GEOKG_KAFKA_BOOTSTRAP=settings.kafka_bootstrap,
        GEOKG_KAFKA_TOPIC=settings.kafka_topic,
        GEOKG_KAFKA_DEAD_LETTER_TOPIC=settings.kafka_dead_letter_topic,
        GEOKG_KAFKA_GROUP=settings.kafka_group,
        GEOKG_TEST_SLOW_COMMIT=str(slow_commit),
    )
    return spawn_geokg(WORKER_ENTRY, ["worker", "--poll-interval", "0.5", *args], env)


def test_a_worker_sigkilled_before_its_offset_commit_loses_nothing_and_duplicates_nothing(
    graph: GraphRepository, neo4j_server: ConnectionInfo, kafka_server: KafkaServer
) -> None:
    settings = kafka_settings(neo4j_server, kafka_server)
    ids = submit(settings, agreements(8, tag="sigkill-"))

    doomed = worker(settings, neo4j_server, "--batch-size", "3", slow_commit=60)
    log: list[str] = []
    try:
        assert doomed.stderr is not None
        deadline = time.monotonic() + 120
        for line in doomed.stderr:
            log.append(line)
            if "MARK COMMIT" in line or time.monotonic() > deadline:
                break
        assert any("MARK COMMIT" in line for line in log), "".join(log[-30:])
        os.kill(doomed.pid, signal.SIGKILL)
    finally:
        doomed.kill()
        doomed.wait(30)
    done_before = [key for key in ids if (s := queue.get_status(graph, key)) is not None and s.status == "done"]
    assert done_before, "the killed worker had written its batch"
    assert uncommitted(settings) == len(ids), "and had committed no offset"

    after = worker(settings, neo4j_server, "--once", "--batch-size", "3")
    _, err = after.communicate(timeout=300)
    assert after.returncode == 0, err[-3000:]
    assert f"skipped {len(done_before)}" in err, err[-3000:]  # its summary: the redelivered messages were skipped

    for key in ids:
        item = queue.get_status(graph, key)
        assert item is not None and item.status == "done"
        assert len(item.processed_by) == 1
    assert len(nodes(graph, "Article", ["id"])) == len(ids)
    assert graph.run_admin("admin/duplicate_events") == []
    assert uncommitted(settings) == 0
