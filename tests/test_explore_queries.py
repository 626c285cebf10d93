"""The saved Neo4j Browser queries (cypher/explore/) on the graph of the sample articles: each runs with the example
parameters of its `:param` lines and returns rows that make sense (troop deployments include North Korea -> Russia,
Putin's meetings include Kim Jong Un, ...), and cypher/explore/README.md documents each with those lines."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import pytest

from service.browser.guide import ExploreQuery, explore_queries
from service.graph.errors import QueryNotFound
from service.graph.queries import load_query, query_names
from service.graph.repository import GraphRepository

README = Path(__file__).resolve().parents[1] / "cypher" / "explore" / "README.md"
QUERIES = {query.name: query for query in explore_queries()}


def literal_params(query: ExploreQuery) -> dict[str, Any]:
    """The example values written as Cypher literals ('RUS', null, 1); expressions are left to the caller."""
    params: dict[str, Any] = {}
    for name, expression in query.example_params.items():
        try:
            params[name] = ast.literal_eval(
                {"null": "None", "true": "True", "false": "False"}.get(expression, expression)
            )
        except (ValueError, SyntaxError):
            continue
    return params


def run(repo: GraphRepository, name: str, **params: Any) -> list[dict[str, Any]]:
    query = QUERIES[name]
    rows = repo.run_explore(name, **{**literal_params(query), **params})
    assert rows, f"{name} returned no rows"
    assert all(row["path"] for row in rows), "every row carries a path for Browser to draw"
    # a row holding graph values comes back as plain data (service.graph.rows falls back to Record.data())
    assert all(isinstance(row["path"], list) for row in rows), type(rows[0]["path"])
    return rows


# --------------------------------------------------------------------------- files and docs


def test_every_explore_file_documents_an_example_for_each_parameter() -> None:
    assert set(QUERIES) == set(query_names("explore")) and len(QUERIES) >= 6
    for name, query in QUERIES.items():
        assert set(query.example_params) == set(load_query(name).params), name
        assert query.description, name


def test_the_readme_documents_every_query_with_its_param_lines() -> None:
    readme = README.read_text(encoding="utf-8")
    for name, query in QUERIES.items():
        assert f"`{name.split('/')[1]}.cypher`" in readme, name
        for command in query.param_commands:
            assert command in readme, command


def test_every_param_block_is_one_browser_runs() -> None:
    # Browser ignores a clicked `:param x => null` block: the slide would run with the previous slide's value, or
    # fail with ParameterMissing. Every slide sets each parameter its query uses.
    for query in QUERIES.values():
        for command in query.param_commands:
            assert not command.rstrip().lower().endswith("null"), command
        assert set(query.example_params) == set(load_query(query.name).params), query.name


def test_explore_queries_run_only_through_run_explore(sample_graph: GraphRepository) -> None:
    with pytest.raises(QueryNotFound):
        sample_graph.read("explore/country_partners", actor="RUS")


# --------------------------------------------------------------------------- on the sample graph


def test_every_query_returns_rows_with_its_examples(sample_graph: GraphRepository) -> None:
    for name in QUERIES:
        if name == "explore/event_evidence":
            continue  # its example is a Cypher expression; covered below with an id from pair_timeline
        run(sample_graph, name)


def test_country_partners_of_russia(sample_graph: GraphRepository) -> None:
    rows = run(sample_graph, "explore/country_partners", actor="RUS")
    edges = {(row["partner"], row["type"]) for row in rows}
    assert {("PRK", "DEPLOYS_TROOPS_TO"), ("UKR", "ATTACKS")} <= edges
    counts = [row["event_count"] for row in rows]
    assert counts == sorted(counts, reverse=True)


def test_pair_timeline_and_event_evidence(sample_graph: GraphRepository) -> None:
    rows = run(sample_graph, "explore/pair_timeline", a="RUS", b="PRK")
    assert {"CONSULT", "MOBILIZE"} <= {row["type"] for row in rows}
    dated = [row["date"] for row in rows if row["date"]]
    assert dated == sorted(dated)
    troops = next(row for row in rows if row["type"] == "MOBILIZE")
    assert (troops["a_role"], troops["b_role"]) == ("target", "source")
    assert troops["sentence"]

    evidence = run(sample_graph, "explore/event_evidence", event_id=troops["event_id"])
    kinds = {row["kind"] for row in evidence}
    assert {"participant", "evidence"} <= kinds
    roles = {row["role"] for row in evidence if row["kind"] == "participant"}
    assert {"source", "target"} <= roles
    assert any("North Korean" in (row["sentence"] or "") for row in evidence)


def test_leader_meetings_by_name_alias_or_id(sample_graph: GraphRepository) -> None:
    rows = run(sample_graph, "explore/leader_meetings", person="Vladimir Putin")
    counterparts = {row["counterpart"] for row in rows}
    assert {"PRK", "person:kim-jong-un"} <= counterparts
    assert "RUS" not in counterparts  # his own state is not his counterpart
    for other in ("putin", "person:vladimir-putin"):
        assert {r["counterpart"] for r in run(sample_graph, "explore/leader_meetings", person=other)} == counterparts


def test_troop_deployments_include_north_korea_to_russia(sample_graph: GraphRepository) -> None:
    every = run(sample_graph, "explore/troop_deployments", actor=None)
    assert ("PRK", "RUS") in {(row["sender"], row["host"]) for row in every}
    to_russia = run(sample_graph, "explore/troop_deployments", actor="RUS")
    assert all("RUS" in (row["sender"], row["host"]) for row in to_russia)
    assert len(to_russia) < len(every)
    assert sample_graph.run_explore("explore/troop_deployments", actor="ISL") == []


def test_events_in_range_overlap_the_range(sample_graph: GraphRepository) -> None:
    rows = run(sample_graph, "explore/events_in_range", since="2024-10", until="2024-12")
    for row in rows:
        assert row["date"][:7] >= "2024-10" or "2024-10".startswith(row["date"])
        assert row["date"] <= "2024-12" or row["date"].startswith("2024-12")
    assert ("PRK", "source", "MOBILIZE") in {(row["actor"], row["role"], row["type"]) for row in rows}


def test_country_leaders_conflict_map_and_sentence_search(sample_graph: GraphRepository) -> None:
    leaders = run(sample_graph, "explore/country_leaders", actor="USA")
    assert {"Joe Biden", "Antony Blinken"} <= {row["person"] for row in leaders}

    conflict = run(sample_graph, "explore/conflict_map", quad_class="material_conflict", min_events=1)
    assert ("RUS", "UKR", "ATTACKS") in {(row["source"], row["target"], row["type"]) for row in conflict}
    assert not {"MET_WITH", "AGREED_WITH", "ACCUSES"} & {row["type"] for row in conflict}
    strong = run(sample_graph, "explore/conflict_map", quad_class="material_conflict", min_events=2)
    assert all(row["event_count"] >= 2 for row in strong) and len(strong) < len(conflict)

    found = run(sample_graph, "explore/sentence_search", text="troops")
    assert all("troop" in row["sentence"].lower() for row in found)
