"""The graph side of scale-out (issue 15): with a `neo4j://` or `neo4j+s://` URI to a Neo4j cluster or Aura, the
driver routes reads to followers and writes to the leader, which is only right when every read query reads, every
write runs in a managed write transaction (retried on a leader switch), and nothing opens transactions by hand.
Checked on the source, so a new query or call site that would break on a cluster breaks this test instead."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from service.config import Settings
from service.graph.driver import BOLT_SCHEMES, resolve_connection
from service.graph.local_neo4j import LocalNeo4j
from service.graph.queries import code_only, cypher_dir, load_query, query_names

ROOT = Path(__file__).resolve().parents[1]
WRITE_CLAUSE = re.compile(r"\b(CREATE|MERGE|SET|DELETE|REMOVE|DROP|FOREACH|LOAD\s+CSV)\b", re.IGNORECASE)


@pytest.mark.parametrize("name", [n for n in query_names() if n.split("/")[0] in ("read", "explore")])
def test_read_queries_only_read(name: str) -> None:
    """They run in read transactions, which a cluster routes to followers: a write clause would fail there."""
    text = code_only(load_query(name).text)
    assert not WRITE_CLAUSE.search(text), f"{name} writes: {WRITE_CLAUSE.search(text)}"


def calls(method: str, receiver: str | None = None) -> list[str]:
    """`file:line` of every call of `<anything>.<method>(...)` (of `<receiver>.<method>(...)` when given) in service/
    and ingest/."""
    found = []
    for folder in ("service", "ingest"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                    continue
                named = isinstance(node.func.value, ast.Name) and node.func.value.id == receiver
                if node.func.attr == method and (receiver is None or named):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_transaction_is_opened_by_hand() -> None:
    # Explicit transactions are neither routed by access mode nor retried on a leader switch.
    assert calls("begin_transaction") == []
    assert calls("read_transaction") == [] and calls("write_transaction") == []  # the 4.x names


def test_auto_commit_queries_are_only_the_admin_and_schema_ones() -> None:
    """`session.run` is an auto-commit transaction (not retried, sent to the leader): only the repository's admin
    scans and schema statements, and its connection check, use it."""
    runs = calls("run", receiver="session")
    assert runs and all(site.startswith("service/graph/repository.py:") for site in runs), runs
    source = (ROOT / "service/graph/repository.py").read_text(encoding="utf-8")
    assert "session.execute_read(" in source and "session.execute_write(" in source
    # Everything else goes through managed transactions: the repository, the queue and watch state, the loader.
    assert len(calls("execute_write", receiver="session")) >= 4
    assert len(calls("execute_read", receiver="session")) >= 3


def test_the_managed_server_and_cluster_uris_are_routing_uris(tmp_path: Path) -> None:
    assert LocalNeo4j(version="5.26.30", home=tmp_path).bolt_uri.startswith("neo4j://")
    assert {"neo4j", "neo4j+s", "neo4j+ssc"} <= BOLT_SCHEMES
    aura = Settings(_env_file=None, neo4j_uri="neo4j+s://abcd1234.databases.neo4j.io", neo4j_password="x" * 12)  # type: ignore[call-arg]
    info = resolve_connection(aura)
    assert (info.uri, info.managed) == ("neo4j+s://abcd1234.databases.neo4j.io", False)


def test_every_cypher_folder_is_known() -> None:
    assert {p.name for p in cypher_dir().iterdir() if p.is_dir()} == {"admin", "explore", "read", "schema", "write"}
