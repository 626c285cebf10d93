"""Helpers of the Kafka transport's tests: settings on the test broker and Neo4j with topics of the test's own, and
reading a topic back with a consumer group of its own."""

from __future__ import annotations

import time
import uuid
from typing import Any

from confluent_kafka import Consumer, Message
from conftest import KafkaServer, api_settings

from service.config import Settings
from service.graph.driver import ConnectionInfo
from service.kafka.producer import ArticleProducer
from service.kafka.topics import ensure_topics


def kafka_settings(
    neo4j: ConnectionInfo, kafka: KafkaServer, *, api_key: str | None = None, create: bool = True, **values: Any
) -> Settings:
    """GEOKG_QUEUE=kafka on the test servers, with a topic, dead-letter topic and group no other test uses."""
    name = f"t-{uuid.uuid4().hex[:12]}"
    updates: dict[str, Any] = {
        "queue": "kafka",
        "kafka_bootstrap": kafka.bootstrap,
        "kafka_topic": name,
        "kafka_dead_letter_topic": f"{name}.dead",
        "kafka_group": f"{name}.workers",
        "kafka_partitions": 2,
        "kafka_ack_timeout": 5.0,
        **values,
    }
    settings = api_settings(neo4j, api_key=api_key).model_copy(update=updates)
    if create:
        ensure_topics(settings)
    return settings


def read_topic(bootstrap: str, topic: str, count: int, timeout: float = 30.0) -> list[Message]:
    """The first `count` messages of `topic` (all partitions), read by a group of its own; fewer after `timeout`."""
    consumer = Consumer(
        {"bootstrap.servers": bootstrap, "group.id": f"reader-{uuid.uuid4().hex}", "auto.offset.reset": "earliest"}
    )
    consumer.subscribe([topic])
    got: list[Message] = []
    deadline = time.monotonic() + timeout
    try:
        while len(got) < count and time.monotonic() < deadline:
            message = consumer.poll(0.5)
            if message is not None and message.error() is None:
                got.append(message)
    finally:
        consumer.close()
    return got


def headers(message: Message) -> dict[str, str]:
    return {key: (value or b"").decode() for key, value in (message.headers() or [])}


def submit(settings: Settings, payloads: list[dict[str, Any]]) -> list[str]:
    producer = ArticleProducer(settings)
    try:
        return producer.submit(payloads)
    finally:
        producer.close()
