"""The actor gazetteer and role data: coverage, consistency and lookups."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

import pycountry
import pytest

from service.shared import gazetteer
from service.shared.gazetteer import DATA

# The 193 member states of the United Nations (ISO 3166-1 alpha-3).
_UN_CODES = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA
BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG COD CRI CIV HRV CUB CYP CZE DNK DJI
DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY
HTI HND HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR PRK KOR KWT KGZ LAO LVA LBN
LSO LBR LBY LIE LTU LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MDA MCO MNG MNE MAR MOZ MMR
NAM NRU NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT ROU RUS RWA
KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE
SYR TJK TZA THA TLS TGO TON TTO TUN TUR TKM TUV UGA UKR ARE GBR USA URY UZB VUT VEN VNM YEM ZMB
ZWE
"""
UN_MEMBERS = frozenset(_UN_CODES.split())
NON_MEMBER_STATES = frozenset({"TWN", "PSE", "XKX", "VAT"})
LIST_FIELDS = ("names", "adjectives", "capitals", "seats", "agencies", "state_media", "places")


def raw_records() -> list[dict[str, Any]]:
    lines = (DATA / "actors.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def bare(text: str) -> str:
    return text[4:] if text.startswith("the ") else text


def countries() -> list[dict[str, Any]]:
    return [rec for rec in raw_records() if rec["kind"] == "country"]


def test_un_member_list_is_complete() -> None:
    assert len(UN_MEMBERS) == 193


def test_every_un_member_and_usual_non_member_is_a_country() -> None:
    actors = gazetteer.load_actors()
    missing = sorted(code for code in UN_MEMBERS | NON_MEMBER_STATES if code not in actors)
    assert not missing
    assert all(actors[code].kind == "country" for code in UN_MEMBERS | NON_MEMBER_STATES)


def test_country_ids_are_iso_codes() -> None:
    unknown = [
        rec["id"] for rec in countries() if rec["id"] != "XKX" and not pycountry.countries.get(alpha_3=rec["id"])
    ]
    assert not unknown


def test_ids_are_unique() -> None:
    ids = [rec["id"] for rec in raw_records()]
    assert len(ids) == len(set(ids))


def test_kinds_and_links_are_valid() -> None:
    actors = gazetteer.load_actors()
    for rec in raw_records():
        assert rec["kind"] in {"country", "org", "group", "other"}, rec["id"]
        if rec["kind"] == "group":
            assert actors[rec["country"]].kind == "country", rec["id"]
            assert rec["id"] == f"{rec['country']}_REB"
        if "parent" in rec:
            assert actors[rec["parent"]].kind == "org", rec["id"]


@pytest.mark.parametrize("field", ["names", "adjectives", "capitals"])
def test_every_country_has(field: str) -> None:
    assert not [rec["id"] for rec in countries() if not rec[field]]


def test_flags_refer_to_listed_forms() -> None:
    for rec in raw_records():
        listed = {bare(text) for field in LIST_FIELDS for text in rec.get(field, ())}
        for flag in ("ambiguous", "secondary"):
            assert set(rec.get(flag, ())) <= listed, (rec["id"], flag)


def test_each_surface_text_has_one_default_actor() -> None:
    texts = [form.text for form in gazetteer.surface_forms()]
    assert len(texts) == len(set(texts))
    assert not [text for text in texts if text.startswith("the ")]


def test_shared_texts_are_flagged_in_the_data() -> None:
    """A text listed by two actors must be ambiguous for its default actor and secondary for the others."""
    owners: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for rec in raw_records():
        for text in {bare(t) for field in LIST_FIELDS for t in rec.get(field, ())}:
            owners[text].append(rec)
    for text, recs in owners.items():
        if len(recs) < 2:
            continue
        defaults = [rec for rec in recs if text not in rec.get("secondary", ())]
        assert len(defaults) == 1, text
        assert text in defaults[0].get("ambiguous", ()), text


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("U.S.", "USA"),
        ("the United States", "USA"),
        ("America", "USA"),
        ("North Korea’s", "PRK"),
        ("North Korea's", "PRK"),
        ("the Kremlin", "RUS"),
        ("Downing Street", "GBR"),
        ("South Korean", "KOR"),
        ("Pyongyang", "PRK"),
        ("NATO", "NATO"),
        ("Hamas", "PSE_REB"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Emirati", "ARE"),
        ("Côte d’Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("the Philippines'", "PHL"),
        ("Congo", "COD"),
        ("Congo-Brazzaville", "COG"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Élysée Palace", "FRA"),
        ("Elysee Palace", "FRA"),
        ("Zhongnanhai", "CHN"),
        ("IDF", "ISR"),
        ("KCNA", "PRK"),
        ("Houthis", "YEM_REB"),
        ("Taliban", "AFG"),
        ("Gaza", "PSE"),
        ("Security Council", "UNSC"),
        ("Kosovo", "XKX"),
        ("Holy See", "VAT"),
        ("St. John's", "ATG"),
    ],
)
def test_lookup(text: str, actor_id: str) -> None:
    form = gazetteer.lookup(text)
    assert form is not None, text
    assert form.actor_id == actor_id


def test_lookup_is_case_sensitive_and_misses_words() -> None:
    assert gazetteer.lookup("us") is None
    assert gazetteer.lookup("china") is None
    assert gazetteer.lookup("Tuesday") is None


def test_lookup_reports_form_article_and_ambiguity() -> None:
    kremlin = gazetteer.lookup("the Kremlin")
    assert kremlin is not None and kremlin.form == "seat" and kremlin.article
    georgia = gazetteer.lookup("Georgia")
    assert georgia is not None and georgia.actor_id == "GEO" and georgia.ambiguous
    assert [form.actor_id for form in gazetteer.candidates("Congolese")] == ["COD", "COG"]


def test_regions_block_inner_names_but_are_not_actors() -> None:
    sea = gazetteer.lookup("South China Sea")
    assert sea is not None and sea.form == "place"
    assert not gazetteer.is_actor(sea.actor_id)
    assert gazetteer.is_actor("CHN")


def test_country_name() -> None:
    assert gazetteer.country_name("KOR") == "South Korea"
    assert gazetteer.country_name("USA") == "United States"
    with pytest.raises(KeyError):
        gazetteer.country_name("XXX")


def test_roles_are_title_case_with_unique_patterns() -> None:
    seen: dict[str, str] = {}
    for role in gazetteer.roles():
        assert role.role[0].isupper(), role.role
        assert 1 <= role.rank <= 5
        for pattern in role.patterns:
            key = pattern if pattern != pattern.lower() else pattern.lower()
            assert seen.setdefault(key, role.role) == role.role, pattern


@pytest.mark.parametrize(
    ("title", "role", "head"),
    [
        ("Prime Minister", "Prime Minister", True),
        ("premier", "Prime Minister", True),
        ("PM", "Prime Minister", True),
        ("president-elect", "President-elect", False),
        ("foreign secretary", "Foreign Minister", False),
        ("Secretary of State", "Secretary of State", False),
        ("national security advisor", "National Security Adviser", False),
        ("spokeswoman", "Spokesperson", False),
        ("Finance Minister", "Finance Minister", False),
        ("minister of the interior", "Interior Minister", False),
        ("secretary of the treasury", "Treasury Secretary", False),
        ("defence secretary", "Defense Minister", False),
        ("Lt. Gen.", "General", False),
        ("secretary general", "Secretary-General", False),
        ("Supreme Leader", "Supreme Leader", True),
    ],
)
def test_role_for(title: str, role: str, head: bool) -> None:
    found = gazetteer.role_for(title)
    assert found is not None, title
    assert (found.role, found.head) == (role, head)


def test_abbreviated_titles_match_exactly() -> None:
    assert gazetteer.role_for("pm") is None
    assert gazetteer.role_for("mp") is None
