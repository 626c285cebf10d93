"""One palette (service/browser/palette.json) for the dashboard and Neo4j Browser's style (issue 13): the dashboard's
CSS colours and the GraSS colours are the palette's, troops sent to an ally (DEPLOYS_TROOPS_TO) have their own
colour in both, the dashboard's copy of PLOVER's quad classes is PLOVER's, and Browser's style captions events in
full and styles every relationship type the graph holds."""

from __future__ import annotations

import json
import re
from pathlib import Path

from service.browser.guide import style_sheet
from service.shared.plover import QUAD_CLASS_OF, QUAD_CLASSES
from service.shared.relations import RELATION_OF_TYPE, Relation

REPO = Path(__file__).resolve().parent.parent
PALETTE = json.loads((REPO / "service" / "browser" / "palette.json").read_text(encoding="utf-8"))
DASHBOARD = REPO / "service" / "api" / "static" / "dashboard"


def grass_rules() -> dict[str, dict[str, str]]:
    """Selector -> {property: value} of the GraSS style sheet."""
    rules = {}
    for selector, body in re.findall(r"^([\w.]+)\s*\{\n(.*?)^\}", style_sheet(), re.MULTILINE | re.DOTALL):
        rules[selector] = dict(re.findall(r"([\w-]+)\s*:\s*([^;]+);", body))
    return rules


def css_variables() -> dict[str, str]:
    root = re.search(r":root\s*\{([^}]*)\}", (DASHBOARD / "style.css").read_text(encoding="utf-8"))
    assert root
    return dict(re.findall(r"--([\w-]+)\s*:\s*([^;]+);", root.group(1)))


def relation_class(relation: Relation) -> str:
    if relation is Relation.DEPLOYS_TROOPS_TO:
        return "deployment"
    event_type = next(t for t, r in RELATION_OF_TYPE.items() if r is relation)
    return QUAD_CLASS_OF[event_type]


def test_the_dashboard_uses_the_palette() -> None:
    variables = {name: value.strip().upper() for name, value in css_variables().items()}
    for name, colour in {**PALETTE["relations"], **PALETTE["nodes"]}.items():
        if name in ("event", "article", "place"):  # not drawn by the dashboard
            continue
        assert variables[name.replace("_", "-")] == colour.upper(), name


def test_browser_style_uses_the_palette() -> None:
    rules = grass_rules()
    for relation in Relation:
        expected = PALETTE["relations"][relation_class(relation)]
        assert rules[f"relationship.{relation.value}"]["color"].upper() == expected.upper(), relation
    for label in ("Country", "Organization", "Person", "Event", "Article", "Place"):
        assert rules[f"node.{label}"]["color"].upper() == PALETTE["nodes"][label.lower()].upper(), label


def test_troops_sent_to_an_ally_are_one_colour_and_one_legend_entry() -> None:
    assert PALETTE["relations"]["deployment"] not in {PALETTE["relations"][quad] for quad in QUAD_CLASSES}
    page = (DASHBOARD / "index.html").read_text(encoding="utf-8")
    assert page.count('data-testid="legend"') == 1
    for key in (
        "quad-verbal_cooperation",
        "quad-material_cooperation",
        "quad-deployment",
        "quad-verbal_conflict",
        "quad-material_conflict",
        "dashed",
        "line width",
        "kind-org",
        "kind-country",
    ):
        assert key in page, key


def test_the_dashboard_knows_ploVERs_quad_classes() -> None:
    script = (DASHBOARD / "app.js").read_text(encoding="utf-8")
    block = re.search(r"const QUAD_CLASSES = \{(.*?)\};", script, re.DOTALL)
    assert block
    found = {
        quad: tuple(re.findall(r'"([A-Z]+)"', types))
        for quad, types in re.findall(r"(\w+): \[([^\]]*)\]", block.group(1))
    }
    assert found == QUAD_CLASSES


def test_browser_captions_events_in_full_and_styles_between_edges() -> None:
    rules = grass_rules()
    event = rules["node.Event"]
    # "MOBILIZE" and "2024-10-31" at 9px need about 50px: the node must be wide enough not to cut them.
    assert int(event["diameter"].rstrip("px")) >= 70 and event["caption"].strip() == "'{type} {date}'"
    assert "relationship.BETWEEN" in rules
    assert rules["relationship.PAIR_SUMMARY"]["caption"].strip() == "'{stance}'"  # the summaries: faint, by stance
