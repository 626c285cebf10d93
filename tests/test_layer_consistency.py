"""The relationship layer's per-edge and per-period summaries, the BETWEEN (pair, date) index and the participations'
(actor, date) are kept at write time, and the API's partners, relations, timeline and events answers come from them;
they must always equal a recompute from the events, and a range read from the periods must equal counting the
events of the range. Checked
on the sample articles written by the real pipeline, and on the synthetic benchmark graph (scripts/gen_synthetic.py
bulk-loads its own copy of them, so the benchmark measures the same graph the loader would write)."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import neo4j
import pytest

from service.api.actors import index_bounds
from service.api.routes_ask import troops_from_events, troops_from_periods
from service.api.routes_countries import partners_from_events, partners_from_pairs, partners_from_periods
from service.api.routes_graph import RELATION_TYPE_NAMES, graph_edges_from_periods
from service.api.routes_timeline import Interval, rows_from_periods
from service.graph.driver import ConnectionInfo
from service.graph.repository import GraphRepository
from service.graph.schema import apply_schema, upgrade_pair_summaries
from service.shared.relations import UNDIRECTED

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from gen_synthetic import BLOCK, Generator, load

from tests.conftest import rels
from tests.test_ask import write


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


TROOP_RANGES = [*RANGES, ("2022", "2022"), ("2021-05", "2022-04"), (None, "2019")]


def _troops_rows(rows: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
    return [
        (r["id"], r["name"], r["kind"], r["events"], r["last_date"], r["modes"], r["event_ids"], r["evidence"])
        for r in rows
    ]


@pytest.mark.parametrize("since, until", TROOP_RANGES)
def test_troops_in_a_range_from_the_periods_equal_counting_the_events(
    synthetic: GraphRepository, since: str | None, until: str | None
) -> None:
    """GET /ask "who sent troops to X" with year or month bounds reads the troop edges' per-period summaries: the same
    senders, counts, dates, modes, event ids (the 20 newest, in order) and evidence as counting the events."""
    for target, limit in [("UKR", 25), ("RUS", 25), ("USA", 3), ("NATO", 25), ("EST", 2)]:
        periods = troops_from_periods(synthetic, target, since, until, limit)
        events = troops_from_events(synthetic, target, since, until, limit)
        assert _troops_rows(periods) == _troops_rows(events), (target, since, until, limit)
        assert periods or target in {"NATO", "EST"} or since == "2023"


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


def test_pair_summaries_without_counts_per_type_get_them_and_the_check_sees_them(graph: GraphRepository) -> None:
    """Summaries written before the cumulative counts per type (type_names, type_month_cum, type_year_cum) are seen
    by the layer check; an article on such a pair recomputes all of its periods, not only the article's (so its
    counts per type are whole), and apply_schema's upgrade gives the others theirs. A corrupted count per type is seen
    too. Then the partners of a range read from the summaries equal counting the events, types included."""
    load(graph, Generator(seed=7), 0, BLOCK, batch_size=BLOCK)
    summary = "MATCH (:Country {id: 'RUS'})-[s:PAIR_SUMMARY {stance: 'conflict'}]->(:Country {id: 'UKR'}) "
    with graph.driver.session(database=graph.database) as session:
        stored = session.run(summary + "RETURN properties(s) AS p").single(strict=True)["p"]
        session.run("MATCH ()-[s:PAIR_SUMMARY]->() REMOVE s.type_names, s.type_month_cum, s.type_year_cum").consume()
    assert len(stored["type_names"]) > 2 and len(stored["periods"]) > 12
    assert len(stored["type_month_cum"]) == len(stored["type_names"]) * len(stored["month_cum_counts"])
    missing = graph.run_admin("admin/layer_mismatches")
    assert missing and all(m["type"].startswith("PAIR_SUMMARY") and m["stored"]["type_names"] is None for m in missing)
    assert ("RUS", "UKR") in {(m["a"], m["b"]) for m in missing}

    text = "Ukrainian drones struck a Russian refinery."
    write(graph, text, date(2024, 5, 20), [(text, "ASSAULT", ["UKR"], ["RUS"], {"date": "2024-05-19"})])
    missing = graph.run_admin("admin/layer_mismatches")
    assert missing and ("RUS", "UKR") not in {(m["a"], m["b"]) for m in missing}
    assert upgrade_pair_summaries(graph, batch=500) > 500  # more than one batch
    assert graph.run_admin("admin/layer_mismatches") == []
    assert upgrade_pair_summaries(graph) == 0

    with graph.driver.session(database=graph.database) as session:
        fresh = session.run(summary + "RETURN s.type_month_cum AS c").single(strict=True)["c"]
        session.run(summary + "SET s.type_month_cum = $c", c=[n + (i == 7) for i, n in enumerate(fresh)]).consume()
    assert [(m["type"], m["a"], m["b"]) for m in graph.run_admin("admin/layer_mismatches")] == [
        ("PAIR_SUMMARY conflict", "RUS", "UKR")
    ]
    with graph.driver.session(database=graph.database) as session:
        session.run(summary + "SET s.type_month_cum = $c", c=fresh).consume()
    for actor, cooperation, since, until in [("RUS", False, "2019", "2022-06"), ("UKR", True, "2016-03", None)]:
        pairs = partners_from_pairs(graph, actor, cooperation, since, until, 10)
        events = partners_from_events(graph, actor, cooperation, since, until, None, 10)
        assert pairs and _partners(pairs) == _partners(events)


def test_troops_with_modes_from_the_periods_equal_counting_the_events(graph: GraphRepository) -> None:
    """Written by the real write path: several modes on both troop edges of a sender (troops on DEPLOYS_TROOPS_TO,
    the others on SHOWS_FORCE_TO), more than 20 events in a month, dates of every precision, two events of one sender
    on one day, undated events. The layer check accepts the troop summaries, and both queries answer alike."""
    events: list[tuple[str, list[str], list[str], str | None, str | None]] = []
    for day in range(1, 25):
        mode = "troops" if day % 3 else ("cameo" if day % 2 else None)
        events.append(("RUS", ["RUS"], ["UKR"], f"2022-03-{day:02d}", mode))
    for day in range(1, 23):
        events.append(("RUS", ["RUS"], ["UKR"], f"2022-04-{day:02d}", {5: "mediation", 9: "cameo"}.get(day)))
    events += [
        ("RUS", ["RUS"], ["UKR"], "2019", "troops"),
        ("RUS", ["RUS"], ["UKR"], "2020-06", "cameo"),
        ("RUS", ["RUS"], ["UKR", "POL"], "2022-03-05", "troops"),
        ("HUN", ["HUN"], ["UKR"], None, "troops"),
        ("BLR", ["BLR"], ["UKR"], "2022-03-10", "troops"),
        ("BLR", ["BLR"], ["UKR"], "2021-11", None),
        ("BLR", ["BLR"], ["UKR"], "2023", "mediation"),
        ("USA", ["USA"], ["UKR"], "2022-04-02", "cameo"),
        ("USA", ["USA"], ["UKR"], "2022-05-01", "troops"),
        ("POL", ["POL"], ["UKR"], "2020-01-15", None),
    ]
    for n, (_, source, target, when, mode) in enumerate(events):
        sentence = f"Forces moved in operation number {n}."
        kwargs: dict[str, Any] = {"date": when, "mode": mode}
        write(graph, sentence, date(2024, 1, 1), [(sentence, "MOBILIZE", source, target, kwargs)])
    assert graph.run_admin("admin/layer_mismatches") == []
    _assert_troop_dates_are_their_events(graph)
    ranges = [
        ("2022", "2022"),
        ("2022-03", "2022-03"),
        ("2022-04", None),
        (None, "2021"),
        ("2019", "2023"),
        ("2020-06", "2022-03"),
        ("2021-11", "2023"),
    ]
    for since, until in ranges:
        for limit in (25, 2):
            periods = troops_from_periods(graph, "UKR", since, until, limit)
            counted = troops_from_events(graph, "UKR", since, until, limit)
            assert _troops_rows(periods) == _troops_rows(counted), (since, until, limit)
    whole = troops_from_periods(graph, "UKR", "2019", "2023", 25)
    assert [(r["id"], r["events"]) for r in whole][:2] == [("RUS", 49), ("BLR", 3)]
    assert whole[0]["modes"] == ["cameo", "mediation", "troops"] and len(whole[0]["event_ids"]) == 20


def test_an_event_reported_later_as_troops_moves_from_the_show_of_force_edge(graph: GraphRepository) -> None:
    """An event first written without a mode is a show of force (SHOWS_FORCE_TO); a later article that reports it
    as troops sent makes it DEPLOYS_TROOPS_TO: it leaves the first edge (whose summary is recomputed without it, or
    which goes when it had no other event) and joins the second, in that article's transaction. RUS -> UKR keeps
    another show of force (one of them told in the same later article); BLR -> UKR had only the moved one."""
    first = "Russian and Belarusian forces moved to the border on 5 March."
    write(
        graph,
        first,
        date(2022, 3, 6),
        [
            (first, "MOBILIZE", ["RUS"], ["UKR"], {"date": "2022-03-05"}),
            (first, "MOBILIZE", ["BLR"], ["UKR"], {"date": "2022-03-05"}),
            (first, "MOBILIZE", ["RUS"], ["UKR"], {"date": "2022-02-10"}),
        ],
    )
    assert {(a, b, n) for a, b, n in rels(graph, "SHOWS_FORCE_TO", "id", "id", ["event_count"])} == {
        ("RUS", "UKR", 2),
        ("BLR", "UKR", 1),
    }
    assert graph.run_admin("admin/layer_mismatches") == []
    later = "Russia and Belarus sent troops into Ukraine in March. Russian warships sailed off Odesa in April."
    sent, ships = later.split(". ")
    write(
        graph,
        later,
        date(2022, 4, 20),
        [
            (sent + ".", "MOBILIZE", ["RUS"], ["UKR"], {"date": "2022-03", "mode": "troops"}),
            (sent + ".", "MOBILIZE", ["BLR"], ["UKR"], {"date": "2022-03", "mode": "troops"}),
            (ships, "MOBILIZE", ["RUS"], ["UKR"], {"date": "2022-04", "mode": "naval"}),
        ],
    )
    ids = {(source, when): event_id for event_id, source, when in _mobilizations(graph)}
    assert len(ids) == 4  # the March events were joined, not written again
    fields = ["event_ids", "event_count", "periods", "period_counts", "period_modes", "period_recent"]
    assert rels(graph, "DEPLOYS_TROOPS_TO", "id", "id", fields) == {
        ("RUS", "UKR", (ids["RUS", "2022-03-05"],), 1, ("2022-03",), (1,), ("troops",), (ids["RUS", "2022-03-05"],)),
        ("BLR", "UKR", (ids["BLR", "2022-03-05"],), 1, ("2022-03",), (1,), ("troops",), (ids["BLR", "2022-03-05"],)),
    }
    shows = rels(graph, "SHOWS_FORCE_TO", "id", "id", fields)
    assert [(a, b) for a, b, *_ in shows] == [("RUS", "UKR")]  # BLR -> UKR had no other show of force
    ((*_, event_ids, count, periods, counts, modes, recent),) = shows
    assert (sorted(event_ids), count, periods, counts, modes) == (
        sorted([ids["RUS", "2022-02-10"], ids["RUS", "2022-04"]]),
        2,
        ("2022-02", "2022-04"),
        (1, 1),
        ("naval",),
    )
    assert recent == (ids["RUS", "2022-02-10"], ids["RUS", "2022-04"])
    assert graph.run_admin("admin/layer_mismatches") == []
    assert graph.run_admin("admin/between_mismatches") == []
    periods = troops_from_periods(graph, "UKR", "2022", "2022", 25)
    assert _troops_rows(periods) == _troops_rows(troops_from_events(graph, "UKR", "2022", "2022", 25))
    assert [(r["id"], r["events"]) for r in periods] == [("RUS", 3), ("BLR", 1)]


def _mobilizations(graph: GraphRepository) -> set[tuple[str, str, str]]:
    with graph.driver.session(database=graph.database) as session:
        rows = session.run(
            "MATCH (a:Country)-[:PARTICIPATED_IN {role: 'source'}]->(e:Event {type: 'MOBILIZE'}) "
            "RETURN e.id AS id, a.id AS source, e.date AS date"
        )
        return {(row["id"], row["source"], row["date"]) for row in rows}


def test_troop_edges_without_their_summaries_get_them_at_startup_and_the_check_sees_them(
    graph: GraphRepository,
) -> None:
    """A graph written before the troop edges kept their per-period modes and newest events is given them by
    apply_schema (admin/layer_periods_upgrade); a corrupted one is reported by admin/layer_mismatches."""
    load(graph, Generator(seed=5), 0, BLOCK, batch_size=BLOCK)
    fields = (
        "period_recent",
        "period_recent_dates",
        "period_modes",
        "period_mode_events",
        "period_mode_dates",
        "period_mode_ends",
    )
    busiest = "MATCH (a)-[r:DEPLOYS_TROOPS_TO]->(b) WITH a, r, b ORDER BY r.event_count DESC, a.id, b.id LIMIT 1 "
    with graph.driver.session(database=graph.database) as session:
        stored = session.run(busiest + "RETURN properties(r) AS p").single(strict=True)["p"]
        assert len(stored["period_recent"]) > 3 and set(stored["period_modes"]) == {"troops"}
        assert len(stored["period_recent_dates"]) == len(stored["period_recent"])
        assert len(stored["period_mode_dates"]) == len(stored["period_mode_events"])
        for field, value in {
            "period_recent": list(reversed(stored["period_recent"])),
            "period_recent_dates": [*stored["period_recent_dates"][:-1], "1999-01-01"],
            "period_modes": [*stored["period_modes"][:-1], "navy"],
            "period_mode_dates": list(reversed(stored["period_mode_dates"])),
            "period_mode_ends": [n + 1 for n in stored["period_mode_ends"]],
        }.items():
            session.run(busiest + "SET r += $changed", changed={field: value}).consume()
            mismatches = graph.run_admin("admin/layer_mismatches")
            assert [m["type"] for m in mismatches] == ["DEPLOYS_TROOPS_TO"], field
            session.run(busiest + "SET r += $changed", changed={field: stored[field]}).consume()
        session.run(
            "MATCH ()-[r:DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO]->() REMOVE " + ", ".join(f"r.{f}" for f in fields)
        ).consume()
    assert graph.run_admin("admin/layer_mismatches") != []
    apply_schema(graph)
    assert graph.run_admin("admin/layer_mismatches") == []
    for target in ("UKR", "RUS"):
        periods = troops_from_periods(graph, target, "2019", "2022-06", 25)
        events = troops_from_events(graph, target, "2019", "2022-06", 25)
        assert periods and _troops_rows(periods) == _troops_rows(events)


def test_troop_edges_without_their_dates_get_them_at_startup(graph: GraphRepository) -> None:
    """A graph written before the troop edges kept the dates of their newest events and of their modes' events
    (period_recent_dates, period_mode_dates) is given them by apply_schema, and /ask troops answers from them as
    counting the events does."""
    load(graph, Generator(seed=6), 0, BLOCK, batch_size=BLOCK)
    with graph.driver.session(database=graph.database) as session:
        session.run(
            "MATCH ()-[r:DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO]->() REMOVE r.period_recent_dates, r.period_mode_dates"
        ).consume()
    assert {m["type"] for m in graph.run_admin("admin/layer_mismatches")} == {"DEPLOYS_TROOPS_TO", "SHOWS_FORCE_TO"}
    apply_schema(graph)
    assert graph.run_admin("admin/layer_mismatches") == []
    _assert_troop_dates_are_their_events(graph)
    for target in ("UKR", "RUS", "USA"):
        periods = troops_from_periods(graph, target, "2018", "2023-09", 25)
        events = troops_from_events(graph, target, "2018", "2023-09", 25)
        assert periods and _troops_rows(periods) == _troops_rows(events)


def _assert_troop_dates_are_their_events(graph: GraphRepository) -> None:
    """Each troop edge's period_recent_dates and period_mode_dates are the dates ('' when undated) of the events
    at the same positions of period_recent and period_mode_events."""
    with graph.driver.session(database=graph.database) as session:
        rows = session.run(
            "MATCH ()-[r:DEPLOYS_TROOPS_TO|SHOWS_FORCE_TO]->() "
            "RETURN r.period_recent AS recent, r.period_recent_dates AS recent_dates, "
            "r.period_mode_events AS mode_events, r.period_mode_dates AS mode_dates"
        ).data()
        ids = {i for row in rows for i in row["recent"] + row["mode_events"]}
        dates = {
            row["id"]: row["date"] or ""
            for row in session.run(
                "MATCH (x:Event) WHERE x.id IN $ids RETURN x.id AS id, x.date AS date", ids=sorted(ids)
            )
        }
    assert rows and ids
    for row in rows:
        assert row["recent_dates"] == [dates[i] for i in row["recent"]]
        assert row["mode_dates"] == [dates[i] for i in row["mode_events"]]
