"""Tag and index pages list many stories, each a headline and a teaser. Each teaser is its own paragraph and its own
evidence: a headline is never glued to the next story's sentence, and such pages are still extracted. The pages
are written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from extraction import dyads, extract_text

pytestmark = pytest.mark.model

PUBLISHED = date(2024, 6, 14)
STORIES = [
    (
        "Japan and Australia agree on defence pact",
        "Japan and Australia signed a reciprocal access agreement in Tokyo on Monday, officials said.",
        ("AGREE", "AUS", "JPN"),
    ),
    (
        "Kenya recalls envoy from Somalia",
        "Kenya recalled its ambassador from Somalia on Sunday after a row over maritime borders.",
        ("SANCTION", "KEN", "SOM"),
    ),
    (
        "Brazil hosts Argentine president",
        "Brazilian President Lula met Argentina's President Milei in Brasilia on Friday.",
        ("CONSULT", "ARG", "BRA"),
    ),
    (
        "Egypt urges calm in Sudan",
        "Egypt urged Sudan's warring parties to return to talks, the foreign ministry said.",
        ("REQUEST", "EGY", "SDN"),
    ),
]


def html_list() -> str:
    items = "".join(
        f'<li><a href="/s{i}"><b>{head}</b></a> {teaser} <time>{i + 2} hours ago</time></li>'
        for i, (head, teaser, _) in enumerate(STORIES)
    )
    return f"<html><head><title>Tag: Diplomacy</title></head><body><h1>Diplomacy</h1><ul>{items}</ul></body></html>"


def html_cards() -> str:
    cards = "".join(
        f'<article><h2><a href="/s{i}">{head}</a></h2><p>{teaser}</p><span>{i + 1} days ago</span></article>'
        for i, (head, teaser, _) in enumerate(STORIES)
    )
    nav = "<nav><a href='/'>Home</a></nav><h1>Tag: Diplomacy</h1>"
    return f"<html><body>{nav}{cards}<footer>(c) 2024</footer></body></html>"


def text_lines() -> str:
    lines = ["Diplomacy", ""]
    for i, (head, teaser, _) in enumerate(STORIES):
        lines += [head, teaser, f"{i + 3} hours ago"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("page", [html_list, html_cards, text_lines], ids=["html-list", "html-cards", "text"])
def test_each_teaser_is_its_own_evidence(nlp, page) -> None:  # type: ignore[no-untyped-def]
    result = extract_text(nlp, page(), PUBLISHED)
    found = dyads(result)
    for _, _, expected in STORIES:
        assert expected in found, (expected, found)
    headlines = [head for head, _, _ in STORIES]
    for event in result.events:
        evidence = [event.evidence] + [m.evidence for m in event.more_evidence]
        for sentence in evidence:
            # A headline may be evidence on its own line, never run into a teaser.
            glued = [h for h in headlines if h in sentence and sentence.strip() != h]
            assert not glued, sentence
    paragraphs = [p for p in result.text.split("\n\n") if p.strip()]
    for _, teaser, _ in STORIES:
        assert any(
            p.strip().endswith(teaser) and not any(p.strip().startswith(h) for h in headlines) for p in paragraphs
        )


def test_the_pages_possessive_belongs_to_its_own_story(nlp) -> None:  # type: ignore[no-untyped-def]
    # "Kenya recalled its ambassador": "its" is Kenya, not the state of the story before it (Japan).
    result = extract_text(nlp, html_cards(), PUBLISHED)
    assert not any("JPN" in e.target for e in result.events if e.type == "SANCTION")
