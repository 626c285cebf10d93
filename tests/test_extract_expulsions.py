"""Telling another state's diplomats to go is expelling them: SANCTION on their state, however it is phrased.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from extraction import dyads, extract_text

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 6, 14)


@pytest.mark.parametrize(
    ("sentence", "dyad"),
    [
        ("Malaysia ordered North Korean embassy staff to leave the country on Friday.", ("SANCTION", "MYS", "PRK")),
        ("Peru asked the Mexican ambassador to leave within three days.", ("SANCTION", "PER", "MEX")),
        (
            "The Chadian government gave the German ambassador 48 hours to leave the country.",
            ("SANCTION", "TCD", "DEU"),
        ),
    ],
)
def test_telling_diplomats_to_leave_is_an_expulsion(nlp, sentence: str, dyad) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, sentence, PUBLISHED))
    assert dyad in found
    assert not any(d[0] == "REQUEST" for d in found)  # the order is the sanction, not a request


def test_asking_a_diplomat_for_something_else_is_a_request(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "Peru asked the Mexican ambassador to explain the remarks.", PUBLISHED))
    assert ("REQUEST", "PER", "MEX") in found
    assert not any(d[0] == "SANCTION" for d in found)


def test_an_expulsion_not_ordered_is_no_event(nlp) -> None:  # type: ignore[no-untyped-def]
    assert not dyads(extract_text(nlp, "Peru did not ask the Mexican ambassador to leave.", PUBLISHED))


def test_summoning_ones_own_ambassador_home_is_a_recall(nlp) -> None:  # type: ignore[no-untyped-def]
    found = dyads(extract_text(nlp, "Rabat summoned its ambassador to Madrid after the Spanish decision.", PUBLISHED))
    assert ("SANCTION", "MAR", "ESP") in found
    assert not [d for d in found if d[0] == "ACCUSE"]
    # another state's envoy summoned is still a reprimand
    assert ("ACCUSE", "ESP", "MAR") in dyads(
        extract_text(nlp, "Madrid summoned Morocco's ambassador on Friday.", PUBLISHED)
    )
