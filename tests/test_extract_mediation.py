"""Mediation is CONSULT including the mediator (the gold's convention): the third party is found as the subject of
"broker"/"mediate", the agent of "mediated by", or the modifier of "mediation"/"mediators"; when the sentence names
only the mediator, the parties are the ones of the act just reported. Sentences written for these tests."""

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
