"""The Kafka transport's configuration (service/config.py, service/kafka/client_config.py): GEOKG_QUEUE chooses it,
the security settings reach the client, the delivery guarantees cannot be configured away, and secrets stay hidden.
The SASL tests run against the managed broker's SASL_PLAINTEXT listener: right credentials pass, wrong ones do not."""

from __future__ import annotations

import uuid

import pytest
from confluent_kafka import KafkaException, Producer
from conftest import KafkaServer
from pydantic import SecretStr

from service.config import Settings
from service.kafka.client_config import (
    KafkaConfigError,
    admin_config,
    consumer_config,
    producer_config,
    redacted,
)
from service.kafka.producer import ArticleProducer, BrokerUnavailable
from service.kafka.topics import ensure_topics


def settings(**values: object) -> Settings:
    return Settings(_env_file=None, **values)  # type: ignore[call-arg, arg-type]


def test_the_neo4j_queue_stays_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GEOKG_QUEUE", raising=False)
    assert settings().queue == "neo4j"


def test_the_environment_chooses_kafka_and_its_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    env = {
        "GEOKG_QUEUE": "kafka",
        "GEOKG_KAFKA_BOOTSTRAP": "broker-1:9093,broker-2:9093",
        "GEOKG_KAFKA_TOPIC": "news.articles",
        "GEOKG_KAFKA_DEAD_LETTER_TOPIC": "news.articles.dlq",
        "GEOKG_KAFKA_GROUP": "extractors",
        "GEOKG_KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
        "GEOKG_KAFKA_SASL_MECHANISM": "SCRAM-SHA-512",
        "GEOKG_KAFKA_SASL_USERNAME": "geokg",
        "GEOKG_KAFKA_SASL_PASSWORD": "s3cret-pass",
        "GEOKG_KAFKA_SSL_CA_LOCATION": "/etc/ssl/kafka-ca.pem",
        "GEOKG_KAFKA_SSL_CERTIFICATE_LOCATION": "/etc/ssl/geokg.pem",
        "GEOKG_KAFKA_SSL_KEY_LOCATION": "/etc/ssl/geokg.key",
        "GEOKG_KAFKA_SSL_KEY_PASSWORD": "key-pass",
        "GEOKG_KAFKA_CLIENT_CONFIG": '{"ssl.endpoint.identification.algorithm": "none", '
        '"socket.keepalive.enable": true}',
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    configured = settings()
    assert (configured.queue, configured.kafka_topic, configured.kafka_dead_letter_topic) == (
        "kafka",
        "news.articles",
        "news.articles.dlq",
    )
    security = {
        "bootstrap.servers": "broker-1:9093,broker-2:9093",
        "security.protocol": "SASL_SSL",
        "sasl.mechanism": "SCRAM-SHA-512",
        "sasl.username": "geokg",
        "sasl.password": "s3cret-pass",
        "ssl.ca.location": "/etc/ssl/kafka-ca.pem",
        "ssl.certificate.location": "/etc/ssl/geokg.pem",
        "ssl.key.location": "/etc/ssl/geokg.key",
        "ssl.key.password": "key-pass",
        "ssl.endpoint.identification.algorithm": "none",
        "socket.keepalive.enable": True,
    }
    for config in (producer_config(configured), consumer_config(configured), admin_config(configured)):
        assert security.items() <= config.items()
    assert consumer_config(configured)["group.id"] == "extractors"
    # Secrets: hidden in the settings' repr and in the redacted config used in messages.
    shown = repr(configured) + str(redacted(producer_config(configured)))
    assert "s3cret-pass" not in shown and "key-pass" not in shown


def test_the_delivery_guarantees_are_set() -> None:
    configured = settings(queue="kafka", kafka_bootstrap="127.0.0.1:9092", kafka_ack_timeout=7)
    producer = producer_config(configured)
    assert (producer["enable.idempotence"], producer["acks"], producer["message.timeout.ms"]) == (True, "all", 7000)
    consumer = consumer_config(configured)
    assert (consumer["enable.auto.commit"], consumer["enable.auto.offset.store"]) == (False, False)
    assert consumer["auto.offset.reset"] == "earliest"


@pytest.mark.parametrize("key", ["acks", "enable.idempotence", "enable.auto.commit", "group.id"])
def test_extra_properties_cannot_weaken_the_guarantees(key: str) -> None:
    configured = settings(kafka_bootstrap="127.0.0.1:9092", kafka_client_config=SecretStr(f'{{"{key}": "1"}}'))
    with pytest.raises(KafkaConfigError, match="may not set"):
        producer_config(configured)


@pytest.mark.parametrize("text", ["not json", "[1]", '{"a": {"b": 1}}'])
def test_bad_extra_properties_are_refused(text: str) -> None:
    with pytest.raises(KafkaConfigError, match="GEOKG_KAFKA_CLIENT_CONFIG"):
        producer_config(settings(kafka_bootstrap="127.0.0.1:9092", kafka_client_config=SecretStr(text)))


def test_kafka_without_brokers_says_what_to_set() -> None:
    with pytest.raises(KafkaConfigError, match="GEOKG_KAFKA_BOOTSTRAP"):
        producer_config(settings(queue="kafka"))


def test_the_ssl_settings_reach_the_client(tmp_path: object) -> None:
    # librdkafka loads the CA file when the client is made: a path that does not exist is its own error, which
    # shows that the setting arrived.
    configured = settings(
        kafka_bootstrap="127.0.0.1:9",
        kafka_security_protocol="SSL",
        kafka_ssl_ca_location="/nonexistent/geokg-ca.pem",
    )
    with pytest.raises(KafkaException, match=r"ssl\.ca\.location"):
        Producer(producer_config(configured))


def sasl_settings(server: KafkaServer, password: str) -> Settings:
    if server.sasl_bootstrap is None:
        pytest.skip("GEOKG_TEST_KAFKA_BOOTSTRAP names a broker without the test SASL listener")
    name = f"t-{uuid.uuid4().hex}"
    return settings(
        queue="kafka",
        kafka_bootstrap=server.sasl_bootstrap,
        kafka_topic=name,
        kafka_dead_letter_topic=f"{name}.dead",
        kafka_security_protocol="SASL_PLAINTEXT",
        kafka_sasl_mechanism="PLAIN",
        kafka_sasl_username=server.sasl_user,
        kafka_sasl_password=SecretStr(password),
        kafka_ack_timeout=4,
    )


def test_sasl_credentials_reach_the_broker(kafka_server: KafkaServer) -> None:
    configured = sasl_settings(kafka_server, kafka_server.sasl_password)
    assert set(ensure_topics(configured)) == {configured.kafka_topic, configured.kafka_dead_letter_topic}
    producer = ArticleProducer(configured)
    try:
        assert len(producer.submit([{"text": "Chile and Peru signed a treaty."}])) == 1
    finally:
        producer.close()


def test_a_wrong_sasl_password_is_refused_by_the_broker(kafka_server: KafkaServer) -> None:
    good = sasl_settings(kafka_server, kafka_server.sasl_password)
    ensure_topics(good)
    bad = good.model_copy(update={"kafka_sasl_password": SecretStr("not-the-password")})
    producer = ArticleProducer(bad)
    try:
        with pytest.raises(BrokerUnavailable, match=r"(?s)did not acknowledge.*[Aa]uthentication"):
            producer.submit([{"text": "Chile and Peru signed a treaty."}])
    finally:
        producer.close()
