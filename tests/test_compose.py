"""docker-compose.yml, the Dockerfile and .env.example agree with each other and with service/config.py."""

from __future__ import annotations

import base64
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from service.config import Settings

REPO_ROOT = Path(__file__).resolve().parents[1]
ENV_NAME = re.compile(r"\bGEOKG_[A-Z0-9_]+\b")
SETTINGS_ENV_NAMES = {f"GEOKG_{field.upper()}" for field in Settings.model_fields}
ESSENTIAL_ENV = {"GEOKG_NEO4J_URI", "GEOKG_NEO4J_USER", "GEOKG_NEO4J_PASSWORD", "GEOKG_API_KEY"}


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO_ROOT / "docker-compose.yml").read_text(encoding="utf-8"))
    return data


def container_ports(service: dict[str, Any]) -> set[int]:
    """Container side of "host:container" / "ip:host:container" / "container" port entries."""
    return {int(str(entry).split(":")[-1].split("/")[0]) for entry in service.get("ports", [])}


def test_services_exist(compose: dict[str, Any]) -> None:
    assert {"neo4j", "api", "worker"} <= set(compose["services"])


def test_neo4j_service(compose: dict[str, Any]) -> None:
    neo4j = compose["services"]["neo4j"]
    assert neo4j["image"] == "neo4j:5.26-community"
    assert neo4j["environment"]["NEO4J_AUTH"].startswith("neo4j/${GEOKG_NEO4J_PASSWORD")
    assert container_ports(neo4j) == {7474, 7687}
    assert any(volume.endswith(":/data") for volume in neo4j["volumes"])
    data_volume = next(volume for volume in neo4j["volumes"] if volume.endswith(":/data")).split(":")[0]
    assert data_volume in compose["volumes"], "the /data volume is a named volume"
    assert "RETURN 1" in " ".join(neo4j["healthcheck"]["test"])


@pytest.mark.parametrize("name", ["api", "worker"])
def test_app_services(compose: dict[str, Any], name: str) -> None:
    service = compose["services"][name]
    assert service["depends_on"]["neo4j"]["condition"] == "service_healthy"
    env = service["environment"]
    assert set(env) >= ESSENTIAL_ENV
    assert env["GEOKG_NEO4J_URI"] == "neo4j://neo4j:7687"
    assert service["build"] == "."


def test_commands(compose: dict[str, Any]) -> None:
    assert compose["services"]["api"]["command"] == ["geokg", "serve", "--host", "0.0.0.0"]
    assert compose["services"]["worker"]["command"] == ["geokg", "worker"]
    assert 8000 in container_ports(compose["services"]["api"])


def test_every_geokg_variable_in_compose_is_a_setting() -> None:
    used = set(ENV_NAME.findall((REPO_ROOT / "docker-compose.yml").read_text(encoding="utf-8")))
    assert used, "docker-compose.yml should configure the app through GEOKG_ variables"
    assert used <= SETTINGS_ENV_NAMES, f"not fields of Settings: {sorted(used - SETTINGS_ENV_NAMES)}"


def test_env_example_documents_every_setting() -> None:
    text = (REPO_ROOT / ".env.example").read_text(encoding="utf-8")
    mentioned = set(ENV_NAME.findall(text))
    missing, unknown = SETTINGS_ENV_NAMES - mentioned, mentioned - SETTINGS_ENV_NAMES
    assert not missing and not unknown, f"missing: {sorted(missing)}, unknown: {sorted(unknown)}"


def test_dockerfile_builds_one_image_with_pip() -> None:
    text = (REPO_ROOT / "Dockerfile").read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim\b", text, re.MULTILINE)
    assert "pip install" in text
    for source in ("pyproject.toml", "service", "ingest", "cypher"):
        assert re.search(rf"^COPY .*\b{re.escape(source)}\b", text, re.MULTILINE), f"{source} is not copied"


# --------------------------------------------------------------------------- docker-compose.kafka.yml


@pytest.fixture(scope="module")
def kafka_override() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO_ROOT / "docker-compose.kafka.yml").read_text(encoding="utf-8"))
    return data


def merged_environment(compose: dict[str, Any], override: dict[str, Any], name: str) -> dict[str, Any]:
    """What `docker compose -f docker-compose.yml -f docker-compose.kafka.yml` gives a service: the mappings merged."""
    return {**compose["services"][name]["environment"], **override["services"][name]["environment"]}


def test_the_kafka_override_runs_a_kraft_broker_of_the_official_image(kafka_override: dict[str, Any]) -> None:
    kafka = kafka_override["services"]["kafka"]
    assert re.fullmatch(r"apache/kafka:4\.[0-9]+\.[0-9]+", kafka["image"])
    env = kafka["environment"]
    # A cluster id as Kafka's storage tool takes it: 16 bytes in URL-safe base64 without padding.
    assert len(base64.urlsafe_b64decode(env["CLUSTER_ID"] + "==")) == 16 and len(env["CLUSTER_ID"]) == 22
    assert env["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert env["KAFKA_ADVERTISED_LISTENERS"] == "PLAINTEXT://kafka:9092"
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"] == f"{env['KAFKA_NODE_ID']}@kafka:9093"
    assert env["KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR"] == 1
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    data_volume, path = kafka["volumes"][0].split(":")
    assert path == env["KAFKA_LOG_DIRS"] and data_volume in kafka_override["volumes"]
    assert "kafka-broker-api-versions.sh" in " ".join(kafka["healthcheck"]["test"])
    assert "ports" not in kafka, "the broker is reached on the compose network only"


@pytest.mark.parametrize("name", ["api", "worker"])
def test_the_kafka_override_switches_the_api_and_the_workers(
    compose: dict[str, Any], kafka_override: dict[str, Any], name: str
) -> None:
    env = merged_environment(compose, kafka_override, name)
    assert env["GEOKG_QUEUE"] == "kafka"
    assert env["GEOKG_KAFKA_BOOTSTRAP"] == "${GEOKG_KAFKA_BOOTSTRAP:-kafka:9092}"
    assert set(env) >= ESSENTIAL_ENV, "the main file's settings (Neo4j, the key) are kept"
    assert kafka_override["services"][name]["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert compose["services"][name]["depends_on"]["neo4j"]["condition"] == "service_healthy"


def test_the_workers_can_be_scaled(compose: dict[str, Any], kafka_override: dict[str, Any]) -> None:
    # --scale worker=3: no fixed container name and no published port on the worker, in either file.
    for data in (compose, kafka_override):
        worker = data["services"]["worker"]
        assert "container_name" not in worker and "ports" not in worker


def test_every_geokg_variable_in_the_kafka_override_is_a_setting() -> None:
    used = set(ENV_NAME.findall((REPO_ROOT / "docker-compose.kafka.yml").read_text(encoding="utf-8")))
    assert "GEOKG_QUEUE" in used
    assert used <= SETTINGS_ENV_NAMES, f"not fields of Settings: {sorted(used - SETTINGS_ENV_NAMES)}"
