"""The CAMEO verb dictionary conversion (scripts/convert_cameo.py) and the converted lexicon the rules use."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest
from script_module import load_script

from ingest.lexicon import GENERAL_CAMEO_CODES, cameo

ROOT = Path(__file__).resolve().parents[1]

# A small dictionary in PETRARCH's verb-file format, written for this test: synonym sets, verb blocks with a default
# code, verbs with their own code or none, and object patterns naming their verb in a comment.
DICTIONARY = """
####### SYNONYM SETS #######

&ARMS
+MISSILE
+ROCKETS
+TANK

---  SCOLD   [111]  ---
SCOLD
REPROACH {REPROACHES REPROACHED REPROACHING }
+LASH_OUT [111]
GRUMBLE [110]

---  SHIP   [---]  ---
SHIP
- * &ARMS                                           [072]         # SHIP
- * (TO &ARMS)                                      [072]         # SHIP

---  HALT   [160]  ---
HALT
- * EMBARGO                                         [163]         # HALT
- * TIES                                            [161]         # HALT

---  PONDER   [012]  ---
PONDER
"""


def converter() -> ModuleType:
    return load_script("convert_cameo")


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return converter().convert(DICTIONARY)  # type: ignore[no-any-return]


def test_verbs_take_their_block_code_or_their_own(rows: list[dict[str, str]]) -> None:
    verbs = {(r["lemma"], r.get("particle", "")): (r["type"], r["cameo"]) for r in rows if "object" not in r}
    assert verbs[("scold", "")] == ("ACCUSE", "111")
    assert verbs[("reproach", "")] == ("ACCUSE", "111")
    assert verbs[("lash", "out")] == ("ACCUSE", "111")
    assert verbs[("grumble", "")] == ("ACCUSE", "110")
    assert verbs[("halt", "")] == ("SANCTION", "160")
    # A block without a default code gives its bare verb no type; public statements (01x) are no events.
    assert ("ship", "") not in verbs
    assert ("ponder", "") not in verbs


def test_object_patterns_expand_synonym_sets_and_follow_the_projects_rules(rows: list[dict[str, str]]) -> None:
    patterns = {(r["lemma"], r["object"]): r["type"] for r in rows if "object" in r}
    assert patterns[("ship", "missile")] == "AID"
    assert patterns[("ship", "rocket")] == "AID"  # plural object reduced to its lemma
    assert patterns[("ship", "tank")] == "AID"
    # CAMEO files embargoes under coercion (163); the annotation guide counts them as sanctions.
    assert patterns[("halt", "embargo")] == "SANCTION"
    assert patterns[("halt", "tie")] == "SANCTION"


def test_mapping_follows_the_guide_where_it_differs_from_the_published_table() -> None:
    plover = converter().plover_type
    assert plover("0871") == "AGREE"  # ceasefire
    assert plover("057") == "AGREE"  # sign a formal agreement
    assert plover("084") == "CONCEDE"  # release persons
    assert plover("085") == "CONCEDE"  # ease sanctions
    assert plover("163") == "SANCTION"  # embargo
    assert plover("091") == "ACCUSE"  # investigate
    assert plover("014") is None  # a public statement is not an event
    assert plover("---") is None


def test_the_shipped_lexicon_carries_its_licence_and_loads() -> None:
    path = ROOT / "ingest" / "data" / "cameo_lexicon.jsonl"
    first = json.loads(path.read_text(encoding="utf-8").splitlines()[0])
    assert "CC BY-SA 4.0" in first["_licence"] and "Open Event Data Alliance" in first["_licence"]
    lexicon = cameo()
    assert "ACCUSE" in lexicon.verb_types("condemn")
    assert "ASSAULT" in lexicon.verb_types("bomb")
    # General verbs of disapproval (110) or inquiry (090) are left out: they type no act by themselves.
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()[1:]]
    general = {r["lemma"] for r in rows if r.get("cameo") in GENERAL_CAMEO_CODES and "object" not in r}
    assert "express" in general
    assert not lexicon.verb_types("express")
