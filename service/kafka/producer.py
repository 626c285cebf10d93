"""Producing articles to the Kafka topic (GEOKG_QUEUE=kafka): what POST /articles, `geokg submit` and the worker's
dead-lettering use.

`ArticleProducer.submit` returns only once the broker has acknowledged every message (acks=all, idempotent
producer), or raises BrokerUnavailable: an article is never reported as taken when it may be lost. Each message is
keyed by the article's id (`service.shared.queue.encode`, the id the Neo4j queue gives it too), so one article always
lands in the same partition.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from confluent_kafka import KafkaError, KafkaException, Message, Producer

from service.config import Settings
from service.kafka.client_config import producer_config
from service.shared.queue import encode

log = logging.getLogger(__name__)

# Header names on the messages geokg produces.
ATTEMPTS_HEADER = "geokg-attempts"
ERROR_HEADER = "geokg-error"
ORIGIN_HEADER = "geokg-origin"  # topic/partition/offset a dead-lettered message was read from
REPLAY_HEADER = "geokg-replay"  # a dead letter sent again by `geokg queue retry`: its failed article starts afresh


def message_headers(message: Message) -> dict[str, str]:
    """A consumed message's headers as text (the last value of a repeated name)."""
    found: dict[str, str] = {}
    for item in message.headers() or []:
        if isinstance(item, tuple) and len(item) == 2:
            name, value = item
            found[str(name)] = value.decode(errors="replace") if isinstance(value, bytes) else str(value or "")
    return found


class BrokerUnavailable(Exception):
    """The broker did not acknowledge every message in time (unreachable, topic missing, refused)."""


@dataclass(frozen=True)
class OutgoingMessage:
    key: str
    value: str | bytes  # the article's canonical JSON; a message passed on as it came (dead letters) as bytes
    headers: Mapping[str, str] | None = None


class KafkaProducerClient:
    """One librdkafka producer (thread-safe) and a blocking `send` that waits for the acknowledgements."""

    def __init__(self, settings: Settings, *, client_id: str = "geokg-producer") -> None:
        self._settings = settings
        self._config = producer_config(settings, client_id=client_id)
        self._timeout = settings.kafka_ack_timeout
        self._lock = threading.Lock()
        self._last_error = ""  # the client's last connection-level error (refused, authentication failed, ...)
        self._producer = self._new_producer()

    @property
    def bootstrap(self) -> str:
        return str(self._config["bootstrap.servers"])

    def send(self, topic: str, messages: Sequence[OutgoingMessage]) -> None:
        """Produces `messages` to `topic` and waits until the broker acknowledged all of them; BrokerUnavailable
        (with the first error) otherwise."""
        if not messages:
            return
        errors: list[KafkaError] = []
        pending = [len(messages)]

        def delivered(error: KafkaError | None, _message: Message) -> None:
            pending[0] -= 1
            if error is not None:
                errors.append(error)

        producer = self._producer
        try:
            for message in messages:
                self._produce(producer, topic, message, delivered)
        except (KafkaException, BufferError) as exc:
            producer.flush(self._timeout + 5)
            raise BrokerUnavailable(f"the Kafka broker at {self.bootstrap} refused the articles: {exc}") from exc
        # message.timeout.ms equals the ack timeout: by the end of this flush every message is acknowledged or
        # failed, so none is left to be delivered after the caller was told it failed.
        producer.flush(self._timeout + 5)
        if errors or pending[0]:
            if any(e.fatal() for e in errors):
                self._replace(producer)
            reason = errors[0].str() if errors else "no acknowledgement"
            if self._last_error:
                reason += f"; last client error: {self._last_error}"
            raise BrokerUnavailable(
                f"the Kafka broker at {self.bootstrap} did not acknowledge {len(errors) or pending[0]} of "
                f"{len(messages)} articles within {self._timeout:g}s (topic {topic}): {reason}"
            )
        self._last_error = ""

    def _produce(
        self,
        producer: Producer,
        topic: str,
        message: OutgoingMessage,
        delivered: Any,
    ) -> None:
        headers: list[tuple[str, str | bytes | None]] = [(k, v.encode()) for k, v in (message.headers or {}).items()]
        for tries_left in (1, 0):
            try:
                value = message.value if isinstance(message.value, bytes) else message.value.encode()
                producer.produce(topic, value, message.key.encode(), headers=headers, on_delivery=delivered)
                return
            except BufferError:  # the local queue is full: let deliveries drain, then once more
                if not tries_left:
                    raise
                producer.poll(1.0)

    def close(self) -> None:
        self._producer.flush(self._timeout)

    def _new_producer(self) -> Producer:
        return Producer({**self._config, "error_cb": self._client_error, "logger": log})

    def _client_error(self, error: KafkaError) -> None:
        # The client reconnects by itself; the next send that fails says why.
        self._last_error = error.str()
        log.debug("Kafka client: %s", error.str())

    def _replace(self, broken: Producer) -> None:
        """A fatal error (the idempotent producer lost its sequence) ends a producer: the next send uses a new one."""
        with self._lock:
            if self._producer is broken:
                log.warning("the Kafka producer hit a fatal error; starting a new one")
                self._producer = self._new_producer()


class ArticleProducer:
    """Submits articles to the articles topic (GEOKG_KAFKA_TOPIC)."""

    def __init__(self, settings: Settings, *, client: KafkaProducerClient | None = None) -> None:
        self.topic = settings.kafka_topic
        self.client = client or KafkaProducerClient(settings)

    def submit(self, payloads: Sequence[Mapping[str, Any]]) -> list[str]:
        """The articles' ids, in order, once the broker has them all; BrokerUnavailable otherwise. A payload given
        twice in one call is produced once."""
        ids: list[str] = []
        messages: dict[str, OutgoingMessage] = {}
        for payload in payloads:
            key, text = encode(payload)
            ids.append(key)
            messages.setdefault(key, OutgoingMessage(key, text))
        self.client.send(self.topic, list(messages.values()))
        return ids

    def close(self) -> None:
        self.client.close()
