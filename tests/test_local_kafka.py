"""The managed Kafka broker (service/kafka/local_kafka.py) against the real broker it assembles and runs: a message
produced with acks=all is consumed back by a consumer group, the assembled jars are cached, and a stopped broker
restarts with its data."""

from __future__ import annotations

import os
import time
import uuid
from pathlib import Path

import pytest
from confluent_kafka import Producer
from confluent_kafka.admin import AdminClient
from confluent_kafka.cimpl import NewTopic
from conftest import KafkaServer, _free_ports
from kafka_helpers import read_topic

from service.config import Settings
from service.jvm_process import pid_alive
from service.kafka.local_kafka import LocalKafka, LocalKafkaError, new_cluster_id


def create_topic(bootstrap: str, name: str, partitions: int = 2) -> None:
    admin = AdminClient({"bootstrap.servers": bootstrap})  # kept alive until the answer: its futures need it
    admin.create_topics([NewTopic(name, num_partitions=partitions)])[name].result(30)


def produce(bootstrap: str, topic: str, values: list[bytes]) -> None:
    producer = Producer({"bootstrap.servers": bootstrap, "acks": "all", "enable.idempotence": True})
    failures: list[object] = []
    for value in values:
        producer.produce(topic, value, on_delivery=lambda err, _msg: failures.append(err) if err else None)
    assert producer.flush(30) == 0
    assert not failures


def consume_all(bootstrap: str, topic: str, count: int) -> list[bytes]:
    return [message.value() or b"" for message in read_topic(bootstrap, topic, count)]


def test_the_broker_takes_and_hands_back_messages(kafka_server: KafkaServer) -> None:
    topic = f"t-{uuid.uuid4().hex}"
    create_topic(kafka_server.bootstrap, topic)
    values = [f"message {i}".encode() for i in range(10)]
    produce(kafka_server.bootstrap, topic, values)
    assert sorted(consume_all(kafka_server.bootstrap, topic, len(values))) == sorted(values)


def test_the_assembled_broker_is_cached(kafka_server: KafkaServer) -> None:
    if kafka_server.managed is None:
        pytest.skip("GEOKG_TEST_KAFKA_BOOTSTRAP names the broker: nothing assembled here")
    broker = kafka_server.managed
    started = time.monotonic()
    assert broker.install() == broker.dist_dir
    assert time.monotonic() - started < 2.0, "a second install must reuse the cached distribution"
    assert (broker.dist_dir / "lib" / f"kafka_2.13-{broker.version}.jar").is_file()
    assert broker.status().running and broker.status().installed


@pytest.mark.kafka
def test_a_stopped_broker_shuts_down_cleanly_and_restarts_with_its_data() -> None:
    settings = Settings()
    port, controller = _free_ports(2)
    broker = LocalKafka(
        home=settings.kafka_home,
        version=settings.kafka_version,
        instance=f"test-restart-{os.getpid()}",
        port=port,
        controller_port=controller,
        heap="256m",
    )
    try:
        broker.start()
        pid = broker.status().pid
        assert pid is not None
        topic = f"t-{uuid.uuid4().hex}"
        create_topic(broker.bootstrap, topic, partitions=1)
        produce(broker.bootstrap, topic, [b"kept"])

        started = time.monotonic()
        broker.stop()
        assert time.monotonic() - started < 30, "SIGTERM: a controlled shutdown, not the SIGKILL after the timeout"
        assert not pid_alive(pid) and not broker.status().running
        assert "shut down completely" in broker.console_log.read_text()

        broker.start()  # same data folder: formatted once, the topic and its message are still there
        assert consume_all(broker.bootstrap, topic, 1) == [b"kept"]
    finally:
        broker.remove()
    assert not broker.instance_dir.exists()


def test_the_broker_config_listens_on_loopback_only(tmp_path: Path) -> None:
    broker = LocalKafka(
        home=tmp_path, port=1901, controller_port=1902, sasl_port=1903, sasl_users={"alice": "alice-secret"}
    )
    config = dict(line.split("=", 1) for line in broker._render_config().splitlines() if "=" in line)
    assert config["listeners"] == (
        "PLAINTEXT://127.0.0.1:1901,CONTROLLER://127.0.0.1:1902,SASL_PLAINTEXT://127.0.0.1:1903"
    )
    assert config["process.roles"] == "broker,controller"
    assert config["auto.create.topics.enable"] == "false"
    assert 'user_alice="alice-secret"' in config["listener.name.sasl_plaintext.plain.sasl.jaas.config"]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"port": 1, "controller_port": 1},
        {"instance": "../x"},
        {"sasl_port": 1903},
        {"sasl_port": 1903, "sasl_users": {"a b": "x"}},
        {"heap": "lots"},
    ],
)
def test_bad_parameters_are_refused(tmp_path: Path, kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        LocalKafka(home=tmp_path, **kwargs)  # type: ignore[arg-type]


def test_a_broker_that_cannot_start_says_why(tmp_path: Path) -> None:
    broker = LocalKafka(home=tmp_path / "nowhere", version="0.0.0-none", port=1911, controller_port=1912)
    with pytest.raises(LocalKafkaError, match=r"Maven could not assemble Kafka 0\.0\.0-none"):
        broker.install()


def test_cluster_ids_are_kafka_uuids() -> None:
    ids = {new_cluster_id() for _ in range(500)}
    assert len(ids) == 500 and all(len(i) == 22 and "=" not in i and not i.startswith("-") for i in ids)
