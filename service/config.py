"""Settings read from the environment and `.env` (prefix GEOKG_), documented in README.md and .env.example."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


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

    # API
    api_host: str = "127.0.0.1"
    api_port: int = 8000
    api_key: SecretStr | None = None

    # NLP
    spacy_model: str = "en_core_web_sm"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
