"""Creating the articles and dead-letter topics when they are missing (`geokg worker` and `geokg submit` do it at
start). A cluster where geokg may not create topics answers with an authorisation error, which is reported: create
them there yourself (GEOKG_KAFKA_TOPIC and GEOKG_KAFKA_DEAD_LETTER_TOPIC)."""

from __future__ import annotations

from confluent_kafka import Consumer, KafkaError, KafkaException, TopicPartition
from confluent_kafka.admin import AdminClient
from confluent_kafka.cimpl import NewTopic

from service.config import Settings
from service.kafka.client_config import admin_config, common_config
from service.kafka.producer import BrokerUnavailable


def ensure_topics(settings: Settings, *, timeout: float = 30.0) -> list[str]:
    """Creates whichever of the two topics does not exist yet (GEOKG_KAFKA_PARTITIONS partitions, the broker's
    default replication); returns the names it created. BrokerUnavailable when the broker cannot be asked."""
    admin = AdminClient(admin_config(settings))
    wanted = [settings.kafka_topic, settings.kafka_dead_letter_topic]
    try:
        existing = set(admin.list_topics(timeout=timeout).topics)
    except KafkaException as exc:
        raise BrokerUnavailable(f"cannot list the topics at {settings.kafka_bootstrap}: {exc}") from exc
    missing = [name for name in wanted if name not in existing]
    if not missing:
        return []
    futures = admin.create_topics(
        [NewTopic(name, num_partitions=settings.kafka_partitions) for name in missing], request_timeout=timeout
    )
    created = []
    for name, future in futures.items():
        try:
            future.result(timeout)
            created.append(name)
        except KafkaException as exc:
            error = exc.args[0] if exc.args else None
            if isinstance(error, KafkaError) and error.code() == KafkaError.TOPIC_ALREADY_EXISTS:
                continue  # another worker created it meanwhile
            raise BrokerUnavailable(f"cannot create topic {name} at {settings.kafka_bootstrap}: {exc}") from exc
    return created


def uncommitted(settings: Settings, *, timeout: float = 10.0) -> int:
    """The workers' group lag: messages of the articles topic past the group's committed offsets (0: every one
    consumed and committed). Reads the offsets only; joins no group and commits nothing."""
    consumer = Consumer({**common_config(settings, client_id="geokg-lag"), "group.id": settings.kafka_group})
    try:
        metadata = consumer.list_topics(settings.kafka_topic, timeout=timeout).topics[settings.kafka_topic]
        partitions = [TopicPartition(settings.kafka_topic, p) for p in metadata.partitions]
        behind = 0
        for committed in consumer.committed(partitions, timeout=timeout):
            _low, high = consumer.get_watermark_offsets(committed, timeout=timeout)
            behind += high - max(committed.offset, 0)
        return behind
    finally:
        consumer.close()
