"""The relationship layer's per-edge summaries, the BETWEEN (pair, date) index and the participations' (actor,
date) are kept at write time, and the API's partners, relations and events answers come from them; they must
always equal a recompute from the events. Checked
on the sample articles written by the real pipeline, and on the synthetic benchmark graph (scripts/gen_synthetic.py
bulk-loads its own copy of them, so the benchmark measures the same graph the loader would write)."""

from __future__ import annotations

import sys
from pathlib import Path

from service.graph.repository import GraphRepository
from service.graph.schema import apply_schema

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))

from gen_synthetic import BLOCK, Generator, load


def test_the_sample_graphs_layer_matches_its_events(sample_graph: GraphRepository) -> None:
    assert sample_graph.run_admin("admin/layer_mismatches") == []
    assert sample_graph.run_admin("admin/between_mismatches") == []
    assert sample_graph.run_admin("admin/participation_mismatches") == []
    between = sample_graph.read(
        "read/api_relations", a="PRK", b="RUS", pair="PRK|RUS", since=None, until=None, low="", high="~", limit=50
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
