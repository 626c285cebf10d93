"""Every .cypher file loads, its header matches its text, every call site passes exactly its parameters, and
(on a real server) every read/write/admin query compiles and returns the columns its header names."""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import neo4j
import pytest

from service.graph.driver import ConnectionInfo
from service.graph.errors import QueryFileError, QueryNotFound
from service.graph.queries import (
    code_only,
    cypher_dir,
    load_query,
    parse_query,
    query_names,
    split_statements,
)
from service.graph.schema import schema_objects

REPO_ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIRS = ("service", "ingest", "tests")
QUERY_METHODS = {"read", "write", "run_admin", "run_explore"}


def test_the_source_checkout_cypher_folder_is_used() -> None:
    assert cypher_dir() == REPO_ROOT / "cypher"


def test_the_expected_queries_exist() -> None:
    names = set(query_names())
    assert {
        "read/ping",
        "read/schema_constraints",
        "read/schema_indexes",
        "write/upsert_country",
        "admin/delete_all",
        "schema/constraints",
        "schema/indexes",
    } <= names
    assert {name.split("/")[0] for name in names} <= {"schema", "read", "write", "admin", "explore"}
    assert "explore/country_partners" in names


@pytest.mark.parametrize("name", query_names())
def test_every_cypher_file_loads_with_a_consistent_header(name: str) -> None:
    query = load_query(name)  # raises QueryFileError when the header and the text disagree
    assert query.text
    if query.folder == "schema":
        assert query.params == frozenset() and query.returns == ()
    if query.folder == "write":
        assert "UNWIND $rows AS row" in query.text, "write queries are batched: UNWIND $rows AS row"


def test_a_header_that_disagrees_with_the_text_is_refused() -> None:
    with pytest.raises(QueryFileError, match=r"declares params \$a but the query uses \$a, \$b"):
        parse_query("read/x", "// params: $a\n// returns: n\nRETURN $a + $b AS n")


def test_a_file_without_header_is_refused() -> None:
    with pytest.raises(QueryFileError, match="params:"):
        parse_query("read/x", "RETURN 1 AS n")


def test_parameters_in_comments_and_strings_do_not_count() -> None:
    query = parse_query(
        "read/x",
        "// Costs $5.\n// params: $name\n// returns: greeting\n"
        "RETURN 'costs $5; ok' + \"$x\" + $name /* $y */ AS greeting // $z",
    )
    assert query.params == frozenset({"name"})


def test_statements_split_on_semicolons_outside_strings() -> None:
    text = "// header ; here\nCREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x);\nRETURN 'a;b' AS s;\n// end\n"
    assert split_statements(text) == ("CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.x)", "RETURN 'a;b' AS s")
    assert len(code_only(text)) == len(text)


def test_query_names_are_looked_up_not_joined_into_paths() -> None:
    for name in ("../pyproject", "read/../../pyproject", "/etc/passwd", "read/ping.cypher"):
        with pytest.raises(QueryNotFound):
            load_query(name)


def test_every_schema_statement_is_named_and_idempotent() -> None:
    objects = schema_objects()  # raises QueryFileError for an unnamed or non-IF-NOT-EXISTS statement
    statements = [s for name in query_names("schema") for s in load_query(name).statements()]
    assert len(objects) == len(statements)
    assert {o.kind for o in objects} == {"constraint", "index"}


# --- call sites ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CallSite:
    where: str
    query: str
    keywords: frozenset[str]
    spreads_kwargs: bool


def _inside_pytest_raises(tree: ast.AST) -> set[int]:
    """ids of the nodes in `with pytest.raises(...)` blocks: calls that are wrong on purpose."""
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.With) and any(
            isinstance(item.context_expr, ast.Call)
            and isinstance(item.context_expr.func, ast.Attribute)
            and item.context_expr.func.attr == "raises"
            for item in node.items
        ):
            ids.update(id(inner) for stmt in node.body for inner in ast.walk(stmt))
    return ids


def find_call_sites() -> list[CallSite]:
    """Every `<x>.read("a/b", ...)`, `.write(...)`, `.run_admin(...)`, `.run_explore(...)` whose first argument is
    a literal query name, except inside `with pytest.raises(...)`."""
    sites: list[CallSite] = []
    for folder in SOURCE_DIRS:
        for path in sorted((REPO_ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
            deliberate = _inside_pytest_raises(tree)
            for node in ast.walk(tree):
                if id(node) in deliberate or not (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in QUERY_METHODS
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                    and "/" in node.args[0].value
                ):
                    continue
                sites.append(
                    CallSite(
                        where=f"{path.relative_to(REPO_ROOT)}:{node.lineno}",
                        query=node.args[0].value,
                        keywords=frozenset(k.arg for k in node.keywords if k.arg is not None),
                        spreads_kwargs=any(k.arg is None for k in node.keywords),
                    )
                )
    return sites


def test_call_sites_are_found() -> None:
    queries = {site.query for site in find_call_sites()}
    assert {"write/upsert_country", "read/schema_constraints", "admin/nodes_with_label"} <= queries


def test_every_call_site_passes_exactly_the_declared_parameters() -> None:
    known = set(query_names())
    problems = []
    for site in find_call_sites():
        if site.query not in known:
            problems.append(f"{site.where}: no query named {site.query!r}")
            continue
        if site.spreads_kwargs:
            problems.append(f"{site.where}: pass the parameters of {site.query} by name, not with **")
            continue
        declared = load_query(site.query).params
        if site.keywords != declared:
            wanted, passed = sorted(declared), sorted(site.keywords)
            problems.append(f"{site.where}: {site.query} declares {wanted}, the call passes {passed}")
    assert not problems, "\n".join(problems)


# --- on a real server ---------------------------------------------------------------------------------------


@pytest.mark.neo4j
@pytest.mark.parametrize("name", [n for f in ("read", "write", "admin", "explore") for n in query_names(f)])
def test_query_compiles_and_returns_its_declared_columns(
    name: str, graph_driver: neo4j.Driver, neo4j_server: ConnectionInfo
) -> None:
    query = load_query(name)
    with graph_driver.session(database=neo4j_server.database) as session:
        # EXPLAIN plans without running; parameters need only exist.
        result = session.run("EXPLAIN " + query.text, dict.fromkeys(query.params))
        columns = tuple(result.keys())
        result.consume()
    assert columns == query.returns


def _operators(plan: dict[str, object]) -> list[dict[str, object]]:
    children = plan.get("children") or []
    assert isinstance(children, list)
    return [plan, *(op for child in children for op in _operators(child))]


@pytest.mark.neo4j
@pytest.mark.parametrize("name", ["admin/pairs_without_summary", "write/upsert_pair_summaries"])
def test_a_pairs_between_entries_are_read_by_an_index_seek(
    name: str, graph_driver: neo4j.Driver, neo4j_server: ConnectionInfo
) -> None:
    """These read a pair's BETWEEN entries once per pair or period: anything but a seek of the (pair, date) index
    there reads the whole pair index each time (admin/pairs_without_summary once scanned it: 30 s, not 3, to give a
    10,000-event graph its per-pair summaries)."""
    query = load_query(name)
    with graph_driver.session(database=neo4j_server.database) as session:
        plan = session.run("EXPLAIN " + query.text, dict.fromkeys(query.params)).consume().plan
    assert plan is not None
    between = [op for op in _operators(plan) if ":BETWEEN" in str(dict(op.get("args") or {}).get("Details", ""))]
    assert between, "no operator reads BETWEEN"
    assert {str(op["operatorType"]).split("@")[0] for op in between} == {"DirectedRelationshipIndexSeek"}
