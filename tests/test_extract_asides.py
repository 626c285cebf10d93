"""Asides in brackets: the parser reads the sentence without them, the evidence keeps them, and a name in brackets
still names an official. The sentences are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.extract import parse_view

from extraction import dyads, extract_text

PUBLISHED = date(2024, 6, 14)


@pytest.mark.parametrize(
    ("text", "blanked"),
    [
        ("the treaty body (CSTO) said", "(CSTO)"),
        ("Lee Teng-hui (李登輝), then", "(李登輝)"),
        ("Kenya (which chairs the bloc) urged", "(which chairs the bloc)"),
        (
            "Pakistan (Director General of Military Operations, or DGMO) called",
            "(Director General of Military Operations, or DGMO)",
        ),
    ],
)
def test_an_aside_is_blanked_for_the_parser_and_every_offset_stays(text: str, blanked: str) -> None:
    view = parse_view(text)
    assert len(view) == len(text)
    assert blanked not in view
    assert view.split() == text.replace(blanked, "").split()  # only the aside went


@pytest.mark.parametrize(
    "text", ["the foreign minister (Badr Abdelatty) met", "Dagalo (Hemedti) said", "Seoul (South Korea) and Tokyo"]
)
def test_a_name_in_brackets_is_kept(text: str) -> None:
    assert parse_view(text) == text


@pytest.mark.model
def test_an_aside_does_not_break_the_reading_and_the_evidence_keeps_it(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Pakistan (through its military operations chief) called India on Saturday afternoon."
    found = extract_text(nlp, text, PUBLISHED)
    assert ("CONSULT", "IND", "PAK") in dyads(found)
    assert all(e.evidence == text for e in found.events)
    assert found.text == text


@pytest.mark.model
def test_an_official_named_in_brackets_is_found(nlp) -> None:  # type: ignore[no-untyped-def]
    found = extract_text(
        nlp, "Egypt's foreign minister (Badr Abdelatty) met his Turkish counterpart in Ankara.", PUBLISHED
    )
    assert ("Badr Abdelatty", "EGY") in {(p.name, p.country) for p in found.people}


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Modi, Xi hold talks in Tianjin\n\nThe two leaders met on Sunday.", ("CONSULT", "CHN", "IND")),
        ("Peru, Chile agree to reopen border crossing", ("AGREE", "CHL", "PER")),
    ],
)
def test_a_headline_comma_between_two_names_joins_them(nlp, text: str, pair) -> None:  # type: ignore[no-untyped-def]
    result = extract_text(nlp, text, date(2025, 9, 1))
    assert pair in dyads(result)
    view = parse_view(text)
    assert len(view) == len(text) and view.index("&") == text.index(",") + 1  # every offset stays


@pytest.mark.parametrize(
    "text",
    [
        "In Lima, Peru hosted the talks.",
        "Talks in Lima, Peru, ended on Friday with a joint statement that both sides welcomed warmly.",
        "Modi, Xi and Putin met in Tianjin.",
    ],
)
def test_a_comma_elsewhere_stays(text: str) -> None:
    assert parse_view(text) == text
