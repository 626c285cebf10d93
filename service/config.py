"""Settings read from the environment and `.env` (prefix GEOKG_), documented in README.md and .env.example."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def default_cache_dir() -> Path:
    """Outside the repository, so that every checkout and every CI run reuses one Neo4j download."""
    import os

    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "geokg"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="GEOKG_", env_file=".env", extra="ignore")

    # Neo4j. An empty URI means "use the managed local Neo4j" (started on demand).
    neo4j_uri: str = ""
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"

    # The managed local Neo4j (geokg neo4j install|start|stop|status).
    neo4j_version: str = "5.26.30"
    neo4j_home: Path = Field(default_factory=lambda: default_cache_dir() / "neo4j")
    neo4j_bolt_port: int = 7687
    neo4j_http_port: int = 7474
    neo4j_heap: str = "1g"
    neo4j_pagecache: str = "512m"
    # Where users open Neo4j Browser (the landing page's link). Empty: the managed Neo4j's HTTP port, or port 7474
    # (7473 for a TLS URI) of the host of GEOKG_NEO4J_URI.
    neo4j_browser_url: str = ""

    # API
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    api_key: SecretStr | None = None
    # "open": anyone who reaches the API may read; "key": reads need the same X-API-Key as writes (one key to
    # issue and rotate; a deployment that wants readers without write rights puts a proxy in front).
    read_access: Literal["open", "key"] = "open"
    # Browser origins allowed to call the API cross-site (CORS). Empty: no CORS headers at all, so browsers only
    # let pages served by the API itself call it. Comma-separated or a JSON array in the environment.
    cors_origins: Annotated[list[str], NoDecode] = []

    # NLP
    spacy_model: str = "en_core_web_sm"

    # The article queue. "neo4j": :QueuedArticle nodes in the graph itself (docs/queue.md), nothing else to run.
    # "kafka": POST /articles and `geokg submit` produce to a Kafka topic and `geokg worker` processes form one
    # consumer group on it (docs/kafka.md); the graph still records each article's attempts and its outcome.
    queue: Literal["neo4j", "kafka"] = "neo4j"
    kafka_bootstrap: str = ""  # host:port[,host:port...]
    # The managed single-node broker (service/kafka/local_kafka.py: tests, and trying Kafka out on one machine).
    kafka_version: str = "4.1.1"
    kafka_home: Path = Field(default_factory=lambda: default_cache_dir() / "kafka")
    kafka_topic: str = "geokg.articles"
    kafka_dead_letter_topic: str = "geokg.articles.dead"
    kafka_group: str = "geokg-workers"
    # Partitions of the topics when geokg creates them (the worker and `geokg submit` create missing ones): the most
    # workers that can share the stream.
    kafka_partitions: int = Field(default=6, ge=1)
    # Seconds a producer waits for the broker's acknowledgement before it answers that the article was not taken.
    kafka_ack_timeout: float = Field(default=10.0, gt=0, le=300)
    # Security, passed through to the client (librdkafka's properties of the same names).
    kafka_security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = "PLAINTEXT"
    kafka_sasl_mechanism: str = ""  # PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER, GSSAPI
    kafka_sasl_username: str = ""
    kafka_sasl_password: SecretStr | None = None
    kafka_ssl_ca_location: str = ""  # CA certificate(s) (PEM file) to verify the brokers with
    kafka_ssl_certificate_location: str = ""  # client certificate (PEM), for brokers that require TLS client auth
    kafka_ssl_key_location: str = ""
    kafka_ssl_key_password: SecretStr | None = None
    # Any other client property, as a JSON object ({"sasl.oauthbearer.method": "oidc", ...}); a secret, since such
    # properties often hold one. The delivery guarantees (acks, idempotence, offset commits) are not overridable.
    kafka_client_config: SecretStr | None = None

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                import json

                return json.loads(text)
            return [part.strip() for part in text.split(",") if part.strip()]
        return value

    @field_validator("cors_origins")
    @classmethod
    def _check_origins(cls, origins: list[str]) -> list[str]:
        """Exact origins only: a wildcard would let any site read the graph with its visitors' network access."""
        checked = []
        for origin in origins:
            parts = urlsplit(origin)
            exact = parts.path in ("", "/") and not parts.query and not parts.fragment
            if parts.scheme not in ("http", "https") or not parts.hostname or not exact:
                raise ValueError(f"a CORS origin is scheme://host[:port] (https://analyst.example), not {origin!r}")
            checked.append(origin.rstrip("/"))
        return checked


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
