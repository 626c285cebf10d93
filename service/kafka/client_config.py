"""The Kafka client's configuration (librdkafka properties) from Settings: where the brokers are, the security
settings passed through, and the delivery guarantees geokg relies on, which configuration cannot weaken.

Producer: idempotent, acks=all, and a delivery timeout equal to GEOKG_KAFKA_ACK_TIMEOUT, so that when the producer
reports a failure the article is certainly not going to be written later behind the caller's back (the caller is
told 503 and may send it again: same key, and the graph write is idempotent).
Consumer: one group, offsets stored and committed only by the worker, after the article's graph transaction.
"""

from __future__ import annotations

import json
import socket
from typing import Any

from service.config import Settings

ClientConfig = dict[str, Any]

# What geokg's correctness rests on: GEOKG_KAFKA_CLIENT_CONFIG may not set these.
GUARANTEED = frozenset(
    {
        "acks",
        "request.required.acks",
        "enable.idempotence",
        "enable.auto.commit",
        "enable.auto.offset.store",
        "message.timeout.ms",
        "delivery.timeout.ms",
        "group.id",
        "bootstrap.servers",
        "metadata.broker.list",
    }
)


class KafkaConfigError(ValueError):
    """The Kafka settings cannot make a client (no bootstrap servers, a bad extra property)."""


def common_config(settings: Settings, *, client_id: str) -> ClientConfig:
    """The properties every geokg client shares: brokers, client id, security."""
    bootstrap = settings.kafka_bootstrap.strip()
    if not bootstrap:
        raise KafkaConfigError("GEOKG_QUEUE=kafka needs GEOKG_KAFKA_BOOTSTRAP: the brokers as host:port[,host:port...]")
    config: ClientConfig = {
        "bootstrap.servers": bootstrap,
        "client.id": f"{client_id}@{socket.gethostname()}",
        "security.protocol": settings.kafka_security_protocol,
    }
    optional: dict[str, str] = {
        "sasl.mechanism": settings.kafka_sasl_mechanism,
        "sasl.username": settings.kafka_sasl_username,
        "sasl.password": _secret(settings.kafka_sasl_password),
        "ssl.ca.location": settings.kafka_ssl_ca_location,
        "ssl.certificate.location": settings.kafka_ssl_certificate_location,
        "ssl.key.location": settings.kafka_ssl_key_location,
        "ssl.key.password": _secret(settings.kafka_ssl_key_password),
    }
    config.update({key: value for key, value in optional.items() if value})
    config.update(extra_config(settings))
    return config


def producer_config(settings: Settings, *, client_id: str = "geokg-producer") -> ClientConfig:
    timeout_ms = max(1000, round(settings.kafka_ack_timeout * 1000))
    return {
        **common_config(settings, client_id=client_id),
        "enable.idempotence": True,  # no duplicate or reordered writes on the producer's own retries
        "acks": "all",  # acknowledged only once every in-sync replica has the message
        "message.timeout.ms": timeout_ms,  # a message not acknowledged by then fails (and is not sent later)
        "linger.ms": 5,
    }


def consumer_config(settings: Settings, *, client_id: str = "geokg-worker") -> ClientConfig:
    return {
        **common_config(settings, client_id=client_id),
        "group.id": settings.kafka_group,
        "enable.auto.commit": False,  # offsets are committed by the worker, after the graph transaction
        "enable.auto.offset.store": False,
        "auto.offset.reset": "earliest",  # a new group starts from the beginning of the topic: nothing skipped
        "enable.partition.eof": True,  # `geokg worker --once` stops when it has read every partition to its end
    }


def admin_config(settings: Settings) -> ClientConfig:
    return common_config(settings, client_id="geokg-admin")


def extra_config(settings: Settings) -> ClientConfig:
    """GEOKG_KAFKA_CLIENT_CONFIG: a JSON object of further properties (string, number or boolean values)."""
    if settings.kafka_client_config is None:
        return {}
    text = settings.kafka_client_config.get_secret_value().strip()
    if not text:
        return {}
    try:
        extra = json.loads(text)
    except json.JSONDecodeError as exc:
        raise KafkaConfigError(f"GEOKG_KAFKA_CLIENT_CONFIG is not a JSON object: {exc.msg}") from None
    if not isinstance(extra, dict):
        raise KafkaConfigError("GEOKG_KAFKA_CLIENT_CONFIG must be a JSON object of client properties")
    refused = sorted(GUARANTEED & set(extra))
    if refused:
        raise KafkaConfigError(
            f"GEOKG_KAFKA_CLIENT_CONFIG may not set {', '.join(refused)}: geokg's delivery guarantees rest on them "
            "(the brokers are GEOKG_KAFKA_BOOTSTRAP, the group GEOKG_KAFKA_GROUP)"
        )
    for key, value in extra.items():
        if not isinstance(value, str | int | float | bool):
            raise KafkaConfigError(f"GEOKG_KAFKA_CLIENT_CONFIG: {key} must be a string, number or boolean")
    return extra


def redacted(config: ClientConfig) -> ClientConfig:
    """The configuration with every secret-looking value hidden, for logs and error messages."""
    return {key: "***" if _is_secret(key) else value for key, value in config.items()}


def _is_secret(key: str) -> bool:
    return any(word in key for word in ("password", "secret", "token", "jaas", "key.pem", "credentials"))


def _secret(value: Any) -> str:
    return str(value.get_secret_value()) if value is not None else ""
