"""The reference list of office holders (service/shared/data/leaders.jsonl) and its loader."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from datetime import date
from itertools import pairwise
from typing import Any

import pycountry
import pytest

from service.shared import leaders

# The 193 member states of the United Nations (ISO 3166-1 alpha-3).
_UN_MEMBER_CODES = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN BOL BIH BWA BRA BRN
BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI CIV HRV CUB CYP CZE PRK COD DNK DJI DMA
DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND
HUN ISL IND IDN IRN IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU NPL NLD NZL NIC NER
NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR MDA ROU RUS RWA KNA LCA VCT WSM SMR STP
SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO
TUN TUR TKM TUV UGA UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
"""
UN_MEMBERS = frozenset(_UN_MEMBER_CODES.split())
EXTRA_TERRITORIES = frozenset({"TWN", "PSE", "XKX", "VAT"})
ORGANISATIONS = frozenset({"UN", "NATO", "EU", "AU", "LAS", "IAEA", "WHO", "IMF", "WB", "WTO", "ICC"})
DATE_FORMAT = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
TOO_COMMON = {"kim", "lee", "wang", "li", "park", "khan", "ali", "singh", "al thani", "nguyen", "may"}


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    with leaders.DATA_FILE.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def test_un_member_list_is_complete() -> None:
    assert len(UN_MEMBERS) == 193
    assert all(pycountry.countries.get(alpha_3=code) for code in UN_MEMBERS)


def test_every_record_is_well_formed(records: list[dict[str, Any]]) -> None:
    assert len(records) == len(leaders.offices()) > 1000
    for record in records:
        assert record["name"].strip(), record
        assert record["role"] in leaders.ROLES, record
        assert record["confidence"] in {"high", "medium"}, record
        assert isinstance(record["aliases"], list), record
        for field in ("start", "end"):
            assert record[field] is None or DATE_FORMAT.fullmatch(record[field]), record
        office = leaders.find_person(record["name"])  # every canonical name resolves on its own
        assert office and office[0].name == record["name"], record


def test_terms_end_after_they_start() -> None:
    for office in leaders.offices():
        if office.start_date and office.end_date:
            assert office.start_date <= office.end_date, office


def _valid_country(code: str, international: bool) -> bool:
    if international:
        return code in ORGANISATIONS
    state = code.removesuffix("_REB")  # non-state armed group tied to one country
    if state in UN_MEMBERS or state in EXTRA_TERRITORIES:
        return True
    return pycountry.countries.get(alpha_3=state) is not None


def test_country_codes_are_iso3_or_documented_extras() -> None:
    for office in leaders.offices():
        assert _valid_country(office.country, office.international), office


def test_every_un_member_and_extra_territory_has_a_head() -> None:
    covered = {o.country for o in leaders.offices() if o.is_head}
    assert not (UN_MEMBERS | {"TWN", "PSE", "XKX"}) - covered


def test_every_un_member_has_a_head_in_office_since_2019() -> None:
    """Heads of state/government are tracked from 2019: someone is in office at the start of 2019 and 2025."""
    for day in (date(2019, 1, 1), date(2025, 1, 1)):
        covered = {o.country for o in leaders.offices() if o.is_head and o.covers(day)}
        assert not UN_MEMBERS - covered, day


def test_no_overlapping_terms_in_single_holder_offices() -> None:
    terms = defaultdict(list)
    for office in leaders.offices():
        if office.role in leaders.SINGLE_HOLDER_ROLES:
            terms[(office.country, office.role, office.title)].append(office)
    for key, group in terms.items():
        group.sort(key=lambda o: o.start_date or date.min)
        for before, after in pairwise(group):
            assert before.end_date is not None, (key, before.name, after.name)
            assert before.end_date <= (after.start_date or date.min), (key, before.name, after.name)


def test_one_person_keeps_one_canonical_spelling() -> None:
    by_key = defaultdict(set)
    for office in leaders.offices():
        by_key[leaders.normalize_name(office.name)].add(office.name)
    assert all(len(names) == 1 for names in by_key.values())


def test_too_common_names_are_never_aliases() -> None:
    for office in leaders.offices():
        for alias in (*office.aliases, *office.ambiguous_aliases):
            assert leaders.normalize_name(alias) not in TOO_COMMON, (office.name, alias)


def test_shared_aliases_are_marked_ambiguous() -> None:
    owners = defaultdict(set)
    for office in leaders.offices():
        for alias in office.aliases:
            owners[leaders.normalize_name(alias)].add(office.name)
    shared = {alias: names for alias, names in owners.items() if len(names) > 1}
    assert not shared


def test_alias_resolves_on_a_date() -> None:
    offices = leaders.find_person("Biden", date(2024, 11, 15))
    assert [(o.name, o.country, o.role) for o in offices] == [("Joe Biden", "USA", "President")]


def test_title_before_the_name_is_ignored() -> None:
    assert leaders.find_person("President Biden", date(2022, 3, 1))[0].name == "Joe Biden"
    assert leaders.find_person("Sheikh Tamim", date(2024, 1, 1))[0].country == "QAT"


@pytest.mark.parametrize(
    ("mention", "country"),
    [
        ("Zelenskyy", "UKR"),
        ("Zelenskiy", "UKR"),
        ("Xi", "CHN"),
        ("Erdoğan", "TUR"),
        ("Erdogan", "TUR"),
        ("Netanyahu", "ISR"),
        ("Lavrov", "RUS"),
        ("Khamenei", "IRN"),
        ("Kim Jong-un", "PRK"),
        ("MBS", "SAU"),
        ("MBZ", "ARE"),
        ("Stoltenberg", "NATO"),
        ("Hassan Nasrallah", "LBN_REB"),
    ],
)
def test_short_mentions_and_spellings(mention: str, country: str) -> None:
    offices = leaders.find_person(mention)
    assert offices and offices[0].country == country


def test_normalisation_of_accents_dots_and_apostrophes() -> None:
    assert leaders.normalize_name("Gideon Sa’ar") == leaders.normalize_name("Gideon Saar") == "gideon saar"
    assert leaders.normalize_name("Jonas Gahr Støre") == "jonas gahr store"
    assert leaders.normalize_name("Joseph R. Biden Jr.") == "joseph r biden jr"
    assert leaders.find_person("Joseph R. Biden Jr.")[0].name == "Joe Biden"


def test_truncated_full_name_resolves() -> None:
    assert leaders.find_person("Yoon Suk", date(2024, 3, 8))[0].name == "Yoon Suk Yeol"
    assert leaders.find_person("Yoon", date(2024, 3, 8))[0].name == "Yoon Suk Yeol"
    assert leaders.find_person("Joe", date(2024, 3, 8)) == []  # one word is not a truncated name


def test_head_of_state_or_government_comes_first() -> None:
    offices = leaders.find_person("Lapid")
    assert offices[0].role == "Prime Minister"
    assert {o.role for o in offices} == {"Prime Minister", "Foreign Minister"}


def test_nobody_in_office_on_that_date() -> None:
    assert leaders.find_person("Kishida", date(2025, 3, 1)) == []
    assert leaders.find_person("Nobody Atall") == []


def test_ambiguous_alias_resolves_only_when_unique_on_the_date() -> None:
    # Gotabaya (President) and Mahinda (Prime Minister) Rajapaksa both held office until May 2022.
    assert leaders.find_person("Rajapaksa") == []
    assert leaders.find_person("Rajapaksa", date(2020, 6, 1)) == []
    assert leaders.find_person("Rajapaksa", date(2022, 6, 1))[0].name == "Gotabaya Rajapaksa"
    # Michel Aoun left office in 2022, Joseph Aoun took it in 2025.
    assert leaders.find_person("Aoun", date(2025, 3, 1))[0].name == "Joseph Aoun"


def holder_name(country: str, role: str, on: date) -> str | None:
    office = leaders.office_holder(country, role, on)
    return office.name if office else None


def test_office_holder() -> None:
    assert holder_name("JPN", "Prime Minister", date(2023, 6, 1)) == "Fumio Kishida"
    assert holder_name("JPN", "Prime Minister", date(2024, 11, 15)) == "Shigeru Ishiba"
    assert holder_name("usa", "President", date(2025, 1, 20)) == "Donald Trump"
    assert holder_name("USA", "President", date(2025, 1, 19)) == "Joe Biden"
    assert holder_name("GBR", "Foreign Secretary", date(2023, 1, 1)) == "James Cleverly"
    assert holder_name("USA", "Foreign Minister", date(2022, 1, 1)) == "Antony Blinken"
    assert holder_name("DEU", "Chancellor", date(2018, 1, 1)) == "Angela Merkel"
    assert leaders.office_holder("FRA", "Chancellor", date(2022, 1, 1)) is None


def test_substantive_holder_wins_over_acting() -> None:
    # Yoon Suk Yeol was suspended from December 2024 but stayed President until his removal in April 2025.
    assert holder_name("KOR", "President", date(2025, 1, 1)) == "Yoon Suk Yeol"


def test_offices_are_read_once() -> None:
    assert leaders.offices() == leaders.offices()
    assert leaders._load() is leaders._load()
