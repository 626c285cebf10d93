"""When a trigger's own phrases name too few sides, its clause's subject acts and the actors inside the trigger's
phrase are the other side (ArgumentFinder.clause_sides), for the types where that reading is reliable; leaving an
international body is a sanction on it, not a retreat; "refused to rule out" rejects nothing. Sentences written
for these tests, through the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.models import Extraction

from extraction import dyads, extract_text

pytestmark = pytest.mark.model

PUBLISHED = date(2025, 3, 7)


def run(nlp, text: str) -> Extraction:  # type: ignore[no-untyped-def]
    return extract_text(nlp, text, PUBLISHED)


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        (
            "Since taking office, Manila has lodged dozens of formal protests over the presence of Chinese coast "
            "guard ships.",
            ("ACCUSE", "PHL", "CHN"),
        ),
        (
            "Kenya's government made a formal decision to ask for help from the African Union after the floods.",
            ("REQUEST", "KEN", "AU"),
        ),
        ("Vietnam criticised the detention of its fishermen by Chinese authorities.", ("ACCUSE", "VNM", "CHN")),
        ("Cambodia responded by downgrading its ties with Thailand.", ("SANCTION", "KHM", "THA")),
    ],
)
def test_the_clause_subject_acts_on_the_actor_inside_the_trigger_phrase(nlp, sentence: str, dyad) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, sentence)
    assert dyad in dyads(result)
    loose = [e for e in result.events if (e.type, *e.source, *e.target) == dyad]
    assert loose and all(e.confidence < 0.8 for e in loose)  # a looser reading is marked as less certain


def test_a_symmetric_act_takes_the_actors_inside_its_phrase(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "A key accord was finalised between Georgia and Armenia on Tuesday.")
    assert ("AGREE", "ARM", "GEO") in dyads(result)


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        (
            "Ghana has decided to pull out of the Economic Community of West African States.",
            ("SANCTION", "GHA", "ECOWAS"),
        ),
        ("Mali announced its withdrawal from ECOWAS on Sunday.", ("SANCTION", "MLI", "ECOWAS")),
        ("Venezuela withdrew from the Organization of American States in 2019.", ("SANCTION", "VEN", "OAS")),
    ],
)
def test_leaving_a_named_body_is_a_sanction_on_it(nlp, sentence: str, dyad) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, sentence))
    assert dyad in found
    assert not any(d[0] == "RETREAT" for d in found)


def test_pulling_troops_back_stays_a_retreat(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(run(nlp, "Israel pulled its forces back from the Lebanese border on Monday."))
    assert ("RETREAT", "ISR", "LBN") in found
    assert not any(d[0] == "SANCTION" for d in found)


@pytest.mark.parametrize(
    "sentence",
    [
        "Egypt refused to rule out a visit to Israel.",
        "Turkey declined to exclude a new operation against Syria.",
    ],
)
def test_refusing_to_rule_out_rejects_nothing(nlp, sentence: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(d[0] == "REJECT" for d in dyads(run(nlp, sentence)))


def test_the_looser_reading_is_not_used_for_meetings(nlp) -> None:  # type: ignore[no-untyped-def]
    # "talks" names no partner; the Kenyan subject and a Ugandan mentioned in passing are no meeting
    text = "Kenya said on Monday that talks on the pipeline deal involving Ugandan oil would resume soon."
    assert not any(d[0] == "CONSULT" for d in dyads(run(nlp, text)))


def test_the_looser_reading_keeps_every_actor_listed_beside_the_first(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Armenia decided to ask for help from Russia, the member states of NATO and the UN Security Council."
    found = dyads(run(nlp, text))
    assert {("REQUEST", "ARM", "RUS"), ("REQUEST", "ARM", "NATO"), ("REQUEST", "ARM", "UNSC")} <= found


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "Washington waved away objections from the leaders of Egypt and Jordan, who had each rejected any "
            "forced transfer of Gazans after the Israel-Hamas war.",
            None,
        ),
        (
            "Objections from Qatar, which had condemned the Israeli raid on Syria, were ignored.",
            ("ACCUSE", "QAT", "ISR"),
        ),
    ],
)
def test_a_relative_clause_below_a_noun_trigger_gives_it_no_side(  # type: ignore[no-untyped-def]
    nlp, text: str, kept: tuple[str, str, str] | None
) -> None:
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert not [d for d in found if d[0] == "REJECT" and d[2] in ("ISR", "PSE_REB", "SYR")], found
    if kept is not None:
        assert kept in found, found  # the relative clause's own act is still read


@pytest.mark.parametrize(
    ("sentence", "wanted", "unwanted"),
    [
        (
            "Germany criticised the accord signed by Serbia and Kosovo.",
            {("AGREE", "SRB", "XKX"), ("ACCUSE", "DEU", "SRB")},
            {("AGREE", "DEU", "SRB"), ("AGREE", "DEU", "XKX")},
        ),
        (
            "Brazil condemned the attack carried out by Russia on Ukraine.",
            {("ASSAULT", "RUS", "UKR"), ("ACCUSE", "BRA", "RUS")},
            {("ASSAULT", "BRA", "UKR")},
        ),
        ("The talks held by Peru and Chile in Lima ended without a deal.", {("CONSULT", "CHL", "PER")}, set()),
    ],
)
def test_a_participle_on_an_event_noun_names_who_did_it(nlp, sentence: str, wanted, unwanted) -> None:  # type: ignore[no-untyped-def]
    """The participle's agent (and what it is aimed at) are the noun's sides, not the subject of the clause the
    noun stands in."""
    found = dyads(run(nlp, sentence))
    assert wanted <= found
    assert not unwanted & found
