"""Mediation is CONSULT including the mediator (the gold's convention): the third party is found as the subject of
"broker"/"mediate", the agent of "mediated by", or the modifier of "mediation"/"mediators"; when the sentence names
only the mediator, the parties are the ones of the act just reported. A recall "for consultations" is no talks.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.models import Extraction

from extraction import dyads, extract_text

pytestmark = pytest.mark.model

PUBLISHED = date(2025, 10, 20)


def run(nlp, text: str) -> Extraction:  # type: ignore[no-untyped-def]
    return extract_text(nlp, text, PUBLISHED)


def consult_pairs(*actors: str) -> set[tuple[str, str, str]]:
    ordered = sorted(actors)
    return {("CONSULT", a, b) for i, a in enumerate(ordered) for b in ordered[i + 1 :]}


CASES = [
    (
        "mediated by, after the parties' agreement",
        "Pakistan and Afghanistan agreed to a ceasefire on Sunday. The talks were mediated by Qatar and Turkey.",
        consult_pairs("AFG", "PAK", "QAT", "TUR"),
    ),
    (
        "helped broker the deal just reported",
        "Israel and the United Arab Emirates signed a normalisation accord on Tuesday. The United States helped "
        "broker the deal.",
        consult_pairs("ARE", "ISR", "USA"),
    ),
    (
        "a deal brokered by",
        "The war between Armenia and Azerbaijan ended with a peace deal brokered by Russia.",
        consult_pairs("ARM", "AZE", "RUS"),
    ),
    (
        "with Kenyan mediation",
        "Talks between Sudan and Ethiopia continued in Addis Ababa with Kenyan mediation.",
        consult_pairs("ETH", "KEN", "SDN"),
    ),
    (
        "a hyphenated broker before the talks, the parties as the light verb's subject",
        "Ghana and Togo held EU-brokered talks on the border last week.",
        consult_pairs("EU", "GHA", "TGO"),
    ),
    (
        "a hyphenated broker on the object of the signing verb",
        "Serbia and Kosovo signed an American-brokered economic deal in 2020.",
        consult_pairs("SRB", "USA", "XKX"),
    ),
    (
        "through mediation, two parties as subjects",
        "Sudan and Ethiopia held talks through Kenyan mediation.",
        consult_pairs("ETH", "KEN", "SDN"),
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_the_mediator_takes_part_in_the_talks(nlp, case: str, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected <= dyads(run(nlp, text))


def test_the_mediator_is_not_a_party_to_the_agreement(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Qatar brokered a truce between Israel and Hamas last week."))
    assert ("AGREE", "ISR", "PSE_REB") in found
    assert not any(d[0] == "AGREE" and "QAT" in d for d in found)
    assert consult_pairs("ISR", "PSE_REB", "QAT") <= found


def test_separate_calls_stay_separate(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Japan and South Korea each called Vietnam on Monday."))
    assert {("CONSULT", "JPN", "VNM"), ("CONSULT", "KOR", "VNM")} <= found
    assert ("CONSULT", "JPN", "KOR") not in found


@pytest.mark.parametrize(
    "text",
    [
        "Serbia and Kosovo signed an American-brokered economic deal in 2020.",
        "Ghana and Togo reached a Nigerian-mediated accord on the border last week.",
    ],
)
def test_a_hyphenated_broker_is_not_a_party_to_the_agreement(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, text))
    agreements = {d for d in found if d[0] == "AGREE"}
    assert len(agreements) == 1, found
    assert not any("USA" in d or "NGA" in d for d in agreements)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Chile recalled its ambassador to Israel for consultations on Tuesday.", "CHL", "ISR"),
        ("Colombia called its envoy back from Israel for consultations.", "COL", "ISR"),
        ("Peru withdrew its ambassador from Mexico for consultations last week.", "PER", "MEX"),
    ],
)
def test_a_recall_for_consultations_is_a_sanction_not_talks(nlp, text: str, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, text))
    assert ("SANCTION", source, target) in found
    assert not any(d[0] in ("CONSULT", "REQUEST") for d in found), found
