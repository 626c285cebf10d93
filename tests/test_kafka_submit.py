"""Submitting articles with GEOKG_QUEUE=kafka, on the real broker and Neo4j: POST /articles answers 202 only once
the broker has each article (keyed by the id it returns), 503 while the broker is down and 202 again once it is
back, GET /articles/{id} says clearly that an article no worker has taken yet is unknown, and `geokg submit`
queues files on whichever transport is configured."""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import KafkaServer, _free_ports, api_settings
from fastapi.testclient import TestClient
from kafka_helpers import kafka_settings, read_topic

from service import cli
from service.api.app import create_app
from service.config import Settings
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.kafka.local_kafka import LocalKafka
from service.shared import queue

KEY = "test-key-0123456789"
AUTH = {"X-API-Key": KEY}
ARTICLE = {
    "text": "Argentina and Chile signed a trade agreement in the capital on Tuesday, officials said.",
    "url": "https://news.test/argentina-chile",
    "published": "2024-06-14",
}


@pytest.fixture
def settings(graph: GraphRepository, neo4j_server: ConnectionInfo, kafka_server: KafkaServer) -> Settings:
    return kafka_settings(neo4j_server, kafka_server, api_key=KEY)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_a_posted_article_is_on_the_topic_keyed_by_its_id(client: TestClient, settings: Settings) -> None:
    answer = client.post("/articles", json=ARTICLE, headers=AUTH)
    assert answer.status_code == 202, answer.text
    [article_id] = answer.json()["ids"]
    assert article_id == queue.encode(ARTICLE)[0]  # the id the Neo4j queue would give it
    assert answer.headers["Location"] == f"/articles/{article_id}"
    [message] = read_topic(settings.kafka_bootstrap, settings.kafka_topic, 1)
    assert message.key() == article_id.encode()
    assert json.loads(message.value() or b"") == ARTICLE


def test_a_batch_is_one_message_per_distinct_article(client: TestClient, settings: Settings) -> None:
    second = {**ARTICLE, "url": "https://news.test/second"}
    answer = client.post("/articles", json=[ARTICLE, second, ARTICLE], headers=AUTH)
    assert answer.status_code == 202, answer.text
    ids = answer.json()["ids"]
    assert ids[0] == ids[2] != ids[1]
    messages = read_topic(settings.kafka_bootstrap, settings.kafka_topic, 3, timeout=4)
    assert sorted((m.key() or b"").decode() for m in messages) == sorted(ids[:2])


def test_an_article_no_worker_has_taken_is_unknown_and_the_answer_says_why(client: TestClient) -> None:
    [article_id] = client.post("/articles", json=ARTICLE, headers=AUTH).json()["ids"]
    answer = client.get(f"/articles/{article_id}")
    assert answer.status_code == 404
    assert "has reached a worker yet" in answer.json()["detail"]
    assert "Kafka" in answer.json()["detail"]


def test_bad_requests_are_refused_before_the_broker_is_asked(client: TestClient, settings: Settings) -> None:
    assert client.post("/articles", json={"text": " "}, headers=AUTH).status_code == 422
    assert client.post("/articles", json=ARTICLE, headers={}).status_code == 401
    assert read_topic(settings.kafka_bootstrap, settings.kafka_topic, 1, timeout=3) == []


@pytest.mark.kafka
def test_while_the_broker_is_down_posts_answer_503_and_202_once_it_is_back(
    graph: GraphRepository, neo4j_server: ConnectionInfo
) -> None:
    """A broker of this test alone, stopped and started under a running API."""
    port, controller = _free_ports(2)
    broker = LocalKafka(
        home=Settings().kafka_home,
        instance=f"test-down-{os.getpid()}",
        port=port,
        controller_port=controller,
        heap="256m",
    )
    broker.start()
    try:
        own = KafkaServer(bootstrap=broker.bootstrap, managed=broker)
        settings = kafka_settings(neo4j_server, own, api_key=KEY, kafka_ack_timeout=3.0)
        with TestClient(create_app(settings)) as client:
            assert client.post("/articles", json=ARTICLE, headers=AUTH).status_code == 202
            broker.stop()
            down = client.post("/articles", json={**ARTICLE, "url": "https://news.test/while-down"}, headers=AUTH)
            assert down.status_code == 503, down.text
            assert "not queued, send them again later" in down.json()["detail"]
            assert "did not acknowledge" in down.json()["detail"]
            broker.start()
            again = client.post("/articles", json={**ARTICLE, "url": "https://news.test/while-down"}, headers=AUTH)
            assert again.status_code == 202, again.text
        # Exactly what was acknowledged is on the topic: the first article and the one sent again.
        keys = {(m.key() or b"").decode() for m in read_topic(broker.bootstrap, settings.kafka_topic, 3, timeout=8)}
        assert keys == {queue.encode(ARTICLE)[0], again.json()["ids"][0]}
    finally:
        broker.remove()


def test_a_broker_that_never_answered_gets_503_not_202(graph: GraphRepository, neo4j_server: ConnectionInfo) -> None:
    [closed] = _free_ports(1)
    nowhere = KafkaServer(bootstrap=f"127.0.0.1:{closed}")
    settings = kafka_settings(neo4j_server, nowhere, api_key=KEY, create=False, kafka_ack_timeout=2.0)
    with TestClient(create_app(settings)) as client:
        answer = client.post("/articles", json=ARTICLE, headers=AUTH)
    assert answer.status_code == 503
    assert f"127.0.0.1:{closed}" in answer.json()["detail"]


# --------------------------------------------------------------------------- geokg submit


def article_files(folder: Path) -> list[Path]:
    (folder / "a.txt").write_text("Japan and India signed a defence agreement in Tokyo on Tuesday.\n")
    (folder / "b.json").write_text(json.dumps({"text": "Egypt and Jordan held talks.", "title": "Talks", "x": 1}))
    (folder / "empty.txt").write_text("   \n")
    return sorted(folder.iterdir())


def test_submit_produces_each_readable_file_to_kafka(
    settings: Settings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = article_files(tmp_path)
    code = cli.cmd_submit(argparse.Namespace(paths=[str(p) for p in files]), settings)
    out, err = capsys.readouterr()
    assert code == cli.EXIT_FAILURE  # empty.txt cannot be read
    assert "empty.txt" in err and "queued 2 articles on the Kafka topic" in err
    printed = dict(line.split("  ", 1) for line in out.splitlines())
    assert sorted(Path(name).name for name in printed.values()) == ["a.txt", "b.json"]
    messages = read_topic(settings.kafka_bootstrap, settings.kafka_topic, 2)
    payloads = {(m.key() or b"").decode(): json.loads(m.value() or b"") for m in messages}
    assert set(payloads) == set(printed)
    assert {"text": "Egypt and Jordan held talks.", "title": "Talks"} in payloads.values()


def test_submit_enqueues_in_neo4j_under_the_default_queue(
    graph: GraphRepository, neo4j_server: ConnectionInfo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = article_files(tmp_path)[:2]
    assert cli.cmd_submit(argparse.Namespace(paths=[str(p) for p in files]), api_settings(neo4j_server)) == 0
    ids = [line.split("  ", 1)[0] for line in capsys.readouterr().out.splitlines()]
    assert len(ids) == 2
    assert [status.status for status in map(lambda i: queue.get_status(graph, i), ids) if status] == ["queued"] * 2


def test_submit_with_nothing_readable_reaches_for_no_queue(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    nowhere = Settings(_env_file=None, queue="kafka", kafka_bootstrap="127.0.0.1:9", kafka_ack_timeout=1)  # type: ignore[call-arg]
    assert cli.cmd_submit(argparse.Namespace(paths=[str(tmp_path / "empty.txt")]), nowhere) == cli.EXIT_FAILURE
    err = capsys.readouterr().err
    assert "empty.txt" in err and "queued 0 articles" in err and "did not acknowledge" not in err
