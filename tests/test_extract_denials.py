"""Denials, refutations and rumours: the act a state denies is not an event, and an analyst must never find the
accused state among the "cooperation partners" because a report of it was denied. The denial itself is not an
event either, unless the denier also accuses or rejects someone in the same breath, which is coded as such.
The passages are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from extraction import dyads, extract_text

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 10, 25)


def found_in(nlp, text: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return dyads(extract_text(nlp, text, PUBLISHED))


DENIED = [
    (
        "denied sending",
        "North Korea denied sending troops to Russia on Thursday.",
        [("MOBILIZE", "PRK", "RUS")],
    ),
    (
        "denied that it had supplied",
        "Iran denied that it had supplied ballistic missiles to Russia.",
        [("AID", "IRN", "RUS")],
    ),
    (
        "rejected reports that",
        "China rejected reports that it had shipped drone parts to Russia.",
        [("AID", "CHN", "RUS")],
    ),
    (
        "dismissed claims",
        "Belarus dismissed claims that its soldiers had crossed into Ukraine.",
        [("MOBILIZE", "BLR", "UKR"), ("ASSAULT", "BLR", "UKR")],
    ),
    (
        "rumour called false",
        "Rumours that Egypt had sold rockets to Russia were false, the foreign ministry in Cairo said.",
        [("AID", "EGY", "RUS")],
    ),
    (
        "refuted the allegation",
        "Pyongyang refuted the allegation that North Korean troops were fighting for Russia in Ukraine.",
        [("MOBILIZE", "PRK", "RUS"), ("ASSAULT", "PRK", "UKR")],
    ),
    (
        "no truth",
        "There is no truth in reports that Serbia delivered ammunition to Ukraine, President Vucic said.",
        [("AID", "SRB", "UKR")],
    ),
    (
        "unconfirmed reports",
        "Unconfirmed reports suggested that Syria had sent fighters to Libya.",
        [("MOBILIZE", "SYR", "LBY")],
    ),
    (
        "said it had not",
        "India said it had not provided any weapons to Myanmar's military.",
        [("AID", "IND", "MMR")],
    ),
    (
        "called the report fabricated",
        "Moscow called the report that Russian jets had bombed Moldova a fabrication.",
        [("ASSAULT", "RUS", "MDA")],
    ),
]


@pytest.mark.parametrize(("case", "text", "absent"), DENIED, ids=[c[0] for c in DENIED])
def test_denied_acts_are_not_events(nlp, case: str, text: str, absent: list[tuple[str, str, str]]) -> None:  # type: ignore[no-untyped-def]
    found = found_in(nlp, text)
    assert not set(absent) & found, (text, found)


def test_the_denier_accusing_someone_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Iran denied supplying drones to Russia and accused Ukraine of spreading lies."
    found = found_in(nlp, text)
    assert ("AID", "IRN", "RUS") not in found
    assert ("ACCUSE", "IRN", "UKR") in found


def test_the_denier_rejecting_the_accuser_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "China rejected the accusation from the United States that it had armed Russia."
    found = found_in(nlp, text)
    assert ("AID", "CHN", "RUS") not in found
    assert ("REJECT", "CHN", "USA") in found


def test_a_confirmed_act_beside_a_denied_one_is_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Iran denied sending missiles to Russia. Iran sent a delegation to Moscow on Monday for talks."
    found = found_in(nlp, text)
    assert ("AID", "IRN", "RUS") not in found
    assert ("CONSULT", "IRN", "RUS") in found


def test_a_visit_described_in_a_relative_clause_is_not_what_is_denied(nlp) -> None:  # type: ignore[no-untyped-def]
    # Zelensky denies the claims, not his visit: the relative clause only says where he was.
    text = (
        "Zelensky, who was on an unannounced visit to Helsinki for talks with the leaders of Finland and Sweden, "
        "dismissed the claims."
    )
    found = dyads(extract_text(nlp, text, date(2024, 6, 14)))
    assert {("CONSULT", "FIN", "SWE"), ("CONSULT", "FIN", "UKR"), ("CONSULT", "SWE", "UKR")} <= found
    assert not any(d[0] == "REJECT" and "FIN" in d for d in found)  # Helsinki is in the subject, not what he dismissed


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("North Korea denied sending troops to Russia on Thursday.", ("REJECT", "PRK", "RUS")),
        ("Beijing denied sending warships near Taiwan.", ("REJECT", "CHN", "TWN")),
        ("Belarus dismissed claims that its soldiers had crossed into Ukraine.", ("REJECT", "BLR", "UKR")),
    ],
)
def test_a_denial_is_not_a_rejection_of_the_states_in_what_is_denied(  # type: ignore[no-untyped-def]
    nlp, text: str, absent: tuple[str, str, str]
) -> None:
    assert absent not in found_in(nlp, text), text


def test_rejecting_an_accusation_just_reported_is_aimed_at_the_accuser(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "South Africa accused Israel of genocide on Friday. Israel rejected the accusations as baseless."
    assert ("REJECT", "ISR", "ZAF") in found_in(nlp, text)


def test_rejecting_a_proposal_is_aimed_at_its_author(nlp) -> None:  # type: ignore[no-untyped-def]
    assert ("REJECT", "UKR", "RUS") in found_in(nlp, "Ukraine rejected Russia's proposal for a ceasefire.")


def test_an_accusation_whose_charges_are_denied_was_still_made(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sudan's army-led government accused the United Arab Emirates of sending drones to the Rapid Support "
        "Forces, charges Abu Dhabi has repeatedly denied."
    )
    found = found_in(nlp, text)
    assert ("ACCUSE", "SDN", "ARE") in found
    assert not {d for d in found if d[0] == "AID"}


def test_an_act_reported_first_and_denied_after_a_comma_stays_denied(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not found_in(nlp, "Russia sent troops to Belarus last week, the Kremlin denied.")


def test_a_claim_made_without_evidence_is_a_rumour(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Greek tabloids claimed, without citing evidence, that Ankara had secretly backed Tripoli's stance."
    assert not found_in(nlp, text)


NOT_DONE = [
    (
        "a question left open",
        "Asked whether Tokyo blamed Seoul for the breakdown, a Japanese spokesman declined to comment.",
        ("ACCUSE", "JPN", "KOR"),
    ),
    (
        "too early to say whether",
        'Foreign Secretary David Lammy said it was "too early" to say whether Russia was behind the arson attack on a '
        "warehouse in London.",
        ("ACCUSE", "GBR", "RUS"),
    ),
    (
        "a meeting that could help",
        "Diplomats said a meeting between Erdogan and Assad could help end the feud.",
        ("CONSULT", "SYR", "TUR"),
    ),
    ("holding off", "Brussels said it was holding off on new tariffs against Beijing.", ("SANCTION", "EU", "CHN")),
    (
        "a deal close",
        "Negotiators said an agreement between Armenia and Azerbaijan was close.",
        ("AGREE", "ARM", "AZE"),
    ),
    (
        "a risk warned of",
        "The UN secretary-general warned that the escalation between India and Pakistan risked igniting a regional "
        "conflagration.",
        ("THREATEN", "UN", "IND"),
    ),
    (
        "reports being checked",
        "Manila said it was checking reports that Chinese ships had rammed a Philippine supply boat.",
        ("COERCE", "CHN", "PHL"),
    ),
    (
        "possible protests",
        "Lithuanian police braced for possible protests outside the Russian embassy in Vilnius.",
        ("ACCUSE", "LTU", "RUS"),
    ),
]


@pytest.mark.parametrize(("case", "text", "absent"), NOT_DONE, ids=[c[0] for c in NOT_DONE])
def test_acts_asked_about_possible_held_off_or_unchecked_are_not_events(nlp, case: str, text: str, absent) -> None:  # type: ignore[no-untyped-def]
    assert absent not in found_in(nlp, text)
