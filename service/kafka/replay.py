"""`geokg queue retry` with GEOKG_QUEUE=kafka: the dead letters of failed articles sent again to the articles topic.

The dead-letter topic is read from its beginning (its offsets are never committed: it is a record, not a queue),
and the last dead letter of each article that the graph still records as failed is produced again to the articles
topic with the header `geokg-replay`. A worker that takes such a message starts the failed article afresh, with a
new attempt budget (`write/stream_attempt`); a replay of an article that is done by then is skipped like any
redelivery. Running the command twice before the workers get to the messages sends them twice: harmless.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Collection

from confluent_kafka import OFFSET_BEGINNING, Consumer, KafkaError, KafkaException, Message, TopicPartition

from service.config import Settings
from service.graph.repository import GraphRepository
from service.kafka.client_config import common_config
from service.kafka.producer import (
    ERROR_HEADER,
    REPLAY_HEADER,
    BrokerUnavailable,
    KafkaProducerClient,
    OutgoingMessage,
    message_headers,
)
from service.shared import queue


def replay_dead_letters(
    settings: Settings, repo: GraphRepository, ids: Collection[str] | None = None, *, timeout: float = 30.0
) -> list[str]:
    """Sends again the dead letters of the failed articles (all of them, or those of `ids`); returns their ids."""
    letters = read_dead_letters(settings, timeout)
    wanted = [key for key in letters if ids is None or key in ids]
    failed = []
    for key in wanted:
        status = queue.get_status(repo, key)
        if status is not None and status.status == "failed":
            failed.append(key)
    messages = []
    for key in failed:
        letter = letters[key]
        reason = message_headers(letter).get(ERROR_HEADER, "")
        headers = {REPLAY_HEADER: "1", ERROR_HEADER: reason}
        messages.append(OutgoingMessage(key, letter.value() or b"", headers))
    if messages:
        producer = KafkaProducerClient(settings, client_id="geokg-replay")
        try:
            producer.send(settings.kafka_topic, messages)
        finally:
            producer.close()
    return failed


def read_dead_letters(settings: Settings, timeout: float) -> dict[str, Message]:
    """The last dead letter of each article id, read from the beginning of every partition of the topic."""
    topic = settings.kafka_dead_letter_topic
    consumer = Consumer(
        {
            **common_config(settings, client_id="geokg-replay"),
            "group.id": f"geokg-replay-{uuid.uuid4().hex}",  # required by the client; nothing is committed
            "enable.auto.commit": False,
            "enable.partition.eof": True,
        }
    )
    try:
        try:
            metadata = consumer.list_topics(topic, timeout=timeout).topics[topic]
        except KafkaException as exc:
            raise BrokerUnavailable(f"cannot read {topic} at {settings.kafka_bootstrap}: {exc}") from exc
        if metadata.error is not None:
            raise BrokerUnavailable(f"cannot read {topic} at {settings.kafka_bootstrap}: {metadata.error.str()}")
        partitions = [TopicPartition(topic, p, OFFSET_BEGINNING) for p in metadata.partitions]
        consumer.assign(partitions)
        remaining = {p.partition for p in partitions}
        letters: dict[str, Message] = {}
        deadline = time.monotonic() + timeout
        while remaining:
            if time.monotonic() > deadline:
                raise BrokerUnavailable(f"reading {topic} at {settings.kafka_bootstrap} took over {timeout:g}s")
            message = consumer.poll(0.5)
            if message is None:
                continue
            error = message.error()
            if error is not None:
                if error.code() == KafkaError._PARTITION_EOF:
                    remaining.discard(message.partition() or 0)
                continue
            key = (message.key() or b"").decode(errors="replace")
            if key:
                letters[key] = message
        return letters
    finally:
        consumer.close()
