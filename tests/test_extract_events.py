"""Event extraction on sentences written for these tests, one or more per PLOVER type, through the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.models import Extraction

from extraction import dyads, extract_text

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 6, 14)  # a Friday


def run(nlp, text: str, published: date = PUBLISHED) -> Extraction:  # type: ignore[no-untyped-def]
    return extract_text(nlp, text, published)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Argentina and Chile signed a trade agreement in Santiago on Tuesday.", ("AGREE", "ARG", "CHL")),
        ("The foreign ministers of Egypt and Jordan met in Cairo on Wednesday.", ("CONSULT", "EGY", "JOR")),
        (
            "German Chancellor Olaf Scholz held talks with French President Emmanuel Macron in Berlin.",
            ("CONSULT", "DEU", "FRA"),
        ),
        ("Norway voiced strong support for Ukraine during the conference.", ("SUPPORT", "NOR", "UKR")),
        ("Iran released three detained French nationals as a goodwill gesture.", ("CONCEDE", "IRN", "FRA")),
        (
            "Australia and India will deepen their defence cooperation, the ministers announced.",
            ("COOPERATE", "AUS", "IND"),
        ),
        ("Germany delivered air defence systems to Ukraine last month.", ("AID", "DEU", "UKR")),
        ("Armenia withdrew its troops from the border with Azerbaijan.", ("RETREAT", "ARM", "AZE")),
        ("Hungary urged Sweden to address its concerns before the vote.", ("REQUEST", "HUN", "SWE")),
        ("Venezuela accused Guyana of provoking the crisis.", ("ACCUSE", "VEN", "GUY")),
        ("Serbia rejected a proposal from Kosovo on the border crossings.", ("REJECT", "SRB", "XKX")),
        ("North Korea threatened South Korea with a military response.", ("THREATEN", "PRK", "KOR")),
        ("Russia deployed thousands of troops to Belarus for the drills.", ("MOBILIZE", "RUS", "BLR")),
        ("Chinese coast guard vessels blockaded a Philippine supply boat.", ("COERCE", "CHN", "PHL")),
        ("Russia launched a massive missile attack on Ukraine overnight.", ("ASSAULT", "RUS", "UKR")),
        ("The United States imposed sanctions on Iran on Thursday.", ("SANCTION", "USA", "IRN")),
        ("Thousands of Serbian protesters rallied outside the Croatian embassy on Sunday.", ("PROTEST", "SRB", "HRV")),
    ],
)
def test_event_types(nlp, sentence: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(run(nlp, sentence))


def test_trilateral_meeting_is_one_event(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "The leaders of Brazil, India and South Africa met on Friday in New Delhi for a summit.")
    consult = [e for e in result.events if e.type == "CONSULT"]
    assert len(consult) == 1
    assert consult[0].participants() == {"BRA", "IND", "ZAF"}
    assert consult[0].date == "2024-06-14"
    assert consult[0].symmetric


def test_leader_acting_makes_state_the_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Turkish President Recep Tayyip Erdogan met Greek Prime Minister Kyriakos Mitsotakis on Monday.")
    assert ("CONSULT", "GRC", "TUR") in dyads(result)


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials fear that Russia could attack Moldova next year.",
        "Japan did not sign the agreement with Korea.",
        "If Iran attacks Israel, the region will be at war.",
        "Analysts believe China might blockade Taiwan.",
    ],
)
def test_hypotheticals_and_negations_are_not_events(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, sentence)
    assert not [e for e in result.events if e.type in ("ASSAULT", "AGREE", "COERCE")], result.events


def test_planned_meeting_is_planned_with_resolved_date(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Kenya and Ethiopia will hold talks next Tuesday in Nairobi.")
    consult = [e for e in result.events if e.type == "CONSULT"]
    assert consult and consult[0].status == "planned"
    assert consult[0].date == "2024-06-18"
    assert consult[0].location == "Nairobi"


def test_weekday_resolves_to_latest_on_or_before_publication(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Poland and Lithuania signed a defence pact on Wednesday.")
    agree = [e for e in result.events if e.type == "AGREE"]
    assert agree and agree[0].date == "2024-06-12"
    assert agree[0].date_precision == "day"


def test_a_plan_announced_on_a_weekday_takes_the_past_weekday(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Serbia announced on Tuesday that it would expel two Croatian diplomats.")
    sanction = [e for e in result.events if e.type == "SANCTION"]
    assert sanction and sanction[0].date == "2024-06-11"  # the Tuesday before publication, not the one after


def test_a_date_the_act_lasts_until_is_not_its_date(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Estonia closed its border with Russia until the end of 2026.")
    sanction = [e for e in result.events if e.type == "SANCTION"]
    assert sanction and sanction[0].date != "2026"
    assert sanction[0].date == PUBLISHED.isoformat()  # no date of its own: the day of the report


@pytest.mark.parametrize(
    "sentence",
    [
        "Peru and Chile said on Monday that they had agreed to set up a joint border force by 2027.",
        "Peru and Chile said on Monday that they had agreed to set up a joint border force by the end of 2027.",
    ],
)
def test_a_date_an_agreed_act_is_due_by_is_not_the_agreement_date(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    agree = [e for e in run(nlp, sentence).events if e.type == "AGREE"]
    assert agree and agree[0].date == "2024-06-10"  # the Monday before publication
    assert agree[0].status == "occurred"


def test_a_date_after_by_and_other_words_still_dates_the_act(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "The border treaty between Peru and Chile was signed by both foreign ministers in March 2023.")
    agree = [e for e in result.events if e.type == "AGREE"]
    assert agree and agree[0].date == "2023-03"


def test_evidence_offsets_point_into_text(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Markets were calm.\n\nGermany delivered tanks to Ukraine on Monday. Nothing else happened."
    result = run(nlp, text)
    event = next(e for e in result.events if e.type == "AID")
    assert result.text[event.start : event.end].strip() == event.evidence
    assert "tanks" in event.evidence


def test_place_only_country_is_not_an_actor(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Canada and Mexico held talks in Lima, Peru, on Friday.")
    assert ("CONSULT", "CAN", "MEX") in dyads(result)
    assert "PER" not in {c.id for c in result.countries}
