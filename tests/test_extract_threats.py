"""Threats and demands that news states without the words "threaten" or "demand": a conditional answer, a right to
retaliate reserved, what the other side "will pay", an ultimatum with terms, warnings defied, and a war that "must
stop". Through the real pipeline; the passages are written for these tests (real states, invented events)."""

from __future__ import annotations

from datetime import date

import pytest

from extraction import dyads, extract_text

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 6, 14)

FOUND = [
    (
        "a warning whose target is named only in its condition",
        "China warned that it would retaliate if Washington kept arming Taiwan.",
        ("THREATEN", "CHN", "USA"),
    ),
    (
        "the same with 'unless'",
        "Seoul warned it would halt the talks unless Pyongyang stopped the launches.",
        ("THREATEN", "KOR", "PRK"),
    ),
    (
        "an answer announced with no one quoted: its subject threatens",
        "If Manila keeps sending ships to the shoal, Beijing will retaliate.",
        ("THREATEN", "CHN", "PHL"),
    ),
    (
        "a right to take measures reserved (the small model reads 'reserves' as a noun)",
        "The EU reserves the right to take appropriate measures in response to Moscow's decision, officials said.",
        ("THREATEN", "EU", "RUS"),
    ),
    (
        "what the other side will pay: the speaker threatens it",
        "Iran said Israel will pay a heavy price for the strike on its consulate.",
        ("THREATEN", "IRN", "ISR"),
    ),
    (
        "an ultimatum with terms is a demand",
        "ECOWAS issued an ultimatum to Niger's junta to reinstate the president.",
        ("REQUEST", "ECOWAS", "NER"),
    ),
    (
        "warnings defied: whoever defied them was warned",
        "Ankara went ahead with the purchase despite repeated warnings from Washington.",
        ("THREATEN", "USA", "TUR"),
    ),
    (
        "a war that 'must stop': its sides are asked to stop it",
        "Brazil said the war between Ethiopia and Eritrea must stop at once.",
        ("REQUEST", "BRA", "ERI"),
    ),
]


@pytest.mark.parametrize(("why", "text", "expected"), FOUND, ids=[c[0] for c in FOUND])
def test_the_threat_or_demand_is_found(nlp, why: str, text: str, expected: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED)), why


def test_the_subject_that_will_pay_is_threatened_not_threatening(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(
        extract_text(nlp, "Armenia warned that Azerbaijan would bear responsibility for the consequences.", PUBLISHED)
    )
    assert ("THREATEN", "ARM", "AZE") in found
    assert ("THREATEN", "AZE", "ARM") not in found


def test_an_ultimatum_without_terms_is_a_threat_only(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "Russia issued an ultimatum to Ukraine.", PUBLISHED))
    assert ("THREATEN", "RUS", "UKR") in found
    assert not any(d[0] == "REQUEST" for d in found)


@pytest.mark.parametrize(
    "text",
    [
        # a receiver of sanctions "in retaliation" does not threaten anyone
        "Twenty American defence firms will face sanctions in retaliation for the arms sale to Taiwan.",
        # a "could" in an analyst's sentence is not an announced answer
        "Such a move could be read as a response by India to the tariffs from Washington.",
        # the answer is denied
        "Japan will not retaliate against China for the ban, the minister said.",
    ],
)
def test_no_threat_when_no_one_announces_an_answer(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [d for d in dyads(extract_text(nlp, text, PUBLISHED)) if d[0] == "THREATEN"]


@pytest.mark.parametrize(
    ("sentence", "expected", "absent"),
    [
        ("Moscow warned NATO against sending combat troops to Ukraine.", ("THREATEN", "RUS", "NATO"), "MOBILIZE"),
        ("Tehran cautioned against an Israeli strike on its oil terminals.", ("THREATEN", "IRN", "ISR"), "ASSAULT"),
    ],
)
def test_what_is_warned_against_is_not_done(  # type: ignore[no-untyped-def]
    nlp, sentence: str, expected: tuple[str, str, str], absent: str
) -> None:
    found = dyads(extract_text(nlp, sentence, date(2024, 6, 14)))
    assert expected in found, (sentence, found)
    assert not [d for d in found if d[0] == absent], (sentence, found)


def test_warning_against_harm_to_a_people_threatens_no_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Jordan warned against any expulsion of Palestinians from the West Bank."
    assert not [d for d in dyads(extract_text(nlp, text, date(2024, 6, 14))) if d[0] == "THREATEN"]


@pytest.mark.parametrize(
    ("text", "threat", "not_done"),
    [
        ("Moscow warned Helsinki of countermeasures.", ("THREATEN", "RUS", "FIN"), ("SANCTION", "RUS", "FIN")),
        ("Russia warned of retaliation against Norway.", ("THREATEN", "RUS", "NOR"), None),
        ("Iran warned of a crushing response to any Israeli attack.", ("THREATEN", "IRN", "ISR"), None),
    ],
)
def test_what_is_warned_of_is_a_threat_at_whom_it_is_aimed_not_an_act(  # type: ignore[no-untyped-def]
    nlp, text: str, threat: tuple[str, str, str], not_done: tuple[str, str, str] | None
) -> None:
    found = dyads(extract_text(nlp, text, PUBLISHED))
    assert threat in found, found
    assert not_done not in found, found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The United States imposed new sanctions on Iran on Tuesday. Tehran vowed to respond.",
            ("THREATEN", "IRN", "USA"),
        ),
        ("Israel struck Iranian air defences on Friday. Iran warned of a harsh response.", ("THREATEN", "IRN", "ISR")),
        ("Israel struck Iranian air defences on Friday. Iran said it would retaliate.", ("THREATEN", "IRN", "ISR")),
    ],
)
def test_a_vow_to_answer_is_aimed_at_whoever_just_acted_against_the_speaker(  # type: ignore[no-untyped-def]
    nlp, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(extract_text(nlp, text, PUBLISHED)), text


def test_a_vow_to_answer_with_nothing_to_answer_has_no_target(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not extract_text(nlp, "Iran said it would retaliate. Iran vowed to respond.", PUBLISHED).events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ECOWAS threatened military intervention in Niger.", ("THREATEN", "ECOWAS", "NER")),
        ("ECOWAS threatened to intervene in Niger.", ("THREATEN", "ECOWAS", "NER")),
        ("Israel threatened to strike targets in Lebanon.", ("THREATEN", "ISR", "LBN")),
    ],
)
def test_a_threat_of_force_is_aimed_where_the_force_would_strike(  # type: ignore[no-untyped-def]
    nlp, text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in dyads(extract_text(nlp, text, PUBLISHED)), text


def test_a_threat_to_station_arms_in_an_ally_does_not_threaten_the_ally(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "Russia threatened to deploy nuclear weapons in Belarus.", PUBLISHED))
    assert ("THREATEN", "RUS", "BLR") not in found


def test_an_act_done_in_response_to_something_is_no_answer_promised(nlp) -> None:  # type: ignore[no-untyped-def]
    text = '"We will send more engineers in response to the floods," Japan\'s foreign minister told Manila.'
    assert not [d for d in dyads(extract_text(nlp, text, PUBLISHED)) if d[0] == "THREATEN"]


@pytest.mark.parametrize(
    "text",
    [
        "Speaking at a forum in Paris, Canada's prime minister said his government will take all necessary steps to "
        "protect its workers.",
        "Speaking at a conference in Nairobi, the Ugandan minister said Kampala would retaliate.",
    ],
)
def test_the_capital_where_a_threat_is_voiced_is_not_threatened(nlp, text: str) -> None:  # type: ignore[no-untyped-def]
    assert not [d for d in dyads(extract_text(nlp, text, PUBLISHED)) if d[0] == "THREATEN"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Iran's defence minister said American bases in the Gulf would be legitimate targets.",
         ("THREATEN", "IRN", "USA")),
        ("Moscow said British military sites could become targets if London sent troops to Ukraine.",
         ("THREATEN", "RUS", "GBR")),
    ],
)  # fmt: skip
def test_a_state_s_assets_said_to_become_targets_are_threatened(nlp, text, expected) -> None:  # type: ignore[no-untyped-def]
    assert expected in dyads(extract_text(nlp, text, PUBLISHED))


@pytest.mark.parametrize(
    "text",
    [
        "Iran's defence minister said American bases in the Gulf were not targets.",
        "Analysts said American bases were the targets of last year's attacks.",
    ],
)
def test_targets_denied_or_past_are_no_threat(nlp, text) -> None:  # type: ignore[no-untyped-def]
    assert not [d for d in dyads(extract_text(nlp, text, PUBLISHED)) if d[0] == "THREATEN"]
