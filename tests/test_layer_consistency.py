"""The relationship layer's per-edge and per-period summaries, the BETWEEN (pair, date) index and the participations'
(actor, date) are kept at write time, and the API's partners, relations, timeline and events answers come from them;
they must always equal a recompute from the events, and a range read from the periods must equal counting the
events of the range. Checked
on the sample articles written by the real pipeline, and on the synthetic benchmark graph (scripts/gen_synthetic.py
bulk-loads its own copy of them, so the benchmark measures the same graph the loader would write)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import neo4j
import pytest

from service.api.actors import index_bounds
from service.api.routes_countries import partners_from_events, partners_from_pairs, partners_from_periods
from service.api.routes_graph import RELATION_TYPE_NAMES, graph_edges_from_periods
from service.api.routes_timeline import Interval, rows_from_periods
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.graph.schema import apply_schema, upgrade_pair_summaries
from service.shared.relations import UNDIRECTED

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from gen_synthetic import BLOCK, Generator, load


def test_the_sample_graphs_layer_matches_its_events(sample_graph: GraphRepository) -> None:
    assert sample_graph.run_admin("admin/layer_mismatches") == []
    assert sample_graph.run_admin("admin/between_mismatches") == []
    assert sample_graph.run_admin("admin/participation_mismatches") == []
    between = sample_graph.read(
        "read/api_relations",
        a="PRK",
        b="RUS",
        pair="PRK|RUS",
        since=None,
        until=None,
        low="",
        high="~",
        min_confidence=None,
        limit=50,
    )
    assert between, "North Korea and Russia have events in the samples"


def test_the_synthetic_graphs_layer_matches_its_events(graph: GraphRepository) -> None:
    # Two loads, as the benchmark grows its graph: the second one updates the first one's edges.
    load(graph, Generator(seed=3), 0, BLOCK, batch_size=BLOCK)
    load(graph, Generator(seed=3), BLOCK, 2 * BLOCK, batch_size=BLOCK)
    assert graph.run_admin("admin/layer_mismatches") == []
    assert graph.run_admin("admin/between_mismatches") == []
    assert graph.run_admin("admin/participation_mismatches") == []
    counted = graph.read(
        "read/api_partners_in_range",
        actor="RUS",
        cooperation=False,
        since=None,
        until=None,
        date_low="",
        date_high="~",
        types=None,
        min_confidence=None,
        limit=10,
    )
    layer = graph.read("read/api_partners", actor="RUS", cooperation=False, types=None, limit=10)
    assert [(p["id"], p["event_count"], round(p["score"], 6)) for p in layer] == [
        (p["id"], p["event_count"], round(p["score"], 6)) for p in counted
    ]
    assert layer[0]["id"] == "UKR"


def test_an_older_graphs_layer_is_upgraded_at_startup(graph: GraphRepository) -> None:
    load(graph, Generator(seed=5), 0, BLOCK, batch_size=BLOCK)
    graph.run_admin("admin/layer_downgrade")
    assert graph.run_admin("admin/layer_mismatches") != []
    assert graph.run_admin("admin/between_mismatches") != []
    assert graph.run_admin("admin/participation_mismatches") != []
    apply_schema(graph)
    assert graph.run_admin("admin/layer_mismatches") == []
    assert graph.run_admin("admin/between_mismatches") == []
    assert graph.run_admin("admin/participation_mismatches") == []


def _partners(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (
            r["id"],
            r["kind"],
            round(r["score"], 6),
            r["event_count"],
            r["types"],
            r["first_date"],
            r["last_date"],
            [e["event_id"] for e in r["evidence"]],
            [e["sentence"] for e in r["evidence"]],
        )
        for r in rows
    ]


RANGES = [
    ("2020", "2020"),
    ("2019-03", "2021-06"),
    ("2018-11", "2018-11"),
    ("2023", None),
    (None, "2016-02"),
    ("2015", "2025"),
]


@pytest.fixture(scope="module")
def synthetic(neo4j_server: ConnectionInfo, graph_driver: neo4j.Driver) -> GraphRepository:
    """Two blocks of the synthetic graph (skewed: busy pairs, dates of every precision, undated events), loaded
    once for the module's read-only tests."""
    repo = GraphRepository(graph_driver, neo4j_server.database, uri=neo4j_server.uri, user=neo4j_server.user)
    repo.run_admin("admin/delete_all")
    load(repo, Generator(seed=11), 0, 2 * BLOCK, batch_size=BLOCK)
    return repo


@pytest.mark.parametrize("since, until", RANGES)
@pytest.mark.parametrize("cooperation", [True, False])
def test_partners_in_a_range_from_the_periods_equal_counting_the_events(
    synthetic: GraphRepository, since: str | None, until: str | None, cooperation: bool
) -> None:
    """With year or month bounds GET /countries/{id}/partners sums the per-pair summaries (or, with a type filter,
    the typed edges' per-period summaries): the same partners, scores, counts, types, dates and evidence as counting
    the events of the range."""
    for actor, types in [("RUS", None), ("USA", None), ("CHN", ["CONSULT", "ASSAULT", "MOBILIZE"]), ("NATO", None)]:
        events = partners_from_events(synthetic, actor, cooperation, since, until, types, 15)
        periods = partners_from_periods(synthetic, actor, cooperation, since, until, types, 15)
        assert _partners(periods) == _partners(events), (actor, since, until)
        if types is None:
            pairs = partners_from_pairs(synthetic, actor, cooperation, since, until, 15)
            assert _partners(pairs) == _partners(events), (actor, since, until)
        assert periods or actor == "NATO"


@pytest.mark.parametrize("since, until", [(None, None), *RANGES])
@pytest.mark.parametrize("interval", ["month", "quarter", "year"])
def test_the_timeline_from_the_periods_equals_counting_the_events(
    synthetic: GraphRepository, since: str | None, until: str | None, interval: Interval
) -> None:
    low, high = index_bounds(since, until)
    for a, b in [("RUS", "UKR"), ("CHN", "USA"), ("DEU", "FRA"), ("EU", "RUS")]:
        edges = synthetic.read("read/api_relations_timeline_periods", a=a, b=b)
        periods = rows_from_periods(edges, since, until, interval)
        events = synthetic.read(
            "read/api_relations_timeline",
            pair="|".join(sorted((a, b))),
            since=since,
            until=until,
            low=low,
            high=high,
            interval=interval,
        )

        def rounded(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [row | {"score": round(row["score"], 6)} for row in rows]

        assert rounded(periods) == rounded(events), (a, b, since, until)
    assert periods or since is not None


@pytest.mark.parametrize("since, until", RANGES)
def test_graph_edges_in_a_range_from_the_periods_equal_counting_the_events(
    synthetic: GraphRepository, since: str | None, until: str | None
) -> None:
    """One step of GET /graph with year or month bounds sums the edges' per-period summaries: the same edges,
    counts, dates and order as counting the events of the range."""
    low, high = index_bounds(since, until)
    for ids, within, limit in [
        (["RUS"], None, 2000),
        (["USA", "CHN"], None, 25),
        (["DEU"], ["FRA", "RUS", "NATO"], 50),
    ]:
        periods = graph_edges_from_periods(synthetic, ids, within, since, until, limit)
        events = synthetic.read(
            "read/api_graph_edges_in_range",
            ids=ids,
            within=within,
            since=since,
            until=until,
            date_low=low,
            date_high=high,
            min_confidence=None,
            relation_of_type=RELATION_TYPE_NAMES,
            undirected=sorted(relation.value for relation in UNDIRECTED),
            limit=limit,
        )
        assert periods == events, (ids, since, until)
        assert periods or within is not None


RUS_ATTACKS_UKR = "MATCH (:Country {id: 'RUS'})-[r:ATTACKS]->(:Country {id: 'UKR'})"


def test_the_layer_check_catches_a_corrupted_period_summary(graph: GraphRepository) -> None:
    load(graph, Generator(seed=5), 0, BLOCK, batch_size=BLOCK)
    assert graph.run_admin("admin/layer_mismatches") == []
    with graph.driver.session(database=graph.database) as session:
        stored = session.run(RUS_ATTACKS_UKR + " RETURN properties(r) AS p").single(strict=True)["p"]
    assert len(stored["periods"]) > 12
    corruptions = {
        "periods": [*stored["periods"][:-1], "2026-01"],
        "period_counts": [n + (i == 3) for i, n in enumerate(stored["period_counts"])],
        "period_scores": [x + 0.5 * (i == 5) for i, x in enumerate(stored["period_scores"])],
        "period_first": stored["period_last"],
        "period_last": stored["period_first"],
        "period_top": list(reversed(stored["period_top"])),
    }
    for field, value in corruptions.items():
        with graph.driver.session(database=graph.database) as session:
            session.run(RUS_ATTACKS_UKR + " SET r += $changed", changed={field: value}).consume()
        mismatches = graph.run_admin("admin/layer_mismatches")
        assert [(m["type"], m["a"], m["b"]) for m in mismatches] == [("ATTACKS", "RUS", "UKR")], field
        with graph.driver.session(database=graph.database) as session:
            session.run(RUS_ATTACKS_UKR + " SET r += $changed", changed={field: stored[field]}).consume()
        assert graph.run_admin("admin/layer_mismatches") == []


def test_edges_without_period_summaries_get_them_at_startup(graph: GraphRepository) -> None:
    """A graph written by the version before the per-period summaries (edges with their score and top events, no
    periods) is brought up to date by apply_schema, in batches, and then answers ranges as counting events does."""
    load(graph, Generator(seed=5), 0, BLOCK, batch_size=BLOCK)
    with graph.driver.session(database=graph.database) as session:
        session.run(
            "MATCH ()-[r:ATTACKS|MET_WITH|ACCUSES|SUPPORTS|AIDS|DEPLOYS_TROOPS_TO|AGREED_WITH|COOPERATES_WITH]->() "
            "REMOVE r.periods, r.period_counts, r.period_scores, r.period_first, r.period_last, r.period_top"
        ).consume()
    assert graph.run_admin("admin/layer_mismatches") != []
    apply_schema(graph)
    assert graph.run_admin("admin/layer_mismatches") == []
    periods = partners_from_periods(graph, "RUS", False, "2021", "2022-06", None, 10)
    events = partners_from_events(graph, "RUS", False, "2021", "2022-06", None, 10)
    assert periods and _partners(periods) == _partners(events)


def test_pairs_without_summaries_get_them_at_startup(graph: GraphRepository) -> None:
    """A graph written before the per-pair summaries is given them by apply_schema, in batches; then the partners of a
    range read from them equal counting the events."""
    load(graph, Generator(seed=7), 0, BLOCK, batch_size=BLOCK)
    with graph.driver.session(database=graph.database) as session:
        session.run("MATCH ()-[s:PAIR_SUMMARY]->() DELETE s").consume()
    missing = graph.run_admin("admin/layer_mismatches")
    assert missing and all(m["type"].startswith("PAIR_SUMMARY") and m["stored"] is None for m in missing)
    assert upgrade_pair_summaries(graph, batch=500) > 500  # more than one batch
    assert graph.run_admin("admin/layer_mismatches") == []
    assert upgrade_pair_summaries(graph) == 0
    pairs = partners_from_pairs(graph, "RUS", True, "2019", "2022-06", 10)
    events = partners_from_events(graph, "RUS", True, "2019", "2022-06", None, 10)
    assert pairs and _partners(pairs) == _partners(events)
